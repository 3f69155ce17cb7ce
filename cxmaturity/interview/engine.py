"""The interview: which question comes next, what each reply does, and saving after each.

No terminal code here. The engine asks through an injected callable, `ask(request)`, which
receives a `Request` (one question), a `Conflict` (an answer that contradicts another, to
confirm or correct) or a `Review` (every answer, at the end) and returns a `Reply`. After
every change the assessment goes to the injected `save(assessment)`, so a crash loses nothing
already answered. End of input and Ctrl-C are the asker's exceptions
(EOFError, KeyboardInterrupt): they pass through, and what was answered is already saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cxmaturity.formats.models import Answer, Assessment, Question, Questionnaire, tr
from cxmaturity.interview.applicability import (
    applicable,
    could_be_asked,
    missing,  # noqa: F401 -- the command line imports it from here
    prune,
)
from cxmaturity.interview.messages import (
    QUESTION_ACTIONS,
    Asker,
    Conflict,
    Outcome,
    Reply,
    Request,
    Review,
    ReviewItem,
    Saver,
)


def _values(answers: dict[str, Answer]) -> dict[str, Any]:
    return {k: a.value for k, a in answers.items() if a.state == "answered"}


def _check(question: Question, value: Any) -> str | None:
    from cxmaturity.formats.loader import check_value

    return check_value(question, value)


class Interview:
    """One interview over an assessment; `run()` drives it to the end or to a quit."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        ask: Asker,
        assessment: Assessment,
        save: Saver,
        clock: Callable[[], datetime] | None = None,
    ):
        from cxmaturity.formats.assessments import now

        self.q = questionnaire
        self.ask = ask
        self.a = assessment
        self.save = save
        self.clock = clock or now
        self.lang = assessment.language
        self.pos = {x.id: i for i, x in enumerate(questionnaire.questions)}

    # -- state changes, each followed by a save ------------------------------------------

    def _record(self, question: Question, reply: Reply) -> None:
        state = {"answer": "answered", "skip": "skipped"}.get(reply.action, reply.action)
        previous = self.a.answers.get(question.id)
        note = reply.note
        private = False
        if note is None and previous is not None and previous.state == state:
            # Re-answering keeps the note written earlier (say, from an answers file).
            note, private = previous.note, previous.note_private
        stamp = self.clock()
        value = reply.value if state == "answered" else None
        self.a.answers[question.id] = Answer.model_construct(
            state=state, value=value, note=note, note_private=private, at=stamp
        )
        prune(self.q, self.a.answers)
        self.a.updated = stamp
        self.save(self.a)

    def _confirm(self, question: Question, before: dict[str, Any]) -> bool:
        """Ask about each consistency rule the answer to `question` has just broken; True when
        the consultant chose to correct it (the question is asked again), False when every
        pair was confirmed (both answers kept) or none was broken."""
        from cxmaturity.evaluation.consistency import completed_by, questions_of

        after = _values(self.a.answers)
        for rule in completed_by(self.q, before, after, question.id):
            pair = [self.q.question(qid) for qid in questions_of(rule)]
            reply = self.ask(
                Conflict(
                    rule=rule,
                    message=tr(rule.message, self.lang),
                    question=question,
                    answers=[(q, self.a.answers.get(q.id)) for q in pair if q is not None],
                    language=self.lang,
                )
            )
            if reply.action == "correct":
                return True
            if reply.action != "confirm":
                raise ValueError(f"the asker replied {reply.action!r} to a conflict")
        return False

    # -- asking ---------------------------------------------------------------------------

    def _request(self, question: Question, **extra: Any) -> Request:
        order = could_be_asked(self.q, self.a.answers)
        n = next(i for i, x in enumerate(order) if x.id == question.id) + 1
        actions = set(QUESTION_ACTIONS)
        if extra.pop("first", n == 1):
            actions.discard("back")
        if not question.help:
            actions.discard("help")
        return Request(
            question=question,
            n=n,
            total=len(order),
            section=self.q.section_of(question.id),
            current=self.a.answers.get(question.id),
            actions=frozenset(actions),
            language=self.lang,
            **extra,
        )

    def _ask_one(self, question: Question, changing: bool = False) -> Reply:
        """Ask until the reply is an action or a valid answer; help is shown, then re-asked."""
        extra: dict[str, Any] = {}
        if changing:
            extra["first"] = False
            extra["changing"] = True
        while True:
            request = self._request(question, **extra)
            reply = self.ask(request)
            if reply.action == "help":
                extra["help"] = tr(question.help, self.lang) if question.help else None
                extra.pop("error", None)
                continue
            if reply.action == "answer":
                why = _check(question, reply.value)
                if why:
                    extra["error"] = why
                    continue
            if reply.action not in QUESTION_ACTIONS | {"answer"}:
                raise ValueError(f"the asker replied {reply.action!r} to a question")
            return reply

    def _first_missing(self, after: int = -1) -> Question | None:
        """The first question after position `after` that applies and has no answer."""
        for q in applicable(self.q, self.a.answers):
            if self.pos[q.id] > after and q.id not in self.a.answers:
                return q
        return None

    def _next_after(self, question: Question) -> Question | None:
        order = applicable(self.q, self.a.answers)
        here = self.pos[question.id]
        return next((x for x in order if self.pos[x.id] > here), None)

    def _previous(self, question: Question) -> Question | None:
        order = applicable(self.q, self.a.answers)
        here = self.pos[question.id]
        earlier = [x for x in order if self.pos[x.id] < here]
        return earlier[-1] if earlier else None

    def _walk(self, start: Question | None) -> bool:
        """Ask from `start` on until no question is left to ask; False if the user quit.

        After going back, moving forward shows the answered questions again (their answers
        are the defaults) up to the furthest point reached; beyond it, only the questions
        still without an answer are asked (so pre-filled answers are not asked again).
        """
        current = start
        furthest = self.pos[start.id] if start is not None else -1
        while current is not None:
            furthest = max(furthest, self.pos[current.id])
            reply = self._ask_one(current)
            if reply.action == "quit":
                return False
            if reply.action == "back":
                current = self._previous(current) or current
                continue
            before = _values(self.a.answers)
            self._record(current, reply)
            if self._confirm(current, before):
                continue  # correct: the same question again, its answer as the default
            following = self._next_after(current)
            if following is not None and self.pos[following.id] > furthest:
                following = self._first_missing(after=self.pos[current.id])
            current = following
        return True

    def _review(self) -> Reply:
        order = applicable(self.q, self.a.answers)
        items = [
            ReviewItem(
                n=i + 1,
                question=q,
                section=self.q.section_of(q.id),
                answer=self.a.answers.get(q.id),
            )
            for i, q in enumerate(order)
        ]
        return self.ask(Review(items=items, language=self.lang))

    def run(self) -> Outcome:
        """Ask from the first unanswered question that applies, then review until done."""
        if prune(self.q, self.a.answers):
            self.a.updated = self.clock()
        self.save(self.a)
        if not self._walk(self._first_missing()):
            return Outcome("quit", self.a)
        while True:
            pending = self._first_missing()
            if pending is not None:
                if not self._walk(pending):
                    return Outcome("quit", self.a)
                continue
            reply = self._review()
            if reply.action == "done":
                return Outcome("done", self.a)
            if reply.action == "quit":
                return Outcome("quit", self.a)
            if reply.action != "change":
                raise ValueError(f"the asker replied {reply.action!r} to the review")
            question = self.q.question(str(reply.value))
            if question is None or question.id not in {
                x.id for x in applicable(self.q, self.a.answers)
            }:
                raise ValueError(f"no question {reply.value!r} to change")
            while True:
                changed = self._ask_one(question, changing=True)
                if changed.action == "quit":
                    return Outcome("quit", self.a)
                if changed.action == "back":  # back from a change returns to the review
                    break
                before = _values(self.a.answers)
                self._record(question, changed)
                if not self._confirm(question, before):
                    break
            # A changed answer may open a branch: its new questions are asked next.


