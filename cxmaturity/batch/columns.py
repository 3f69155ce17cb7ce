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
from functools import partial
from typing import TYPE_CHECKING, Any, get_args

import numpy as np

from cxmaturity.batch.column_conditions import NONE, ColumnConditions, per_distinct
from cxmaturity.batch.column_scorers import ScorerTable, Unsupported, guarded
from cxmaturity.batch.plain import FIRST_VALUE, NOT_APPLICABLE, Codes
from cxmaturity.evaluation import bounds, stages
from cxmaturity.evaluation.applies import cohort_files_for, playbooks_for, scorers_for
from cxmaturity.evaluation.cohorts import placed_questions
from cxmaturity.evaluation.pipeline import dimension_score
from cxmaturity.evaluation.roadmap import fit_order
from cxmaturity.formats.model_base import Verdict
from cxmaturity.formats.models import Assessment, Company, Coverage, QuestionnaireRef, StageModel
from cxmaturity.plugin_host.scorer_contract import QuestionScorer, ScoringContext

if TYPE_CHECKING:
    from cxmaturity.formats.models import Condition, Questionnaire
    from cxmaturity.plugin_host.manager import Registry

VERDICTS = get_args(Verdict)  # the order of the output's columns


def tabular(scorer: Any) -> bool:
    """Whether `scorer` scores each question from its answer alone (and its gate), so that
    columns add up."""
    return (isinstance(scorer, QuestionScorer) and type(scorer).score is QuestionScorer.score
            and type(scorer).finding is QuestionScorer.finding and bool(scorer.steps_by_value))


class ColumnPlan:
    """What scoring a chunk of one questionnaire's assessments needs, worked out once."""

    def __init__(self, questionnaire: Questionnaire, registry: Registry, model: StageModel):
        scorers = scorers_for(questionnaire, registry)
        odd = [s.name for s in scorers if not tabular(s)]
        if odd:
            raise Unsupported(", ".join(sorted(odd)))
        self.questionnaire, self.model = questionnaire, model
        self.codes = Codes(questionnaire)
        self.conditions = ColumnConditions(self.codes)
        probe = ScoringContext(
            assessment=Assessment(questionnaire=QuestionnaireRef(id=questionnaire.id, version=questionnaire.version),
                                  company=Company(id="probe", name="probe")),
            questionnaire=questionnaire)
        self.scorers = [ScorerTable(s, self.codes, probe) for s in scorers]
        self.cohort_files = cohort_files_for(questionnaire, registry)
        self.playbooks = playbooks_for(questionnaire, registry)
        self.placed = placed_questions(questionnaire, self.cohort_files)
        # dimensions: those the scorers give (sorted by id, as `dimensions` sorts them)
        by_dim: dict[str, list[ScorerTable]] = {}
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
                # the scorers' `extremes`, as the row path asks them, run as plugin code
                [value] = guarded(scorers[0] if scorers else None, [partial(
                    bounds.extreme, readers.get(qid, []), probe, questionnaire.question(qid), side, known_pairs)])
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
        self._verdict_tables: dict[tuple[str, str], np.ndarray] = {}
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
            self._dim_means[scores] = dimension_score([s for s in scores if s is not None])
        return self._dim_means[scores]

    def score_chunk(self, plains: Sequence[Any]) -> dict[str, list]:
        """The result columns (as `rows.row_of` names them, without source and line)."""
        n = len(plains)
        joined = np.frombuffer(b"".join([p.codes.tobytes() for p in plains]), dtype=np.int32)
        matrix = joined.reshape(n, len(self.codes.ids)).T.astype(np.int64, order="C")
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
                               zip(side_dims[dim]["scores"], given[dim]["scores"], (touched & any_filled).tolist(),
                                   strict=True)]
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
            prov = np.array(per_distinct(
                [answered, asked], lambda j, a=answered, k=asked: self._is_provisional(int(a[j]), int(k[j]))),
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
        out["best_stage"] = [b or s for b, s in zip(top, stage, strict=True)]
        out["score"] = low_score
        out["score_high"] = [h if h is not None else s for h, s in zip(high_score, low_score, strict=True)]
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
        return [round(m, 1) if t else None for m, t in zip(means.tolist(), total.tolist(), strict=True)]

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
            truth = {id(r): bool(h[j]) for r, h in zip(requirements, holds, strict=True)}
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
        rows = [self.codes.row[q.id] for q, _ in self.placed if q.id in self.codes.row]
        answers = matrix[rows] if rows else np.zeros((0, n), dtype=np.int64)
        for file in self.cohort_files:
            for cohort in file.cohorts:
                compared = self.conditions.holds(cohort.member_when, matrix) | cohort.always_compared
                # the verdict of every answer to every placed question, gathered in one step
                verdicts = self._verdict_table((file.id, cohort.id))
                got = verdicts[np.arange(len(rows))[:, None], answers] if rows else answers
                counts = counted.setdefault(cohort.id, np.zeros((len(VERDICTS), n), dtype=np.int64))
                for v in range(len(VERDICTS)):
                    counts[v] += np.where(compared, (got == v).sum(axis=0), 0)
        for cid, counts in counted.items():
            for v, name in enumerate(VERDICTS):
                out[f"cohort.{cid}.{name}"] = counts[v].tolist()
        return out

    def _verdict_table(self, key: tuple[str, str]) -> np.ndarray:
        """(placed question, answer code) → the verdict's index against cohort `key`, -1 for
        no placement (an unanswered question): worked out once per answer (`cohorts`)."""
        places = [(self.codes.row[q.id], place) for q, place in self.placed if q.id in self.codes.row]
        width = max((len(self.codes.values[r]) for r, _ in places), default=0)
        found = self._verdict_tables.get(key)
        if found is not None and found.shape[1] == width and all(
                (found[i, len(self.codes.values[r]) - 1] != -2) for i, (r, _) in enumerate(places)):
            return found
        table = np.full((len(places), max(width, 1)), -2, dtype=np.int64)  # -2: no such code yet
        for i, (row, place) in enumerate(places):
            values = self.codes.values[row]
            table[i, :len(values)] = -1
            for code in range(FIRST_VALUE, len(values)):
                placed = place(key, values[code])
                table[i, code] = VERDICTS.index(placed[0].verdict) if placed else -1
        self._verdict_tables[key] = table
        return table


def _column(scores: list) -> np.ndarray:
    return np.array([NONE if s is None else s for s in scores], dtype=np.float64)

