"""`cxmaturity serve`: the questionnaire as a browser form, for engagements with several respondents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import BUILT_IN, LangOption, Sources, WeightsOption, check_lang, locale_lang, options
from cxmaturity.cli.output import handles_errors

commands = typer.Typer()


@commands.command()
@handles_errors
@options
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but loopback has no TLS (a warning says so).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 8000,
    db: Annotated[Path, typer.Option("--db", help="The SQLite database of the engagements.")] = Path("cxmaturity.db"),
    export: Annotated[
        Path | None,
        typer.Option("--export", metavar="DIR", help="Write every engagement's assessment files to DIR, then exit."),
    ] = None,
    import_: Annotated[
        list[Path] | None,
        typer.Option("--import", metavar="FILE", show_default=False,
                     help="Import respondents' assessment files (one engagement per company), then exit. Repeatable."),
    ] = None,
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
    weights: WeightsOption = None,
) -> None:
    """Serve the questionnaire as a browser form: engagements, several respondents, consolidation.

    Prints the consultant's link, with its secret token. Needs the optional extra named web.
    """
    lang = check_lang(lang) or locale_lang()
    from cxmaturity.web.serve import run

    run(host=host, port=port, db=db, export=export, imports=import_ or [], lang=lang,
        plugins_dir=sources.plugins_dir or [], strict=sources.strict, cohorts=sources.cohorts or [], weights=weights,
        echo=typer.echo)