def interview(
    questionnaire: Questionnaire,
    ask: Asker,
    assessment: Assessment,
    save: Saver,
    clock: Callable[[], datetime] | None = None,
) -> Outcome:
    """Run the interview on `assessment` (new or resumed), saving after every answer."""
    return Interview(questionnaire, ask, assessment, save, clock).run()


# -- one step at a time: the same engine for askers that cannot block (a web form) ---------


def _silent(questionnaire: Questionnaire, assessment: Assessment,
            clock: Callable[[], datetime] | None) -> Interview:
    """An Interview with nobody to ask and no file: its rules, used one step at a time."""

    def nobody(_request: Request | Review) -> Reply:
        raise RuntimeError("a stepped interview asks nobody")

    return Interview(questionnaire, nobody, assessment, lambda _a: None, clock)


def first_to_ask(questionnaire: Questionnaire, assessment: Assessment) -> Question | None:
    """Where a resumed interview starts: the first question that applies and has no answer
    (None when every question that applies has one: the review comes next)."""
    return _silent(questionnaire, assessment, None)._first_missing()


def request_for(questionnaire: Questionnaire, assessment: Assessment, question_id: str) -> Request | None:
    """The `Request` the interview would put for `question_id` now (number, total, section,
    current answer, the actions allowed); None if that question does not apply now."""
    order = applicable(questionnaire, assessment.answers)
    question = next((q for q in order if q.id == question_id), None)
    if question is None:
        return None
    return _silent(questionnaire, assessment, None)._request(question)


