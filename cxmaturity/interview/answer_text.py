"""Answers, questions and contradictions as the askers write them: an answer in words, a
question by its short name, the keys a question allows, the two answers of a contradiction."""

from __future__ import annotations

from typing import Any

from cxmaturity.formats.models import Answer, Question, tr
from cxmaturity.interview.messages import Conflict
from cxmaturity.words.interview import CONTROLS, keys, say, words


def fmt_number(x: float) -> str:
    return f"{x:g}"


def describe(question: Question, answer: Answer | None, lang: str) -> str:
    """An answer in words, as the review and the 'current answer' line show it."""
    w = words(lang)
    if answer is None:
        return w["no_answer"]
    if answer.state != "answered":
        text = {
            "skipped": w["skipped"],
            "not_applicable": w["answer_not_applicable"],
            "dont_know": w["answer_dont_know"],
        }[answer.state]
        return f"{text} ({answer.note})" if answer.note else text
    value = answer.value
    if question.type in ("single", "band", "multi"):
        chosen = value if isinstance(value, list) else [value]
        labels = [tr(o.label, lang) for o in question.options if o.id in chosen]
        return ", ".join(labels) if labels else str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_number(value) + (f" {question.unit}" if question.unit else "")
    return str(value)


def control_hint(actions: frozenset[str], lang: str) -> str:
    """The keys of the controls allowed, each with its word (`b Back · s Skip …`)."""
    k, w = keys(lang), words(lang)
    return " · ".join(f"{k[c]} {w[c]}" for c in CONTROLS if c in actions)


def short(text: str, width: int = 64) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def name(question: Question, lang: str) -> str:
    """The question by its short form where it has one."""
    return tr(question.short, lang) if question.short else short(tr(question.text, lang))


def conflict_lines(r: Conflict, lang: str) -> list[str]:
    """The contradiction in words, then each answer of the pair."""
    return [say(lang, "conflict", message=r.message)] + [
        f"  - {name(q, lang)}{say(lang, 'colon')}{describe(q, a, lang)}" for q, a in r.answers
    ]


def conflict_pair(questionnaire: Any, assessment: Any, qids: list[str], lang: str) -> str:
    """The answers of a consistency rule's pair on one line: `Question: answer; …`."""
    parts = []
    for qid in qids:
        q = questionnaire.question(qid)
        if q is not None:
            parts.append(f"{name(q, lang)}{say(lang, 'colon')}{describe(q, assessment.answers.get(qid), lang)}")
    return say(lang, "semicolon").join(parts)
