"""A plugin questionnaire that extends cx-ai-2018 with a customer-care section, and its scorer."""

from pathlib import Path

from cxmaturity import QuestionScorer, Step, hookimpl

HERE = Path(__file__).parent


class Care(QuestionScorer):
    name = "acme-care"
    dimension = "care"
    dimension_label = {"en": "Customer care", "fr": "Service client"}
    in_overall = "apart"
    questions = ("care.effort", "care.callback")

    def step(self, ctx, question_id, value):
        if value is None:
            return None
        options = ctx.questionnaire.question(question_id).option_ids
        return Step(question=question_id, answer=value, label=ctx.questionnaire.question(question_id).text,
                    points=options.index(value), max_points=len(options) - 1)

    def describe(self, ctx, steps):
        return {"en": "Customer care: the rank of each answer.", "fr": "Service client : le rang de chaque réponse."}


@hookimpl
def register_questionnaires(register):
    register(HERE / "acme-care.yaml")


@hookimpl
def register_scorers(register):
    register(Care())
