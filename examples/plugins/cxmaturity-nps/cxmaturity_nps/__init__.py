"""cxmaturity-nps: the Net Promoter Score dimension for cxmaturity.

It scores how the company's NPS moved over the last year and whether NPS is measured at each
step of the customer journey. Everything it uses comes from `cxmaturity`'s public API.
"""

from cxmaturity import QuestionScorer, Step, hookimpl

__version__ = "0.1.0"
CXMATURITY_API = "1"  # the plugin API this plugin is written against

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


class NpsScorer(QuestionScorer):
    """Scores the `nps` dimension from the NPS trend and how closely NPS is tracked."""

    name = "nps"
    dimension = "nps"
    dimension_label = {"en": "Net Promoter Score", "fr": "Net Promoter Score (NPS)"}
    # "apart": shown beside the stage model; "weighted": counts once --weights gives it a weight
    in_overall = "apart"
    version = __version__
    questions = tuple(POINTS)

    def step(self, ctx, question_id, value):
        if value is None:
            return None  # skipped, not applicable or don't know: left out, never zero
        question = ctx.questionnaire.question(question_id)
        points = POINTS[question_id]
        return Step(question=question_id, answer=value, label=question.text,
                    points=points[value], max_points=max(points.values()))

    def describe(self, ctx, steps):
        return {
            "en": "Net Promoter Score: how it moved last year, and whether it is measured at each step.",
            "fr": "Net Promoter Score : son évolution sur un an, et sa mesure à chaque étape du parcours.",
        }


@hookimpl
def register_scorers(register):
    """Add the nps scorer."""
    register(NpsScorer())
