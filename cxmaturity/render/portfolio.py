"""A portfolio as a terminal table, as Markdown, or as JSON: companies, stages, progress, skipped."""

from __future__ import annotations

import json

from ..models import tr
from ..portfolio import Portfolio, row_dict

LABELS = {
    "en": {
        "title": "Portfolio: {n} assessment(s) of {c} compan(ies)",
        "company": "company",
        "date": "date",
        "stage": "stage",
        "score": "score",
        "stages": "Stages (latest assessment of each company)",
        "companies": "companies",
        "unknown": "not enough answers",
        "progress": "Progress (companies assessed more than once)",
        "from_to": "{first} → {last}",
        "visits": "assessments",
        "change": "change",
        "no_progress": "No company was assessed more than once.",
        "skipped": "Skipped {n} file(s) that could not be read as assessments:",
        "none": "No assessment could be read.",
        "footer": "cxmaturity {tool} · stage model {model} (the tool's own) · plugins: {plugins}",
        "dims": "Dimension scores 0-100: {dims}.",
        "stage_legend": "Stages: {stages}.",
    },
    "fr": {
        "title": "Portefeuille : {n} évaluation(s) de {c} entreprise(s)",
        "company": "entreprise",
        "date": "date",
        "stage": "stade",
        "score": "score",
        "stages": "Stades (dernière évaluation de chaque entreprise)",
        "companies": "entreprises",
        "unknown": "trop peu de réponses",
        "progress": "Progression (entreprises évaluées plusieurs fois)",
        "from_to": "{first} → {last}",
        "visits": "évaluations",
        "change": "écart",
        "no_progress": "Aucune entreprise n'a été évaluée plus d'une fois.",
        "skipped": "{n} fichier(s) ignoré(s), illisible(s) comme évaluation :",
        "none": "Aucune évaluation n'a pu être lue.",
        "footer": "cxmaturity {tool} · modèle de stades {model} (propre à l'outil) · extensions : {plugins}",
        "dims": "Scores par dimension, de 0 à 100 : {dims}.",
        "stage_legend": "Stades : {stages}.",
    },
}


