"""The commands over several assessments: `portfolio` scores a whole portfolio, `compare` two
assessments of one company. Both print text, JSON or Markdown, or write the file -o names."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import (
    BUILT_IN,
    ForceOption,
    FormatOption,
    LangOption,
    OutOption,
    Sources,
    WeightsOption,
    check_lang,
    locale_lang,
    options,
    plugin_controls,
)
from cxmaturity.cli.output import check_out, fail, handles_errors, print_warnings, write_out
from cxmaturity.text_safety import console, strip_controls

commands = typer.Typer()


def _out_format(out: Path, document: str) -> str:
    """The format an output file's suffix asks for (the table of `renderers.formats`)."""
    from cxmaturity.renderers import formats

    fmt = formats.by_suffix(document, out.suffix)
    if fmt is None:
        known = ", ".join(s for s in (".html", ".md", ".json", ".txt") if s in formats.suffixes(document))
        raise fail(f"{out}: unsupported format '{out.suffix}' (use {_or(known)})")
    return fmt.name


def _or(known: str) -> str:
    head, _, last = known.rpartition(", ")
    return f"{head} or {last}" if head else last


def _check_format(output_format: str, document: str) -> str:
    from cxmaturity.renderers import formats

    names = formats.stdout_names(document)
    if output_format not in names:
        raise typer.BadParameter(f"'{output_format}' is not {_or(', '.join(names))}", param_hint="--format")
    return output_format


def _emit(document: str, fmt: str, out: Path | None, doc, lang: str, text_tail=(), force: bool = False) -> None:
    """Write `out` in the format its suffix picks, or print `fmt` to stdout. `text_tail`: plain
    lines after the text form, never wrapped."""
    from cxmaturity.renderers import formats

    def rendered(name: str):
        fn = formats.renderer(document, name)
        return fn(doc) if name == "json" else fn(doc, lang)

    if out is not None:
        fmt = _out_format(out, document)
        if fmt == "text":
            recorder = console(width=100, record=True, file=io.StringIO(), color_system=None)
            recorder.print(rendered("text"))
            text = recorder.export_text() + "".join(f"{line}\n" for line in text_tail)
        else:
            text = rendered(fmt) + ("\n" if fmt == "json" else "")
        write_out(out, text, force)
        typer.echo(f"Wrote {out}")
    elif fmt == "text":
        console().print(rendered("text"))
        for line in text_tail:
            typer.echo(strip_controls(line))
    else:
        typer.echo(strip_controls(rendered(fmt)) if fmt == "markdown" else rendered(fmt))


@commands.command()
@handles_errors
@plugin_controls
@options
def portfolio(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files, or folders searched for *.yaml.", show_default=False)
    ],
    out: OutOption = None,
    force: ForceOption = False,
    output_format: FormatOption = "text",
    sources: Sources = BUILT_IN,
    weights: WeightsOption = None,
    lang: LangOption = None,
) -> None:
    """Score every assessment of a portfolio: a table of companies, stages and progress.

    Files that cannot be read as assessments are listed with the reason and skipped. Without
    --lang, the output is in the language most of the assessments use.
    """
    _check_format(output_format, "portfolio")
    lang = check_lang(lang)
    check_out(out, force)
    from cxmaturity.documents.portfolio import scan
    from cxmaturity.renderers.portfolio import skipped_in, skipped_lines

    result = scan(paths, plugins_dirs=sources.plugins_dir or [], strict=sources.strict,
                  cohorts=sources.cohorts or [], weights=weights)
    lang = lang or result.language() or locale_lang()
    if not result.rows:
        # Nothing to show: say which files were not read, and why, then fail.
        for line in skipped_lines(result, lang):
            typer.echo(line, err=True)
        raise fail("no assessment could be read" if result.skipped else "no assessment file found (*.yaml, *.yml)")
    _emit("portfolio", output_format, out, result, lang, text_tail=skipped_lines(result, lang), force=force)
    if out is not None and result.skipped:
        typer.echo(strip_controls(skipped_in(result, str(out), lang)), err=True)


@commands.command()
@handles_errors
@plugin_controls
@options
def compare(
    old: Annotated[Path, typer.Argument(help="The earlier assessment file.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later assessment file.", show_default=False)],
    out: OutOption = None,
    output_format: FormatOption = "text",
    force: Annotated[
        bool,
        typer.Option("--force", help="Compare even if the company ids differ, and replace the -o FILE if it exists."),
    ] = False,
    sources: Sources = BUILT_IN,
    weights: WeightsOption = None,
    lang: LangOption = None,
) -> None:
    """Compare two assessments of the same company: stages, answers, cohort verdicts, roadmap.

    Two versions of a questionnaire are compared through the `replaces:` mapping of the newer one.
    """
    _check_format(output_format, "comparison")
    lang = check_lang(lang)
    check_out(out, force)
    from cxmaturity.documents.comparison import compare as compare_assessments

    ws = sources.workspace(weights)
    registry = ws.registry
    (a, qa), (b, qb) = ws.load(old), ws.load(new)
    result = compare_assessments(a, b, qa, qb, registry, model=ws.stage_model, force=force)
    lang = lang or b.language
    _emit("comparison", output_format, out, result, lang, force=force)
    print_warnings(registry)
