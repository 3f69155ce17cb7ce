"""The summary as Markdown (`score --format markdown`): the terminal summary's content, as tables."""

from __future__ import annotations

from ..models import Questionnaire, Result, StageModel
from .content import Content, num


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(head: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in head) + " |"]
    out.append("|" + "|".join("---:" if i in right else "---" for i in range(len(head))) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _bar(score: float | None, width: int = 10) -> str:
    filled = 0 if score is None else round(width * max(0.0, min(score, 100.0)) / 100)
    return "█" * filled + "░" * (width - filled)


def summary_markdown(
    result: Result,
    questionnaire: Questionnaire | None = None,
    stage_model: StageModel | None = None,
    lang: str | None = None,
) -> str:
    """The whole summary of `result` as Markdown, in `lang` (default: the assessment's)."""
    c = Content(result, questionnaire, stage_model, lang)
    L, lang = c.L, c.lang
    out = [f"# {L['title']}", ""]
    out += [f"**{k}{L['colon'].strip()}** {v}  " for k, v in c.header()] + [""]

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
        f"**{L['overall_stage']}{L['colon'].rstrip()}** {stage} — {num(score, lang)} / 100 `{_bar(score)}`  ",
        coverage + "  ",
        *(line + "  " for line in c.stage_notes()),
        "",
    ]
    out += _table(
        [L["dimension"], L["score"], "", L["stage"], L["answered_col"]],
        [[d.label, f"`{_bar(d.score)}`", num(d.score, lang), d.stage, d.coverage] for d in c.dimension_rows()],
        right={2},
    )
    out += [f"*{L['model_own']}*", ""]

    out += [f"## {L['cohorts_table_title']}", ""]
    blocks = c.placements()
    if not blocks:
        out += [L["no_placements"], ""]
    for block in blocks:
        out += [f"### {block.question}", "", f"{L['your_answer']}{L['colon']}{block.answer}", ""]
        out += _table(
            [L["cohort"], L["cohort_figure"], L["verdict"], L["source"]],
            [[r.cohort, r.figure, f"**{r.verdict_word}**", r.source] for r in block.rows],
        )
    if c.has_uncertain():
        out += [f"*{L['uncertain_legend']}*", ""]
    if c.has_ambiguous():
        out += [f"*{L['ambiguous_legend']}*", ""]

    statements = c.statements()
    if statements:
        out += [f"## {L['statements_title']}", ""]
        out += [f"- **{cohort}{L['colon'].rstrip()}** {text} ({source})" for cohort, text, source in statements]
        out += [""]

    out += [f"## {L['roadmap_title']}", ""]
    rm = c.roadmap()
    if rm is None:
        out += [L["no_roadmap"], ""]
    else:
        out += [
            f"**{L['playbook']}{L['colon'].rstrip()}** {rm['title']}  ",
            f"**{L['why']}{L['colon'].rstrip()}** {rm['why']}  ",
        ]
        if rm["because"]:
            out += [f"{rm['because']}  "]
        out += ["", f"**{L['phases']}**", ""]
        marks = {"completed": "✓", "current": "▶", "later": "·", "not_applicable": "–"}
        out += [f"- {marks[status]} {title} ({word})" for title, word, status in rm["phases"]] + [""]
        if rm["actions"]:
            out += [f"**{L['next_actions']}**", ""]
            for i, a in enumerate(rm["actions"], 1):
                out.append(f"{i}. {a['text']} *[{a['phase']}]*")
                if a["reason"]:
                    out.append(f"   - {L['reason']}{L['colon']}{a['reason']}")
                if a["gap"]:
                    out.append(f"   - {L['gap']}{L['colon']}{a['gap']}")
                out += [f"   - {L['evidence']}{L['colon']}{e}" for e in a["evidence"]]
            out.append("")
        for key in ("kpis", "constraints"):
            if rm[key]:
                out += [f"**{L[key]}**", ""] + [f"- {item}" for item in rm[key]] + [""]

    conflicts = c.conflicts()
    if conflicts:
        out += [f"## {L['conflicts_title']}", "", L["conflicts_intro"], ""]
        for message, pairs in conflicts:
            out.append(f"- **{message}**")
            out += [f"  - {q}{L['colon']}{a}" for q, a in pairs]
        out += [""]

    out += [f"## {L['missing_title']}", ""]
    missing = c.missing()
    if missing:
        out += _table([L["question"], L["state"], L["dimensions"]], [[q, s, d or "—"] for q, s, d in missing])
    out += [line + "  " for line in c.missing_summary()] + [""]

    plugins = c.plugins()
    if plugins:
        out += [f"## {L['plugins_title']}", ""]
        out += _table(
            [L["plugin"], L["version"], L["origin"], L["status"]], [[n, v, o, s] for n, v, o, s, _ in plugins]
        )
        failed = sum(1 for p in plugins if p[4])
        if failed:
            out += [f"**{L['plugins_failed'].format(count=failed)}**", ""]

    out += ["---", ""] + [f"*{line}*  " for line in c.footer()]
    return "\n".join(out).rstrip() + "\n"