def _num(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    text = f"{value:.0f}"
    return text


def _signed(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    text = f"{value:+.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _stage(p: Portfolio, stage: str | None, lang: str, short: bool = False) -> str:
    """A stage's label, or (short) its number in the model: wide tables keep to 80 columns."""
    if stage is None:
        return "-" if short else LABELS[lang]["unknown"]
    if short and stage in p.stage_order:
        return str(p.stage_order.index(stage) + 1)
    label = tr(p.stage_labels.get(stage), lang) or stage
    return f"{p.stage_order.index(stage) + 1} {label}" if stage in p.stage_order else label


def _short(dim: str) -> str:
    # Column headers must fit 80 columns with seven dimensions: the first five letters.
    return dim[:5]


def _model(p: Portfolio) -> str:
    return f"{p.model.get('id')} v{p.model.get('version')}" if p.model else "-"


def _tables(p: Portfolio, lang: str) -> dict:
    """The three tables as header + rows of strings, shared by the text and Markdown forms."""
    t = LABELS[lang]
    dims = p.dimension_ids
    companies = [[t["company"], t["date"], t["stage"], t["score"], *map(_short, dims)]]
    for row in p.rows:
        scores = dict(row.dimensions)
        companies.append([row.company, row.date, _stage(p, row.stage, lang, short=True), _num(row.score, lang),
                          *(_num(scores.get(d), lang) for d in dims)])
    stages = [[t["stage"], t["companies"]]] + [[_stage(p, s, lang), str(n)] for s, n in p.stages()]
    progress = [[t["company"], t["visits"], t["date"], t["stage"], t["score"], t["change"]]]
    for g in p.progress():
        progress.append([
            g.company, str(g.count),
            t["from_to"].format(first=g.first_date, last=g.last_date),
            t["from_to"].format(first=_stage(p, g.first_stage, lang, True), last=_stage(p, g.last_stage, lang, True)),
            t["from_to"].format(first=_num(g.first_score, lang), last=_num(g.last_score, lang)),
            _signed(g.change, lang),
        ])
    return {"companies": companies, "stages": stages, "progress": progress, "dims": dims}


def _dims_legend(p: Portfolio, dims: list[str], lang: str) -> str:
    names = [f"{_short(d)} = {tr(p.dimension_labels.get(d), lang) or d}" for d in dims]
    stages = ", ".join(_stage(p, s, lang) for s in p.stage_order)
    legend = LABELS[lang]["dims"].format(dims=", ".join(names))
    return f"{LABELS[lang]['stage_legend'].format(stages=stages)} {legend}" if stages else legend


def _footer(p: Portfolio, lang: str) -> str:
    return LABELS[lang]["footer"].format(tool=p.tool_version, model=_model(p), plugins=", ".join(p.plugins) or "-")


def to_text(p: Portfolio, lang: str):
    """The portfolio as rich renderables (a Group) for the terminal."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    t = LABELS[lang]
    parts: list = []
    tables = _tables(p, lang)
    companies = len({r.company for r in p.rows})
    title = t["title"].format(n=len(p.rows), c=companies)
    if p.rows:
        for key, heading in (("companies", title), ("stages", t["stages"]), ("progress", t["progress"])):
            head, *body = tables[key]
            if key == "progress" and not body:
                parts.append(Text(t["no_progress"]))
                continue
            # Right padding only: eleven columns must fit 80 characters.
            # The heading as its own line: a table title would wrap to the width of a narrow table.
            parts.append(Text(heading, style="bold"))
            table = Table(*head, box=None, padding=(0, 1, 0, 0))
            for i, column in enumerate(table.columns):
                if key == "companies" and i >= 3 or key == "stages" and i == 1:
                    column.justify = "right"
                if i < 2 and key != "stages":
                    column.no_wrap = True
            for line in body:
                table.add_row(*line)
            parts.extend([table, Text("")])
        parts.append(Text(_dims_legend(p, tables["dims"], lang)))
    else:
        parts.append(Text(t["none"]))
    parts.append(Text(_footer(p, lang), style="dim"))
    return Group(*parts)


def skipped_lines(p: Portfolio, lang: str) -> list[str]:
    """The skipped files, one plain line each however long (printed outside rich, which would
    wrap or crop them): a reader, or grep, finds the file and the reason together."""
    if not p.skipped:
        return []
    return [LABELS[lang]["skipped"].format(n=len(p.skipped)), *(f"  {s}" for s in p.skipped)]


def _md_table(rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    head, *body = rows
    return "\n".join([line(head), "|" + "---|" * len(head), *map(line, body)])


def to_markdown(p: Portfolio, lang: str) -> str:
    """The portfolio as a Markdown document."""
    t = LABELS[lang]
    tables = _tables(p, lang)
    out = [f"# {t['title'].format(n=len(p.rows), c=len({r.company for r in p.rows}))}", ""]
    if p.rows:
        out += [_md_table(tables["companies"]), "", _dims_legend(p, tables["dims"], lang), ""]
        out += [f"## {t['stages']}", "", _md_table(tables["stages"]), ""]
        out += [f"## {t['progress']}", ""]
        out += [_md_table(tables["progress"]) if len(tables["progress"]) > 1 else t["no_progress"], ""]
    else:
        out += [t["none"], ""]
    if p.skipped:
        out += [t["skipped"].format(n=len(p.skipped)), ""]
        out += [f"- `{s}`" for s in p.skipped] + [""]
    out += [f"*{_footer(p, lang)}*", ""]
    return "\n".join(out)


def to_json(p: Portfolio) -> str:
    """The portfolio as JSON, one assessment a line: built row by row, so that writing it
    costs about the size of the text rather than a second copy of the table as dicts."""
    head = json.dumps(p.as_dict(with_rows=False), indent=2, ensure_ascii=False)
    if not p.rows:
        return head
    rows = ",\n".join("    " + json.dumps(row_dict(r), ensure_ascii=False) for r in p.rows)
    return head.replace('"assessments": []', '"assessments": [\n' + rows + "\n  ]", 1)
