"""The interview engine, driven by a scripted asker (no terminal)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cxmaturity.formats import assessments
from cxmaturity.formats.loader import load_assessment, load_questionnaire
from cxmaturity.interview.engine import Conflict, Reply, Request, Review, interview, missing

DATA = Path(__file__).parent / "data"


@pytest.fixture
def questionnaire():
    return load_questionnaire(DATA / "branching.yaml")


class Script:
    """An asker that replays replies and records what it was asked."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.asked: list[Request | Review] = []

    def __call__(self, request):
        self.asked.append(request)
        if not self.replies:
            raise EOFError
        reply = self.replies.pop(0)
        return reply(request) if callable(reply) else reply

    @property
    def ids(self):
        return [r.question.id if isinstance(r, Request) else "REVIEW" for r in self.asked]


def A(value):
    return Reply("answer", value)


def clock():
    t = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    while True:
        t += timedelta(minutes=1)
        yield t


def run(questionnaire, script, tmp_path, assessment=None, snapshots=None):
    path = tmp_path / "a.yaml"
    assessment = assessment or assessments.new(
        questionnaire, "Acme", "en", when=datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    )
    ticks = clock()

    def save(a):
        assessments.save(path, a, questionnaire)
        if snapshots is not None:
            snapshots.append(load_assessment(path, questionnaire))

    outcome = interview(questionnaire, script, assessment, save, clock=lambda: next(ticks))
    return outcome, path


def states(a):
    return {k: (v.state, v.value, v.note) for k, v in a.answers.items()}


def test_asks_in_order_and_skips_a_branch_that_does_not_apply(questionnaire, tmp_path):
    script = Script(A("small"), A(["chat"]), A(12), A("up"), A("fine"), Reply("done"))
    outcome, path = run(questionnaire, script, tmp_path)
    assert outcome.status == "done"
    assert script.ids == [
        "demo.size",
        "demo.tools",
        "demo.staff",
        "demo.kpi",
        "demo.comment",
        "REVIEW",
    ]
    first = script.asked[0]
    # Six questions could be asked (the voice follow-up waits on the tools answer); the count
    # then drops to five when the tools answer rules it out.
    assert (first.n, first.total, first.section.id) == (1, 6, "basics")
    assert [r.total for r in script.asked[:5]] == [6, 6, 5, 5, 5]
    assert "back" not in first.actions and "help" in first.actions
    assert "back" in script.asked[1].actions and "help" not in script.asked[1].actions
    saved = load_assessment(path, questionnaire)
    assert saved.answered() == {
        "demo.size": "small",
        "demo.tools": ["chat"],
        "demo.staff": 12,
        "demo.kpi": "up",
        "demo.comment": "fine",
    }


def test_a_when_branch_opens_and_the_count_does_not_jump(questionnaire, tmp_path):
    script = Script(A("small"), A(["chat", "voice"]), A("over_2y"), Reply("quit"))
    outcome, _ = run(questionnaire, script, tmp_path)
    assert outcome.status == "quit"
    assert script.ids == ["demo.size", "demo.tools", "demo.voice_years", "demo.staff"]
    assert [r.total for r in script.asked] == [6, 6, 6, 6]
    assert script.asked[2].n == 3


def test_the_count_never_climbs_over_generated_interviews(tmp_path):
    """Over generated companies answering the full questionnaire in order, the "of N" of the
    progress line never goes up, and the number shown never exceeds it."""
    from conftest import QUESTIONNAIRES
    from generate import assessments as generated

    full = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    for i, data in enumerate(generated(15, seed=3, repeat_share=0)):
        given = data["answers"]

        def reply(request, given=given):
            value = given.get(request.question.id)
            if isinstance(value, dict):
                state = value.get("state", "answered")
                if state != "answered":
                    return Reply({"skipped": "skip"}.get(state, state))
                value = value.get("value")
            return Reply("skip") if value is None else A(value)

        totals = []

        def ask(request, totals=totals, reply=reply):
            if isinstance(request, Review):
                return Reply("done")
            if isinstance(request, Conflict):  # generated answers may contradict: keep them
                return Reply("confirm")
            totals.append((request.n, request.total))
            return reply(request)

        assessment = assessments.new(full, f"Gen {i}", "en")
        interview(full, ask, assessment, lambda a: None)
        assert totals, i
        assert all(n <= total for n, total in totals)
        assert all(b[1] <= a[1] for a, b in zip(totals, totals[1:], strict=False)), totals


def test_back_across_a_branch_drops_the_answers_that_no_longer_apply(questionnaire, tmp_path):
    snaps = []
    script = Script(
        A("medium"),
        A(["voice"]),
        A("under_2y"),
        Reply("back"),
        Reply("back"),  # at staff: back to voice_years, then to tools
        A(["email"]),  # voice unticked: the branch closes
        A(40),
        A("flat"),
        A("ok"),
        Reply("done"),
    )
    outcome, path = run(questionnaire, script, tmp_path, snapshots=snaps)
    assert script.ids == [
        "demo.size",
        "demo.tools",
        "demo.voice_years",
        "demo.staff",
        "demo.voice_years",
        "demo.tools",
        "demo.staff",
        "demo.kpi",
        "demo.comment",
        "REVIEW",
    ]
    # Going back shows the answer given, as the default to keep.
    assert script.asked[4].current.value == "under_2y"
    assert script.asked[5].current.value == ["voice"]
    saved = load_assessment(path, questionnaire)
    assert "demo.voice_years" not in saved.answers
    assert saved.answers["demo.tools"].value == ["email"]
    # The snapshot after the change has already dropped the branch's answer.
    after_change = snaps[4]
    assert "demo.voice_years" not in after_change.answers


