"""A portfolio as a terminal table, as Markdown, or as JSON: companies, stages, progress, skipped."""

from __future__ import annotations

import json
import re

from cxmaturity.documents.portfolio import Portfolio, row_dict
from cxmaturity.formats.models import tr
from cxmaturity.text_safety import md, md_code
from cxmaturity.words.portfolio import DIMENSION_HEADS, LABELS


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


def _form(key: str, n: int, lang: str) -> str:
    """The singular (`key_one`) or plural (`key`) word for `n`: French keeps 0 and 1 in the singular."""
    plural = n > 1 if lang == "fr" else n != 1
    return LABELS[lang][key if plural else f"{key}_one"]


def _count(n: int, key: str, lang: str) -> str:
    return f"{n} {_form(key, n, lang)}"


def title(p: Portfolio, lang: str) -> str:
    """"Portfolio: 6 assessments of 5 companies", in `lang`."""
    companies = len({r.company for r in p.rows})
    return LABELS[lang]["title"].format(n=_count(len(p.rows), "assessment", lang),
                                        c=_count(companies, "company_n", lang))


def headers(p: Portfolio, dims: list[str], lang: str) -> dict[str, str]:
    """Each dimension's column header: a word a reader knows ("Investment", "Sentiment"); for
    a dimension of a plugin or a custom model, the first word of its label (ten letters at
    most), made unique. Seven of them and a company name fit 80 columns."""
    known = DIMENSION_HEADS[lang]
    out: dict[str, str] = {}
    for dim in dims:
        head = known.get(dim)
        if head is None:
            label = tr(p.dimension_labels.get(dim), lang) or dim
            words = [w for w in re.split(r"[\s:,'’]+", label) if w and w.upper() not in ("AI", "IA")]
            head = (words[0] if words else dim)[:10].capitalize()
        while head in out.values():
            head += "'"
        out[dim] = head
    return out


def _pct(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    return f"{100 * value:.0f} %" if lang == "fr" else f"{100 * value:.0f}%"


def _model(p: Portfolio) -> str:
    return f"{p.model.get('id')} v{p.model.get('version')}" if p.model else "-"


def _tables(p: Portfolio, lang: str) -> dict:
    """The tables as header + rows of strings, shared by the text, Markdown and HTML forms."""
    t = LABELS[lang]
    dims = p.dimension_ids
    heads = headers(p, dims, lang)
    companies = [[t["company"], t["date"], t["stage"], t["score"], t["coverage"]]]
    scores = [[t["company"], *(heads[d] for d in dims)]]
    for row in p.rows:
        by_dim = dict(row.dimensions)
        name = row.name or row.company
        companies.append([name, row.date, _stage(p, row.stage, lang), _num(row.score, lang),
                          _pct(row.coverage, lang)])
        scores.append([name, *(_num(by_dim.get(d), lang) for d in dims)])
    stages = [[t["stage"], t["companies"]]] + [[_stage(p, s, lang), str(n)] for s, n in p.stages()]
    progress = [[t["company"], t["visits"], t["date"], t["stage"], t["score"], t["change"]]]
    for g in p.progress():
        progress.append([
            g.name or g.company, str(g.count),
            t["from_to"].format(first=g.first_date, last=g.last_date),
            t["from_to"].format(first=_stage(p, g.first_stage, lang), last=_stage(p, g.last_stage, lang)),
            t["from_to"].format(first=_num(g.first_score, lang), last=_num(g.last_score, lang)),
            _signed(g.change, lang),
        ])
    return {"companies": companies, "scores": scores, "stages": stages, "progress": progress, "dims": dims}


# Which columns of each table hold words that may wrap; the others (dates, numbers) never do.
WRAPS = {"companies": (0, 2), "scores": (0,), "stages": (0,), "progress": (0, 3)}
RIGHT = {"companies": (3, 4), "scores": None, "stages": (1,), "progress": (1, 5)}


def _dims_legend(p: Portfolio, dims: list[str], lang: str) -> str:
    heads = headers(p, dims, lang)
    names = [f"{heads[d]} = {tr(p.dimension_labels.get(d), lang) or d}" for d in dims]
    return LABELS[lang]["dims"].format(dims=", ".join(names))


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
        for key, heading in (("companies", title(p, lang)), ("scores", t["dim_scores"]),
                             ("stages", t["stages"]), ("progress", t["progress"])):
            head, *body = tables[key]
            if key == "progress" and not body:
                parts.append(Text(t["no_progress"]))
                continue
            # The heading as its own line: a table title would wrap to the width of a narrow table.
            parts.append(Text(heading, style="bold"))
            parts.append(_table(key, head, body))
            if key == "companies":
                parts.append(Text(t["coverage_note"], style="dim"))
            elif key == "scores":
                parts.append(Text(_dims_legend(p, tables["dims"], lang), style="dim"))
            parts.append(Text(""))
    else:
        parts.append(Text(t["none"]))
    parts.append(Text(_footer(p, lang), style="dim"))
    return Group(*parts)


def _table(key: str, head: list[str], body: list[list[str]]):
    """One table that fits the width it is printed at without cutting a header, a date or a
    number: those columns keep their width on one line; names and stages wrap between words."""
    from rich.table import Table

    wraps = WRAPS[key]
    right = RIGHT[key] if RIGHT[key] is not None else tuple(range(1, len(head)))
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False)
    for i, header in enumerate(head):
        if i in wraps:
            table.add_column(header, overflow="fold", ratio=1)
        else:
            width = max(len(header), *(len(row[i]) for row in body))
            table.add_column(header, justify="right" if i in right else "left", no_wrap=True, min_width=width)
    for line in body:
        table.add_row(*line)
    return table


