"""The summary a client sees at the end of an assessment, as rich renderables.

Layout only: the words come from `content.Content`. Everything fits 80 columns: cells wrap rather
than get cut, and the cohort comparison is stacked one cohort per line under each question.
Colour only underlines what the words already say (a verdict is always printed), so the output
reads the same with NO_COLOR or piped into a file.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..models import Questionnaire, Result, StageModel
from .content import Content, num

VERDICT_STYLE = {
    "ahead": "bold green",
    "level": "yellow",
    "behind": "bold red",
    "no_benchmark": "dim",
}


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


def _title(text: str) -> Rule:
    return Rule(Text(text, style="bold"), align="left", style="dim")


def header(c: Content) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in c.header():
        table.add_row(key, value)
    return Group(Rule(Text(c.L["title"], style="bold")), table)


def cohorts(c: Content) -> RenderableType:
    rows = c.compared_cohorts()
    if not rows:
        return Group(_title(c.L["cohorts_title"]), Text(c.L["cohorts_none"]))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(c.L["cohort"])
    table.add_column(c.L["respondents"])
    table.add_column(c.L["why_compared"])
    for label, n, why in rows:
        table.add_row(label, n, why)
    return Group(_title(c.L["cohorts_title"]), table)


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
        _title(L["maturity_title"]),
        overall,
        Text(coverage, style="dim"),
        *(Text(line) for line in c.stage_notes()),
        Text(""),
        table,
        Text(L["model_own"], style="italic"),
    )


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


def placements(c: Content) -> RenderableType:
    L = c.L
    blocks = c.placements()
    parts: list[RenderableType] = [_title(L["cohorts_table_title"])]
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
    if c.has_uncertain():
        parts.append(Text(L["uncertain_legend"], style="italic"))
    if c.has_ambiguous():
        parts.append(Text(L["ambiguous_legend"], style="italic"))
    return Group(*parts)


def statements(c: Content) -> RenderableType | None:
    rows = c.statements()
    if not rows:
        return None
    lines: list[RenderableType] = [_title(c.L["statements_title"])]
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for cohort, text, source in rows:
        table.add_row("•", Text.assemble((f"{cohort}{c.L['colon']}", "bold"), text, (f" ({source})", "dim")))
    return Group(*lines, table)


def roadmap(c: Content) -> RenderableType:
    L = c.L
    rm = c.roadmap()
    if rm is None:
        return Group(_title(L["roadmap_title"]), Text(L["no_roadmap"]))
    body: list[RenderableType] = [
        Text.assemble((f"{L['playbook']}{L['colon']}", "bold"), rm["title"]),
        Text.assemble((f"{L['why']}{L['colon']}", "bold"), rm["why"]),
    ]
    if rm["because"]:
        # The sentence names itself ("Chosen because…"): a "Because:" label would say it twice.
        body.append(Text(rm["because"]))
    body.append(Text(L["phases"], style="bold"))
    marks = {"completed": "✓", "current": "▶", "later": "·", "not_applicable": "–"}
    phases = Table.grid(padding=(0, 1))
    phases.add_column(no_wrap=True)
    phases.add_column(ratio=1)
    for title, word, status in rm["phases"]:
        style = "bold" if status == "current" else ("dim" if status == "later" else "")
        phases.add_row(marks[status], Text(f"{title} ({word})", style=style))
    body.append(Padding(phases, (0, 0, 0, 2)))
    if rm["actions"]:
        body.append(Text(L["next_actions"], style="bold"))
        actions = Table.grid(padding=(0, 1))
        actions.add_column(no_wrap=True, justify="right")
        actions.add_column(ratio=1)
        for i, a in enumerate(rm["actions"], 1):
            lines = [Text.assemble(a["text"], (f" [{a['phase']}]", "dim"))]
            if a["reason"]:
                lines.append(Text(f"{L['reason']}{L['colon']}{a['reason']}"))
            if a["gap"]:
                lines.append(Text(f"{L['gap']}{L['colon']}{a['gap']}"))
            for e in a["evidence"]:
                lines.append(Text(f"{L['evidence']}{L['colon']}{e}", style="dim"))
            actions.add_row(Text(f"{i}.", style="bold"), Group(*lines))
        body.append(Padding(actions, (0, 0, 0, 2)))
    for key in ("kpis", "constraints"):
        if rm[key]:
            body.append(Text(L[key], style="bold"))
            items = Table.grid(padding=(0, 1))
            items.add_column(no_wrap=True)
            items.add_column(ratio=1)
            for item in rm[key]:
                items.add_row("•", item)
            body.append(Padding(items, (0, 0, 0, 2)))
    return Panel(
        Group(*body),
        title=Text(L["roadmap_title"], style="bold"),
        title_align="left",
        box=box.ROUNDED,
        padding=(0, 1),
    )


def missing(c: Content) -> RenderableType:
    L = c.L
    parts: list[RenderableType] = [_title(L["missing_title"])]
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
    rows = c.conflicts()
    if not rows:
        return None
    L = c.L
    parts: list[RenderableType] = [_title(L["conflicts_title"]), Text(L["conflicts_intro"])]
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for message, pairs in rows:
        lines = [Text(message, style="bold")]
        lines += [Text(f"{q}{L['colon']}{a}") for q, a in pairs]
        table.add_row("!", Group(*lines))
    parts.append(Padding(table, (0, 0, 0, 2)))
    return Group(*parts)


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
    parts: list[RenderableType] = [_title(L["plugins_title"]), table]
    if failed:
        parts.append(Text(L["plugins_failed"].format(count=failed), style="bold red"))
    return Group(*parts)


def footer(c: Content) -> RenderableType:
    return Group(Rule(style="dim"), *(Text(line, style="dim") for line in c.footer()))


def summary(
    result: Result,
    questionnaire: Questionnaire | None = None,
    stage_model: StageModel | None = None,
    lang: str | None = None,
) -> Group:
    """The whole summary of `result`, in `lang` (default: the assessment's language).

    `questionnaire` gives the questions' short forms and the answers' labels (ids without it);
    `stage_model` names the stages when the result does not carry their labels.
    """
    c = Content(result, questionnaire, stage_model, lang)
    sections = [
        header(c),
        cohorts(c),
        maturity(c),
        placements(c),
        statements(c),
        roadmap(c),
        conflicts(c),
        missing(c),
        plugins(c),
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