def test_after_going_back_several_questions_each_is_asked_again_in_turn(questionnaire, tmp_path):
    # Back three questions, answer again: the interview walks forward one question at a time
    # through those already answered (each showing its answer), never jumping past them.
    script = Script(
        A("small"),
        A(["chat"]),
        A(12),
        A("up"),
        Reply("back"),  # at comment: back to kpi
        Reply("back"),  # to staff
        Reply("back"),  # to tools
        A(["chat", "email"]),  # a new answer that opens no branch
        A(14),  # staff, asked again
        A("down"),  # kpi, asked again
        A("fine"),
        Reply("done"),
    )
    outcome, path = run(questionnaire, script, tmp_path)
    assert outcome.status == "done"
    assert script.ids == [
        "demo.size",
        "demo.tools",
        "demo.staff",
        "demo.kpi",
        "demo.comment",
        "demo.kpi",
        "demo.staff",
        "demo.tools",
        "demo.staff",
        "demo.kpi",
        "demo.comment",
        "REVIEW",
    ]
    # Each question met again shows the answer it has, as the default to keep.
    assert [r.current.value for r in script.asked[5:10]] == ["up", 12, ["chat"], 12, "up"]
    assert [r.n for r in script.asked[4:11]] == [5, 4, 3, 2, 3, 4, 5]
    assert load_assessment(path, questionnaire).answered() == {
        "demo.size": "small",
        "demo.tools": ["chat", "email"],
        "demo.staff": 14,
        "demo.kpi": "down",
        "demo.comment": "fine",
    }


def test_skip_not_applicable_with_note_and_dont_know(questionnaire, tmp_path):
    script = Script(
        Reply("skip"),
        A(["none"]),
        Reply("not_applicable", note="No agents: all self-service"),
        Reply("dont_know"),
        A("x"),
        Reply("done"),
    )
    outcome, path = run(questionnaire, script, tmp_path)
    saved = load_assessment(path, questionnaire)
    assert states(saved) == {
        "demo.size": ("skipped", None, None),
        "demo.tools": ("answered", ["none"], None),
        "demo.staff": ("not_applicable", None, "No agents: all self-service"),
        "demo.kpi": ("dont_know", None, None),
        "demo.comment": ("answered", "x", None),
    }
    assert all(a.at is not None for a in saved.answers.values())


def test_help_is_shown_then_the_question_asked_again(questionnaire, tmp_path):
    script = Script(Reply("help"), A("large"), Reply("quit"))
    run(questionnaire, script, tmp_path)
    assert script.ids == ["demo.size", "demo.size", "demo.tools"]
    assert script.asked[0].help is None
    assert script.asked[1].help == "Count every employee."


def test_an_invalid_value_is_asked_again_with_the_reason(questionnaire, tmp_path):
    script = Script(A("huge"), A("small"), A(["chat", "none"]), A(["chat"]), A(-3), Reply("quit"))
    run(questionnaire, script, tmp_path)
    assert script.ids == [
        "demo.size",
        "demo.size",
        "demo.tools",
        "demo.tools",
        "demo.staff",
        "demo.staff",
    ]
    assert "not an option" in script.asked[1].error
    assert "excludes the other options" in script.asked[3].error
    assert "below the minimum" in script.asked[5].error


def test_review_changes_an_answer_and_opens_its_branch(questionnaire, tmp_path):
    def change(qid):
        return lambda review: Reply("change", qid)

    script = Script(
        A("small"),
        A(["chat"]),
        A(5),
        A("up"),
        A("-"),
        change("demo.size"),
        A("large"),  # a plain change
        change("demo.tools"),
        A(["chat", "voice"]),  # opens the branch: asked next
        A("over_2y"),
        change("demo.kpi"),
        Reply("back"),  # back from a change returns to the review
        Reply("done"),
    )
    outcome, path = run(questionnaire, script, tmp_path)
    assert outcome.status == "done"
    reviews = [r for r in script.asked if isinstance(r, Review)]
    assert len(reviews) == 4
    assert [i.question.id for i in reviews[0].items] == [
        "demo.size",
        "demo.tools",
        "demo.staff",
        "demo.kpi",
        "demo.comment",
    ]
    assert reviews[1].items[0].answer.value == "large"
    assert [i.n for i in reviews[2].items] == [1, 2, 3, 4, 5, 6]
    changing = [r for r in script.asked if isinstance(r, Request) and r.changing]
    assert [r.question.id for r in changing] == ["demo.size", "demo.tools", "demo.kpi"]
    assert all("back" in r.actions for r in changing)
    saved = load_assessment(path, questionnaire)
    assert saved.answered() == {
        "demo.size": "large",
        "demo.tools": ["chat", "voice"],
        "demo.voice_years": "over_2y",
        "demo.staff": 5,
        "demo.kpi": "up",
        "demo.comment": "-",
    }


