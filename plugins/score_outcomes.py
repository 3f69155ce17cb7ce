"""Built-in scorer: the results AI has brought (Figures 6 and 8).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Gate, Points, PointsScorer, hookimpl

# Why: one point per band of change, a fall scoring below no change; the report counts a rise
# of 5% or more as the mark of progress (revenue, lifetime value, NPS).
RISE = {"down_over_10": 0, "down_5_10": 1, "down_under_5": 2, "flat": 3,
        "up_under_5": 4, "up_5_10": 5, "up_over_10": 6}
# Why: operating costs are better lower (they rose for most respondents), so the scale turns over.
FALL = {option: max(RISE.values()) - points for option, points in RISE.items()}

# Why: an area AI visibly improved weighs as much as a KPI moved by over 10%; some improvement,
# which most respondents report, is halfway.
IMPACT = {"none": 0, "some": 3, "significant": 6}

POINTS = {
    "kpi.revenue.change": Points({"en": "revenue", "fr": "chiffre d'affaires"}, RISE),
    "kpi.clv.change": Points({"en": "customer lifetime value", "fr": "valeur vie client"}, RISE),
    "kpi.brand_awareness.change": Points({"en": "brand awareness", "fr": "notoriété de la marque"}, RISE),
    "kpi.nps.change": Points({"en": "NPS", "fr": "NPS"}, RISE),
    "kpi.opcost.change": Points({"en": "contact operating costs (better when lower)",
                                 "fr": "coûts de la relation client (mieux quand ils baissent)"}, FALL),
    "impact.complaint_resolution": Points({"en": "complaint resolution time",
                                           "fr": "délai de résolution des réclamations"}, IMPACT),
    "impact.call_volume": Points({"en": "call volume handled", "fr": "volume d'appels traités"}, IMPACT),
    "impact.satisfaction": Points({"en": "customer satisfaction", "fr": "satisfaction client"}, IMPACT),
}

# Why: results count as AI's only where AI is in use. A company with no AI tool in service
# (every tool of Figure 4 answered "not in use", or none answered) earns no outcome points, so
# flat or rising KPIs alone never lift its stage.
AI_TOOLS = ("tools.self_service.tenure", "tools.chatbots.tenure", "tools.sentiment.tenure",
            "tools.agent_assist.tenure", "tools.ivr.tenure", "tools.virtual_assistant.tenure",
            "tools.recommendation.tenure")
IN_SERVICE = ("under_2y", "over_2y")

NO_AI = {
    "en": "No AI tool in service, so these results earn no points.",
    "fr": "Aucun outil d'IA en service : ces résultats ne rapportent aucun point.",
}
NO_AI_STEP = {"en": " (no AI in use: no points)", "fr": " (pas d'IA en service : aucun point)"}

NO_AI_IN_USE = Gate({"any": [{"q": qid, "in": list(IN_SERVICE)} for qid in AI_TOOLS]}, text=NO_AI, note=NO_AI_STEP)

_lower = PointsScorer.lower_first


class OutcomesScorer(PointsScorer):
    """Scores the change in KPIs and the areas AI improved, costs counting better lower."""

    name = dimension = "outcomes"
    version = "1"
    subject = {"en": "outcome", "fr": "les résultats"}
    points = POINTS
    gate = NO_AI_IN_USE
    also_reads = AI_TOOLS

    def describe(self, ctx, steps):
        # The first of equals wins, so the sentence follows the questionnaire's order.
        best = max(steps, key=lambda s: s.points / s.max_points)
        worst = min(steps, key=lambda s: s.points / s.max_points)
        b = ctx.option_label(best.question, best.answer)
        w = ctx.option_label(worst.question, worst.answer)
        if best.points / best.max_points == worst.points / worst.max_points:
            return {"en": "Every outcome answered sits at the same level, e.g. "
                          f"{best.label['en']}: {_lower(b['en'])}.",
                    "fr": f"Tous les résultats renseignés sont au même niveau, par exemple "
                          f"{best.label['fr']} : {_lower(b['fr'])}."}
        return {
            "en": f"Strongest result: {best.label['en']}, {_lower(b['en'])}; weakest: "
                  f"{worst.label['en']}, {_lower(w['en'])}.",
            "fr": f"Meilleur résultat : {best.label['fr']}, {_lower(b['fr'])} ; le plus faible : "
                  f"{worst.label['fr']}, {_lower(w['fr'])}.",
        }


@hookimpl
def register_scorers(register):
    register(OutcomesScorer())
