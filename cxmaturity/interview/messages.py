"""What the interview engine and an asker say to each other: the engine puts a `Request` (one
question), a `Conflict` (an answer that contradicts another) or a `Review` (every answer, at the
end); the asker returns a `Reply`. An `Outcome` says how the interview ended."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from cxmaturity.formats.models import Answer, Assessment, ConsistencyRule, Question, Section

Action = Literal[
    "answer", "back", "skip", "not_applicable", "dont_know", "help", "quit", "change", "done",
    "confirm", "correct",
]

#: What a question's asker may offer besides an answer.
QUESTION_ACTIONS = frozenset({"back", "skip", "not_applicable", "dont_know", "help", "quit"})


@dataclass(frozen=True)
class Reply:
    """The asker's reply: an answer value, or an action (with a note for not applicable).

    On the review screen, `change` carries the question id in `value`, and `done` ends. To a
    `Conflict`, `confirm` keeps both answers and `correct` asks the question again.
    """

    action: Action = "answer"
    value: Any = None
    note: str | None = None


@dataclass(frozen=True)
class Request:
    """One question to put to the user."""

    question: Question
    n: int  # position among the questions that apply now, from 1
    total: int  # how many questions apply now (it changes as branches open or close)
    section: Section
    current: Answer | None  # the answer already given, if any (the default to offer)
    actions: frozenset[str]  # the actions allowed besides answering
    language: str
    help: str | None = None  # set when the user asked for help: the text to show
    error: str | None = None  # set when the previous reply was not a valid answer
    changing: bool = False  # asked from the review screen: back returns to it


@dataclass(frozen=True)
class ReviewItem:
    n: int
    question: Question
    section: Section
    answer: Answer | None


@dataclass(frozen=True)
class Review:
    """The review screen: every question that applies, with its answer; any can be changed."""

    items: list[ReviewItem]
    language: str
    actions: frozenset[str] = field(default_factory=lambda: frozenset({"change", "done", "quit"}))


@dataclass(frozen=True)
class Conflict:
    """Two answers that cannot both be true, right after the one that completed the pair."""

    rule: ConsistencyRule
    message: str  # in `language`
    question: Question  # the question just answered: `correct` asks it again
    answers: list[tuple[Question, Answer | None]]  # the pair's answers, in the order asked
    language: str
    actions: frozenset[str] = field(default_factory=lambda: frozenset({"confirm", "correct"}))


@dataclass(frozen=True)
class Outcome:
    """How the interview ended: `done` (reviewed) or `quit` (saved, to be resumed)."""

    status: Literal["done", "quit"]
    assessment: Assessment


Asker = Callable[[Request | Review | Conflict], Reply]
Saver = Callable[[Assessment], None]
