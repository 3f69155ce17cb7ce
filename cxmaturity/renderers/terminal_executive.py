"""The executive summary on the terminal: the first screen of the summary."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.text import Text

from cxmaturity.documents.summary import Content
from cxmaturity.renderers.terminal_blocks import bullets, listing

SCREEN = 24  # lines: the executive summary fits one terminal screen


class Executive:
    """The first screen: the stage, three strengths, three gaps and three next actions. When
    the block would be taller than SCREEN lines at the width given, the notes under the stage
    (the weakest dimension, then what holds it back) give way, then, rarely, the third gap and
    the third strength, rather than push the rest off the screen; the detail below says them all."""

    def __init__(self, c: Content) -> None:
        self.c, self.ex = c, c.executive()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ex = self.ex
        # what gives way, in turn, while the block is taller than a screen
        shorter = [(list(ex.notes[:n]), ex.strengths, ex.gaps) for n in range(len(ex.notes) - 1, -1, -1)]
        shorter += [([], ex.strengths, ex.gaps[:2]), ([], ex.strengths[:2], ex.gaps[:2])]
        block = self.block(list(ex.notes), ex.strengths, ex.gaps)
        for notes, strengths, gaps in shorter:
            if len(console.render_lines(block, options, pad=False)) <= SCREEN:
                break
            block = self.block(notes, strengths, gaps)
        yield block

    def block(self, notes: list[str], strengths: list[str], gaps: list[str]) -> Group:
        ex, c = self.ex, self.c
        parts: list[RenderableType] = [
            Rule(Text(f"{ex.title} · {ex.company}", style="bold"), align="left"),
            Text(ex.stage[0], style="bold"),
            *(Text(line) for line in ex.stage[1:] + notes),
        ]
        for title, items in ((ex.strengths_title, strengths), (ex.gaps_title, gaps)):
            parts += [Text(title, style="bold"), bullets(items)]
        parts.append(Text(ex.actions_title, style="bold"))
        if ex.actions:
            parts.append(listing(((f"{i}.", Group(Text(text), *([Text(reason, style="dim")] if reason else [])))
                                  for i, (text, reason) in enumerate(ex.actions, 1)), numbered=True))
        else:
            parts.append(Text(c.W["exec_none_actions"]))
        return Group(*parts)


def executive(c: Content) -> RenderableType:
    """The executive summary, fitted to one screen."""
    return Executive(c)
