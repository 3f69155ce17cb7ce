"""The commands about files themselves: `validate` checks them, `schema` prints their formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import BUILT_IN, LangOption, Sources, check_lang, options, plugin_controls
from cxmaturity.cli.output import fail, handles_errors, print_warnings
from cxmaturity.text_safety import strip_controls

commands = typer.Typer()


@commands.command()
@handles_errors
@plugin_controls
@options
def validate(
    files: Annotated[list[Path], typer.Argument(help="Questionnaire or assessment files.", show_default=False)],
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
) -> None:
    """Check questionnaire and assessment files; report every problem with its line."""
    from cxmaturity.workspace.validate import validate_files

    check_lang(lang)
    registry = sources.registry()
    problems, checked = validate_files(files, registry)
    print_warnings(registry)
    for problem in problems:
        typer.echo(strip_controls(str(problem)), err=True)
    bad = len({p.file for p in problems})
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {bad} of {len(files)} file(s).", err=True)
        raise typer.Exit(1)
    for path, kind in checked:
        typer.echo(f"ok  {path} ({kind})")


@commands.command()
@handles_errors
def schema(
    kind: Annotated[
        str,
        typer.Argument(help="questionnaire, assessment, cohorts, playbook, stage-model or result."),
    ],
) -> None:
    """Print the JSON Schema of a file format, for editors that validate YAML as you type.

    `result` is the document that `score --format json` prints."""
    import json

    from cxmaturity.formats.loader import KINDS
    from cxmaturity.formats.models import Result

    kinds = {**KINDS, "result": Result}
    model = kinds.get(kind)
    if model is None:
        raise fail(f"unknown kind '{kind}' (one of: {', '.join(kinds)})", code=2)
    typer.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))
