"""`cxmaturity cohorts build`: a cohort file built from your own assessments."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.one_line_errors import subgroup
from cxmaturity.cli.options import BUILT_IN, ForceOption, LangOption, check_lang, locale_lang
from cxmaturity.cli.output import check_out, fail, handles_errors, write_out
from cxmaturity.text_safety import strip_controls

commands = typer.Typer()
cohorts_app = subgroup(commands, "cohorts", "Cohort files: build your own from a portfolio of assessments.",
                       no_args_is_help=True)


@cohorts_app.command("build")
@handles_errors
def cohorts_build(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files, or folders searched for *.yaml.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="The cohort file to write (.yaml).")],
    force: ForceOption = False,
    name: Annotated[
        str | None,
        typer.Option("--name", help="The consultancy's name, shown on every cohort of the file "
                                    "(without it: 'your portfolio').", show_default=False),
    ] = None,
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Fewest companies a cohort (or an answer count) may have.")
    ] = 10,
    questionnaire: Annotated[
        str, typer.Option("--questionnaire", help="Build over assessments of this questionnaire (id or file).")
    ] = "cx-ai-2018",
    lang: LangOption = None,
) -> None:
    """Build a cohort file from your own assessments, to use with --cohorts FILE.

    Each company counts once (its latest assessment). Cohorts: all, and the report's region
    and size cohorts that reach --min-size; the file holds shares only, no names or notes.
    """
    from cxmaturity.documents.cohort_build import MESSAGES, TooFewCompanies, build, companies, to_yaml
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.portfolio import skipped_lines

    lang = check_lang(lang) or locale_lang()
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise fail(f"{out}: a cohort file is YAML (use .yaml)")
    check_out(out, force)
    try:
        ws = BUILT_IN.workspace(None)
        built = build(paths, catalog.find_or_open(questionnaire, registry=ws.registry), name=name,
                      min_size=min_size, lang=lang, find=ws.find)
    except TooFewCompanies as exc:
        # Which files were not read, and why, before the error they explain.
        for line in skipped_lines(exc.skipped, lang):
            typer.echo(strip_controls(line), err=True)
        raise
    for line in skipped_lines(built.skipped_files, lang):
        typer.echo(strip_controls(line), err=True)
    for line in built.left_out:
        typer.echo(strip_controls(MESSAGES[lang]["left_out"].format(what=line)), err=True)
    write_out(out, to_yaml(built.cohort_file), force)
    cf = built.cohort_file
    cohorts = ", ".join(f"{c.id} (n={c.n})" for c in cf.cohorts)
    typer.echo(MESSAGES[lang]["wrote"].format(out=out, n=companies(cf.survey.n or 0, lang), first=cf.survey.first,
                                              last=cf.survey.last, cohorts=cohorts, figures=len(cf.figures)))
