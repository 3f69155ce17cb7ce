"""The command line: parse, call the core, render. The one place errors become messages.

Heavy modules (pydantic models, ruamel.yaml, prompt libraries, renderers) are imported inside
the commands that need them, so that `--help` and `--version` stay fast.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated

import typer

from ._version import __version__

app = typer.Typer(
    name="cxmaturity",
    help="Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
questionnaires_app = typer.Typer(
    help="List the questionnaires, or show one.", invoke_without_command=True, no_args_is_help=False
)
app.add_typer(questionnaires_app, name="questionnaires")

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the output: en or fr.", metavar="fr|en"),
]
OutOption = Annotated[
    Path | None, typer.Option("-o", "--out", help="Write to FILE; its suffix picks the format.")
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `Error: message` on stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def handles_errors(fn):
    """Turn expected errors (CxError) into `Error: …` lines and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .errors import CxError, FileError

        try:
            return fn(*args, **kwargs)
        except FileError as exc:
            for problem in exc.problems:
                typer.echo(f"Error: {problem}", err=True)
            raise typer.Exit(1) from None
        except CxError as exc:
            raise fail(str(exc)) from None

    return wrapper


def check_lang(lang: str | None) -> str | None:
    if lang is not None and lang not in ("en", "fr"):
        raise typer.BadParameter(f"'{lang}' is not a supported language (en, fr)", param_hint="--lang")
    return lang


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxmaturity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts."""


@app.command()
@handles_errors
def validate(
    files: Annotated[list[Path], typer.Argument(help="Questionnaire or assessment files.", show_default=False)],
) -> None:
    """Check questionnaire and assessment files; report every problem with its line."""
    from .validate import validate_files

    problems, checked = validate_files(files)
    for problem in problems:
        typer.echo(str(problem), err=True)
    bad = len({p.file for p in problems})
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {bad} of {len(files)} file(s).", err=True)
        raise typer.Exit(1)
    for path, kind in checked:
        typer.echo(f"ok  {path} ({kind})")


@questionnaires_app.callback()
@handles_errors
def questionnaires_list(ctx: typer.Context) -> None:
    """List the questionnaires: id, version, title, number of questions, languages."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from . import catalog
    from .models import tr

    table = Table("id", "version", "title", "questions", "languages", box=None)
    for q in catalog.available():
        table.add_row(q.id, str(q.version), tr(q.title, "en"), str(len(q.questions)), ", ".join(q.languages))
    Console().print(table)


@questionnaires_app.command("show")
@handles_errors
def questionnaires_show(
    ref: Annotated[str, typer.Argument(help="Questionnaire id, or a path to a questionnaire file.", metavar="ID")],
    lang: LangOption = None,
    out: OutOption = None,
) -> None:
    """Show a questionnaire as an outline; with -o FILE.md, write a blank form to print."""
    from . import catalog
    from .render.outline import outline
    from .yamlio import write_atomic

    q = catalog.find(ref)
    lang = check_lang(lang) or "en"
    if out is not None:
        if out.suffix.lower() not in (".md", ".markdown"):
            raise fail(f"{out}: unsupported format '{out.suffix}' (use .md)")
        write_atomic(out, outline(q, lang, blank=True))
        typer.echo(f"Wrote {out}")
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(outline(q, lang)))


@app.command()
@handles_errors
def schema(
    kind: Annotated[str, typer.Argument(help="questionnaire, assessment, cohorts, playbook or stage-model.")],
) -> None:
    """Print the JSON Schema of a file format, for editors that validate YAML as you type."""
    import json

    from .loader import KINDS

    model = KINDS.get(kind)
    if model is None:
        raise fail(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})", code=2)
    typer.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


def main() -> None:
    """Entry point of the `cxmaturity` console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
