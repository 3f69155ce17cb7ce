"""Built-in scorer: how far the company has invested in AI (the survey's Figure 2).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: the report's CX leaders are mostly heavily invested in both areas; acquiring tools is
# the halfway point between basic automation and that.
POINTS = {"basic": 0, "acquiring": 1, "heavily": 2}

QUESTIONS = {
    "invest.front_office": {"en": "AI in front-office processes",
                            "fr": "IA dans les processus front-office"},
    "invest.analytics": {"en": "AI in data analytics", "fr": "IA dans l'analyse de données"},
}


class InvestmentScorer(PointsScorer):
    """Scores AI investment in the front office and in analytics, 0-100."""

    name = dimension = "investment"
    version = "1"
    subject = {"en": "investment", "fr": "l'investissement"}
    points = {qid: Points(label, POINTS) for qid, label in QUESTIONS.items()}


@hookimpl
def register_scorers(register):
    register(InvestmentScorer())
