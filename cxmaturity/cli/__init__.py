"""The command line: parse, call the core, render. The one place errors become messages.

This module holds the top of it: the `cxmaturity` group, its global options, and the index of
the commands. Each command lives in a module of this package (one module a family of commands)
that is imported only when that command runs or shows its own help, so that `--help` and
`--version` import none of them; the command modules import their heavy modules (pydantic
models, ruamel.yaml, prompt libraries, renderers) inside the commands that need them.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from cxmaturity._version import __version__
from cxmaturity.cli import lazy_rich
from cxmaturity.cli.one_line_errors import OneLineErrors, reflow_all

lazy_rich.install()  # typer's help imports rich's Markdown and Traceback; --help uses neither

# Every command, in the order `--help` lists them: the module of this package that holds it, and
# its one-line summary. `cxmaturity --help` draws the list from here without importing a
# command module; each summary is the first paragraph of the command's own help (a test checks).
COMMANDS = {
    "validate": ("files", "Check questionnaire and assessment files; report every problem with its line."),
    "schema": ("files", "Print the JSON Schema of a file format, for editors that validate YAML as you type."),
    "plugins": ("plugins", "List the plugins: name, version, origin, hooks, what each registered, any error."),
    "score": ("scoring", "Score an assessment and show the summary: executive summary, stages, cohorts, roadmap."),
    "explain": ("scoring", "Show how a dimension's score, or the overall stage, follows from the answers."),
    "assess": ("assess", "Interview a company and save its assessment after every answer (resumable)."),
    "report": ("scoring", "Write a report to hand over: standalone HTML with charts, an A4 PDF, Markdown, or "
                          "the JSON result."),
    "portfolio": ("portfolio", "Score every assessment of a portfolio: a table of companies, stages and progress."),
    "compare": ("portfolio", "Compare two assessments of the same company: stages, answers, cohort verdicts, "
                             "roadmap."),
    "batch": ("batch", "Score many assessments from JSONL, CSV or Parquet: one row each, as score gives it."),
    "serve": ("serve", "Serve the questionnaire as a browser form: engagements, several respondents, "
                       "consolidation."),
    "questionnaires": ("questionnaires", "List the questionnaires, or show one."),
    "cohorts": ("cohorts", "Cohort files: build your own from a portfolio of assessments."),
    "plugin": ("plugins", "For plugin authors: start a new plugin distribution."),
}


class Listed(TyperCommand):
    """A command as the group's help lists it, before its module is imported: name and summary."""


class Commands(OneLineErrors):
    """The `cxmaturity` group: its commands are those of COMMANDS, each loaded from its module
    the first time the command is asked for, except by the group's own help, which lists them
    by their summaries."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.listing = False
        for name, (_, summary) in COMMANDS.items():
            self.commands.setdefault(name, Listed(name, help=summary))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if isinstance(command, Listed) and not self.listing:
            self._load(COMMANDS[cmd_name][0])
            command = super().get_command(ctx, cmd_name)
        return command

    def _load(self, module: str) -> None:
        """Put the real commands of `cxmaturity.cli.<module>` in place of their listings."""
        group = typer.main.get_group(importlib.import_module(f"{__name__}.{module}").commands)
        for name, command in group.commands.items():
            if self.reflowing:
                reflow_all(command)
            self.commands[name] = command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = typer.Typer(
    cls=Commands,
    name="cxmaturity",
    help="Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxmaturity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    plugin_timeout: Annotated[
        float | None,
        typer.Option(
            "--plugin-timeout",
            metavar="SECONDS",
            help="Time limit of each plugin call; a plugin over it is named and skipped "
            "(default: $CXMATURITY_PLUGIN_TIMEOUT, else 10; 0: no limit).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts."""
    from cxmaturity.plugin_host.calls import set_timeout

    if plugin_timeout is not None and not 0 <= plugin_timeout < float("inf"):
        raise typer.BadParameter("a number of seconds, 0 for no limit", param_hint="--plugin-timeout")
    set_timeout(plugin_timeout)


def main() -> None:
    """Entry point of the `cxmaturity` console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
