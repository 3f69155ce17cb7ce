"""The summary as Markdown (`score --format markdown`): the terminal summary's content, as tables."""

from __future__ import annotations

from typing import Any

from cxmaturity.documents.report import ReportInput
from cxmaturity.documents.summary import Content
from cxmaturity.text_safety import md
from cxmaturity.words.numbers import num


class _Markdown(str):
    """A cell that is Markdown already (the renderer's own), not text to escape."""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: escaped, on one line, pipes included."""
    return text if isinstance(text, _Markdown) else md(text, start=False)


def _table(head: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in head) + " |"]
    out.append("|" + "|".join("---:" if i in right else "---" for i in range(len(head))) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _bar(score: float | None, width: int = 10) -> str:
    filled = 0 if score is None else round(width * max(0.0, min(score, 100.0)) / 100)
    return "█" * filled + "░" * (width - filled)


def _executive(c: Content) -> list[str]:
    """The executive summary: one heading, the stage, strengths, gaps and next actions."""
    ex = c.executive()
    # Every text is escaped: company names, answers and playbook texts come from files.
    out = [f"## {md(ex.title, start=False)} · {md(ex.company, start=False)}", "",
           f"**{md(ex.stage[0], start=False)}**  "]
    out += [md(line) + "  " for line in ex.stage[1:] + ex.notes] + [""]
    for title, items in ((ex.strengths_title, ex.strengths), (ex.gaps_title, ex.gaps)):
        out += [f"**{md(title, start=False)}**", ""] + [f"- {md(item, start=False)}" for item in items] + [""]
    out += [f"**{md(ex.actions_title, start=False)}**", ""]
    for i, (text, reason) in enumerate(ex.actions, 1):
        out.append(f"{i}. {md(text, start=False)}" + (f"  \n   *{md(reason, start=False)}*" if reason else ""))
    if not ex.actions:
        out.append(c.W["exec_none_actions"])
    return out + [""]


def summary_markdown(*args: Any, **kwargs: Any) -> str:
    """The whole summary of a result as Markdown; the arguments are those of `ReportInput`
    (result, questionnaire, stage_model, lang, audience, conclusions)."""
    return report_markdown(ReportInput(*args, **kwargs))


def report_markdown(ri: ReportInput) -> str:
    """The summary as Markdown, in the report's language: the executive summary first, the
    consultant's `conclusions` (Markdown, as written) next, then the detail; the client edition
    ends with the method and sources in words, the consultant's with the plugins."""
    c = Content.of(ri)
    L, lang, conclusions = c.L, c.lang, ri.conclusions
    consultant = ri.audience == "consultant"
    out = [f"# {L['title']}", ""] + _executive(c)
    if conclusions and conclusions.strip():
        # The consultant's text comes from a file too: shown as text, one paragraph a line.
        out += [f"## {c.W['conclusions_title']}", ""]
        out += [md(line) + "  " if line.strip() else "" for line in conclusions.strip().splitlines()] + [""]
    out += [f"**{k}{L['colon'].strip()}** {md(v, start=False)}  " for k, v in c.header()] + [""]

    out += [f"## {L['cohorts_title']}", ""]
    rows = c.compared_cohorts()
    out += (
        _table([L["cohort"], L["respondents"], L["why_compared"]], [list(r) for r in rows])
        if rows
        else [L["cohorts_none"], ""]
    )

    out += [f"## {L['maturity_title']}", ""]
    score, stage, coverage = c.overall()
    out += [
        f"**{L['overall_stage']}{L['colon'].rstrip()}** {md(stage, start=False)} — "
        f"{num(score, lang)} / 100 `{_bar(score)}`  ",
        md(coverage) + "  ",
        *(md(line) + "  " for line in c.stage_notes()),
        "",
    ]
    out += _table(
        [L["dimension"], L["score"], "", L["stage"], L["answered_col"]],
        [[d.label, _Markdown(f"`{_bar(d.score)}`"), num(d.score, lang), d.stage, d.coverage]
         for d in c.dimension_rows()],
        right={2},
    )
    out += [f"*{L['model_own']}*", ""]

    out += [f"## {c.cohorts_title()}", ""]
    blocks = c.placements()
    if not blocks:
        out += [L["no_placements"], ""]
    for block in blocks:
        out += [f"### {md(block.question, start=False)}", "",
                f"{L['your_answer']}{L['colon']}{md(block.answer, start=False)}", ""]
        out += _table(
            [L["cohort"], L["cohort_figure"], L["verdict"], L["source"]],
            [[r.cohort, r.figure, _Markdown(f"**{md(r.verdict_word, start=False)}**"), r.source] for r in block.rows],
        )
    unplaced = c.unplaced()
    if unplaced:
        for line, said in unplaced:
            out.append(f"- {md(line, start=False)}")
            out += [f"  - {md(text, start=False)} ({md(source, start=False)})" for text, source in said]
        out.append("")
    if c.has_uncertain():
        out += [f"*{L['uncertain_legend']}*", ""]
    if c.has_ambiguous():
        out += [f"*{L['ambiguous_legend'] if consultant else c.W['ambiguous_legend_client']}*", ""]

    statements = c.statements()
    if statements:
        out += [f"## {L['statements_title']}", ""]
        out += [f"- **{md(cohort)}{L['colon'].rstrip()}** {md(text, start=False)} ({md(source, start=False)})"
                for cohort, text, source in statements]
        out += [""]

    out += [f"## {L['roadmap_title']}", ""]
    rm = c.roadmap()
    if rm is None:
        out += [L["no_roadmap"], ""]
    else:
        out += [
            f"**{L['playbook']}{L['colon'].rstrip()}** {md(rm['title'], start=False)}  ",
            f"**{L['why']}{L['colon'].rstrip()}** {md(rm['why'], start=False)}  ",
        ]
        if rm["because"]:
            out += [f"{md(rm['because'])}  "]
        out += ["", f"**{L['phases']}**", ""]
        marks = {"completed": "✓", "current": "▶", "later": "·", "not_applicable": "–"}
        out += [f"- {marks[status]} {md(title, start=False)} ({md(word, start=False)})"
                for title, word, status in rm["phases"]] + [""]
        if rm["actions"]:
            out += [f"**{L['next_actions']}**", ""]
            for i, a in enumerate(rm["actions"], 1):
                out.append(f"{i}. {md(a['text'])} *[{md(a['phase'], start=False)}]*")
                if a["reason"]:
                    out.append(f"   - {L['reason']}{L['colon']}{md(a['reason'], start=False)}")
                if a["gap"]:
                    out.append(f"   - {L['gap']}{L['colon']}{md(a['gap'], start=False)}")
                out += [f"   - {L['evidence']}{L['colon']}{md(e, start=False)}" for e in a["evidence"]]
            out.append("")
        for key in ("kpis", "constraints"):
            if rm[key]:
                out += [f"**{L[key]}**", ""] + [f"- {md(item)}" for item in rm[key]] + [""]

    conflicts = c.conflicts()
    if conflicts:
        out += [f"## {L['conflicts_title']}", "", L["conflicts_intro"], ""]
        for message, pairs in conflicts:
            out.append(f"- **{md(message, start=False)}**")
            out += [f"  - {md(q, start=False)}{L['colon']}{md(a, start=False)}" for q, a in pairs]
        out += [""]

    out += [f"## {L['missing_title']}", ""]
    missing = c.missing()
    if missing:
        out += _table([L["question"], L["state"], L["dimensions"]], [[q, s, d or "—"] for q, s, d in missing])
    out += [md(line) + "  " for line in c.missing_summary()] + [""]

    plugins = c.plugins() if consultant else []
    if not consultant:
        out += [f"## {c.W['method_title']}", ""] + [f"- {md(line, start=False)}" for line in c.method()] + [""]
    if plugins:
        out += [f"## {L['plugins_title']}", ""]
        out += _table(
            [L["plugin"], L["version"], L["origin"], L["status"]], [[n, v, o, s] for n, v, o, s, _ in plugins]
        )
        failed = sum(1 for p in plugins if p[4])
        if failed:
            out += [f"**{L['plugins_failed'].format(count=failed)}**", ""]

    out += ["---", ""] + [f"*{md(line, start=False)}*  " for line in c.footer()]
    return "\n".join(out).rstrip() + "\n"

