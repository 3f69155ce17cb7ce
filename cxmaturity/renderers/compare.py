"""A comparison of two assessments as terminal text, Markdown or JSON."""

from __future__ import annotations

import json

from cxmaturity.documents.comparison import Comparison, ScoreChange
from cxmaturity.formats.models import tr
from cxmaturity.text_safety import md
from cxmaturity.words.comparison import LABELS
from cxmaturity.words.labels import labels
from cxmaturity.words.numbers import num


def _num(value: float | None, lang: str) -> str:
    return num(value, lang, none="-")


def _signed(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    return ("+" if value > 0 else "") + _num(value, lang)


def _stage(c: Comparison, stage: str | None, lang: str) -> str:
    if stage is None:
        return LABELS[lang]["not_scored"]
    return tr(c.stage_labels.get(stage), lang) or stage


def _score_row(c: Comparison, s: ScoreChange, lang: str) -> list[str]:
    stage = _stage(c, s.old_stage, lang)
    if s.new_stage != s.old_stage:
        stage = f"{stage} → {_stage(c, s.new_stage, lang)}"
    return [tr(s.label, lang) or s.id, _num(s.old_score, lang), _num(s.new_score, lang),
            _signed(s.change, lang), stage]


def _verdict(v: str | None, lang: str) -> str:
    return labels(lang)[f"verdict.{v}"] if v else LABELS[lang]["none_verdict"]


def _sections(c: Comparison, lang: str) -> dict:
    """Header lines and tables (header row + rows of strings), shared by text and Markdown."""
    L = LABELS[lang]
    head = []
    if c.other_company:
        head.append(L["forced"].format(old=c.other_company["id"], new=c.company["id"]))
    if c.old_date > c.new_date:
        head.append(L["backwards"].format(old=c.old_date, new=c.new_date))
    if c.old_questionnaire != c.new_questionnaire:
        head.append(L["questionnaires"].format(old=c.old_questionnaire, new=c.new_questionnaire))
    scores = [[L["what"], L["before"], L["after"], L["change"], L["stage"]],
              _score_row(c, c.overall, lang), *(_score_row(c, d, lang) for d in c.dimensions)]
    answers = [[L["question"], L["before"], L["after"]]] + [
        [a.text[lang], a.old[lang], a.new[lang]] for a in c.answers
    ]
    verdicts = [[L["cohort"], L["question"], L["verdict"], ""]] + [
        [tr(v.cohort_label, lang), v.text[lang], f"{_verdict(v.old, lang)} → {_verdict(v.new, lang)}",
         L["gained"] if v.gained else L["lost"]]
        for v in c.verdicts
    ]
    roadmap = []
    if c.old_playbook and c.playbook:
        roadmap.append(L["playbook_changed"].format(old=c.old_playbook.get(f"title_{lang}", c.old_playbook["id"]),
                                                    new=c.playbook.get(f"title_{lang}", c.playbook["id"])))
    elif c.playbook:
        roadmap.append(L["playbook"].format(title=c.playbook.get(f"title_{lang}", c.playbook["id"])))
    if c.phases_completed:
        phases = ", ".join(tr(p["title"], lang) for p in c.phases_completed)
        roadmap.append(L["phases"].format(old=c.old_date, phases=phases))
    elif c.playbook:
        roadmap.append(L["no_phases"].format(old=c.old_date))
    cohorts = []
    if c.joined:
        cohorts.append(L["joined"].format(cohorts=", ".join(j.get(f"label_{lang}", j["id"]) for j in c.joined)))
    if c.left:
        cohorts.append(L["left"].format(cohorts=", ".join(j.get(f"label_{lang}", j["id"]) for j in c.left)))
    return {"head": head, "scores": scores, "answers": answers, "verdicts": verdicts,
            "roadmap": roadmap, "cohorts": cohorts}


def _title(c: Comparison, lang: str) -> str:
    return LABELS[lang]["title"].format(company=c.company["name"], old=c.old_date, new=c.new_date)


def _footer(c: Comparison, lang: str) -> list[str]:
    L = LABELS[lang]
    model = f"{c.model.get('id')} v{c.model.get('version')}" if c.model else "-"
    lines = [L["footer"].format(tool=c.tool_version, model=model, plugins=", ".join(c.plugins) or "-")]
    sources = []
    for src in c.cohort_sources:
        title = tr(src.get("title"), lang) or src.get("id", "")
        key = "source_portfolio" if src.get("origin") == "portfolio" else "source_report"
        sources.append(L[key].format(title=title, n=src.get("n") or "?"))
    if sources:
        lines.append(L["cohorts_line"].format(sources="; ".join(sources)))
    else:
        lines.append(labels(lang)["footer_cohorts_default"] + ".")
    return lines


def to_text(c: Comparison, lang: str):
    """The comparison as rich renderables for the terminal."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    L = LABELS[lang]
    s = _sections(c, lang)
    parts: list = [Text(_title(c, lang), style="bold"), *(Text(line) for line in s["head"]), Text("")]

    def table(rows: list[list[str]], right: tuple[int, ...] = ()) -> Table:
        t = Table(*rows[0], box=None, padding=(0, 1, 0, 0))
        for i in right:
            t.columns[i].justify = "right"
        for row in rows[1:]:
            t.add_row(*row)
        return t

    parts += [Text(L["scores"], style="bold"), table(s["scores"], (1, 2, 3)), Text("")]
    parts.append(Text(L["answers"].format(n=len(c.answers)), style="bold"))
    parts += [table(s["answers"]) if c.answers else Text(L["no_answers"]), Text("")]
    parts.append(Text(L["verdicts"].format(n=len(c.verdicts)), style="bold"))
    parts += [table(s["verdicts"]) if c.verdicts else Text(L["no_verdicts"])]
    parts += [Text(line) for line in s["cohorts"]] + [Text("")]
    if s["roadmap"]:
        parts += [Text(L["roadmap"], style="bold"), *(Text(line) for line in s["roadmap"]), Text("")]
    parts += [Text(line, style="dim") for line in _footer(c, lang)]
    return Group(*parts)


def _md_table(rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(md(cell, start=False) for cell in cells) + " |"

    return "\n".join([line(rows[0]), "|" + "---|" * len(rows[0]), *map(line, rows[1:])])


def to_markdown(c: Comparison, lang: str) -> str:
    """The comparison as a Markdown document."""
    L = LABELS[lang]
    s = _sections(c, lang)
    # Every text is escaped (text_safety.md): names, labels and answers come from files.
    title = md(_title(c, lang), start=False)
    out = [f"# {title}", "", *map(md, s["head"]), ""] if s["head"] else [f"# {title}", ""]
    out += [f"## {L['scores']}", "", _md_table(s["scores"]), ""]
    out += [f"## {L['answers'].format(n=len(c.answers))}", "",
            _md_table(s["answers"]) if c.answers else md(L["no_answers"]), ""]
    out += [f"## {L['verdicts'].format(n=len(c.verdicts))}", "",
            _md_table(s["verdicts"]) if c.verdicts else md(L["no_verdicts"]), ""]
    if s["cohorts"]:
        out += [*map(md, s["cohorts"]), ""]
    if s["roadmap"]:
        out += [f"## {L['roadmap']}", "", *map(md, s["roadmap"]), ""]
    out += [f"*{md(line, start=False)}*" for line in _footer(c, lang)] + [""]
    return "\n".join(out)


def to_html(c: Comparison, lang: str) -> str:
    """The comparison as one printable HTML page: the same sections as the Markdown form."""
    from cxmaturity.renderers import html_doc as h

    L = LABELS[lang]
    s = _sections(c, lang)
    blocks = [h.heading(L["scores"]), h.table(s["scores"], (1, 2, 3)),
              h.heading(L["answers"].format(n=len(c.answers))),
              h.table(s["answers"]) if c.answers else h.para(L["no_answers"]),
              h.heading(L["verdicts"].format(n=len(c.verdicts))),
              h.table(s["verdicts"]) if c.verdicts else h.para(L["no_verdicts"]),
              *(h.para(line) for line in s["cohorts"])]
    if s["roadmap"]:
        blocks += [h.heading(L["roadmap"]), *(h.para(line) for line in s["roadmap"])]
    return h.page(lang, _title(c, lang), blocks, _footer(c, lang), tool=c.tool_version, subtitle=s["head"])


def to_json(c: Comparison) -> str:
    """The comparison as JSON."""
    return json.dumps(c.as_dict(), indent=2, ensure_ascii=False, default=str)
