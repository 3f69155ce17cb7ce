"""The interview one step at a time (what the web form uses): the same questions, in the same
order, with the same answers recorded, as the interview driven through its asker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import DATA, QUESTIONNAIRES

from cxmaturity.formats import assessments
from cxmaturity.formats.loader import load_questionnaire
from cxmaturity.interview.engine import (
    Reply,
    Request,
    Review,
    first_to_ask,
    interview,
    previous_of,
    request_for,
    step,
)

WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def value_for(question, strategy: str):
    """A valid answer to `question`: its first, last or middle option (or number)."""
    if question.type == "multi":
        ids = [o for o in question.option_ids if o != question.exclusive] or question.option_ids
        return {"first": ids[:1], "last": ids[-2:], "middle": [question.exclusive or ids[0]]}[strategy]
    if question.options:
        ids = question.option_ids
        return {"first": ids[0], "last": ids[-1], "middle": ids[len(ids) // 2]}[strategy]
    if question.type == "text":
        return f"{strategy} text"
    low, high = int(question.min or 0), int(question.max if question.max is not None else 100)
    return {"first": low, "last": high, "middle": (low + high) // 2}[strategy]


QUESTIONNAIRE_FILES = sorted(QUESTIONNAIRES.glob("*.yaml")) + [DATA / "branching.yaml"]


@pytest.mark.parametrize("strategy", ["first", "last", "middle"])
@pytest.mark.parametrize("path", QUESTIONNAIRE_FILES, ids=lambda p: p.stem)
def test_stepping_asks_and_records_what_the_interview_does(path, strategy):
    q = load_questionnaire(path)
    # The interview through its asker.
    asked: list[str] = []

    def ask(request):
        if isinstance(request, Review):
            return Reply("done")
        asked.append(request.question.id)
        return Reply("answer", value_for(request.question, strategy))

    driven = assessments.new(q, "Acme", "en", when=WHEN)
    interview(q, ask, driven, lambda a: None, clock=lambda: WHEN)
    # The same, one step at a time.
    stepped = assessments.new(q, "Acme", "en", when=WHEN)
    steps: list[str] = []
    current = first_to_ask(q, stepped)
    while current is not None:
        steps.append(current.id)
        assert len(steps) <= len(q.questions)
        result = step(q, stepped, current.id, Reply("answer", value_for(current, strategy)), clock=lambda: WHEN)
        assert result.error is None
        current = result.next
    assert steps == asked
    assert {k: (a.state, a.value) for k, a in stepped.answers.items()} == \
        {k: (a.state, a.value) for k, a in driven.answers.items()}


@pytest.fixture
def branching():
    return load_questionnaire(DATA / "branching.yaml")


def test_request_matches_the_interviews_first_request(branching):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    seen = []

    def ask(request):
        seen.append(request)
        raise EOFError

    with pytest.raises(EOFError):
        interview(branching, ask, assessments.new(branching, "Acme", "en", when=WHEN), lambda x: None)
    first = first_to_ask(branching, a)
    assert request_for(branching, a, first.id) == seen[0]
    assert "back" not in seen[0].actions


def test_an_invalid_answer_is_not_recorded_and_says_why(branching):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    first = first_to_ask(branching, a)
    result = step(branching, a, first.id, Reply("answer", "no-such-option"))
    assert result.error and "no-such-option" in result.error
    assert result.next.id == first.id and a.answers == {}


def test_back_records_nothing_and_leads_to_the_previous_question(branching):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    first = first_to_ask(branching, a)
    second = step(branching, a, first.id, Reply("answer", value_for(first, "first"))).next
    before = dict(a.answers)
    back = step(branching, a, second.id, Reply("back"))
    assert back.next.id == first.id == previous_of(branching, a, second.id).id
    assert a.answers == before
    # Answering the first again shows the second again (answered or not), then goes on.
    assert step(branching, a, first.id, Reply("answer", value_for(first, "first"))).next.id == second.id


@pytest.mark.parametrize("action,state", [("skip", "skipped"), ("not_applicable", "not_applicable"),
                                          ("dont_know", "dont_know")])
def test_skip_not_applicable_and_dont_know_are_recorded_as_such(branching, action, state):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    first = first_to_ask(branching, a)
    result = step(branching, a, first.id, Reply(action))
    assert a.answers[first.id].state == state and a.answers[first.id].value is None
    assert result.next is not None and result.next.id != first.id


def test_a_question_that_does_not_apply_is_refused(branching):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    closed = [x for x in branching.questions if x.when is not None][0]
    assert request_for(branching, a, closed.id) is None
    with pytest.raises(ValueError):
        step(branching, a, closed.id, Reply("answer", value_for(closed, "first")))


def test_request_is_a_request(branching):
    a = assessments.new(branching, "Acme", "en", when=WHEN)
    assert isinstance(request_for(branching, a, first_to_ask(branching, a).id), Request)
