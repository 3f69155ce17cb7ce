"""The scoring pipeline column by column: many plain assessments at once, each row equal to
what `evaluate` gives it (tests/test_batch_columns.py compares them field by field).

The answers of a chunk form one matrix of codes (`plain.py`): a row per question, a column per
assessment. Each step of the pipeline then runs on columns, calling the pipeline's own
functions on the few distinct inputs a chunk holds rather than once per assessment:

- a condition (`when`, membership, stage requirement, playbook) is evaluated by
  `conditions.evaluate` once per distinct combination of the answers it reads;
- a scorer's `step` runs once per distinct answer to each of its questions, and its points are
  added up over the columns as `Finding.from_steps` adds them;
- a placement is worked out by `cohorts` once per (question, cohort, answer);
- the open questions are filled at their worst and best answer (`bounds`), and the stage climbed
  (`stages.climb`), as for one assessment.

Only scorers that score each question on its own from the answer alone (`QuestionScorer`s
whose `step` reads the question and the value) can be added up this way; with any other
scorer in the run, `ColumnPlan` refuses (`Unsupported`) and the batch scores row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean
from typing import TYPE_CHECKING, Any

import numpy as np

from cxmaturity.batch.plain import FIRST_VALUE, NOT_APPLICABLE, Codes
from cxmaturity.evaluation import bounds, stages
from cxmaturity.evaluation.applies import cohort_files_for, playbooks_for, scorers_for
from cxmaturity.evaluation.cohorts import placed_questions
from cxmaturity.evaluation.roadmap import fit_order
from cxmaturity.formats import conditions
from cxmaturity.formats.models import Assessment, Company, Coverage, QuestionnaireRef, StageModel
from cxmaturity.plugin_host.scorer_contract import QuestionScorer, ScoringContext

if TYPE_CHECKING:
    from cxmaturity.formats.models import Condition, Questionnaire
    from cxmaturity.plugin_host.manager import Registry

VERDICTS = ("ahead", "level", "behind", "no_benchmark")
NONE = -1.0  # a missing score in a float column used as a key (scores are 0 to 100)


class Unsupported(Exception):
    """The run has a scorer that only the row path can score (named in the message)."""


def tabular(scorer: Any) -> bool:
    """Whether `scorer` scores each question from its answer alone (and its gate), so that
    columns add up."""
    return (isinstance(scorer, QuestionScorer) and type(scorer).score is QuestionScorer.score
            and type(scorer).finding is QuestionScorer.finding and bool(scorer.steps_by_value))


class _Conditions:
    """Conditions evaluated over columns, once per distinct combination of what they read."""

    def __init__(self, codes: Codes):
        self.codes = codes
        self.memo: dict[tuple, bool] = {}
        self._class_tables: dict[tuple[int, int], tuple[np.ndarray, int]] = {}

    def holds(self, cond: Condition | None, matrix: np.ndarray, dims: dict[str, np.ndarray] | None = None) -> np.ndarray:
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
        firsts, inverse = _distinct(parts, radices)
        out = np.empty(len(firsts), dtype=bool)
        for k, j in enumerate(firsts.tolist()):
            key = (id(cond), *(int(p[j]) for p in parts))
            found = self.memo.get(key)
            if found is None:
                answers = {self.codes.ids[r]: self.codes.values[r][int(matrix[r, j])]
                           for r in rows if matrix[r, j] >= FIRST_VALUE}
                scores = {name: (None if dims is None or name not in dims or dims[name][j] == NONE else float(dims[name][j]))
                          for name in names}
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
    firsts, inverse = _distinct(parts, radices)
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


def _distinct(parts: list[np.ndarray], radices: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(a column index of each distinct combination of `parts`' values, each column's
    combination): the columns that hold the same values in every part, found with one sort."""
    key = np.zeros(len(parts[0]), dtype=np.int64)
    span = 1
    for codes, radix in zip(parts, radices):
        if span * radix >= 2 ** 62:
            _, firsts, inverse = np.unique(np.vstack(parts), axis=1, return_index=True, return_inverse=True)
            return firsts, inverse.reshape(-1)
        key += codes.astype(np.int64) * span
        span *= radix
    _, firsts, inverse = np.unique(key, return_index=True, return_inverse=True)
    return firsts, inverse


