"""The placements on the terminal: under each question, the cohorts' figures and verdicts;
then the cohorts the report gives no figure for, and the statements without a number."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cxmaturity.documents.summary import Content
from cxmaturity.renderers.terminal_blocks import bullets, title

VERDICT_STYLE = {
    "ahead": "bold green",
    "level": "yellow",
    "behind": "bold red",
    "no_benchmark": "dim",
}


class CohortRows:
    """The cohorts' rows under one question: a four-column table when there is room (100
    columns or more), else one line per cohort led by its verdict, so nothing is cut at 80."""

    WIDE = 100

    def __init__(self, c: Content, rows: list, header: bool) -> None:
        self.c, self.rows, self.header = c, rows, header

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide() if options.max_width >= self.WIDE else self.narrow()

    def _verdict(self, row) -> Text:
        return Text(row.verdict_word, style=VERDICT_STYLE[row.verdict])

    def wide(self) -> Table:
        L = self.c.L
        table = Table(box=None, show_header=self.header, expand=True, pad_edge=False, header_style="bold dim")
        table.add_column(L["cohort"], ratio=2)
        table.add_column(L["cohort_figure"], ratio=4)
        table.add_column(L["verdict"], width=_verdict_width(self.c), no_wrap=True)
        table.add_column(L["source"], ratio=2)
        for row in self.rows:
            table.add_row(row.cohort, row.figure, self._verdict(row), row.source)
        return table

    def narrow(self) -> Table:
        L = self.c.L
        table = Table.grid(padding=(0, 2))
        table.add_column(width=_verdict_width(self.c), no_wrap=True)
        table.add_column(ratio=1)
        for row in self.rows:
            words = Text.assemble((row.cohort, "bold"))
            if row.verdict != "no_benchmark":
                words.append(f"{L['colon']}{row.figure}")
                words.append(f" ({row.source})", style="dim")
            elif row.figure != "—":
                words.append(f"{L['colon']}{row.figure}", style="dim")
            table.add_row(self._verdict(row), words)
        return table


def _verdict_width(c: Content) -> int:
    words = [c.verdict(v) for v in ("ahead", "level", "behind", "no_benchmark")]
    return max(len(w) for w in words + [r.verdict_word for b in c.placements() for r in b.rows])


def placements(c: Content, consultant: bool = True) -> RenderableType:
    L = c.L
    blocks = c.placements()
    parts: list[RenderableType] = [title(c.cohorts_title())]
    if not blocks:
        parts.append(Text(L["no_placements"]))
        return Group(*parts)
    for i, block in enumerate(blocks):
        head = Text.assemble(
            (block.question, "bold"),
            " — ",
            (f"{L['your_answer']}{L['colon']}", "dim"),
            block.answer,
        )
        parts += [head, Padding(CohortRows(c, block.rows, header=i == 0), (0, 0, 1, 2))]
    for line, said in c.unplaced():
        parts.append(Text(line))
        if said:
            parts.append(Padding(bullets(Text.assemble(text, (f" ({source})", "dim")) for text, source in said),
                                 (0, 0, 0, 2)))
    if c.has_uncertain():
        parts.append(Text(L["uncertain_legend"], style="italic"))
    if c.has_ambiguous():
        legend = L["ambiguous_legend"] if consultant else c.W["ambiguous_legend_client"]
        parts.append(Text(legend, style="italic"))
    return Group(*parts)


def statements(c: Content) -> RenderableType | None:
    rows = c.statements()
    if not rows:
        return None
    colon = c.L["colon"]
    return Group(title(c.L["statements_title"]), bullets(
        Text.assemble((f"{cohort}{colon}", "bold"), text, (f" ({source})", "dim")) for cohort, text, source in rows
    ))
