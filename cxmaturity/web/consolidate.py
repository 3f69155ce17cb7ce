"""Several respondents' answers to one questionnaire → where they disagree, and one answer
per question to propose to the consultant. Pure functions over the models; nothing stored.

Disagreement: on an ordered question (band, scale, ordered single), answers two or more
options apart; on any other question, answers that differ. The proposal: the median of the
ordered answers (the lower one of an even count, so that a tie never raises maturity), else
the answer most respondents gave (a tie goes to the option listed first). Skipped, not
applicable and don't-know replies are not answers: they are proposed only when nobody answered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from cxmaturity.formats.models import Answer, Question, Questionnaire

STATES_ORDER = ("not_applicable", "dont_know", "skipped")


@dataclass(frozen=True)
class Proposal:
    """What to keep for one question: a state, and a value when the state is answered."""

    state: str
    value: Any = None


@dataclass(frozen=True)
class Row:
    """One question of the consolidation: each respondent's answer (None: not asked or not
    reached), whether they disagree, and the proposed answer."""

    question: Question
    answers: list[Answer | None]
    disagree: bool
    proposal: Proposal | None


def _rank(question: Question, value: Any) -> float:
    if question.type == "scale":
        return float(value)
    return float(question.option_ids.index(value))


def disagree(question: Question, values: list[Any]) -> bool:
    """Whether answered `values` to `question` disagree (see the module's rule)."""
    if len(values) < 2:
        return False
    if question.is_ordered:
        ranks = [_rank(question, v) for v in values]
        return max(ranks) - min(ranks) >= 2
    if question.type == "multi":
        return len({frozenset(v) for v in values}) > 1
    return len({json_key(v) for v in values}) > 1


def json_key(value: Any) -> str:
    import json

    return json.dumps(value, sort_keys=True)


def propose(question: Question, answers: list[Answer | None]) -> Proposal | None:
    """The answer to propose from the respondents' `answers` (None when nobody replied)."""
    given = [a for a in answers if a is not None]
    if not given:
        return None
    values = [a.value for a in given if a.state == "answered"]
    if not values:
        counts = Counter(a.state for a in given)
        top = max(counts.values())
        return Proposal(next(s for s in STATES_ORDER if counts.get(s) == top))
    if question.is_ordered or question.type == "number":
        ordered = sorted(values, key=(lambda v: float(v)) if question.type in ("scale", "number")
                         else (lambda v: _rank(question, v)))
        return Proposal("answered", ordered[(len(ordered) - 1) // 2])
    if question.type == "multi":
        # Each option kept when more than half of the answers chose it.
        kept = [o for o in question.option_ids if sum(o in v for v in values) * 2 > len(values)]
        if question.exclusive in kept and len(kept) > 1:
            kept = [o for o in kept if o != question.exclusive]
        if not kept:  # no option has a majority: the set most respondents gave
            sets = [tuple(o for o in question.option_ids if o in v) for v in values]
            kept = list(Counter(sets).most_common(1)[0][0])
        return Proposal("answered", kept)
    counts = Counter(json_key(v) for v in values)
    top = max(counts.values())
    order = question.option_ids
    tied = [v for v in values if counts[json_key(v)] == top]
    if order:
        tied.sort(key=lambda v: order.index(v) if v in order else len(order))
    return Proposal("answered", tied[0])


def rows(questionnaire: Questionnaire, respondents: list[dict[str, Answer]]) -> list[Row]:
    """One row per question that any respondent replied to, in the questionnaire's order."""
    out = []
    for question in questionnaire.questions:
        answers = [r.get(question.id) for r in respondents]
        if all(a is None for a in answers):
            continue
        values = [a.value for a in answers if a is not None and a.state == "answered"]
        out.append(Row(question, answers, disagree(question, values), propose(question, answers)))
    return out
