"""A plain document (headings, paragraphs, tables) as one self-contained, printable HTML page,
in the report's style: for `compare` and `portfolio`, whose content is tables of words the
renderers already build for the terminal and Markdown. Every text is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.renderers.html_page import CSS, shell


def heading(text: str) -> Safe:
    return fill("<h2>$t</h2>", t=text)


def para(text: str, note: bool = False) -> Safe:
    return fill("<p class='note'>$t</p>", t=text) if note else fill("<p>$t</p>", t=text)


def table(rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> Safe:
    """A header row and body rows; the columns in `right` (numbers) are right-aligned."""
    right = set(right)
    head, *body = rows

    def cells(row: Sequence[str], tag: str) -> Safe:
        return join(fill(f"<{tag}$c>$v</{tag}>", c=Safe(" class='n'" if i in right else ""), v=v)
                    for i, v in enumerate(row))

    return fill("<table><thead><tr>$h</tr></thead><tbody>$b</tbody></table>", h=cells(head, "th"),
                b=join(fill("<tr>$r</tr>", r=cells(row, "td")) for row in body))


def page(lang: str, title: str, blocks: Iterable[Safe], footer: Iterable[str], tool: str = "",
         subtitle: Iterable[str] = ()) -> str:
    """The whole page."""
    sub = join(fill("<p class='sub'>$t</p>", t=line) for line in subtitle)
    lines = join(fill("<p>$t</p>", t=line) for line in footer)
    return shell(lang, tool, title, header=fill("<header><h1>$t</h1>$sub</header>", t=title, sub=sub),
                 body=join(blocks), footer=fill("<footer>$f</footer>", f=lines), css=CSS + " th.n{text-align:right}")
