"""The commands that score one assessment: `score` shows the summary, `explain` the arithmetic,
`report` writes the document to hand over."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import (
    BUILT_IN,
    FOR_CLIENT,
    Edition,
        ForceOption,
    LangOption,
        Sources,
    WeightsOption,
        check_lang,
    options,
    plugin_controls,
)
from cxmaturity.cli.output import check_out, fail, handles_errors, print_warnings, write_out
from cxmaturity.text_safety import console, strip_controls

commands = typer.Typer()
FileArgument = Annotated[Path, typer.Argument(help="An assessment file.", show_default=False)]


def _evaluate_file(file: Path, sources: Sources, weights: Path | None):
    """Load the plugins and `file`, and evaluate it: (result, questionnaire, stage model, registry, assessment)."""
    ws = sources.workspace(weights)
    assessment, questionnaire = ws.load(file)
    return ws.evaluate(assessment, questionnaire), questionnaire, ws.stage_model, ws.registry, assessment


@commands.command()
@handles_errors
@plugin_controls
@options
def score(
    file: FileArgument,
    output_format: Annotated[
        str,
        typer.Option("--format", help="What goes to stdout: text, markdown or json.", metavar="text|markdown|json"),
    ] = "text",
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
    weights: WeightsOption = None,
    edition: Edition = FOR_CLIENT,
) -> None:
    """Score an assessment and show the summary: executive summary, stages, cohorts, roadmap.

    The executive summary comes first; then the detail, what is missing included."""
    if output_format not in ("text", "markdown", "json"):
        raise typer.BadParameter(f"'{output_format}' is not text, markdown or json", param_hint="--format")
    lang = check_lang(lang)
    audience = edition.reader()
    result, questionnaire, model, registry, assessment = _evaluate_file(file, sources, weights)
    if output_format == "json":
        from cxmaturity.renderers.json import result_json

        typer.echo(result_json(result))
    elif output_format == "markdown":
        from cxmaturity.renderers.markdown import summary_markdown

        typer.echo(strip_controls(summary_markdown(result, questionnaire, model, lang, audience,
                                                   edition.conclusions(assessment))), nl=False)
    else:
        from cxmaturity.renderers.terminal import summary

        console().print(summary(result, questionnaire, model, lang, audience, edition.conclusions(assessment)))
    print_warnings(registry)


@commands.command()
@handles_errors
@plugin_controls
@options
def explain(
    file: FileArgument,
    dimension: Annotated[
        str | None, typer.Argument(help="A dimension id (default: the overall stage).", show_default=False)
    ] = None,
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
    weights: WeightsOption = None,
) -> None:
    """Show how a dimension's score, or the overall stage, follows from the answers.

    The answers used, the points and weights, each step of the arithmetic, the stage thresholds
    and the cohort numbers with their sources."""
    lang = check_lang(lang)
    result, questionnaire, model, registry, _ = _evaluate_file(file, sources, weights)
    from cxmaturity.renderers.explain import explain as explained

    console().print(explained(result, dimension, questionnaire, model, lang))
    print_warnings(registry)


@commands.command()
@handles_errors
@plugin_controls
@options
def report(
    file: FileArgument,
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="The file to write: .html, .pdf, .md or .json.", show_default=False),
    ],
    force: ForceOption = False,
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
    weights: WeightsOption = None,
    edition: Edition = FOR_CLIENT,
) -> None:
    """Write a report to hand over: standalone HTML with charts, an A4 PDF, Markdown, or the JSON result.

    It opens with the executive summary; the client edition keeps the internals (plugins,
    fact ids) out, --audience consultant shows them."""
    audience = edition.reader()
    from cxmaturity.renderers import formats

    fmt = formats.by_suffix("report", out.suffix)
    if fmt is None:
        known = ", ".join(formats.suffixes("report"))
        raise fail(f"{out}: unsupported report format '{out.suffix or '(none)'}' (use {known})")
    if not out.parent.is_dir():
        raise fail(f"{out.parent}: no such folder")
    check_out(out, force)
    lang = check_lang(lang)
    from cxmaturity.documents.report import prepare

    result, questionnaire, model, registry, assessment = _evaluate_file(file, sources, weights)
    ri = prepare(result, assessment, questionnaire, registry, lang, model, audience,
                 edition.conclusions(assessment) if edition.notes else None)
    document = formats.renderer("report", fmt.name)(ri)
    write_out(out, document, force)
    print_warnings(registry)
    typer.echo(f"Wrote {out}")
