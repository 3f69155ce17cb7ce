"""`cxmaturity batch`: inputs → chunks → an engine → the writers, and a count of what happened.

The core of the command, without printing: the command line shows the `Summary` it returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cxmaturity.batch.engines import run as run_engine
from cxmaturity.batch.readers import CHUNK, Record, Span, read, spans
from cxmaturity.batch.readers import input_format as kind_of
from cxmaturity.batch.rows import Settings, columns, setup
from cxmaturity.batch.writers import ERROR_COLUMNS, PLACEMENT_COLUMNS, RowWriter
from cxmaturity.errors import CxError


@dataclass
class Summary:
    """What a batch run did: rows written, rows that failed, scorers run row by row."""

    rows: int = 0
    failed: int = 0
    errors_path: str | None = None
    row_by_row: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def default_errors_path(out: str) -> str:
    """Beside the output: `results.csv` → `results.errors.csv`; for `-`, `batch-errors.csv`."""
    if out == "-":
        return "batch-errors.csv"
    p = Path(out)
    return str(p.with_name(f"{p.stem}.errors.csv"))


def batch(
    inputs: list[str],
    out: str,
    settings: Settings,
    questionnaire: str = "cx-ai-2018",
    column_map: str | None = None,
    input_format: str | None = None,
    placements: str | None = None,
    errors: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk: int = CHUNK,
) -> Summary:
    """Score every row of `inputs` into `out` (and `placements`); rows that cannot be read or
    scored go to `errors` (CSV: source, line, reason), created only when there is one."""
    from cxmaturity.plugin_host import catalog

    if not inputs:
        raise CxError("no input: give files, or - for standard input")
    if inputs.count("-") > 1:
        raise CxError("standard input (-) can be read once")

    # Every input checked before any output is created: a usage error leaves no file behind.
    for path in inputs:
        kind_of(path, input_format)
        if path != "-" and not Path(path).is_file():
            raise CxError(f"{path}: no such file")
    q = catalog.find_or_open(questionnaire, registry=setup(settings).registry)
    cmap = None
    if column_map is not None:
        from cxmaturity.batch.column_map import load

        cmap = load(column_map, q)
    cols, _, _ = columns(settings)
    writer = RowWriter(out, cols)
    place_writer = RowWriter(placements, PLACEMENT_COLUMNS) if placements else None
    errors_path = errors or default_errors_path(out)
    error_writer: RowWriter | None = None
    summary = Summary()

    def chunks() -> Iterator[list[Record] | Span]:
        for path in inputs:
            if engine == "dask" and path != "-" and kind_of(path, input_format) == "jsonl":
                yield from spans(path, chunk)  # the workers read the lines themselves
            else:
                yield from read(path, q, cmap, input_format, size=chunk)

    try:
        for scored in run_engine(engine, chunks(), settings, scheduler):
            if scored.table is not None:
                writer.write_table(scored.table)
            else:
                writer.write_columns(scored.columns, scored.count)
            if place_writer is not None:
                place_writer.write(scored.placements)
            if scored.errors:
                if error_writer is None:
                    error_writer = RowWriter(errors_path, ERROR_COLUMNS)
                    summary.errors_path = errors_path
                error_writer.write(scored.errors)
            summary.rows += scored.count
            summary.failed += len(scored.errors)
            summary.row_by_row |= scored.row_by_row
        # Plugin failures met in this process (a Dask worker's stay in its log).
        summary.warnings = list(setup(settings).registry.warnings)
    finally:
        writer.close()
        if place_writer is not None:
            place_writer.close()
        if error_writer is not None:
            error_writer.close()
    return summary
