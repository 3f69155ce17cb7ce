"""Conditions and distinct combinations over columns of answer codes (`cxmaturity batch`).

A condition is evaluated by `conditions.evaluate` once per distinct combination of what it reads,
each answer and dimension score counted by the class its tests put it in: the scores on one side
of every threshold, the answers its tests say the same of. `per_distinct` does the same for any
function of a few whole-number columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from cxmaturity.batch.plain import FIRST_VALUE, Codes
from cxmaturity.formats import conditions

if TYPE_CHECKING:
    from cxmaturity.formats.models import Condition

NONE = -1.0  # a missing score in a float column used as a key (scores are 0 to 100)


class ColumnConditions:
    """Conditions evaluated over columns, once per distinct combination of what they read."""

    def __init__(self, codes: Codes):
        self.codes = codes
        self.memo: dict[tuple, bool] = {}
        self._class_tables: dict[tuple[int, int], tuple[np.ndarray, int]] = {}

    def holds(self, cond: Condition | None, matrix: np.ndarray,
              dims: dict[str, np.ndarray] | None = None) -> np.ndarray:
        """Whether `cond` holds in each column of `matrix` (answer codes) and `dims` (scores)."""
        n = matrix.shape[1]
        if cond is None:
            return np.ones(n, dtype=bool)
        rows = [r for r in dict.fromkeys(self.codes.row.get(q) for q in cond.questions()) if r is not None]
        names = list(dict.fromkeys(c.dimension for c in cond.walk() if c.dimension is not None))
        # A dimension is read only through its thresholds: its scores count by the side of
        # each threshold they fall on, so that few combinations stay distinct.
        thresholds = _thresholds(cond)
        parts, radices = [], []
        for r in rows:
            classes, count = self._classes(cond, r)
            parts.append(classes[matrix[r]])
            radices.append(count)
        for name in names:
            column = (dims or {}).get(name, np.full(n, NONE))
            side = (column != NONE).astype(np.int64)
            for i, t in enumerate(thresholds[name]):
                side += (column >= t).astype(np.int64) << (2 * i + 1)
                side += (column <= t).astype(np.int64) << (2 * i + 2)
            parts.append(side)
            radices.append(2 ** (2 * len(thresholds[name]) + 1))
        if not parts:
            return np.full(n, conditions.evaluate(cond, {}, self.codes.questionnaire, {}), dtype=bool)
        firsts, inverse = distinct(parts, radices)
        out = np.empty(len(firsts), dtype=bool)
        for k, j in enumerate(firsts.tolist()):
            key = (id(cond), *(int(p[j]) for p in parts))
            found = self.memo.get(key)
            if found is None:
                answers = {self.codes.ids[r]: self.codes.values[r][int(matrix[r, j])]
                           for r in rows if matrix[r, j] >= FIRST_VALUE}
                given = {name: float(dims[name][j]) for name in names if dims is not None and name in dims}
                scores = {name: (None if given.get(name, NONE) == NONE else given[name]) for name in names}
                found = self.memo[key] = conditions.evaluate(cond, answers, self.codes.questionnaire, scores)
            out[k] = found
        return out[inverse]


    def _classes(self, cond: Condition, row: int) -> tuple[np.ndarray, int]:
        """The answers to one question a condition reads, numbered by what the condition's tests
        on that question say of them: (class by code, number of classes). Answers in one class
        are alike for the condition, so that few combinations stay distinct."""
        values = self.codes.values[row]
        found = self._class_tables.get((id(cond), row))
        if found is not None and len(found[0]) == len(values):
            return found
        qid = self.codes.ids[row]
        tests = [c for c in cond.walk() if c.q == qid]
        seen: dict[tuple, int] = {}
        classes = []
        for code, value in enumerate(values):
            answers = {qid: value} if code >= FIRST_VALUE else {}
            said = tuple(conditions.evaluate(t, answers, self.codes.questionnaire) for t in tests)
            classes.append(seen.setdefault(said, len(seen)))
        found = self._class_tables[(id(cond), row)] = (np.array(classes, dtype=np.int64), len(values))
        return found


def per_distinct(parts: list[np.ndarray], fn: Any) -> list:
    """`fn(j)` for every column j, called once per distinct combination of `parts`' values
    (whole numbers) at the first column that holds it."""
    if not len(parts[0]):
        return []
    radices = [int(p.max()) + 1 if p.min() >= 0 else None for p in parts]
    if None in radices:
        parts = [np.unique(p, return_inverse=True)[1].reshape(-1) for p in parts]
        radices = [int(p.max()) + 1 for p in parts]
    firsts, inverse = distinct(parts, radices)
    results = np.empty(len(firsts), dtype=object)
    results[:] = [fn(j) for j in firsts.tolist()]
    return results[inverse].tolist()


def _thresholds(cond: Condition) -> dict[str, list[float]]:
    """The thresholds a condition compares each dimension score with."""
    out: dict[str, list[float]] = {}
    for c in cond.walk():
        if c.dimension is not None:
            out.setdefault(c.dimension, []).extend(t for t in (c.gte, c.lte) if t is not None)
    return out


def distinct(parts: list[np.ndarray], radices: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(a column index of each distinct combination of `parts`' values, each column's
    combination): the columns that hold the same values in every part."""
    key = np.zeros(len(parts[0]), dtype=np.int64)
    span = 1
    for codes, radix in zip(parts, radices, strict=True):
        if span * radix >= 2 ** 62:
            _, firsts, inverse = np.unique(np.vstack(parts), axis=1, return_index=True, return_inverse=True)
            return firsts, inverse.reshape(-1)
        key += codes.astype(np.int64) * span
        span *= radix
    n = len(key)
    if span > 4 * n + 1024:
        _, firsts, inverse = np.unique(key, return_index=True, return_inverse=True)
        return firsts, inverse
    # Few possible keys: a table indexed by key finds them without sorting. Written back to
    # front, each key's entry ends up holding its first column.
    first = np.full(span, -1, dtype=np.int64)
    first[key[::-1]] = np.arange(n - 1, -1, -1)
    present = np.flatnonzero(first >= 0)
    number = np.empty(span, dtype=np.int64)
    number[present] = np.arange(len(present))
    return first[present], number[key]


