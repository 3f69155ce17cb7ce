"""A chunk of assessment documents → one result row each, as `score` judges them.

Every row is what the `evaluate` result of its assessment (cohorts, scorers, placements, the
stage with its range, the roadmap) says, reduced to what a table of many companies shows.
Plain documents are scored column by column (`columns.py`, tests/test_batch_columns.py holds
it equal); the others go through `evaluate` one by one, where scorers with a batch method score
the chunk first and hand their findings to it. `score_chunk` is a plain function of picklable
arguments, so that the Dask engine runs the very same code on its workers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from cxmaturity.batch.readers import Record, parse_line
from cxmaturity.formats.model_base import Verdict

VERDICTS = get_args(Verdict)  # the order of the output's columns


@dataclass(frozen=True)
class Settings:
    """What every process needs to load the same plugins, cohorts and stage model."""

    plugins_dirs: tuple[str, ...] = ()
    strict: bool = False
    cohorts: tuple[str, ...] = ()
    weights: str | None = None
    placements: bool = False


@dataclass
class Scored:
    """What a chunk gives: the rows as columns (name → values, in input order), long-form
    placements, errors, scorers run row by row."""

    columns: dict[str, list[Any]] = field(default_factory=dict)
    count: int = 0
    #: The same rows as a pyarrow table, where they crossed from a Dask worker (then `columns`
    #: is empty).
    table: Any = None
    placements: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    row_by_row: set[str] = field(default_factory=set)

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The rows one by one (column → value)."""
        if self.table is not None:
            return self.table.to_pylist()
        names = list(self.columns)
        return [dict(zip(names, values, strict=True)) for values in zip(*self.columns.values(), strict=True)]


class _Setup:
    def __init__(self, settings: Settings):
        from cxmaturity.evaluation.stages import load_stage_model
        from cxmaturity.plugin_host.catalog import find
        from cxmaturity.workspace.portfolio_files import Questionnaires
        from cxmaturity.workspace.workspace import open_registry

        self.registry = open_registry(settings.plugins_dirs, strict=settings.strict, cohorts=settings.cohorts)
        self.model = load_stage_model(settings.weights)
        self.questionnaires = Questionnaires(lambda qid, v: find(qid, v, registry=self.registry))
        self.batched = [s for s in self.registry.scorers if callable(getattr(s, "score_batch", None))]
        self._plans: dict[tuple[str, int], Any] = {}

    def plan(self, ref: Any) -> Any:
        """The column plan of the questionnaire a document names (`columns.ColumnPlan`), or
        None when its rows go the row path: an unknown questionnaire, or a scorer only the
        row path can run."""
        if type(ref) is not dict or type(ref.get("id")) is not str or type(ref.get("version")) is not int:
            return None
        key = (ref["id"], ref["version"])
        if key not in self._plans:
            from cxmaturity.errors import CxError

            self._plans[key] = None
            try:
                from cxmaturity.batch.columns import ColumnPlan, Unsupported
            except ImportError:  # numpy is not installed: every row goes the row path
                return None
            try:
                self._plans[key] = ColumnPlan(self.questionnaires.get(*key), self.registry, self.model)
            except (CxError, Unsupported):
                pass
        return self._plans[key]


_SETUPS: dict[Settings, _Setup] = {}


def setup(settings: Settings) -> _Setup:
    """The plugins, stage model and questionnaires, loaded once per process and settings."""
    if settings not in _SETUPS:
        _SETUPS.clear()
        _SETUPS[settings] = _Setup(settings)
    return _SETUPS[settings]


def columns(settings: Settings) -> tuple[list[str], list[str], list[str]]:
    """(every output column in order, the dimension ids, the cohort ids): fixed before the
    first row, so that every chunk of a CSV or Parquet file has the same columns."""
    s = setup(settings)
    dims = sorted({d.id for d in s.model.dimensions} | {sc.dimension for sc in s.registry.scorers})
    cohorts = sorted({c.id for f in s.registry.cohort_files for c in f.cohorts})
    cols = ["source", "line", "company_id", "company_name", "assessed", "questionnaire", "language",
            "stage", "best_stage", "score", "score_high", "coverage", "open_questions", "held_back",
            "weakest", "provisional"]
    for d in dims:
        cols += [f"dim.{d}", f"dim.{d}.low", f"dim.{d}.high", f"dim.{d}.answered", f"dim.{d}.asked"]
    cols += ["playbook", "phase"]
    for c in cohorts:
        cols += [f"cohort.{c}.{v}" for v in VERDICTS]
    cols += ["scored_row_by_row"]
    return cols, dims, cohorts


