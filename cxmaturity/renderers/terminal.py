"""The summary a client sees at the end of an assessment, as rich renderables.

Layout only: the words come from `documents.summary.Content`; the longer sections are laid out
in `terminal_executive`, `terminal_maturity` and `terminal_placements`. Everything fits 80 columns: cells wrap rather
than get cut, and the cohort comparison is stacked one cohort per line under each question.
Colour only underlines what the words already say (a verdict is always printed), so the output
reads the same with NO_COLOR or piped into a file.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from cxmaturity.documents.report import ReportInput
from cxmaturity.documents.summary import Content
from cxmaturity.renderers.terminal_blocks import bullets, listing, title
from cxmaturity.renderers.terminal_executive import executive
from cxmaturity.renderers.terminal_maturity import maturity
from cxmaturity.renderers.terminal_placements import placements, statements


def header(c: Content) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in c.header():
        table.add_row(key, value)
    return Group(Rule(Text(c.L["title"], style="bold")), table)


def conclusions(c: Content, text: str | None) -> RenderableType | None:
    """The consultant's own conclusions, as written (plain text: no markup is read)."""
    if not text or not text.strip():
        return None
    return Group(title(c.W["conclusions_title"]), Text(text.strip()))


def method(c: Content) -> RenderableType:
    """The client edition's appendix, in plain words."""
    return Group(title(c.W["method_title"]), bullets(c.method()))


def cohorts(c: Content) -> RenderableType:
    rows = c.compared_cohorts()
    if not rows:
        return Group(title(c.L["cohorts_title"]), Text(c.L["cohorts_none"]))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(c.L["cohort"])
    table.add_column(c.L["respondents"])
    table.add_column(c.L["why_compared"])
    for label, n, why in rows:
        table.add_row(label, n, why)
    return Group(title(c.L["cohorts_title"]), table)


def roadmap(c: Content) -> RenderableType:
    L = c.L
    rm = c.roadmap()
    if rm is None:
        return Group(title(L["roadmap_title"]), Text(L["no_roadmap"]))
    body: list[RenderableType] = [
        Text.assemble((f"{L['playbook']}{L['colon']}", "bold"), rm["title"]),
        Text.assemble((f"{L['why']}{L['colon']}", "bold"), rm["why"]),
    ]
    if rm["because"]:
        # The sentence names itself ("Chosen because…"): a "Because:" label would say it twice.
        body.append(Text(rm["because"]))
    body.append(Text(L["phases"], style="bold"))
    marks = {"completed": "✓", "current": "▶", "later": "·", "not_applicable": "–"}
    styles = {"current": "bold", "later": "dim"}
    phases = listing((marks[status], Text(f"{phase} ({word})", style=styles.get(status, "")))
                     for phase, word, status in rm["phases"])
    body.append(Padding(phases, (0, 0, 0, 2)))
    if rm["actions"]:
        body.append(Text(L["next_actions"], style="bold"))
        actions = []
        for i, a in enumerate(rm["actions"], 1):
            lines = [Text.assemble(a["text"], (f" [{a['phase']}]", "dim"))]
            if a["reason"]:
                lines.append(Text(f"{L['reason']}{L['colon']}{a['reason']}"))
            if a["gap"]:
                lines.append(Text(f"{L['gap']}{L['colon']}{a['gap']}"))
            for e in a["evidence"]:
                lines.append(Text(f"{L['evidence']}{L['colon']}{e}", style="dim"))
            actions.append((Text(f"{i}.", style="bold"), Group(*lines)))
        body.append(Padding(listing(actions, numbered=True), (0, 0, 0, 2)))
    for key in ("kpis", "constraints"):
        if rm[key]:
            body += [Text(L[key], style="bold"), Padding(bullets(rm[key]), (0, 0, 0, 2))]
    return Panel(
        Group(*body),
        title=Text(L["roadmap_title"], style="bold"),
        title_align="left",
        box=box.ROUNDED,
        padding=(0, 1),
    )


def missing(c: Content) -> RenderableType:
    L = c.L
    parts: list[RenderableType] = [title(L["missing_title"])]
    rows = c.missing()
    if rows:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(L["question"], ratio=3)
        table.add_column(L["state"], ratio=1)
        table.add_column(L["dimensions"], ratio=2)
        for question, state, dims in rows:
            table.add_row(question, state, dims or "—")
        parts.append(table)
    parts += [Text(line) for line in c.missing_summary()]
    return Group(*parts)


def conflicts(c: Content) -> RenderableType | None:
    """The consistency rules the answers still break; nothing when there are none."""
    colon = c.L["colon"]
    rules = [("!", Group(Text(message, style="bold"), *(Text(f"{q}{colon}{a}") for q, a in pairs)))
             for message, pairs in c.conflicts()]
    if not rules:
        return None
    return Group(title(c.L["conflicts_title"]), Text(c.L["conflicts_intro"]), Padding(listing(rules), (0, 0, 0, 2)))


def plugins(c: Content) -> RenderableType | None:
    rows = c.plugins()
    if not rows:
        return None
    L = c.L
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(L["plugin"])
    table.add_column(L["version"])
    table.add_column(L["origin"])
    table.add_column(L["status"], ratio=1)
    failed = 0
    for name, version, origin, status, bad in rows:
        failed += bad
        table.add_row(name, version, origin, Text(status, style="red" if bad else ""))
    parts: list[RenderableType] = [title(L["plugins_title"]), table]
    if failed:
        parts.append(Text(L["plugins_failed"].format(count=failed), style="bold red"))
    return Group(*parts)


def footer(c: Content) -> RenderableType:
    return Group(Rule(style="dim"), *(Text(line, style="dim") for line in c.footer()))


def summary(*args: Any, conclusions_text: str | None = None, **kwargs: Any) -> Group:
    """The whole summary of a result, in its language unless `lang` says otherwise: the
    executive summary first, then the detail. The arguments are those of `ReportInput`
    (result, questionnaire, stage_model, lang, audience, conclusions); `conclusions_text` is
    an older name for `conclusions`.
    """
    ri = ReportInput(*args, **kwargs)
    if conclusions_text is not None:
        ri.conclusions = conclusions_text
    c = Content.of(ri)
    consultant = ri.audience == "consultant"
    sections = [
        executive(c),
        conclusions(c, ri.conclusions),
        header(c),
        cohorts(c),
        maturity(c),
        placements(c, consultant),
        statements(c),
        roadmap(c),
        conflicts(c),
        missing(c),
        plugins(c) if consultant else method(c),
        footer(c),
    ]
    spaced: list[RenderableType] = []
    for section in sections:
        if section is not None:
            spaced += [section, Text("")]
    return Group(*spaced[:-1])


def render_text(renderable: RenderableType, width: int = 80, color: bool = False) -> str:
    """`renderable` as plain text at `width` columns (tests, snapshots, files)."""
    import io

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )
    console.print(renderable)
    return console.file.getvalue()
