"""PointsScorer, Points and Gate: a scorer declared as data, as a plugin author writes one, and
the gate that makes points depend on other answers while the scorer still batches exactly."""

from __future__ import annotations

import itertools

import pytest
from pydantic import ValidationError

import cxmaturity
from cxmaturity import Assessment, Gate, Points, PointsScorer, Questionnaire, ScoringContext

LEVELS = {"low": 0, "mid": 1, "high": 2}
FRENCH = {"low": "Bas", "mid": "Moyen", "high": "Haut"}
PRACTICES = {"a": {"en": "practice A", "fr": "pratique A"}, "b": {"en": "practice B", "fr": "pratique B"}}


def _single(qid):
    options = [{"id": o, "label": {"en": o.title(), "fr": FRENCH[o]}} for o in LEVELS]
    return {"id": qid, "type": "single", "text": {"en": qid, "fr": qid}, "options": options}


QUESTIONNAIRE = Questionnaire.model_validate({
    "id": "points-test", "version": 1, "title": {"en": "Test", "fr": "Test"},
    "sections": [{"id": "s", "title": {"en": "S", "fr": "S"}, "questions": [
        _single("x.level"),
        _single("x.double"),
        {"id": "x.practices", "type": "multi", "text": {"en": "x", "fr": "x"}, "exclusive": "none",
         "options": [{"id": o, "label": {"en": o, "fr": o}} for o in ("none", "a", "b")]},
        _single("x.tool"),
    ]}],
})


class Demo(PointsScorer):
    name = dimension = "demo"
    version = "1"
    subject = {"en": "demo", "fr": "la démo"}
    points = {
        "x.level": Points({"en": "level", "fr": "niveau"}, LEVELS),
        "x.double": Points({"en": "double", "fr": "double"}, LEVELS, weight=2,
                           say={"en": "{label} (twice): {option}", "fr": "{label} (deux fois) : {option}"}),
        "x.practices": Points({"en": "practices", "fr": "pratiques"}, each=PRACTICES),
    }


class Gated(Demo):
    name = dimension = "gated"
    gate = Gate({"q": "x.tool", "in": ["mid", "high"]}, text={"en": "No tool.", "fr": "Pas d'outil."},
                note={"en": " (no tool)", "fr": " (pas d'outil)"})
    also_reads = ("x.tool",)


def _ctx(answers):
    assessment = Assessment.model_validate({"questionnaire": {"id": "points-test", "version": 1},
                                            "company": {"id": "acme", "name": "Acme"}, "answers": answers})
    return ScoringContext(assessment=assessment, questionnaire=QUESTIONNAIRE)


def _score(answers, scorer=None):
    [finding] = (scorer or Demo()).score(_ctx(answers))
    return finding


def test_exported_from_the_package_root_and_its_questions_follow_its_points():
    assert {"PointsScorer", "Points", "Gate"} <= set(cxmaturity.__all__)
    assert issubclass(PointsScorer, cxmaturity.QuestionScorer)
    assert Demo.questions == ("x.level", "x.double", "x.practices")


def test_points_per_option_weights_and_one_point_per_practice_chosen():
    f = _score({"x.level": "mid", "x.double": "high", "x.practices": ["a", "b"]})
    assert [(s.question, s.points, s.max_points) for s in f.steps] == [
        ("x.level", 1, 2), ("x.double", 4, 4), ("x.practices", 2, 2)]
    assert f.score == round(100 * 7 / 8, 1)
    none = _score({"x.level": "low", "x.double": "low", "x.practices": ["none"]})
    assert none.score == 0.0 and none.coverage.answered == 3  # "none of these" is an answer worth 0


def test_the_text_names_each_answer_in_its_own_words():
    f = _score({"x.level": "mid", "x.double": "high", "x.practices": ["b"]})
    assert f.text == {"en": "Level: mid; double (twice): high; practices: 1 of 2 (practice B).",
                      "fr": "Niveau : moyen ; double (deux fois) : haut ; pratiques : 1 sur 2 (pratique B)."}


def test_an_unanswered_question_is_left_out_and_too_few_says_the_subject():
    f = _score({"x.level": "high", "x.double": {"state": "dont_know"}, "x.practices": {"state": "skipped"}})
    assert f.score is None and (f.coverage.answered, f.coverage.asked) == (1, 3)
    assert f.text == {"en": "Too few demo questions answered to score (1 of 3).",
                      "fr": "Trop peu de réponses sur la démo pour noter (1 sur 3)."}


def test_extremes_rank_the_options_by_their_points():
    assert Demo().extremes(_ctx({}), "x.double") == ("low", "high")


def test_a_points_needs_a_table_or_each_and_a_gate_a_valid_condition():
    with pytest.raises(TypeError):
        Points({"en": "x", "fr": "x"})
    with pytest.raises(ValidationError):
        Gate({"q": "x.tool", "among": ["mid"]}, text={}, note={})


def test_a_closed_gate_keeps_the_answers_with_no_points_and_says_why():
    answers = {"x.level": "high", "x.double": "mid", "x.practices": ["a"]}
    closed = _score({**answers, "x.tool": "low"}, Gated())
    assert [s.points for s in closed.steps] == [0, 0, 0] and closed.score == 0.0
    assert closed.steps[0].label == {"en": "level (no tool)", "fr": "niveau (pas d'outil)"}
    assert closed.text == {"en": "No tool.", "fr": "Pas d'outil."}
    opened = _score({**answers, "x.tool": "high"}, Gated())
    ungated = _score(answers).model_copy(update={"scorer": "gated", "dimension": "gated"})
    assert opened.model_dump() == ungated.model_dump()
    too_few = _score({"x.level": "high", "x.tool": "low"}, Gated())
    assert too_few.text["en"].startswith("Too few demo questions")  # the gate speaks only for a score


def test_score_batch_equals_score_for_every_combination_of_answers():
    values = {"x.level": [None, *LEVELS], "x.double": [None, "mid"], "x.practices": [None, ["none"], ["a", "b"]],
              "x.tool": [None, "low", "high"]}
    combos = [dict(zip(values, c, strict=True)) for c in itertools.product(*values.values())]
    contexts = [_ctx({q: v for q, v in c.items() if v is not None}) for c in combos]
    for scorer in (Demo(), Gated()):
        batched = scorer.score_batch(contexts)
        assert None not in batched
        for ctx, found in zip(contexts, batched, strict=True):
            assert [f.model_dump() for f in found] == [f.model_dump() for f in scorer.score(ctx)]
