"""Consolidating several respondents: which answers disagree, and what is proposed, checked
over every question of every bundled questionnaire and every pair or trio of answers."""

from __future__ import annotations

import itertools

import pytest
from conftest import QUESTIONNAIRES

from cxmaturity.formats.loader import load_questionnaire
from cxmaturity.formats.models import Answer
from cxmaturity.web.consolidate import disagree, propose, rows

QUESTIONS = [q for path in sorted(QUESTIONNAIRES.glob("*.yaml")) for q in load_questionnaire(path).questions]
ORDERED = [q for q in QUESTIONS if q.is_ordered and q.type != "scale"]
UNORDERED = [q for q in QUESTIONS if q.type == "single" and not q.ordered]


def A(value):
    return Answer(state="answered", value=value)


@pytest.mark.parametrize("q", ORDERED, ids=lambda q: q.id)
def test_ordered_answers_disagree_when_two_or_more_options_apart(q):
    ids = q.option_ids
    for i, j in itertools.product(range(len(ids)), repeat=2):
        assert disagree(q, [ids[i], ids[j]]) == (abs(i - j) >= 2), (ids[i], ids[j])


@pytest.mark.parametrize("q", ORDERED, ids=lambda q: q.id)
def test_the_proposal_of_ordered_answers_is_their_lower_median(q):
    ids = q.option_ids
    for trio in itertools.product(ids, repeat=3):
        ranks = sorted(ids.index(v) for v in trio)
        assert propose(q, [A(v) for v in trio]).value == ids[ranks[1]]
    for pair in itertools.product(ids, repeat=2):
        # Between two answers, the less mature: a tie never raises the stage.
        assert propose(q, [A(v) for v in pair]).value == ids[min(ids.index(v) for v in pair)]


@pytest.mark.parametrize("q", UNORDERED, ids=lambda q: q.id)
def test_unordered_answers_disagree_when_different_and_the_majority_is_proposed(q):
    ids = q.option_ids
    for a, b in itertools.product(ids, repeat=2):
        assert disagree(q, [a, b]) == (a != b)
        assert propose(q, [A(a), A(b), A(b)]).value == b
        assert propose(q, [A(a), A(b)]).value in (a, b)


def test_replies_that_are_not_answers_are_proposed_only_when_nobody_answered():
    q = ORDERED[0]
    dont = Answer(state="dont_know")
    skipped = Answer(state="skipped")
    assert propose(q, [dont, A(q.option_ids[-1]), None]).value == q.option_ids[-1]
    assert propose(q, [dont, dont, skipped]).state == "dont_know"
    assert propose(q, [None, None]) is None


def test_multi_keeps_the_options_most_respondents_chose():
    q = next(q for q in QUESTIONS if q.type == "multi" and len(q.option_ids) >= 4)
    a, b, c = [o for o in q.option_ids if o != q.exclusive][:3]
    assert propose(q, [A([a, b]), A([a]), A([a, c])]).value == [a]
    assert disagree(q, [[a, b], [b, a]]) is False
    assert disagree(q, [[a, b], [a]]) is True


def test_rows_cover_each_question_someone_replied_to_in_order():
    q = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    first, second = q.questions[0], q.questions[1]
    table = rows(q, [{first.id: A(first.option_ids[0])}, {second.id: A(second.option_ids[0])}])
    assert [r.question.id for r in table] == [first.id, second.id]
    assert table[0].answers[1] is None and not table[0].disagree


@pytest.mark.parametrize("path", sorted(QUESTIONNAIRES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_consolidated_assessment_is_valid_whatever_the_respondents_answered(path, tmp_path):
    """Three respondents through the interview engine (first, last, middle options, and one who
    replies don't know to every other question); their consolidation is a valid assessment
    whose answers all apply."""
    from test_interview_steps import value_for

    from cxmaturity.formats.loader import check_assessment
    from cxmaturity.interview.engine import Reply, applicable, first_to_ask
    from cxmaturity.web.engagements import apply_reply, assessment_of, consolidated
    from cxmaturity.web.store import Store

    q = load_questionnaire(path)
    store = Store(tmp_path / "c.db")
    try:
        eid = store.create_engagement("Acme", "acme", q.id, q.version, "en", [("A", ""), ("B", ""), ("C", "")])
        e = store.engagement(eid)
        for r, strategy in zip(store.respondents(eid), ("first", "last", "middle"), strict=True):
            a = assessment_of(e, q, [])
            current, n = first_to_ask(q, a), 0
            while current is not None:
                n += 1
                reply = Reply("dont_know") if strategy == "middle" and n % 2 else \
                    Reply("answer", value_for(current, strategy))
                current = apply_reply(store, q, r, a, current.id, reply).next
        kept = consolidated(store, e, q)
        assert check_assessment(kept, q) == []
        assert set(kept.answers) <= {x.id for x in applicable(q, kept.answers)}
        assert kept.answers, "something was kept"
    finally:
        store.close()
