"""Text from files and plugins made safe to show: no control characters on a terminal, no
markup in Markdown.

Company names, notes, cohort labels, questionnaire and playbook text, plugin names and
findings all come from files or plugins someone else wrote. Two choke points keep them
harmless:

- `console()` is the rich console every command prints through: it strips terminal control
  sequences (ESC sequences, BEL, the C0 and C1 controls, bidirectional overrides) from every
  piece of text it writes, and reads no rich markup in text (``[link=…]`` stays text);
  `strip_controls` does the same for the plain lines a command echoes;
- `md` escapes a text for Markdown: HTML-significant characters become entities and the
  characters of Markdown syntax (links, emphasis, code, tables, headings, lists) are
  backslash-escaped, so that a company named ``<script>`` or ``[click](javascript:…)``
  stays text in every Markdown viewer. The Markdown renderers pass every text through it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# A whole escape sequence, so that none of its printable tail ("]0;title", "[2J") is left
# behind: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (ESC P/X/^/_ … ST),
# any other two-byte ESC sequence, and the 8-bit CSI/OSC/DCS forms. A string sequence whose
# terminator is missing (rich drops BEL from text before the console sees it) loses only its
# introducer and numeric parameters: what follows may be the text itself, and is kept.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x1b\\|\x9c)"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[0-9;]*"
    r"|\x1b[\x20-\x7e]?"
)
# What is left: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that make a terminal show text in another order than it reads.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """`text` without terminal control sequences or control characters (newline and tab kept)."""
    if not _CONTROL.search(text):
        return text  # the common case, at the cost of one scan
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


# --- Markdown -----------------------------------------------------------------------------

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Markdown syntax anywhere in a line: code, emphasis, links and images, tables, strikethrough,
# and the backslash itself.
_INLINE = re.compile(r"[\\`*\[\]|~]")
# An underscore opens or closes emphasis only at a word's edge; inside a word (question ids
# such as invest.front_office) it is text, and left as it is so that ids stay readable.
_EDGE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# Syntax that counts only at the start of a line: headings, quotes, lists, rules.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def md(text: Any, start: bool = True) -> str:
    """`text` (anything: it is made a string) as Markdown that shows exactly that text, on
    one line: control characters stripped, line breaks made spaces, HTML and Markdown syntax
    escaped. `start`: the text may begin a block (a line, a list item), so a leading ``#``,
    ``>``, ``-``, ``+``, ``=`` or ``1.`` is escaped too; False inside a line or a table cell."""
    text = strip_controls(str(text).replace("\r\n", "\n").replace("\r", "\n"))
    text = " ".join(text.split("\n")) if "\n" in text else text
    text = text.replace("\t", " ")
    text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    text = _EDGE_UNDERSCORE.sub(r"\\_", text)
    text = "".join(_HTML.get(ch, ch) for ch in text) if any(ch in text for ch in _HTML) else text
    if start:
        text = text.lstrip(" ")  # four leading spaces would start a code block
    match = _LINE_START.match(text) if start else None
    if match:
        lead, mark = match.groups()
        rest = text[match.end():]
        if mark.isdigit():
            text = f"{lead}{mark}\\{rest}"  # "1. " would start a numbered list
        else:
            text = f"{lead}\\{mark}{rest}"
    return text


def md_code(text: Any) -> str:
    """`text` as a Markdown code span that shows exactly that text: nothing inside a code span
    is markup, so only its fence needs care (longer than any run of backticks in it)."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = " ".join(strip_controls(text).split("\n")).replace("\t", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# --- the terminal ---------------------------------------------------------------------------


def console(**kwargs: Any) -> Console:
    """A rich console that writes no control character it did not put there itself (styles
    and cursor moves are its own; the text of every segment is stripped) and reads no rich
    markup in the text it is given. Takes `rich.console.Console`'s arguments."""
    kwargs.setdefault("markup", False)
    return _console_class()(**kwargs)


_class: type | None = None


def _console_class() -> type:
    global _class
    if _class is None:
        from rich.console import Console
        from rich.segment import Segment

        class SafeConsole(Console):
            """`Console` whose every rendered segment of text is stripped of controls."""

            def render(self, renderable, options=None):
                for segment in super().render(renderable, options):
                    if segment.control or not _CONTROL.search(segment.text):
                        yield segment
                    else:
                        yield Segment(strip_controls(segment.text), segment.style, segment.control)

        _class = SafeConsole
    return _class
