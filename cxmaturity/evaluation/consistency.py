"""Consistency rules: pairs of answers that cannot both be true, found in a set of answers.

Pure functions over the models. The rules live in the questionnaire (`consistency`); the
interview asks about a rule right after the answer that completes its pair, and the result
document lists every rule the final answers still break.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import Conflict, ConsistencyRule, Questionnaire


def questions_of(rule: ConsistencyRule) -> list[str]:
    """The questions the rule reads, in the order of its conditions, without repeats."""
    return list(dict.fromkeys(q for cond in rule.conflict for q in cond.questions()))


def broken(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[ConsistencyRule]:
    """The rules whose two conditions both hold on `answers` (question id → answered value)."""
    return [
        rule
        for rule in questionnaire.consistency
        if all(evaluate(cond, answers, questionnaire) for cond in rule.conflict)
    ]


def completed_by(
    questionnaire: Questionnaire,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    question_id: str,
) -> list[ConsistencyRule]:
    """The rules that the answer to `question_id` has just broken: broken in `after`, not in
    `before`, and reading that question."""
    was = {r.id for r in broken(questionnaire, before)}
    return [
        r
        for r in broken(questionnaire, after)
        if r.id not in was and question_id in questions_of(r)
    ]


def conflicts(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[Conflict]:
    """The result document's view of the rules `answers` break, in the questionnaire's order."""
    return [
        Conflict(
            rule=r.id,
            message=r.message,
            questions=questions_of(r),
            answers={q: answers.get(q) for q in questions_of(r)},
        )
        for r in broken(questionnaire, answers)
    ]