def _problem(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return f"{where}: {first['msg']}{more}" if where else f"{first['msg']}{more}"
    return str(exc)


def _load(record: Record, s: _Setup) -> tuple[Any, Any] | str:
    """(assessment, questionnaire) of a record, or why not, as `portfolio` checks a file."""
    from pydantic import ValidationError

    from cxmaturity.errors import CxError
    from cxmaturity.formats.loader import check_assessment
    from cxmaturity.formats.models import Assessment

    if record.error is not None:
        return record.error
    try:
        assessment = Assessment.model_validate(record.data)
        questionnaire = s.questionnaires.get(assessment.questionnaire.id, assessment.questionnaire.version)
    except (ValidationError, CxError) as exc:
        return _problem(exc)
    problems = check_assessment(assessment, questionnaire)
    if problems:
        where, why = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"{'.'.join(map(str, where))}: {why}{more}"
    return assessment, questionnaire


def row_of(result: Any, dims: list[str], cohorts: list[str]) -> dict[str, Any]:
    """One table row of a result document: who, the stage with its range, the scores, the
    playbook and phase, and the verdicts counted per cohort (None where it is no member)."""
    o = result.overall
    row: dict[str, Any] = {
        "company_id": result.company.id,
        "company_name": result.company.name,
        "assessed": result.assessed.isoformat() if result.assessed else None,
        "questionnaire": f"{result.questionnaire.id}@{result.questionnaire.version}",
        "language": result.language,
        "stage": o.stage,
        "best_stage": getattr(o, "best_stage", None) or o.stage,
        "score": o.score,
        "score_high": getattr(o, "high", None) if getattr(o, "high", None) is not None else o.score,
        "coverage": o.coverage,
        "open_questions": getattr(o, "open", 0),
        "held_back": o.held_back.stage if getattr(o, "held_back", None) is not None else None,
        "weakest": getattr(o, "weakest", None),
        "provisional": "|".join(getattr(o, "provisional", []) or []) or None,
    }
    by_id = {d.id: d for d in result.dimensions}
    for d in dims:
        dim = by_id.get(d)
        row[f"dim.{d}"] = dim.score if dim else None
        row[f"dim.{d}.low"] = getattr(dim, "low", None) if dim else None
        row[f"dim.{d}.high"] = getattr(dim, "high", None) if dim else None
        row[f"dim.{d}.answered"] = dim.coverage.answered if dim else None
        row[f"dim.{d}.asked"] = dim.coverage.asked if dim else None
    row["playbook"] = result.roadmap.playbook if result.roadmap else None
    row["phase"] = result.roadmap.current if result.roadmap else None
    members = {m.id for m in result.cohorts}
    counts = Counter((p.cohort, p.verdict) for p in result.placements)
    for c in cohorts:
        for v in VERDICTS:
            row[f"cohort.{c}.{v}"] = counts.get((c, v), 0) if c in members else None
    return row


def score_chunk(records: list[Record], settings: Settings) -> Scored:
    """The rows of one chunk (the unit the engines hand out); a record that cannot be read or
    scored becomes an error with its line, and the others go on.

    Plain documents are scored column by column (`columns.py`); the others, and every row when
    the placements are asked for, by `evaluate` one at a time. Both give the same row."""
    s = setup(settings)
    names, dims, cohorts = columns(settings)
    out = Scored()
    if settings.placements:
        fast, left = [], [(i, r.parsed()) for i, r in enumerate(records)]
    else:
        fast, left = _by_columns(records, s, names, dims, cohorts)
    slow = _by_rows([r for _, r in left], s, settings, dims, cohorts, out)
    done = [(i, row) for (i, _), row in zip(left, slow, strict=True) if row is not None]
    if not done and len(fast) == 1:  # the usual chunk: one questionnaire, every row plain
        out.columns, out.count = fast[0][1], len(fast[0][0])
        return out
    # every row in input order: (position, the column path's table and index, or a row)
    order = [(i, table, j) for positions, table in fast for j, i in enumerate(positions)]
    order += [(i, row, None) for i, row in done]
    order.sort(key=lambda item: item[0])
    out.columns = {name: [got[name][j] if j is not None else got[name] for _, got, j in order] for name in names}
    out.count = len(order)
    return out


def _by_columns(records: list[Record], s: _Setup, names: list[str], dims: list[str], cohorts: list[str]):
    """What the column path scores: ([(positions in `records`, columns)], one per
    questionnaire), and the (position, record) pairs it leaves to the row path: the documents
    that are not plain, or whose times pydantic would refuse."""
    from cxmaturity.batch.plain import plain

    groups: dict[int, tuple[Any, list[tuple[int, Record, Any]]]] = {}
    left: list[tuple[int, Record]] = []
    for i, given in enumerate(records):
        # Parsed and reduced to codes at once: a plain document is dropped as soon as read.
        data, error = parse_line(given.raw) if given.raw is not None else (given.data, given.error)
        plan = s.plan(data.get("questionnaire")) if data is not None else None
        p = plain(data, plan.codes) if plan is not None else None
        if p is not None:
            p.times = _assessed(p.times)
            if p.times is _REFUSED:
                p = None
        if p is None:
            left.append((i, Record(given.source, given.line, data, error)))
        else:
            groups.setdefault(id(plan), (plan, []))[1].append((i, given, p))
    out = []
    for plan, members in groups.values():
        kept = [(m, m[2].times) for m in members]
        if not kept:
            continue
        try:
            table = plan.score_chunk([p for (_, _, p), _ in kept])
        except Exception:  # noqa: BLE001 - the row path scores them and reports any failure
            left += [(i, record) for (i, record, _), _ in kept]
            continue
        n = len(kept)
        ref = f"{plan.questionnaire.id}@{plan.questionnaire.version}"
        who = {
            "source": [r.source for (_, r, _), _ in kept], "line": [r.line for (_, r, _), _ in kept],
            "company_id": [p.company_id for (_, _, p), _ in kept],
            "company_name": [p.company_name for (_, _, p), _ in kept],
            "assessed": [t.isoformat() if t else None for _, t in kept],
            "questionnaire": [ref] * n, "language": [p.language for (_, _, p), _ in kept],
            "scored_row_by_row": [None] * n,
        }
        nothing = [None] * n
        out.append(([i for (i, _, _), _ in kept], {c: who.get(c) or table.get(c) or nothing for c in names}))
    left.sort(key=lambda pair: pair[0])
    return out, left


_TIME = TypeAdapter(list[datetime | None])
_REFUSED = object()
# The answer times `assess` writes (UTC, to the second), on days every month has: valid as they
# stand, so that only other forms need pydantic's parser.
_USUAL_TIMES = re.compile(
    r"(?:(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ\n)*")


def _assessed(times: list) -> Any:
    """The time of the assessment (`updated`, else `created`) as pydantic reads it, None when
    it has none, or `_REFUSED` when pydantic would refuse one of `times`."""
    try:
        usual = _USUAL_TIMES.fullmatch("\n".join(times[2:]) + "\n") if len(times) > 2 else True
    except TypeError:  # a time that is not text
        usual = False
    try:
        created, updated, *_ = _TIME.validate_python(times[:2] if usual else times)
    except ValidationError:
        return _REFUSED
    return updated or created


def _by_rows(records: list[Record], s: _Setup, settings: Settings, dims: list[str], cohorts: list[str],
             out: Scored) -> list[dict[str, Any] | None]:
    """Each record scored by `evaluate` (its row, or None when it failed and went to errors)."""
    from cxmaturity.evaluation.cohorts import memberships
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.plugin_host.scorer_contract import ScoringContext

    results: list[dict[str, Any] | None] = [None] * len(records)
    loaded = []
    for index, record in enumerate(map(Record.parsed, records)):
        got = _load(record, s)
        if isinstance(got, str):
            out.errors.append({"source": record.source, "line": record.line, "reason": got})
        else:
            loaded.append((index, record, *got))
    contexts = [
        ScoringContext(assessment=a, questionnaire=q, language=a.language,
                       cohorts=memberships(a.answered(), q, s.registry.cohort_files))
        for _, _, a, q in loaded
    ]
    batch: dict[str, list[Any]] = {}
    for scorer in s.batched:
        try:
            batch[scorer.name] = list(scorer.score_batch(contexts))
        except Exception:  # noqa: BLE001 - the row-by-row run reports the scorer's failure by name
            batch[scorer.name] = [None] * len(contexts)
    by_row = sorted(sc.name for sc in s.registry.scorers if sc.name not in batch)
    for i, (index, record, assessment, questionnaire) in enumerate(loaded):
        given = {name: found[i] for name, found in batch.items() if found[i] is not None}
        slow = sorted(set(by_row) | {n for n, found in batch.items() if found[i] is None})
        try:
            result = evaluate(assessment, questionnaire, s.registry, s.model, precomputed=given)
        except Exception as exc:  # noqa: BLE001 - one row's failure is reported, the batch goes on
            from cxmaturity.errors import CxError, PluginError

            if not isinstance(exc, CxError) or isinstance(exc, PluginError):
                raise  # a bug keeps its traceback; a plugin failure under --strict stops the run
            out.errors.append({"source": record.source, "line": record.line, "reason": str(exc)})
            continue
        row = {"source": record.source, "line": record.line, **row_of(result, dims, cohorts),
               "scored_row_by_row": "|".join(slow) or None}
        results[index] = row
        out.row_by_row.update(slow)
        if settings.placements:
            for p in result.placements:
                out.placements.append({
                    "source": record.source, "line": record.line, "company_id": result.company.id,
                    "cohort": p.cohort, "question": p.question, "verdict": p.verdict,
                    "certain": getattr(p, "certain", True), "figure": p.figure,
                    "confidence": p.confidence,
                })
    return results
