"""A posted question form → the interview's Reply. The checks on the value are the engine's
(cxmaturity.formats.loader.check_value through interview.step); this only reads the fields."""

from __future__ import annotations

from typing import Any

from cxmaturity.formats.models import Question
from cxmaturity.interview.engine import Reply

ACTIONS = ("answer", "back", "skip", "not_applicable", "dont_know")


def _number(text: str) -> Any:
    text = text.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return text or None  # the engine says why it is not a number
    return int(value) if value.is_integer() else value


def reply_of(question: Question, action: str, values: list[str]) -> Reply:
    """The reply a form sent: `action` is the button pressed, `values` the `value` fields."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if action != "answer":
        return Reply(action)
    if question.type == "multi":
        return Reply("answer", list(values))
    raw = values[0] if values else ""
    if question.type in ("scale", "number"):
        return Reply("answer", _number(raw))
    if question.type == "text":
        return Reply("answer", raw.strip() or None)
    return Reply("answer", raw or None)
