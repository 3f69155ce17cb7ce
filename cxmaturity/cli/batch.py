"""`cxmaturity batch`: score many assessments from JSON Lines, CSV or Parquet, one row each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import (
    BUILT_IN,
    ForceOption,
    LangOption,
    Sources,
    WeightsOption,
    check_lang,
    locale_lang,
    options,
    valued,
)
from cxmaturity.cli.output import check_out, handles_errors

commands = typer.Typer()


@commands.command()
@handles_errors
@options
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="JSON Lines, CSV (wide) or Parquet files; - reads standard input.",
                                  metavar="INPUT...", show_default=False),
    ],
    out: Annotated[
        str, typer.Option("-o", "--out", help="Rows to FILE (.csv, .jsonl, .parquet; - for JSON Lines on stdout).")
    ],
    placements: Annotated[
        str | None, valued("--placements", "FILE", "Also write every placement in long form.")
    ] = None,
    errors: Annotated[
        str | None,
        valued("--errors", "FILE", "Rows that failed, with line and reason (default: OUT's name + .errors.csv)."),
    ] = None,
    column_map: Annotated[
        Path | None, valued("--map", "FILE", "Column names and answer labels of a survey export.")
    ] = None,
    input_format: Annotated[str | None, valued("--input-format", "jsonl|csv|parquet",
                                               "The input format when the suffix does not say (stdin).")] = None,
    questionnaire: Annotated[
        str, typer.Option("--questionnaire", help="The questionnaire of CSV and Parquet rows that do not name one.")
    ] = "cx-ai-2018",
    engine: Annotated[str, typer.Option("--engine", metavar="local|dask", help="Where rows are scored.")] = "local",
    scheduler: Annotated[str | None, valued("--scheduler", "ADDRESS", "A Dask scheduler (with --engine dask).")] = None,
    chunk: Annotated[
        int, typer.Option("--chunk", min=1, help="Rows scored together (memory stays bounded by it).")
    ] = 2000,
    sources: Sources = BUILT_IN,
    weights: WeightsOption = None,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """Score many assessments from JSONL, CSV or Parquet: one row each, as score gives it.

    A row that cannot be read or scored goes to the errors file with its line; the others go on,
    and the exit code is 1 when any row failed. Formats: docs/batch.md.
    """
    lang = check_lang(lang) or locale_lang()
    from cxmaturity.batch.rows import Settings
    from cxmaturity.batch.run import batch as run_batch
    from cxmaturity.batch.run import default_errors_path
    from cxmaturity.batch.words import summary_lines

    # Every file the run may write is replaced only with --force, as for any command's -o.
    for path in (out, placements, errors or default_errors_path(out)):
        if path and path != "-":
            check_out(Path(path), force)

    # Absolute paths: Dask workers load the same plugins, cohorts and model from their own folder.
    settings = Settings(plugins_dirs=tuple(str(d.resolve()) for d in sources.plugins_dir or []),
                        strict=sources.strict, cohorts=tuple(str(c.resolve()) for c in sources.cohorts or []),
                        weights=str(Path(weights).resolve()) if weights else None, placements=placements is not None)
    summary = run_batch(inputs, out, settings, questionnaire=questionnaire,
                        column_map=str(column_map) if column_map else None, input_format=input_format,
                        placements=placements, errors=errors, engine=engine, scheduler=scheduler, chunk=chunk)
    for line in summary.warnings:
        typer.echo(f"Warning: {line}", err=True)
    for line in summary_lines(summary, out, lang):
        typer.echo(line, err=True)
    if summary.failed:
        raise typer.Exit(1)
