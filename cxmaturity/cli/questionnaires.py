"""`cxmaturity questionnaires`: list the questionnaires, or show one (an outline, or a blank form)."""

from __future__ import annotations

from typing import Annotated

import typer

from cxmaturity.cli.one_line_errors import subgroup
from cxmaturity.cli.options import (
    BUILT_IN,
    ForceOption,
    LangOption,
    OutOption,
    Sources,
    check_lang,
    options,
    plugin_controls,
)
from cxmaturity.cli.output import check_out, fail, handles_errors, print_warnings, write_out
from cxmaturity.text_safety import console

commands = typer.Typer()
questionnaires_app = subgroup(commands, "questionnaires", "List the questionnaires, or show one.",
                              invoke_without_command=True, no_args_is_help=False)


@questionnaires_app.callback()
@handles_errors
@plugin_controls
@options
def questionnaires_list(
    ctx: typer.Context,
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
) -> None:
    """List the questionnaires: id, version, title, number of questions, languages."""
    if ctx.invoked_subcommand is not None:
        return
    lang = check_lang(lang) or "en"
    registry = sources.registry()
    from rich.table import Table

    from cxmaturity.formats.models import tr
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.outline import LABELS

    table = Table(*LABELS[lang]["list_head"].split("|"), box=None)
    for q in catalog.available(registry):
        table.add_row(q.id, str(q.version), tr(q.title, lang), str(len(q.questions)), ", ".join(q.languages))
    console().print(table)
    print_warnings(registry)


@questionnaires_app.command("show")
@handles_errors
@plugin_controls
@options
def questionnaires_show(
    ref: Annotated[str, typer.Argument(help="Questionnaire id, or a path to a questionnaire file.", metavar="ID")],
    lang: LangOption = None,
    out: OutOption = None,
    force: ForceOption = False,
    sources: Sources = BUILT_IN,
) -> None:
    """Show a questionnaire as an outline; with -o FILE (.html, .pdf or .md), write a blank form."""
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.outline import outline

    lang = check_lang(lang) or "en"
    suffix = out.suffix.lower() if out is not None else ""
    if out is not None and suffix not in (".md", ".markdown", ".html", ".htm", ".pdf"):
        raise fail(f"{out}: unsupported format '{out.suffix}' (use .html, .pdf or .md)")
    check_out(out, force)
    registry = sources.registry()
    q = catalog.find_or_open(ref, registry=registry)
    print_warnings(registry)
    if out is not None:
        if suffix in (".md", ".markdown"):
            write_out(out, outline(q, lang, blank=True), force)
        else:
            from cxmaturity.renderers.form_html import blank_form_html

            form = blank_form_html(q, lang)
            if suffix == ".pdf":
                from cxmaturity.renderers.pdf import html_to_pdf

                form = html_to_pdf(form)
            write_out(out, form, force)
        typer.echo(f"Wrote {out}")
        return
    from rich.markdown import Markdown

    console().print(Markdown(outline(q, lang)))