class _ScorerTable:
    """One tabular scorer: the points, maximum and presence of a step per question and code."""

    def __init__(self, scorer: QuestionScorer, codes: Codes, probe: ScoringContext):
        self.scorer, self.codes, self.probe = scorer, codes, probe
        self.rows = [codes.row[q] for q in scorer.questions if q in codes.row]
        # a filled-in answer to any of these makes the scorer score again (`bounds.complete`)
        self.reads = [codes.row[q] for q in (*scorer.questions, *scorer.also_reads) if q in codes.row]
        self.missing = len(scorer.questions) - len(self.rows)  # never in the questionnaire: never asked
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
            for code, value in enumerate(values):
                step = self.scorer.step(self.probe, qid, value if code >= FIRST_VALUE else None)
                if step is not None and not (float(step.points).is_integer() and float(step.max_points).is_integer()):
                    # whole numbers add up exactly in any order; fractions would not
                    raise Unsupported(f"{self.scorer.name}: points that are not whole numbers")
                points.append(int(step.points) if step else 0)
                most.append(int(step.max_points) if step else 0)
                has.append(step is not None)
            found = self._tables[row] = (np.array(points, np.int64), np.array(most, np.int64), np.array(has, bool))
        return found

    def needed(self, asked: int) -> int:
        if asked not in self._needed:
            self._needed[asked] = self.scorer.min_answered(asked)
        return self._needed[asked]

    def score(self, matrix: np.ndarray, applies: dict[int, np.ndarray],
              conditions: _Conditions) -> tuple[list, np.ndarray, np.ndarray]:
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
                self._scores[key] = round(100 * p / m, 1) if k >= self.needed(a) and k else None
            return self._scores[key]

        scores = per_distinct([total, most, steps, asked], finding_score)
        return scores, steps, asked