def skipped_lines(skipped: Portfolio | list, lang: str) -> list[str]:
    """The skipped files (of a portfolio, or a list of `Skipped`), one plain line each however
    long (printed outside rich, which would wrap or crop them): a reader, or grep, finds the
    file and the reason together."""
    files = skipped.skipped if isinstance(skipped, Portfolio) else skipped
    if not files:
        return []
    n = len(files)
    return [_form("skipped", n, lang).format(n=n), *(f"  {s}" for s in files)]


def skipped_in(p: Portfolio, out: str, lang: str) -> str:
    """The line that says how many files were skipped when the list went into a file."""
    n = len(p.skipped)
    return _form("skipped_in", n, lang).format(n=n, out=out)


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
        out += [_md_table(tables["companies"]), "", f"*{t['coverage_note']}*", ""]
        out += [f"## {t['dim_scores']}", "", _md_table(tables["scores"]), "",
                md(_dims_legend(p, tables["dims"], lang)), ""]
        out += [f"## {t['stages']}", "", _md_table(tables["stages"]), ""]
        out += [f"## {t['progress']}", ""]
        out += [_md_table(tables["progress"]) if len(tables["progress"]) > 1 else t["no_progress"], ""]
    else:
        out += [t["none"], ""]
    if p.skipped:
        out += [_form("skipped", len(p.skipped), lang).format(n=len(p.skipped)), ""]
        out += [f"- {md_code(s)}" for s in p.skipped] + [""]
    out += [f"*{md(_footer(p, lang), start=False)}*", ""]
    return "\n".join(out)


def to_html(p: Portfolio, lang: str) -> str:
    """The portfolio as one printable HTML page: the same tables as the Markdown form."""
    from cxmaturity.renderers import html_doc as h

    t = LABELS[lang]
    tables = _tables(p, lang)
    blocks = []
    if p.rows:
        blocks += [h.table(tables["companies"], RIGHT["companies"]), h.para(t["coverage_note"], note=True),
                   h.heading(t["dim_scores"]), h.table(tables["scores"], range(1, len(tables["scores"][0]))),
                   h.para(_dims_legend(p, tables["dims"], lang), note=True),
                   h.heading(t["stages"]), h.table(tables["stages"], RIGHT["stages"]), h.heading(t["progress"])]
        blocks.append(h.table(tables["progress"], RIGHT["progress"]) if len(tables["progress"]) > 1
                      else h.para(t["no_progress"]))
    else:
        blocks.append(h.para(t["none"]))
    if p.skipped:
        blocks.append(h.para(_form("skipped", len(p.skipped), lang).format(n=len(p.skipped))))
        blocks.append(h.table([["", ""], *([str(s), ""] for s in p.skipped)]))
    return h.page(lang, title(p, lang), blocks, [_footer(p, lang)], tool=p.tool_version)


def to_json(p: Portfolio) -> str:
    """The portfolio as JSON, one assessment a line: built row by row, so that writing it
    costs about the size of the text rather than a second copy of the table as dicts."""
    head = json.dumps(p.as_dict(with_rows=False), indent=2, ensure_ascii=False)
    if not p.rows:
        return head
    rows = ",\n".join("    " + json.dumps(row_dict(r), ensure_ascii=False) for r in p.rows)
    return head.replace('"assessments": []', '"assessments": [\n' + rows + "\n  ]", 1)
