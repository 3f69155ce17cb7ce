"""Which questions apply given the answers so far, which could still be asked, and which
answers no longer belong (their question closed by a later change)."""

from __future__ import annotations

from typing import Any

from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import Answer, Assessment, Question, Questionnaire


def applicable(questionnaire: Questionnaire, answers: dict[str, Answer]) -> list[Question]:
    """The questions that apply given `answers`, in order.

    A `when` names only earlier questions, so one pass in order decides each question from
    the answers to questions that themselves apply.
    """
    out: list[Question] = []
    live: dict[str, Any] = {}
    for q in questionnaire.questions:
        if q.when is not None and not evaluate(q.when, live, questionnaire):
            continue
        out.append(q)
        a = answers.get(q.id)
        if a is not None and a.state == "answered":
            live[q.id] = a.value
    return out


def could_be_asked(questionnaire: Questionnaire, answers: dict[str, Answer]) -> list[Question]:
    """The questions that apply, and those whose `when` waits on a question not answered yet:
    the questions this interview could still ask. Counting these, the "of N" of the progress
    line only goes down as answers rule follow-ups out; counting those that apply so far made
    it climb mid-interview (of 44, then 45, 46)."""
    out: list[Question] = []
    live: dict[str, Any] = {}
    settled: set[str] = set()  # answered in any state, or ruled out: nothing more will come
    for q in questionnaire.questions:
        if q.when is not None:
            if all(ref in settled for ref in q.when.questions()):
                if not evaluate(q.when, live, questionnaire):
                    settled.add(q.id)
                    continue
        out.append(q)
        a = answers.get(q.id)
        if a is not None:
            settled.add(q.id)
            if a.state == "answered":
                live[q.id] = a.value
    return out


def prune(questionnaire: Questionnaire, answers: dict[str, Answer]) -> list[str]:
    """Drop the answers to questions that no longer apply; return their ids."""
    keep = {q.id for q in applicable(questionnaire, answers)}
    dropped = [k for k in answers if k not in keep and questionnaire.question(k) is not None]
    for k in dropped:
        del answers[k]
    return dropped


def missing(questionnaire: Questionnaire, assessment: Assessment) -> list[str]:
    """The ids of the questions that apply and have no answer of any state yet."""
    return [
        q.id
        for q in applicable(questionnaire, assessment.answers)
        if q.id not in assessment.answers
    ]
