"""Built-in scorer: how much of the customer's journey AI handles (Figures 7 and 9).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: one point per band climbed; the report's average company fully automates 25-50% of
# requests (two points) and one in ten automates most contacts (three or more).
BAND = {"under_10": 0, "10_25": 1, "25_50": 2, "50_75": 3, "over_75": 4}

# Why: the share of requests fully automated (Figure 9) is the direct measure and counts
# double; the four journey stages (Figure 7) are four views of AI's reach and count once each.
WEIGHTS = {
    "automation.fully_automated": 2,
    "journey.discovery.ai_share": 1,
    "journey.consideration.ai_share": 1,
    "journey.purchase.ai_share": 1,
    "journey.service.ai_share": 1,
}

LABELS = {
    "automation.fully_automated": {"en": "requests fully automated",
                                   "fr": "demandes entièrement automatisées"},
    "journey.discovery.ai_share": {"en": "discovery", "fr": "découverte"},
    "journey.consideration.ai_share": {"en": "consideration", "fr": "réflexion"},
    "journey.purchase.ai_share": {"en": "purchase", "fr": "achat"},
    "journey.service.ai_share": {"en": "after-sales service", "fr": "service après-vente"},
}


_lower = PointsScorer.lower_first


class AutomationScorer(PointsScorer):
    """Scores the share of requests fully automated and AI's share of each journey stage."""

    name = dimension = "automation"
    version = "1"
    subject = {"en": "automation", "fr": "l'automatisation"}
    points = {qid: Points(LABELS[qid], BAND, weight=weight) for qid, weight in WEIGHTS.items()}

    def describe(self, ctx, steps):
        en, fr = [], []
        full = next((s for s in steps if s.question == "automation.fully_automated"), None)
        if full is not None:
            option = ctx.option_label(full.question, full.answer)
            en.append(f"{option['en']} of requests fully automated")
            fr.append(f"{_lower(option['fr'])} des demandes entièrement automatisées")
        stages = [s for s in steps if s.question.startswith("journey.")]
        if stages:
            top = max(stages, key=lambda s: s.points)
            low = min(stages, key=lambda s: s.points)
            top_opt = ctx.option_label(top.question, top.answer)
            low_opt = ctx.option_label(low.question, low.answer)
            if top.points == low.points:
                en.append(f"AI handles {_lower(top_opt['en'])} of every journey stage answered")
                fr.append(f"l'IA traite {_lower(top_opt['fr'])} "
                          "de chaque étape du parcours renseignée")
            else:
                en.append(f"AI's share is highest in {top.label['en']} ({_lower(top_opt['en'])}) "
                          f"and lowest in {low.label['en']} ({_lower(low_opt['en'])})")
                fr.append(f"la part de l'IA est la plus forte en {top.label['fr']} "
                          f"({_lower(top_opt['fr'])}) et la plus faible en {low.label['fr']} "
                          f"({_lower(low_opt['fr'])})")
        en, fr = "; ".join(en) + ".", " ; ".join(fr) + "."
        return {"en": en[:1].upper() + en[1:], "fr": fr[:1].upper() + fr[1:]}


@hookimpl
def register_scorers(register):
    register(AutomationScorer())
