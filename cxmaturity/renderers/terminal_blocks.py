"""The small rich pieces every section of the terminal summary is made of: a section title, a
list of marks (bullets, numbers, signs) with their text, and a 0-100 score bar."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.rule import Rule
from rich.table import Table
from rich.text import Text


def title(text: str) -> Rule:
    """A section's title: bold, on a dim rule."""
    return Rule(Text(text, style="bold"), align="left", style="dim")


def listing(rows: Iterable[tuple[RenderableType, RenderableType]], numbered: bool = False) -> Table:
    """One row per item: its mark, then its text, which wraps beside the mark rather than under
    it; numbers are right-aligned so that 9 and 10 line up."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right" if numbered else "left")
    grid.add_column(ratio=1)
    for mark, text in rows:
        grid.add_row(mark, text)
    return grid


def bullets(items: Iterable[RenderableType]) -> Table:
    """A bulleted list."""
    return listing(("•", item) for item in items)


class Bar:
    """A 0-100 bar of a fixed width, so that the table's text columns keep their room at 80
    columns."""

    def __init__(self, score: float | None, width: int = 12) -> None:
        self.score = score
        self.width = width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, min(options.max_width, self.width))
        filled = 0 if self.score is None else round(width * max(0.0, min(self.score, 100.0)) / 100)
        yield Text("█" * filled, style="cyan") + Text("░" * (width - filled), style="dim")
