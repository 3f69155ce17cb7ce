"""The options that several commands share, each declared once, and the checks of their values.

`--plugins-dir`, `--strict` and `--cohorts` always come together: a command takes them as one
parameter of type `Sources`, which `options` spreads into the three options where it stands;
`--audience` and `--notes` likewise, as an `Edition`. `--block` and `--traceback`
(`plugin_controls`) come last on every command that loads plugins.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, get_type_hints

import typer

from cxmaturity.cli.output import fail


def valued(flag: str, metavar: str, help: str) -> Any:
    """An option that takes a value named `metavar`, with no default shown (most of ours)."""
    return typer.Option(flag, metavar=metavar, help=help, show_default=False)


LangOption = Annotated[str | None, typer.Option("--lang", help="Language of the output: en or fr.", metavar="fr|en")]
OutOption = Annotated[Path | None, typer.Option("-o", "--out", help="Write to FILE; its suffix picks the format.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o FILE if it already exists.")]
FormatOption = Annotated[
    str, typer.Option("--format", help="What goes to stdout: text, json or markdown.", metavar="text|json|markdown")
]
PluginsDirOption = Annotated[
    list[Path] | None,
    valued("--plugins-dir", "DIR", "Also load the plugins in DIR (one .py file a plugin). Repeatable."),
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Stop with exit code 1 at the first plugin failure (for plugin authors).")
]
CohortsOption = Annotated[
    list[Path] | None, valued("--cohorts", "FILE", "Also compare with the cohorts in FILE. Repeatable.")
]
WeightsOption = Annotated[
    Path | None,
    valued("--weights", "FILE", "Use the stage model in FILE (stages, thresholds, dimension weights) instead of the "
                                "built-in one."),
]
AudienceOption = Annotated[
    str,
    typer.Option(
        "--audience",
        help="Who reads it: client (no internals; method and sources in words) or consultant "
        "(plugins, fact ids, other readings of the charts).",
        metavar="client|consultant",
    ),
]
NotesOption = Annotated[
    Path | None,
    valued("--notes", "FILE", "The consultant's conclusions (Markdown), shown as their own section; default: the "
                              "assessment's 'conclusions'."),
]
BlockOption = Annotated[
    list[str] | None,
    valued("--block", "NAME", "Leave out the plugin NAME, whatever its origin (built-in, --plugins-dir, installed). "
                              "Repeatable."),
]
TracebackOption = Annotated[
    bool, typer.Option("--traceback", help="Show each plugin failure's traceback (also: CXMATURITY_TRACEBACK=1).")
]


@dataclass(frozen=True)
class Sources:
    """Where a command's plugins and extra cohorts come from: --plugins-dir, --strict, --cohorts."""

    plugins_dir: PluginsDirOption = None
    strict: StrictOption = False
    cohorts: CohortsOption = None

    def registry(self):
        """The plugin registry (heavy imports happen here, not at start-up)."""
        from cxmaturity.workspace.workspace import open_registry

        return open_registry(self.plugins_dir or (), strict=self.strict, cohorts=self.cohorts or ())

    def workspace(self, weights: Path | None):
        """The workspace: the stage model (--weights FILE, else the built-in one), then the registry."""
        from cxmaturity.workspace.workspace import open_workspace

        return open_workspace(self.plugins_dir or (), strict=self.strict, cohorts=self.cohorts or (),
                              weights=weights)


BUILT_IN = Sources()  # no --plugins-dir or --cohorts: the built-in and installed plugins only


@dataclass(frozen=True)
class Edition:
    """Who reads a summary or report, and the consultant's conclusions in it: --audience, --notes."""

    audience: AudienceOption = "client"
    notes: NotesOption = None

    def reader(self) -> str:
        """The audience, checked: client or consultant, any case."""
        if self.audience.lower() not in ("client", "consultant"):
            raise typer.BadParameter(f"'{self.audience}' is not client or consultant", param_hint="--audience")
        return self.audience.lower()

    def conclusions(self, assessment) -> str | None:
        """The consultant's conclusions: the --notes file, else the assessment's own."""
        if self.notes is None:
            return assessment.conclusions
        try:
            return self.notes.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise fail(f"{self.notes}: cannot read the notes ({e.strerror or e})") from None


FOR_CLIENT = Edition()


def _as_typer_sees_it(wrapper, fn, parameters: list[inspect.Parameter]):
    """Give `wrapper` the signature `parameters` (typer reads it, and the evaluated annotations)."""
    signature = inspect.signature(fn, eval_str=True)
    wrapper.__signature__ = signature.replace(parameters=parameters)
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper


def options(fn):
    """Spread each option group a command takes (a parameter of type Sources or Edition) into
    the group's options, in its place; the command receives the group."""
    groups, parameters = {}, []
    for p in inspect.signature(fn, eval_str=True).parameters.values():
        if p.annotation in (Sources, Edition):
            groups[p.name] = p.annotation
            hints = get_type_hints(p.annotation, include_extras=True)
            parameters += [p.replace(name=f.name, default=f.default, annotation=hints[f.name])
                           for f in fields(p.annotation)]
        else:
            parameters.append(p)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for name, group in groups.items():
            kwargs[name] = group(**{f.name: kwargs.pop(f.name) for f in fields(group)})
        return fn(*args, **kwargs)

    return _as_typer_sees_it(wrapper, fn, parameters)


def plugin_controls(fn):
    """Give a command that loads plugins the options --block NAME and --traceback; the plugin
    registry reads them (`controls.CONTROLS`) while the command runs."""
    extra = [
        inspect.Parameter("block", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=BlockOption),
        inspect.Parameter("traceback", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=TracebackOption),
    ]

    @functools.wraps(fn)
    def wrapper(*args, block=None, traceback=False, **kwargs):
        from cxmaturity.plugin_host.controls import CONTROLS

        token = CONTROLS.set({"block": block or [], "traceback": traceback})
        try:
            return fn(*args, **kwargs)
        finally:
            CONTROLS.reset(token)

    return _as_typer_sees_it(wrapper, fn, [*inspect.signature(fn, eval_str=True).parameters.values(), *extra])


def check_lang(lang: str | None) -> str | None:
    """The language asked for, in lower case (--lang FR is fr)."""
    if lang is None:
        return None
    if lang.strip().lower() not in ("en", "fr"):
        raise typer.BadParameter(f"'{lang}' is not a supported language (en, fr)", param_hint="--lang")
    return lang.strip().lower()


def locale_lang() -> str:
    """fr when the locale is French (LC_ALL, else LC_MESSAGES, else LANG), else en."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
