"""The maturity section of the terminal summary: the overall stage and the dimensions' bars."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from cxmaturity.documents.summary import Content
from cxmaturity.renderers.terminal_blocks import Bar, title
from cxmaturity.words.numbers import num


def maturity(c: Content) -> RenderableType:
    L = c.L
    score, stage, coverage = c.overall()
    overall = Table.grid(padding=(0, 2))
    overall.add_column(no_wrap=True)
    overall.add_column(ratio=1)
    overall.add_column(justify="right", no_wrap=True)
    overall.add_column()
    overall.add_row(
        Text(L["overall_stage"], style="bold"),
        Bar(score, 20),
        Text(num(score, c.lang), style="bold"),
        Text(stage, style="bold"),
    )
    table = DimensionTable(c)
    return Group(
        title(L["maturity_title"]),
        overall,
        Text(coverage, style="dim"),
        *(Text(line) for line in c.stage_notes()),
        Text(""),
        table,
        Text(L["model_own"], style="italic"),
    )


class DimensionTable:
    """Dimensions with their bars; the label and stage columns share the room left by the
    fixed ones, so long labels wrap inside their column and nothing is cut."""

    def __init__(self, c: Content) -> None:
        self.c = c

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        c, L = self.c, self.c.L
        rows = c.dimension_rows()
        scores = [num(d.score, c.lang) for d in rows]
        answered = max([len(L["answered_col"])] + [len(d.coverage) for d in rows])
        numbers = max([1] + [len(s) for s in scores])
        # bar, numbers, answered, then 4 dividers of 1 space and 2 cells of padding each
        spare = options.max_width - 12 - numbers - answered - 12
        longest_label = max([len(L["dimension"])] + [len(d.label) for d in rows])
        longest_stage = max([len(L["stage"])] + [len(d.stage) for d in rows])
        label_w = min(longest_label, max(spare - longest_stage, spare // 2))
        stage_w = min(longest_stage, spare - label_w)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(L["dimension"], width=label_w)
        table.add_column(L["score"], width=12, no_wrap=True)
        table.add_column("", justify="right", width=numbers, no_wrap=True)
        table.add_column(L["stage"], width=stage_w)
        table.add_column(L["answered_col"], width=answered, no_wrap=True)
        for d, s in zip(rows, scores, strict=True):
            table.add_row(d.label, Bar(d.score), s, d.stage, d.coverage)
        yield table
