"""cxmaturity-nps: a Net Promoter Score dimension for cxmaturity.

It scores how the company's NPS moved over the last year and whether NPS is measured at each
step of the customer journey. Everything it uses comes from `cxmaturity`'s public API.
"""

from cxmaturity import Finding, Scorer, ScoringContext, Step, hookimpl

__version__ = "0.1.0"

# Points per option, from least to most mature: a full score needs NPS up more than
# 10 points and measured at every step of the journey.
POINTS = {
    "kpi.nps.change": {
        "down_over_10": 0,
        "down_5_10": 1,
        "down_under_5": 2,
        "flat": 3,
        "up_under_5": 4,
        "up_5_10": 5,
        "up_over_10": 6,
    },
    "practices.nps_each_step": {"not_yet": 0, "planned": 1, "in_place": 2},
}

TEXT = {
    "en": "Net Promoter Score: how it moved last year, and whether it is measured at each step.",
    "fr": "Net Promoter Score : son évolution sur un an, et sa mesure à chaque étape du parcours.",
}


class NpsScorer(Scorer):
    """Scores the `nps` dimension from the NPS trend and how closely NPS is tracked."""

    name = "nps"
    dimension = "nps"
    version = __version__
    questions = tuple(POINTS)

    def score(self, ctx: ScoringContext) -> list[Finding]:
        steps = []
        asked = 0
        for question_id, points in POINTS.items():
            question = ctx.questionnaire.question(question_id)
            if question is None:
                continue  # a shorter questionnaire may not ask it
            asked += 1
            value = ctx.answers.get(question_id)
            if value is None:
                continue  # skipped, not applicable or don't know: left out, never zero
            steps.append(
                Step(
                    question=question_id,
                    answer=value,
                    label=question.text,
                    points=points[value],
                    max_points=max(points.values()),
                )
            )
        finding = Finding.from_steps(
            scorer=self.name, dimension=self.dimension, steps=steps, asked=asked, text=TEXT
        )
        return [finding]


@hookimpl
def register_scorers(register):
    """Add the NPS scorer."""
    register(NpsScorer())
