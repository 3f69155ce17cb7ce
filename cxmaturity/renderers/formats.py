"""The one table of output formats: a format's name, the file suffixes that ask for it, and the
renderer of each document it can show.

The command line asks only this table: which names ``--format`` takes, which format an ``-o``
file's suffix picks, and what to list when a suffix is not supported. A new format is one row
(`register`), which a later plugin hook can add. A renderer is named ``"module:function"`` and
imported only when used, so that the table costs nothing at start-up.

Documents and what their renderers take:
  ``report``      a `documents.report.ReportInput`; returns text, or bytes for PDF
  ``comparison``  a `documents.comparison.Comparison` and the language
  ``portfolio``   a `documents.portfolio.Portfolio` and the language
``text`` renderers return rich renderables; the others return text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutputFormat:
    """One row: the format's name, its file suffixes, whether ``--format`` may print it to
    stdout, and its renderer for each document it can show (``"module:function"``)."""

    name: str
    suffixes: tuple[str, ...]
    stdout: bool = True
    renderers: dict[str, str] = field(default_factory=dict)


TABLE: dict[str, OutputFormat] = {}


def register(fmt: OutputFormat) -> None:
    """Add a format, or give an existing one renderers for more documents."""
    old = TABLE.get(fmt.name)
    if old is not None:
        fmt = OutputFormat(fmt.name, tuple(dict.fromkeys(old.suffixes + fmt.suffixes)), old.stdout and fmt.stdout,
                           {**old.renderers, **fmt.renderers})
    TABLE[fmt.name] = fmt


_R = "cxmaturity.renderers."
register(OutputFormat("text", (".txt",), renderers={
    "comparison": _R + "compare:to_text", "portfolio": _R + "portfolio:to_text"}))
register(OutputFormat("markdown", (".md", ".markdown"), renderers={
    "report": _R + "markdown:report_markdown", "comparison": _R + "compare:to_markdown",
    "portfolio": _R + "portfolio:to_markdown"}))
register(OutputFormat("json", (".json",), renderers={
    "report": _R + "json:report_json", "comparison": _R + "compare:to_json", "portfolio": _R + "portfolio:to_json"}))
register(OutputFormat("html", (".html", ".htm"), stdout=False, renderers={
    "report": _R + "html:render_html", "comparison": _R + "compare:to_html", "portfolio": _R + "portfolio:to_html"}))
register(OutputFormat("pdf", (".pdf",), stdout=False, renderers={"report": _R + "pdf:report_pdf"}))


def formats_of(document: str) -> list[OutputFormat]:
    """The formats that can show `document`, in the table's order."""
    return [f for f in TABLE.values() if document in f.renderers]


def stdout_names(document: str) -> list[str]:
    """What ``--format`` takes for `document`."""
    return [f.name for f in formats_of(document) if f.stdout]


def suffixes(document: str) -> list[str]:
    """Every file suffix an ``-o`` file of `document` may have, sorted."""
    return sorted(s for f in formats_of(document) for s in f.suffixes)


def by_suffix(document: str, suffix: str) -> OutputFormat | None:
    """The format an ``-o`` file's suffix asks for, if it can show `document`."""
    return next((f for f in formats_of(document) if suffix.lower() in f.suffixes), None)


def renderer(document: str, name: str) -> Callable:
    """The renderer of `document` in the format `name`."""
    module, _, function = TABLE[name].renderers[document].partition(":")
    return getattr(importlib.import_module(module), function)
