"""text_safety: what reaches a terminal has no control character, and escaped Markdown renders
as exactly the text it was given, whatever that text holds.

The Markdown property is checked by rendering with a CommonMark parser (markdown-it, which
rich already depends on) over thousands of generated texts made of the characters that
Markdown and HTML give a meaning to: the rendered page must hold no element but the
paragraph or table around the text, and read back as the text itself.
"""

from __future__ import annotations

import html
import random
import re

import pytest

from cxmaturity.text_safety import console, md, md_code, strip_controls

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)",
    "# heading",
    "    indented code",
    "> quote",
    "- item",
    "+ item",
    "1. item",
    "1) item",
    "---",
    "***",
    "___",
    "```js",
    "~~~",
    "*em* **strong** _u_ __uu__ ~~s~~",
    "`code` ``co`de``",
    "a | b | c",
    "&lt;script&gt; &#60; &amp;",
    "trailing backslash\\",
    "line\nbreak\r\nand\rmore",
    "<!-- comment -->",
    "<div>block</div>",
    "\\*not em\\*",
    "R&D",
    "invest.front_office",
]

# Every character CommonMark or HTML gives a meaning to, some letters, digits and spaces.
ALPHABET = "\\`*_{}[]()<>#+-.!|~&;:=\"'/ \tabcx019é"


def _texts(n: int = 3000):
    rng = random.Random(14)
    for _ in range(n):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))


def _render(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def _expected(text: str) -> str:
    # One line, tabs as spaces, and a paragraph does not keep the spaces at its ends.
    one_line = " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return one_line.replace("\t", " ").strip(" ")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_renders_as_its_text(text):
    _check_paragraph(text)
    _check_cell(text)


def test_generated_texts_render_as_themselves():
    for text in _texts():
        _check_paragraph(text)
        _check_cell(text)


def _check_paragraph(text: str) -> None:
    out = _render(md(text))
    if not _expected(text):
        return
    assert out.startswith("<p>") and out.endswith("</p>\n"), (text, md(text), out)
    inner = out[3:-5]
    assert "<" not in inner, (text, md(text), out)
    assert html.unescape(inner) == _expected(text), (text, md(text), out)


def _check_cell(text: str) -> None:
    # After a label, as in the summary's header, and inside a table cell.
    out = _render(f"**Company:** {md(text, start=False)}")
    # Inside a line the text keeps its leading spaces; the paragraph drops the trailing ones.
    inline = " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).replace("\t", " ").rstrip(" ")
    inner = out[len("<p><strong>Company:</strong> "):-5] if inline else ""
    assert "<" not in inner, (text, md(text, start=False), out)
    assert html.unescape(inner) == inline, (text, md(text, start=False), out)
    table = _render(f"| a |\n|---|\n| {md(text, start=False)} |\n")
    cell = re.search(r"<tbody>\n<tr>\n<td>(.*)</td>\n</tr>", table, re.S)
    assert cell is not None, (text, table)
    assert "<" not in cell.group(1) and html.unescape(cell.group(1)) == _expected(text).strip(), (text, table)


def test_code_spans_show_their_text():
    for text in ["a`b", "``", "`x`", "plain", "a ``` b"]:
        out = _render(md_code(text))
        code = re.search(r"<code>(.*)</code>", out).group(1)
        assert html.unescape(code) == text


@pytest.mark.parametrize("raw, shown", [
    ("\x1b]0;title\x07name", "name"),
    ("\x1b[2J\x1b[31mred\x1b[0m", "red"),
    ("a\x07b\x08c\rd\x7fe\x9b31mf", "abcdef"),
    ("\x1bPdcs\x1b\\ok", "ok"),
    ("\x1b]0;no terminator", "no terminator"),
    ("bidi \u202egnp.exe", "bidi gnp.exe"),
    ("tab\tand\nline", "tab\tand\nline"),
    ("plain text, accents é", "plain text, accents é"),
])
def test_strip_controls(raw, shown):
    assert strip_controls(raw) == shown


def test_the_console_writes_only_its_own_sequences():
    import io

    from rich.table import Table

    out = io.StringIO()
    c = console(file=out, force_terminal=True, color_system="truecolor", width=120)
    table = Table("name", "note")
    table.add_row("\x1b]0;pwned\x07Evil\x1b[2J Co", "[link=javascript:alert(1)]click[/link] [red]x")
    c.print(table)
    text = out.getvalue()
    assert "\x07" not in text and "\x1b]" not in text and "\x1b[2J" not in text
    assert "[link=javascript:alert(1)]click[/link]" in text  # markup in text stays text
    assert "Evil Co" in text  # rich drops the BEL first: the title's text stays, as text
    # Without a terminal, nothing but text.
    plain = io.StringIO()
    console(file=plain, width=60).print(table)
    assert not CONTROL.search(plain.getvalue().replace("\n", ""))
