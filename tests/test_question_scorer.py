"""The QuestionScorer base class: what a plugin author gets by supplying only `step` and
`describe` (coverage, the half-answered rule, the too-few message, the finding)."""

from __future__ import annotations

import cxmaturity
from cxmaturity import Assessment, Questionnaire, QuestionScorer, ScoringContext, Step

LEVELS = ["low", "mid", "high"]
POINTS = {"low": 0, "mid": 1, "high": 2}


def _question(qid, **extra):
    opts = [{"id": o, "label": {"en": o.title(), "fr": o.upper()}} for o in LEVELS]
    return {"id": qid, "type": "single", "text": {"en": qid, "fr": qid}, "options": opts, **extra}


QUESTIONNAIRE = Questionnaire.model_validate(
    {
        "id": "qs-test",
        "version": 1,
        "title": {"en": "Test", "fr": "Test"},
        "sections": [
            {
                "id": "s",
                "title": {"en": "S", "fr": "S"},
                "questions": [
                    _question("x.a"),
                    _question("x.b"),
                    _question("x.c"),
                    # Asked only when x.a is high: otherwise it is not counted as asked.
                    _question("x.d", when={"q": "x.a", "in": ["high"]}),
                ],
            }
        ],
    }
)


class LevelScorer(QuestionScorer):
    name = "levels"
    dimension = "levels"
    questions = ("x.a", "x.b", "x.c", "x.d", "x.not_in_questionnaire")

    def step(self, ctx, question_id, value):
        if value not in POINTS:
            return None
        return Step(question=question_id, answer=value, points=POINTS[value], max_points=2)

    def describe(self, ctx, steps):
        return {"en": f"{len(steps)} levels", "fr": f"{len(steps)} niveaux"}


def _score(answers, scorer=None):
    assessment = Assessment.model_validate(
        {"questionnaire": {"id": "qs-test", "version": 1}, "company": {"id": "acme", "name": "Acme"},
         "answers": answers}
    )
    ctx = ScoringContext(assessment=assessment, questionnaire=QUESTIONNAIRE)
    [finding] = (scorer or LevelScorer()).score(ctx)
    return finding


def test_exported_from_the_package_root():
    assert cxmaturity.QuestionScorer is QuestionScorer
    assert "QuestionScorer" in cxmaturity.__all__
    assert issubclass(QuestionScorer, cxmaturity.Scorer)


def test_one_step_per_answered_question_in_the_order_of_questions():
    f = _score({"x.c": "high", "x.a": "mid", "x.b": "low"})
    assert [(s.question, s.points) for s in f.steps] == [("x.a", 1), ("x.b", 0), ("x.c", 2)]
    assert f.score == 50.0  # 3 of 6 points
    assert (f.coverage.answered, f.coverage.asked) == (3, 3)  # x.d's condition fails
    assert f.text == {"en": "3 levels", "fr": "3 niveaux"}
    assert f.scorer == "levels" and f.dimension == "levels"


def test_a_conditional_question_counts_as_asked_once_its_condition_holds():
    f = _score({"x.a": "high", "x.b": "high", "x.c": "high"})
    assert (f.coverage.answered, f.coverage.asked) == (3, 4)
    assert f.score == 100.0


def test_unanswered_questions_are_left_out_never_zero():
    f = _score({"x.a": "mid", "x.b": {"state": "skipped"}, "x.c": "high"})
    assert f.score == 75.0  # 3 of 4 points: the skipped x.b is not a zero
    assert (f.coverage.answered, f.coverage.asked) == (2, 3)
    assert [s.question for s in f.steps] == ["x.a", "x.c"]


def test_too_few_answers_give_no_score_and_say_why_in_both_languages():
    # Half of 3 asked, rounded up, is 2: one answer is too few.
    f = _score({"x.a": "mid"})
    assert f.score is None
    assert f.text == {"en": "Too few questions answered to score (1 of 3).",
                      "fr": "Trop peu de réponses pour noter (1 sur 3)."}


def test_a_scorer_can_word_its_own_too_few_message_and_threshold():
    class Strict(LevelScorer):
        too_few = {"en": "Only {answered}/{asked} levels.", "fr": "Seulement {answered}/{asked}."}

        def min_answered(self, asked):
            return asked

    f = _score({"x.a": "mid", "x.b": "mid"}, Strict())
    assert f.score is None
    assert f.text == {"en": "Only 2/3 levels.", "fr": "Seulement 2/3."}
    assert _score({"x.a": "mid", "x.b": "mid", "x.c": "low"}, Strict()).score == 33.3


def test_lower_first_puts_a_label_mid_sentence():
    assert QuestionScorer.lower_first("Over 75%") == "over 75%"
    assert QuestionScorer.lower_first("") == ""
