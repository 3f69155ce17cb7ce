"""Built-in scorer: what the company expects AI to do for its customer strategy (Figure 3).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import QuestionScorer, Step, hookimpl

# Why: nearly every respondent agrees with both aims (94% and 82%), so plain agreement is only
# halfway; strong agreement is what sets a company apart, and disagreeing scores nothing.
AGREEMENT = {"strongly_disagree": 0, "disagree": 0, "neutral": 1, "agree": 2, "strongly_agree": 4}

# Why: the report's leaders pair efficiency with customer proximity, and proximity is what
# separates them from the rest, so it weighs twice as much as efficiency.
WEIGHTS = {"strategy.efficiency": 1, "strategy.proximity": 2}

QUESTIONS = {
    "strategy.efficiency": {"en": "efficiency as an aim of AI",
                            "fr": "l'efficacité comme objectif de l'IA"},
    "strategy.proximity": {"en": "customer proximity as an aim of AI",
                           "fr": "la proximité client comme objectif de l'IA"},
}

MAX_AGREEMENT = max(AGREEMENT.values())


# Said instead of a score when fewer than half of the asked questions were answered.
TOO_FEW = {
    "en": "Too few strategy questions answered to score ({answered} of {asked}).",
    "fr": "Trop peu de réponses sur la stratégie pour noter ({answered} sur {asked}).",
}

_lower = QuestionScorer.lower_first


class StrategyScorer(QuestionScorer):
    """Scores the strategic aims given to AI, customer proximity weighing double, 0-100."""

    name = "strategy"
    dimension = "strategy"
    version = "1"
    too_few = TOO_FEW
    questions = tuple(QUESTIONS)

    def step(self, ctx, qid, value):
        if value in AGREEMENT:
            weight = WEIGHTS[qid]
            return Step(question=qid, answer=value, label=QUESTIONS[qid],
                        points=AGREEMENT[value] * weight, max_points=MAX_AGREEMENT * weight)
        return None

    def describe(self, ctx, steps):
        en, fr = [], []
        for step in steps:
            option = ctx.option_label(step.question, step.answer)
            double = WEIGHTS[step.question] > 1
            en.append(f"{step.label['en']}" + (" (counts double)" if double else "")
                      + f": {_lower(option['en'])}")
            fr.append(f"{step.label['fr']}" + (" (compte double)" if double else "")
                      + f" : {_lower(option['fr'])}")
        en, fr = "; ".join(en) + ".", " ; ".join(fr) + "."
        return {"en": en[:1].upper() + en[1:], "fr": fr[:1].upper() + fr[1:]}


@hookimpl
def register_scorers(register):
    register(StrategyScorer())
