"""Evaluating the condition language against a company's answers (and dimension scores).

A condition on a question that was not answered is false, so `not` of it is true.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxmaturity.formats.models import Condition, Questionnaire


def _rank(questionnaire: Questionnaire | None, qid: str, option: str) -> int | None:
    question = questionnaire.question(qid) if questionnaire else None
    if question is None or option not in question.option_ids:
        return None
    return question.option_ids.index(option)


def _measure(value: Any, questionnaire: Questionnaire | None, qid: str, bound: Any) -> tuple | None:
    """(value, bound) made comparable, or None when they cannot be compared."""
    if isinstance(value, list):
        question = questionnaire.question(qid) if questionnaire else None
        exclusive = question.exclusive if question else None
        value = len([v for v in value if v != exclusive])
    if isinstance(bound, str):
        if not isinstance(value, str):
            return None
        a, b = _rank(questionnaire, qid, value), _rank(questionnaire, qid, bound)
        return None if a is None or b is None else (a, b)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value, bound


def evaluate(
    cond: Condition | None,
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None = None,
    dimensions: Mapping[str, float | None] | None = None,
) -> bool:
    """Whether `cond` holds; `answers` maps the answered question ids to their values.

    `questionnaire` is needed to compare ordered options by position; `dimensions`
    (dimension id → score) for dimension conditions. No condition holds trivially.
    """
    if cond is None:
        return True
    if cond.all is not None:
        return all(evaluate(c, answers, questionnaire, dimensions) for c in cond.all)
    if cond.any is not None:
        return any(evaluate(c, answers, questionnaire, dimensions) for c in cond.any)
    if cond.not_ is not None:
        return not evaluate(cond.not_, answers, questionnaire, dimensions)
    if cond.dimension is not None:
        score = (dimensions or {}).get(cond.dimension)
        if score is None:
            return False
        return (cond.gte is None or score >= cond.gte) and (cond.lte is None or score <= cond.lte)
    if cond.answered is not None:
        return (cond.q in answers) == cond.answered
    if cond.q not in answers:
        return False
    value = answers[cond.q]
    if cond.in_ is not None:
        if isinstance(value, list):
            return any(v in cond.in_ for v in value)
        return value in cond.in_
    for bound, ok in ((cond.gte, lambda v, b: v >= b), (cond.lte, lambda v, b: v <= b)):
        if bound is None:
            continue
        pair = _measure(value, questionnaire, cond.q, bound)
        if pair is None or not ok(*pair):
            return False
    return True
