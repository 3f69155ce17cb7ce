"""Every assessment of a portfolio scored, kept as one small row each, and what the rows say.

Files are read and scored one at a time and only a `Row` is kept (never the Assessment or the
Result), so memory grows with the table and nothing else. Large portfolios are spread over a
pool of worker processes in chunks; each worker loads the plugins once and sends rows back.
Reading a file costs a few milliseconds and scoring a few more, so 10,000 files need both
cores (perf/portfolio_scale.py).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cxmaturity.documents.score_change import ScoreChangeMixin
from cxmaturity.workspace.portfolio_files import Questionnaires, Skipped, assessment_paths, load_one

CHUNK = 100
# Below this many files a pool costs more (starting workers, loading plugins) than it saves.
POOL_FROM = 300


@dataclass(frozen=True, slots=True)
class Row:
    """One assessment of the portfolio: who, when, and its scores (no answers, no notes)."""

    path: str
    company: str
    name: str
    date: str
    questionnaire: str
    stage: str | None
    score: float | None
    dimensions: tuple[tuple[str, float | None], ...]
    language: str = "en"
    # The share of the weighted dimensions that could be scored (0-1): a stage on a third of
    # the dimensions does not read like one on all of them.
    coverage: float | None = None


@dataclass(frozen=True)
class Progress(ScoreChangeMixin):
    """A company assessed more than once: its first and latest assessment."""

    SCORES = ("first_score", "last_score")

    company: str
    name: str
    count: int
    first_date: str
    last_date: str
    first_stage: str | None
    last_stage: str | None
    first_score: float | None
    last_score: float | None


@dataclass
class Portfolio:
    """What `cxmaturity portfolio` shows: rows, stage counts, progress, skipped files."""

    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    tool_version: str = ""
    model: dict[str, Any] = field(default_factory=dict)
    stage_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    stage_order: list[str] = field(default_factory=list)
    dimension_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)

    @property
    def dimension_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for row in self.rows:
            for dim, _ in row.dimensions:
                seen.setdefault(dim, None)
        order = list(self.dimension_labels)
        return sorted(seen, key=lambda d: (order.index(d) if d in order else len(order), d))

    def language(self) -> str | None:
        """The language most of the assessments are in; None when there are none or two
        languages tie (the caller then falls back on the user's locale)."""
        counts = Counter(row.language for row in self.rows).most_common()
        if not counts or len(counts) > 1 and counts[0][1] == counts[1][1]:
            return None
        return counts[0][0]

    def latest(self) -> list[Row]:
        """The latest assessment of each company, in company order."""
        out: dict[str, Row] = {}
        for row in self.rows:
            if row.company not in out or row.date >= out[row.company].date:
                out[row.company] = row
        return [out[c] for c in sorted(out)]

    def stages(self) -> list[tuple[str | None, int]]:
        """How many companies (by their latest assessment) are at each stage, in stage order;
        None counts those whose stage could not be worked out."""
        counts = Counter(row.stage for row in self.latest())
        order = [s for s in self.stage_order if s in counts]
        order += sorted(s for s in counts if s is not None and s not in order)
        return [(s, counts[s]) for s in order] + ([(None, counts[None])] if None in counts else [])

    def progress(self) -> list[Progress]:
        """Companies assessed more than once, first against latest assessment."""
        by_company: dict[str, list[Row]] = {}
        for row in self.rows:
            by_company.setdefault(row.company, []).append(row)
        out = []
        for company in sorted(by_company):
            rows = sorted(by_company[company], key=lambda r: r.date)
            if len(rows) < 2:
                continue
            first, last = rows[0], rows[-1]
            out.append(Progress(company, last.name, len(rows), first.date, last.date,
                                first.stage, last.stage, first.score, last.score))
        return out

    def as_dict(self, with_rows: bool = True) -> dict[str, Any]:
        """The portfolio as JSON-ready data (what `--format json` prints); without the rows,
        for writers that add them one at a time."""
        data: dict[str, Any] = {
            "tool_version": self.tool_version,
            "model": self.model,
            "plugins": self.plugins,
            "assessments": [row_dict(r) for r in self.rows] if with_rows else [],
            "stages": [{"stage": s, "companies": n} for s, n in self.stages()],
            "progress": [{**asdict(p), "change": p.change} for p in self.progress()],
            "skipped": [{"path": s.path, "reason": str(s)} for s in self.skipped],
        }
        return data


def row_dict(r: Row) -> dict[str, Any]:
    """One row as JSON-ready data: dimensions as a mapping."""
    return {**{k: getattr(r, k) for k in Row.__slots__ if k != "dimensions"}, "dimensions": dict(r.dimensions)}


# --- scoring rows, in this process or in workers --------------------------------------------

_STATE: dict[str, Any] = {}


def _init(plugins_dirs: list[str], strict: bool, cohorts: list[str], weights: str | None = None) -> None:
    """Load the plugins and the stage model once per process (a forked worker inherits the
    parent's)."""
    from cxmaturity.plugin_host.controls import CONTROLS

    # --block and the block- and allow-lists change the registry as much as the arguments do.
    lists = tuple(os.environ.get(v) for v in ("CXMATURITY_BLOCK_PLUGINS", "CXMATURITY_LOAD_PLUGINS"))
    key = (tuple(plugins_dirs), strict, tuple(cohorts), weights, repr(CONTROLS.get()), lists)
    if _STATE.get("key") == key:
        return
    from cxmaturity.evaluation.stages import load_stage_model
    from cxmaturity.plugin_host import catalog
    from cxmaturity.workspace.workspace import open_registry

    registry = open_registry(plugins_dirs, strict=strict, cohorts=cohorts)
    _STATE.update(
        key=key,
        registry=registry,
        model=load_stage_model(weights),
        questionnaires=Questionnaires(lambda qid, v: catalog.find(qid, v, registry=registry)),
    )


def scores(assessment: Any, questionnaire: Any, registry: Any, model: Any) -> Any:
    """The dimensions and overall stage of `assessment`: `evaluate` without the parts a
    portfolio row does not show (placements, roadmap, missing answers, executive summary)."""
    from cxmaturity.evaluation.pipeline import STAGE_ONLY, evaluate

    return evaluate(assessment, questionnaire, registry, model, parts=STAGE_ONLY)


def _row(path: Path) -> Row | Skipped:
    loaded = load_one(path, _STATE["questionnaires"])
    if isinstance(loaded, Skipped):
        return loaded
    assessment, questionnaire = loaded
    result = scores(assessment, questionnaire, _STATE["registry"], _STATE["model"])
    when = result.assessed
    return Row(
        path=str(path),
        company=assessment.company.id,
        name=assessment.company.name,
        date=when.date().isoformat() if when else "",
        questionnaire=f"{questionnaire.id} v{questionnaire.version}",
        stage=result.overall.stage,
        score=result.overall.score,
        dimensions=tuple((d.id, d.score) for d in result.dimensions),
        language=assessment.language,
        coverage=result.overall.coverage,
    )


def _rows(paths: list[str]) -> list[Row | Skipped]:
    return [_row(Path(p)) for p in paths]


def _chunks(paths: Iterable[Path], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for path in paths:
        chunk.append(str(path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_pool(chunks: Iterator[list[str]], workers: int, init_args: tuple) -> Iterator[list[Row | Skipped]]:
    """Chunks scored by `workers` processes, in order, with a bounded number in flight so that
    neither the paths nor the rows pile up ahead of the consumer."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork: a worker starts with the parent's imports and plugins instead of loading them again.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=init_args) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_rows, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def scan(
    paths: Iterable[Path | str],
    plugins_dirs: Iterable[Path] = (),
    strict: bool = False,
    cohorts: Iterable[Path] = (),
    weights: Path | None = None,
    workers: int | None = None,
) -> Portfolio:
    """Read and score every assessment in `paths` (files or folders, searched recursively).

    Unreadable or invalid files are kept in `skipped` with their located reason, never raised.
    `workers`: processes to score with (default: the CPU count, at most 4; 1 scores here).
    """
    init_args = ([str(d) for d in plugins_dirs], strict, [str(c) for c in cohorts],
                 None if weights is None else str(weights))
    _init(*init_args)  # here first: a plugin error under --strict stops before any work
    files = list(assessment_paths(paths))  # paths only: a few bytes each
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    if workers > 1 and len(files) >= POOL_FROM:
        chunk = max(20, min(CHUNK, len(files) // (4 * workers)))
        batches: Iterable[list[Row | Skipped]] = _in_pool(_chunks(files, chunk), workers, init_args)
    else:
        batches = (_rows(c) for c in _chunks(files, CHUNK))
    portfolio = _describe(_STATE["registry"], _STATE["model"])
    for batch in batches:
        for item in batch:
            if isinstance(item, Skipped):
                portfolio.skipped.append(item)
            else:
                portfolio.rows.append(_shared(item))
    portfolio.rows.sort(key=lambda r: (r.company, r.date, r.path))
    return portfolio


def _shared(row: Row) -> Row:
    """The row with its repeated words (stage, dimension ids, questionnaire, language) as
    one shared string each: rows from workers arrive with their own copies, and 10,000 rows
    are the one thing a portfolio keeps."""
    intern = sys.intern
    return Row(
        path=row.path, company=row.company, name=row.name, date=row.date,
        questionnaire=intern(row.questionnaire), stage=None if row.stage is None else intern(row.stage),
        score=row.score, dimensions=tuple((intern(d), v) for d, v in row.dimensions),
        language=intern(row.language), coverage=row.coverage,
    )


def _describe(registry: Any, model: Any) -> Portfolio:
    """A portfolio with the tool, model and plugin versions every output names."""
    from cxmaturity._version import __version__

    out = Portfolio(tool_version=__version__)
    if model is not None:
        out.model = {"id": model.id, "version": model.version, "title": model.title}
        out.stage_order = [s.id for s in model.stages]
        out.stage_labels = {s.id: s.label for s in model.stages}
        out.dimension_labels = {d.id: d.label for d in model.dimensions}
    # As the summary's footer: every plugin that registered something (built-ins too), not
    # those that failed.
    out.plugins = [
        f"{p.name} {p.version}" if p.version else p.name
        for p in sorted(getattr(registry, "plugins", []), key=lambda p: p.name)
        if p.contributed and not p.errors
    ]
    return out