def previous_of(questionnaire: Questionnaire, assessment: Assessment, question_id: str) -> Question | None:
    """The question `back` leads to from `question_id` (None on the first)."""
    iv = _silent(questionnaire, assessment, None)
    question = questionnaire.question(question_id)
    return iv._previous(question) if question is not None else None


@dataclass(frozen=True)
class Step:
    """What one reply did: `error` (not recorded: ask again), else the question to ask next
    (None: every question that applies has an answer, the review comes next)."""

    error: str | None = None
    next: Question | None = None


def step(
    questionnaire: Questionnaire,
    assessment: Assessment,
    question_id: str,
    reply: Reply,
    clock: Callable[[], datetime] | None = None,
) -> Step:
    """Apply one reply to `question_id` as the interview does, in place on `assessment`.

    An answer is checked (an invalid one comes back as `error`, nothing recorded), recorded
    with its time, and the answers to questions it closes are dropped; skip, not applicable
    and don't know are recorded as such; back records nothing. Moving forward shows the
    answered questions again up to the first one without an answer, then asks that one; once
    every question that applies is answered, `next` is None (the review)."""
    iv = _silent(questionnaire, assessment, clock)
    question = questionnaire.question(question_id)
    if question is None or question_id not in {q.id for q in applicable(questionnaire, assessment.answers)}:
        raise ValueError(f"question {question_id!r} does not apply now")
    if reply.action == "back":
        return Step(next=iv._previous(question) or question)
    if reply.action == "answer":
        why = _check(question, reply.value)
        if why:
            return Step(error=why, next=question)
    elif reply.action not in ("skip", "not_applicable", "dont_know"):
        raise ValueError(f"a step takes an answer, back, skip, not_applicable or dont_know, not {reply.action!r}")
    iv._record(question, reply)
    gap = iv._first_missing()
    if gap is None:
        return Step(next=None)
    following = iv._next_after(question)
    if following is not None and iv.pos[following.id] < iv.pos[gap.id]:
        return Step(next=following)
    return Step(next=gap)