def test_every_answer_is_on_disk_before_the_next_question(questionnaire, tmp_path):
    path = tmp_path / "a.yaml"
    seen = []

    def asker(request):
        # What the file holds when each question is put: every answer given so far.
        seen.append(states(load_assessment(path, questionnaire)) if path.exists() else None)
        return [A("small"), A(["voice"]), A("under_2y"), Reply("not_applicable"), Reply("quit")][
            len(seen) - 1
        ]

    a = assessments.new(questionnaire, "Acme", "en")
    interview(questionnaire, asker, a, lambda x: assessments.save(path, x, questionnaire))
    assert seen[0] == {}
    assert seen[1] == {"demo.size": ("answered", "small", None)}
    assert seen[3]["demo.voice_years"] == ("answered", "under_2y", None)
    assert states(load_assessment(path, questionnaire))["demo.staff"] == (
        "not_applicable",
        None,
        None,
    )


def test_updated_and_at_follow_each_answer(questionnaire, tmp_path):
    snaps = []
    run(questionnaire, Script(A("small"), A(["chat"]), Reply("quit")), tmp_path, snapshots=snaps)
    last = snaps[-1]
    assert last.answers["demo.size"].at < last.answers["demo.tools"].at == last.updated
    assert last.created < last.updated


def test_resume_starts_at_the_first_unanswered_question_that_applies(questionnaire, tmp_path):
    outcome, path = run(questionnaire, Script(A("small"), A(["chat"]), Reply("quit")), tmp_path)
    resumed = load_assessment(path, questionnaire)
    script = Script(A(3), Reply("quit"))
    run(questionnaire, script, tmp_path, assessment=resumed)
    assert script.ids == ["demo.staff", "demo.kpi"]
    assert script.asked[0].n == 3


def test_resume_after_a_skipped_question_does_not_ask_it_again(questionnaire, tmp_path):
    a = assessments.new(questionnaire, "Acme", "en")
    a.answers = load_assessment_answers(
        questionnaire, {"demo.size": {"state": "skipped"}, "demo.tools": ["email"]}
    )
    script = Script(Reply("quit"))
    run(questionnaire, script, tmp_path, assessment=a)
    assert script.ids == ["demo.staff"]


def test_prefilled_answers_are_not_asked_again(questionnaire, tmp_path):
    a = assessments.new(questionnaire, "Acme", "en")
    a.answers = load_assessment_answers(
        questionnaire, {"demo.size": "small", "demo.staff": 4, "demo.kpi": "up"}
    )
    assert missing(questionnaire, a) == ["demo.tools", "demo.comment"]
    script = Script(A(["voice"]), A("under_2y"), A("z"), Reply("done"))
    run(questionnaire, script, tmp_path, assessment=a)
    assert script.ids == ["demo.tools", "demo.voice_years", "demo.comment", "REVIEW"]


def test_a_resumed_file_with_answers_off_the_branch_is_cleaned(questionnaire, tmp_path):
    a = assessments.new(questionnaire, "Acme", "en")
    a.answers = load_assessment_answers(
        questionnaire, {"demo.tools": ["chat"], "demo.voice_years": "over_2y"}
    )
    script = Script(Reply("quit"))
    outcome, path = run(questionnaire, script, tmp_path, assessment=a)
    assert "demo.voice_years" not in load_assessment(path, questionnaire).answers


def test_end_of_input_passes_through_with_the_answers_saved(questionnaire, tmp_path):
    with pytest.raises(EOFError):
        run(questionnaire, Script(A("small")), tmp_path)
    assert load_assessment(tmp_path / "a.yaml", questionnaire).answered() == {"demo.size": "small"}


def load_assessment_answers(questionnaire, answers):
    from cxmaturity.formats.models import Assessment

    data = {
        "questionnaire": {"id": questionnaire.id, "version": 1},
        "company": {"id": "x", "name": "X"},
        "answers": answers,
    }
    return Assessment.model_validate(data).answers


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "yes",
        "no",
        "10001_30000",
        'quote " and \\ back',
        "colon: # hash {x} [y]",
        "é\nà\t\u2028\x85",
        "",
        "  ",
    ],
)
def test_the_saved_file_reads_back_exactly(questionnaire, tmp_path, text):
    from cxmaturity.formats.models import Answer

    a = assessments.new(questionnaire, text.strip() or "X", "fr")
    a.answers["demo.comment"] = Answer(value=text or "-", note=text, note_private=True)
    a.answers["demo.tools"] = Answer(value=["chat", "voice"])
    a.answers["demo.staff"] = Answer(value=2.5)
    a.answers["demo.kpi"] = Answer(state="dont_know")
    path = tmp_path / "a.yaml"
    assessments.save(path, a, questionnaire)
    back = load_assessment(path, questionnaire)
    assert back.answers == a.answers
    assert back.company == a.company and back.created == a.created and back.language == "fr"
