"""One tabular scorer over columns of answer codes (`cxmaturity batch`): its points, maximum and
step per question and answer, added up as `Finding.from_steps` adds them."""

from __future__ import annotations

from functools import partial

import numpy as np

from cxmaturity.batch.column_conditions import ColumnConditions, per_distinct
from cxmaturity.batch.plain import FIRST_VALUE, Codes
from cxmaturity.formats.models import Finding, Step
from cxmaturity.plugin_host import calls as plugin_calls
from cxmaturity.plugin_host.scorer_contract import QuestionScorer, ScoringContext


class Unsupported(Exception):
    """The run has a scorer that only the row path can score (named in the message)."""


def guarded(scorer: QuestionScorer, calls: list) -> list:
    """The results of `calls` into a scorer's code, each run as plugin code (under the time
    limit, its prints kept off the output). A call that fails, prints or is too slow leaves
    the chunk to the row path, which runs the scorer under the same guard and reports it."""
    outcomes = plugin_calls.call_each(calls, limit=plugin_calls.timeout())
    for outcome in outcomes:
        if outcome.error is not None or "".join(outcome.printed).strip():
            raise Unsupported(f"{getattr(scorer, 'name', 'a scorer')}: a call failed or printed")
    return [o.result for o in outcomes]


class ScorerTable:
    """One tabular scorer: the points, maximum and presence of a step per question and code."""

    def __init__(self, scorer: QuestionScorer, codes: Codes, probe: ScoringContext):
        self.scorer, self.codes, self.probe = scorer, codes, probe
        self.rows = [codes.row[q] for q in scorer.questions if q in codes.row]
        # a filled-in answer to any of these makes the scorer score again (`bounds.complete`)
        self.reads = [codes.row[q] for q in (*scorer.questions, *scorer.also_reads) if q in codes.row]
        self._tables: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._needed: dict[int, int] = {}
        self._scores: dict[tuple[int, int, int, int], float | None] = {}

    def table(self, row: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(points, maximum, has a step) by code, for every code known so far."""
        values = self.codes.values[row]
        found = self._tables.get(row)
        if found is None or len(found[0]) < len(values):
            qid = self.codes.ids[row]
            points, most, has = [], [], []
            asked = [value if code >= FIRST_VALUE else None for code, value in enumerate(values)]
            steps = guarded(self.scorer, [partial(self.scorer.step, self.probe, qid, value) for value in asked])
            for step in steps:
                if step is not None and not (isinstance(step, Step) and float(step.points).is_integer()
                                             and float(step.max_points).is_integer()):
                    # whole numbers add up exactly in any order; fractions would not
                    raise Unsupported(f"{self.scorer.name}: steps that are not whole points")
                points.append(int(step.points) if step else 0)
                most.append(int(step.max_points) if step else 0)
                has.append(step is not None)
            found = self._tables[row] = (np.array(points, np.int64), np.array(most, np.int64), np.array(has, bool))
        return found

    def needed(self, asked: int) -> int:
        if asked not in self._needed:
            [self._needed[asked]] = guarded(self.scorer, [partial(self.scorer.min_answered, asked)])
        return self._needed[asked]

    def score(self, matrix: np.ndarray, applies: dict[int, np.ndarray],
              conditions: ColumnConditions) -> tuple[list, np.ndarray, np.ndarray]:
        """(score or None, steps, asked) of every column."""
        n = matrix.shape[1]
        total, most, steps, asked = (np.zeros(n, np.int64) for _ in range(4))
        for row in self.rows:
            points, top, has = self.table(row)
            codes = matrix[row]
            on = applies[row]
            counted = on & has[codes]
            asked += on
            steps += counted
            total += np.where(counted, points[codes], 0)
            most += np.where(counted, top[codes], 0)
        gate = self.scorer.gate
        if gate is not None:  # closed: every step kept, with no points
            total = np.where(conditions.holds(gate.when, matrix), total, 0)

        def finding_score(j: int) -> float | None:
            key = (int(total[j]), int(most[j]), int(steps[j]), int(asked[j]))
            if key not in self._scores:
                # Finding.from_steps' arithmetic, on whole numbers summed in any order
                p, m, k, a = key
                self._scores[key] = Finding.score_of(p, m, k, self.needed(a))
            return self._scores[key]

        scores = per_distinct([total, most, steps, asked], finding_score)
        return scores, steps, asked