class ColumnPlan:
    """What scoring a chunk of one questionnaire's assessments needs, worked out once."""

    def __init__(self, questionnaire: Questionnaire, registry: Registry, model: StageModel):
        scorers = scorers_for(questionnaire, registry)
        odd = [s.name for s in scorers if not tabular(s)]
        if odd:
            raise Unsupported(", ".join(sorted(odd)))
        self.questionnaire, self.model = questionnaire, model
        self.codes = Codes(questionnaire)
        self.conditions = _Conditions(self.codes)
        probe = ScoringContext(
            assessment=Assessment(questionnaire=QuestionnaireRef(id=questionnaire.id, version=questionnaire.version),
                                  company=Company(id="probe", name="probe")),
            questionnaire=questionnaire)
        self.probe = probe
        self.scorers = [_ScorerTable(s, self.codes, probe) for s in scorers]
        self.cohort_files = cohort_files_for(questionnaire, registry)
        self.playbooks = playbooks_for(questionnaire, registry)
        self.placed = placed_questions(questionnaire, self.cohort_files)
        # dimensions: those the scorers give (sorted by id, as `dimensions` sorts them)
        by_dim: dict[str, list[_ScorerTable]] = {}
        for table in self.scorers:
            by_dim.setdefault(table.scorer.dimension, []).append(table)
        self.by_dim = dict(sorted(by_dim.items()))
        apart = {s.dimension for s in scorers if getattr(s, "in_overall", "weighted") == "apart"}
        known = {d.id: d for d in model.dimensions}
        self.weight = {d: (known[d].weight if d in known and d not in apart else 0) for d in self.by_dim}
        self.mean_weights = {d.id: d.weight for d in model.dimensions if d.id not in apart}
        self.total_weight = sum(d.weight for d in model.dimensions)
        # the questions whose open answers are filled in to show the stage's range (`ranges`)
        weighted = {d.id for d in model.dimensions if d.weight > 0}
        wanted: dict[str, None] = {}
        for scorer in registry.scorers:
            if scorer.dimension in weighted:
                wanted.update(dict.fromkeys(scorer.questions))
        for stage in model.stages:
            for req in stage.requires:
                wanted.update(dict.fromkeys(req.when.questions()))
        order = {q.id: i for i, q in enumerate(questionnaire.questions)}
        self.wanted = [self.codes.row[q] for q in sorted(wanted, key=lambda q: order.get(q, len(order)))
                       if q in self.codes.row]
        readers: dict[str, list] = {}
        for scorer in sorted(registry.scorers, key=lambda s: s.name):
            for qid in scorer.questions:
                readers.setdefault(qid, []).append(scorer)
        self.extreme: dict[tuple[int, str], int | None] = {}
        known_pairs: dict = {}
        for row in self.wanted:
            qid = self.codes.ids[row]
            for side in ("worst", "best"):
                value = bounds._extreme(readers.get(qid, []), probe, questionnaire.question(qid), side, known_pairs)
                self.extreme[(row, side)] = None if value is None else self.codes.code(qid, value)
        self.whens: dict[int, Condition | None] = {}
        for question in questionnaire.questions:  # the first of duplicate ids, as `question()`
            self.whens.setdefault(self.codes.row[question.id], question.when)
        # Free text that no condition, scorer or figure reads shares one code (plain.Codes).
        read = {q for s in registry.scorers for q in s.questions} | {q.id for q, _ in self.placed}
        for cond in self._conditions():
            read.update(cond.questions())
        self.codes.opaque = {q.id for q in questionnaire.questions if q.type == "text" and q.id not in read}
        self._provisional: dict[tuple[int, int], bool] = {}
        self._climbs: dict[tuple, tuple] = {}
        self._dim_means: dict[tuple, float | None] = {}

    def _conditions(self):
        yield from (q.when for q in self.questionnaire.questions if q.when is not None)
        for file in self.cohort_files:
            yield from (c.member_when for c in file.cohorts if c.member_when is not None)
        for stage in self.model.stages:
            yield from (r.when for r in stage.requires)
        for table in self.scorers:
            if table.scorer.gate is not None:
                yield table.scorer.gate.when
        for pb in self.playbooks:
            yield from (c for c in (pb.applies_when, *(f.when for f in pb.fit),
                                    *(ph.done_when for ph in pb.phases)) if c is not None)

    # --- steps --------------------------------------------------------------------------

    def applies(self, matrix: np.ndarray) -> dict[int, np.ndarray]:
        """Per question row: whether the question applies (its `when` holds on the answers)."""
        n = matrix.shape[1]
        out = {}
        for row, when in self.whens.items():
            out[row] = np.ones(n, dtype=bool) if when is None else self.conditions.holds(when, matrix)
        return out

    def dimensions(self, matrix: np.ndarray, applies: dict[int, np.ndarray]) -> dict[str, dict[str, Any]]:
        """Per dimension: its scores (list, None where unscored), steps and asked."""
        out = {}
        for dim, tables in self.by_dim.items():
            results = [t.score(matrix, applies, self.conditions) for t in tables]
            if len(results) == 1:
                scores = results[0][0]
            else:
                scores = [self._mean(tuple(r[0][i] for r in results)) for i in range(matrix.shape[1])]
            out[dim] = {"scores": scores, "answered": sum(r[1] for r in results), "asked": sum(r[2] for r in results)}
        return out

    def _mean(self, scores: tuple) -> float | None:
        if scores not in self._dim_means:
            given = [s for s in scores if s is not None]
            self._dim_means[scores] = (given[0] if len(given) == 1 else round(mean(given), 1)) if given else None
        return self._dim_means[scores]

    def score_chunk(self, plains: Sequence[Any]) -> dict[str, list]:
        """The result columns (as `rows.row_of` names them, without source and line)."""
        n = len(plains)
        matrix = np.zeros((len(self.codes.ids), n), dtype=np.int64)
        rows, cols, codes = [], [], []
        for j, p in enumerate(plains):
            rows += p.codes.keys()
            codes += p.codes.values()
            cols += [j] * len(p.codes)
        matrix[rows, cols] = codes
        applies = self.applies(matrix)
        given = self.dimensions(matrix, applies)
        given_cols = {d: _column(v["scores"]) for d, v in given.items()}
        sides = {}
        for side in ("worst", "best"):
            filled_matrix, filled = self._complete_rounds(matrix, side)
            any_filled = filled.any(axis=0)
            side_applies = self.applies(filled_matrix)
            side_dims = self.dimensions(filled_matrix, side_applies)
            scores = {}
            for dim, tables in self.by_dim.items():
                touched = np.zeros(n, dtype=bool)
                for t in tables:
                    for row in t.reads:
                        touched |= filled[row]
                scores[dim] = [s if hit else g for s, g, hit in
                               zip(side_dims[dim]["scores"], given[dim]["scores"], (touched & any_filled).tolist())]
            sides[side] = {"matrix": filled_matrix, "scores": scores, "filled": filled.sum(axis=0)}
        return self._columns(plains, matrix, given, given_cols, sides)

    def _complete_rounds(self, matrix: np.ndarray, side: str) -> tuple[np.ndarray, np.ndarray]:
        current = matrix.copy()
        filled = np.zeros(matrix.shape, dtype=bool)
        for _ in range(bounds.ROUNDS):
            start = current.copy()
            new = np.zeros(matrix.shape, dtype=bool)
            for row in self.wanted:
                code = self.extreme[(row, side)]
                if code is None:
                    continue
                open_ = (start[row] < FIRST_VALUE) & (matrix[row] != NOT_APPLICABLE) & ~filled[row]
                when = self.whens.get(row)
                if when is not None and open_.any():
                    open_ &= self.conditions.holds(when, start)
                new[row] = open_
            if not new.any():
                break
            for row in self.wanted:
                if new[row].any():
                    code = self.extreme[(row, side)]
                    current[row] = np.where(new[row], code, current[row])
            filled |= new
        return current, filled

    def _columns(self, plains, matrix, given, given_cols, sides) -> dict[str, list]:
        n = len(plains)
        out: dict[str, list] = {}
        worst, best = sides["worst"]["scores"], sides["best"]["scores"]
        # the overall score on each side: the weighted mean of the dimensions scored
        low_score = self._overall(worst, n)
        high_score = self._overall(best, n)
        stage, held = self._stage(low_score, sides["worst"]["matrix"], worst)
        top, _ = self._stage(high_score, sides["best"]["matrix"], best)
        lowest = np.full(n, np.inf)
        weakest = np.full(n, None, dtype=object)
        certain = np.zeros(n)
        provisional = np.zeros(n, dtype=np.int64)  # a bit per weighted dimension
        weighted = [d for d in self.by_dim if self.weight[d] > 0]
        for dim in self.by_dim:
            w = self.weight[dim]
            if w <= 0:
                continue
            answered, asked = given[dim]["answered"], given[dim]["asked"]
            prov = np.array(per_distinct([answered, asked], lambda j: self._is_provisional(int(answered[j]), int(asked[j]))),
                            dtype=bool)
            score, low = given_cols[dim], _column(worst[dim])
            scored = score != NONE
            # the first of equals in id order, as `min` keeps it
            lower = scored & (low != NONE) & (low < lowest)
            lowest = np.where(lower, low, lowest)
            weakest[lower] = dim
            provisional |= prov.astype(np.int64) << weighted.index(dim)
            certain += np.where(scored & ~prov, w, 0)
        provisional_words = per_distinct(
            [provisional], lambda j: "|".join(d for b, d in enumerate(weighted) if provisional[j] >> b & 1) or None)
        out["stage"] = stage
        out["best_stage"] = [b or s for b, s in zip(top, stage)]
        out["score"] = low_score
        out["score_high"] = [h if h is not None else s for h, s in zip(high_score, low_score)]
        total = self.total_weight
        out["coverage"] = [round(c / total, 3) if total else 0 for c in certain.tolist()]
        out["open_questions"] = sides["best"]["filled"].tolist()
        out["held_back"] = held
        out["weakest"] = weakest.tolist()
        out["provisional"] = provisional_words
        for dim in self.by_dim:
            out[f"dim.{dim}"] = given[dim]["scores"]
            out[f"dim.{dim}.low"] = worst[dim]
            out[f"dim.{dim}.high"] = best[dim]
            out[f"dim.{dim}.answered"] = given[dim]["answered"].tolist()
            out[f"dim.{dim}.asked"] = given[dim]["asked"].tolist()
        out["playbook"], out["phase"] = self._roadmap(matrix, given_cols)
        out.update(self._verdicts(matrix))
        return out

    def _is_provisional(self, answered: int, asked: int) -> bool:
        key = (answered, asked)
        if key not in self._provisional:
            self._provisional[key] = stages.provisional(Coverage(answered=answered, asked=asked), self.model)
        return self._provisional[key]

    def _overall(self, scores: dict[str, list], n: int) -> list[float | None]:
        """`stages._mean` over the columns: the weighted mean of the dimensions scored, the
        products and weights added in the same order, so to the same floats."""
        weighed = np.zeros(n)
        total = np.zeros(n)
        for d, w in self.mean_weights.items():
            if w > 0 and d in scores:
                column = _column(scores[d])
                there = column != NONE
                weighed = np.where(there, weighed + w * column, weighed)
                total = np.where(there, total + w, total)
        means = np.divide(weighed, total, out=np.zeros(n), where=total != 0)
        return [round(m, 1) if t else None for m, t in zip(means.tolist(), total.tolist())]

    def _stage(self, score: list, matrix: np.ndarray, dims: dict[str, list]) -> tuple[list, list]:
        """(the stage reached, the stage held back) of every column, by `stages.climb`."""
        requirements = [r for stage in self.model.stages for r in stage.requires]
        dim_cols = {d: _column(v) for d, v in dims.items()}
        holds = [self.conditions.holds(r.when, matrix, dim_cols) for r in requirements]
        thresholds = np.array([s.min_score for s in self.model.stages], dtype=np.float64)
        column = _column(score)
        # the stages a score reaches depend only on the thresholds it is above
        bucket = np.where(column == NONE, len(thresholds) + 1, np.searchsorted(thresholds, column, side="right"))

        def climbed(j: int) -> tuple:
            truth = {id(r): bool(h[j]) for r, h in zip(requirements, holds)}
            top, back, _ = stages.climb(score[j], self.model, lambda r: truth[id(r)])
            return top.id if top else None, back.id if back else None

        found = per_distinct([bucket, *(h.astype(np.int64) for h in holds)], climbed)
        return [f[0] for f in found], [f[1] for f in found]

    def _roadmap(self, matrix: np.ndarray, dims: dict[str, np.ndarray]) -> tuple[list, list]:
        """(the playbook chosen, its current phase) of every column, as `recommend` picks them."""
        n = matrix.shape[1]
        if not self.playbooks:
            return [None] * n, [None] * n
        gates, points, done, rests = [], [], [], []
        na = matrix == NOT_APPLICABLE
        for pb in self.playbooks:
            gates.append(self.conditions.holds(pb.applies_when, matrix, dims))
            total = np.zeros(n)
            for fit in pb.fit:  # added in order, as `weigh` adds them
                total = total + np.where(self.conditions.holds(fit.when, matrix, dims), fit.weight, 0)
            points.append(total)
            for phase in pb.phases:
                done.append(self.conditions.holds(phase.done_when, matrix, dims))
                # `rests_on`: every question the phase reads was answered "not applicable"
                reads = phase.done_when.questions() if phase.done_when else []
                rows = [self.codes.row[q] for q in reads if q in self.codes.row]
                idle = reads and len(rows) == len(reads)
                rests.append(na[rows].all(axis=0) if idle else np.zeros(n, dtype=bool))
        # `recommend`: the playbook with the most points among those whose gate is open, ties
        # to the higher priority then the id (`fit_order`); its first phase neither done nor
        # resting on "not applicable" answers is the current one.
        order = sorted(range(len(self.playbooks)), key=lambda i: fit_order((self.playbooks[i], 0)))
        ranked = np.vstack([np.where(gates[i], points[i], -np.inf) for i in order])
        best = np.array(order)[np.argmax(ranked, axis=0)]  # the first of equals in that order
        chosen = np.where(np.isfinite(ranked.max(axis=0)), best, -1)
        current = np.full(n, None, dtype=object)
        k = 0
        for i, pb in enumerate(self.playbooks):
            pending = np.full(n, None, dtype=object)
            for phase in pb.phases:
                first = (pending == None) & ~done[k] & ~rests[k]  # noqa: E711 - an object array
                pending[first] = phase.id
                k += 1
            current = np.where(chosen == i, pending, current)
        ids = np.array([pb.id for pb in self.playbooks] + [None], dtype=object)
        return ids[chosen].tolist(), current.tolist()

    def _verdicts(self, matrix: np.ndarray) -> dict[str, list]:
        """How many placements of each verdict every column gets against each cohort."""
        n = matrix.shape[1]
        out: dict[str, list] = {}
        counted: dict[str, np.ndarray] = {}
        for file in self.cohort_files:
            for cohort in file.cohorts:
                compared = self.conditions.holds(cohort.member_when, matrix) | cohort.always_compared
                key = (file.id, cohort.id)
                counts = counted.setdefault(cohort.id, np.zeros((len(VERDICTS), n), dtype=np.int64))
                for question, place in self.placed:
                    row = self.codes.row.get(question.id)
                    if row is None:
                        continue
                    values = self.codes.values[row]
                    verdict = np.full(len(values), -1, dtype=np.int64)
                    for code in range(FIRST_VALUE, len(values)):
                        found = place(key, values[code])
                        verdict[code] = VERDICTS.index(found[0].verdict) if found else -1
                    got = verdict[matrix[row]]
                    got = np.where(compared, got, -1)
                    for v in range(len(VERDICTS)):
                        counts[v] += got == v
        for cid, counts in counted.items():
            for v, name in enumerate(VERDICTS):
                out[f"cohort.{cid}.{name}"] = counts[v].tolist()
        return out


def _column(scores: list) -> np.ndarray:
    return np.array([NONE if s is None else s for s in scores], dtype=np.float64)

