"""A plugin questionnaire that stands alone (none of the survey's questions), with its scorer
and its own cohort file."""

from pathlib import Path

from cxmaturity import QuestionScorer, Step, hookimpl

HERE = Path(__file__).parent


class Effort(QuestionScorer):
    name = "acme-effort"
    dimension = "effort"
    dimension_label = {"en": "Customer effort", "fr": "Effort client"}
    in_overall = "apart"
    questions = ("effort.measured", "effort.acted")

    def step(self, ctx, question_id, value):
        if value is None:
            return None
        options = ctx.questionnaire.question(question_id).option_ids
        return Step(question=question_id, answer=value, label=ctx.questionnaire.question(question_id).text,
                    points=options.index(value), max_points=len(options) - 1)

    def describe(self, ctx, steps):
        return {"en": "Customer effort: the rank of each answer.", "fr": "Effort client : le rang de chaque réponse."}


@hookimpl
def register_questionnaires(register):
    register(HERE / "acme-alone.yaml")


@hookimpl
def register_cohorts(register):
    register(HERE / "acme-clients.yaml")


@hookimpl
def register_scorers(register):
    register(Effort())
