"""Built-in scorer: how far the company has invested in AI (the survey's Figure 2).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import QuestionScorer, Step, hookimpl

# Why: the report's CX leaders are mostly heavily invested in both areas; acquiring tools is
# the halfway point between basic automation and that.
POINTS = {"basic": 0, "acquiring": 1, "heavily": 2}
MAX_POINTS = 2

QUESTIONS = {
    "invest.front_office": {"en": "AI in front-office processes",
                            "fr": "IA dans les processus front-office"},
    "invest.analytics": {"en": "AI in data analytics", "fr": "IA dans l'analyse de données"},
}


# Said instead of a score when fewer than half of the asked questions were answered.
TOO_FEW = {
    "en": "Too few investment questions answered to score ({answered} of {asked}).",
    "fr": "Trop peu de réponses sur l'investissement pour noter ({answered} sur {asked}).",
}

_lower = QuestionScorer.lower_first


class InvestmentScorer(QuestionScorer):
    """Scores AI investment in the front office and in analytics, 0-100."""

    name = "investment"
    dimension = "investment"
    version = "1"
    too_few = TOO_FEW
    questions = tuple(QUESTIONS)

    def step(self, ctx, qid, value):
        if value in POINTS:
            return Step(question=qid, answer=value, label=QUESTIONS[qid],
                        points=POINTS[value], max_points=MAX_POINTS)
        return None

    def describe(self, ctx, steps):
        en, fr = [], []
        for step in steps:
            option = ctx.option_label(step.question, step.answer)
            en.append(f"{step.label['en']}: {_lower(option['en'])}")
            fr.append(f"{step.label['fr']} : {_lower(option['fr'])}")
        en, fr = "; ".join(en) + ".", " ; ".join(fr) + "."
        return {"en": en[:1].upper() + en[1:], "fr": fr[:1].upper() + fr[1:]}


@hookimpl
def register_scorers(register):
    register(InvestmentScorer())
