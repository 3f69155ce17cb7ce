"""What askers share in turning the engine's requests into replies: one method per kind of
request, and what the user typed read as a number, as choices, or as keeping an answer."""

from __future__ import annotations

from cxmaturity.formats.models import Answer, Question
from cxmaturity.interview.answer_text import fmt_number
from cxmaturity.interview.messages import Conflict, Reply, Request, Review
from cxmaturity.words.interview import say


class DispatchingAsker:
    """An asker (`messages.Asker`) that answers each kind of request with its own method."""

    def __call__(self, request: Request | Review | Conflict) -> Reply:
        if isinstance(request, Review):
            return self._review(request)
        if isinstance(request, Conflict):
            return self._conflict(request)
        return self._question(request)

    def _question(self, r: Request) -> Reply:
        raise NotImplementedError

    def _conflict(self, r: Conflict) -> Reply:
        raise NotImplementedError

    def _review(self, r: Review) -> Reply:
        raise NotImplementedError


def parse_number(text: str, question: Question, lang: str) -> tuple[float | int | None, str | None]:
    """(value, None) for a valid number answer, else (None, why) in `lang`."""
    raw = text.strip().replace(" ", "").replace("\u202f", "")
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")  # a French decimal comma
    try:
        value: float | int = float(raw)
    except ValueError:
        return None, None
    if value != value or value in (float("inf"), float("-inf")):
        return None, None
    if float(value).is_integer():
        value = int(value)
    elif question.type == "scale":
        return None, say(lang, "whole_number")
    lo, hi = question.min, question.max
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, say(
            lang,
            "out_of_range",
            min=fmt_number(lo) if lo is not None else "-∞",
            max=fmt_number(hi) if hi is not None else "∞",
        )
    return value, None


def choice_indexes(text: str, n: int) -> list[int] | None:
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        picked = [int(p) for p in parts]
    except ValueError:
        return None
    if not picked or any(not 1 <= i <= n for i in picked):
        return None
    return list(dict.fromkeys(picked))


def keep(current: Answer) -> Reply:
    """The reply that keeps an existing answer (Enter on a question already answered)."""
    if current.state == "answered":
        return Reply("answer", current.value)
    return Reply("skip" if current.state == "skipped" else current.state)
