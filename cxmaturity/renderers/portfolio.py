"""A portfolio as a terminal table, as Markdown, or as JSON: companies, stages, progress, skipped."""

from __future__ import annotations

import json
import re

from cxmaturity.documents.portfolio import Portfolio, row_dict
from cxmaturity.formats.models import tr
from cxmaturity.words.safety import md, md_code

LABELS = {
    "en": {
        "title": "Portfolio: {n} of {c}",
        "assessment": ("assessment", "assessments"),
        "company_n": ("company", "companies"),
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
        "skipped": ("Skipped {n} file that could not be read as an assessment:",
                    "Skipped {n} files that could not be read as assessments:"),
        "skipped_in": ("Skipped {n} file; it is listed in {out}.", "Skipped {n} files; the list is in {out}."),
        "none": "No assessment could be read.",
        "footer": "cxmaturity {tool} · stage model {model} (the tool's own) · plugins: {plugins}",
        "dims": "Dimension scores 0-100: {dims}.",
        "stage_legend": "Stages: {stages}.",
    },
    "fr": {
        "title": "Portefeuille : {n} de {c}",
        "assessment": ("évaluation", "évaluations"),
        "company_n": ("entreprise", "entreprises"),
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
        "skipped": ("{n} fichier ignoré, illisible comme évaluation :",
                    "{n} fichiers ignorés, illisibles comme évaluations :"),
        "skipped_in": ("{n} fichier ignoré ; il figure dans {out}.",
                       "{n} fichiers ignorés ; la liste figure dans {out}."),
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


def _form(forms: tuple[str, str], n: int, lang: str) -> str:
    """The singular or plural of `forms` for `n`: French keeps 0 and 1 in the singular."""
    plural = n > 1 if lang == "fr" else n != 1
    return forms[1] if plural else forms[0]


def _count(n: int, key: str, lang: str) -> str:
    return f"{n} {_form(LABELS[lang][key], n, lang)}"


def title(p: Portfolio, lang: str) -> str:
    """"Portfolio: 6 assessments of 5 companies", in `lang`."""
    companies = len({r.company for r in p.rows})
    return LABELS[lang]["title"].format(n=_count(len(p.rows), "assessment", lang),
                                        c=_count(companies, "company_n", lang))


ABBREVIATION = 5


def abbreviations(dims: list[str]) -> dict[str, str]:
    """Each dimension's column header: the first five letters of its id (seven dimensions fit
    80 columns), longer where two would read the same. The legend explains them as written."""
    out: dict[str, str] = {}
    for dim in dims:
        size = ABBREVIATION
        while any(dim[:size] == other[:size] for other in dims if other != dim) and size < len(dim):
            size += 1
        out[dim] = dim[:size]
    return out


def _model(p: Portfolio) -> str:
    return f"{p.model.get('id')} v{p.model.get('version')}" if p.model else "-"


def _tables(p: Portfolio, lang: str) -> dict:
    """The three tables as header + rows of strings, shared by the text and Markdown forms."""
    t = LABELS[lang]
    dims = p.dimension_ids
    short = abbreviations(dims)
    companies = [[t["company"], t["date"], t["stage"], t["score"], *(short[d] for d in dims)]]
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
    short = abbreviations(dims)
    names = [f"{short[d]} = {tr(p.dimension_labels.get(d), lang) or d}" for d in dims]
    stages = ", ".join(_stage(p, s, lang) for s in p.stage_order)
    legend = LABELS[lang]["dims"].format(dims=", ".join(names))
    return f"{LABELS[lang]['stage_legend'].format(stages=stages)} {legend}" if stages else legend


def _footer(p: Portfolio, lang: str) -> str:
    return LABELS[lang]["footer"].format(tool=p.tool_version, model=_model(p), plugins=", ".join(p.plugins) or "-")


def to_text(p: Portfolio, lang: str):
    """The portfolio as rich renderables (a Group) for the terminal."""
    from rich.console import Group
    from rich.text import Text

    t = LABELS[lang]
    parts: list = []
    tables = _tables(p, lang)
    if p.rows:
        for key, heading in (("companies", title(p, lang)), ("stages", t["stages"]), ("progress", t["progress"])):
            head, *body = tables[key]
            if key == "progress" and not body:
                parts.append(Text(t["no_progress"]))
                continue
            # The heading as its own line: a table title would wrap to the width of a narrow table.
            parts.append(Text(heading, style="bold"))
            parts.extend([_Fitted(key, head, body), Text("")])
        parts.append(Text(_dims_legend(p, tables["dims"], lang)))
    else:
        parts.append(Text(t["none"]))
    parts.append(Text(_footer(p, lang), style="dim"))
    return Group(*parts)


class _Fitted:
    """A table laid out for the width it is printed at (the terminal's, or a file's 100)."""

    def __init__(self, key: str, head: list[str], body: list[list[str]]):
        self.key, self.head, self.body = key, head, body

    def __rich_console__(self, console, options):
        yield _table(self.key, self.head, self.body, options.max_width)


def _table(key: str, head: list[str], body: list[list[str]], width: int):
    """One table that fits `width` without cutting a header or a number: every column but the
    first keeps its width (at least its header's) on one line; the first (a company id, a stage)
    takes the rest, its words broken after a hyphen first ("andes-" / "industrial"), folded only
    if a piece is still too long (eleven columns in 80 characters)."""
    from rich.table import Table

    widths = [max(len(head[i]), *(len(row[i]) for row in body)) for i in range(len(head))]
    # One space between columns, none after the last.
    room = max(width - sum(widths[1:]) - (len(head) - 1), 8)
    # Right padding only: a column's left neighbour already ends with a space.
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False)
    for i, header in enumerate(head):
        if i == 0:
            table.add_column(header, overflow="fold", min_width=min(widths[0], room))
        else:
            right = key == "companies" and i >= 3 or key == "stages" and i == 1
            table.add_column(header, justify="right" if right else "left", no_wrap=True, min_width=widths[i])
    for line in body:
        table.add_row(_break(line[0], room), *line[1:])
    return table


def _break(text: str, room: int) -> str:
    """`text` on lines of at most `room` characters where it can break after a hyphen (ids
    have no spaces); rich wraps at spaces and folds what is left."""
    if len(text) <= room or " " in text:
        return text
    lines = [""]
    for piece in re.findall(r"[^-]*-|[^-]+$", text):
        if lines[-1] and len(lines[-1]) + len(piece) > room:
            lines.append("")
        lines[-1] += piece
    return "\n".join(lines)


def skipped_lines(skipped: Portfolio | list, lang: str) -> list[str]:
    """The skipped files (of a portfolio, or a list of `Skipped`), one plain line each however
    long (printed outside rich, which would wrap or crop them): a reader, or grep, finds the
    file and the reason together."""
    files = skipped.skipped if isinstance(skipped, Portfolio) else skipped
    if not files:
        return []
    n = len(files)
    return [_form(LABELS[lang]["skipped"], n, lang).format(n=n), *(f"  {s}" for s in files)]


def skipped_in(p: Portfolio, out: str, lang: str) -> str:
    """The line that says how many files were skipped when the list went into a file."""
    n = len(p.skipped)
    return _form(LABELS[lang]["skipped_in"], n, lang).format(n=n, out=out)


def _md_table(rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(md(c, start=False) for c in cells) + " |"

    head, *body = rows
    return "\n".join([line(head), "|" + "---|" * len(head), *map(line, body)])


def to_markdown(p: Portfolio, lang: str) -> str:
    """The portfolio as a Markdown document."""
    t = LABELS[lang]
    tables = _tables(p, lang)
    # Every text is escaped (text_safety): names, labels and file names come from files.
    out = [f"# {md(title(p, lang), start=False)}", ""]
    if p.rows:
        out += [_md_table(tables["companies"]), "", md(_dims_legend(p, tables["dims"], lang)), ""]
        out += [f"## {t['stages']}", "", _md_table(tables["stages"]), ""]
        out += [f"## {t['progress']}", ""]
        out += [_md_table(tables["progress"]) if len(tables["progress"]) > 1 else t["no_progress"], ""]
    else:
        out += [t["none"], ""]
    if p.skipped:
        out += [_form(t["skipped"], len(p.skipped), lang).format(n=len(p.skipped)), ""]
        out += [f"- {md_code(s)}" for s in p.skipped] + [""]
    out += [f"*{md(_footer(p, lang), start=False)}*", ""]
    return "\n".join(out)


def to_json(p: Portfolio) -> str:
    """The portfolio as JSON, one assessment a line: built row by row, so that writing it
    costs about the size of the text rather than a second copy of the table as dicts."""
    head = json.dumps(p.as_dict(with_rows=False), indent=2, ensure_ascii=False)
    if not p.rows:
        return head
    rows = ",\n".join("    " + json.dumps(row_dict(r), ensure_ascii=False) for r in p.rows)
    return head.replace('"assessments": []', '"assessments": [\n' + rows + "\n  ]", 1)
