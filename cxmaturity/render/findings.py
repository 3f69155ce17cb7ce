"""The findings of a result as a terminal table: one row per finding, grouped by dimension."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..models import Result, tr

LABELS = {
    "en": {
        "title": "Findings for {company}",
        "dimension": "dimension",
        "scorer": "scorer",
        "score": "score",
        "coverage": "answered",
        "none": "no findings: no scorer could score this assessment",
        "too_little": "too few answers",
        "missing": "{n} question(s) without an answer that counts "
        "(skipped, n/a, don't know or unanswered).",
        "footer": "cxmaturity {tool} · questionnaire {q} v{v} · plugins: {plugins}",
    },
    "fr": {
        "title": "Constats pour {company}",
        "dimension": "dimension",
        "scorer": "évaluateur",
        "score": "score",
        "coverage": "répondu",
        "none": "aucun constat : aucun évaluateur n'a pu noter cette évaluation",
        "too_little": "trop peu de réponses",
        "missing": "{n} question(s) sans réponse prise en compte "
        "(passée, sans objet, ne sait pas ou sans réponse).",
        "footer": "cxmaturity {tool} · questionnaire {q} v{v} · extensions : {plugins}",
    },
}


def _plugins(result: Result) -> str:
    return ", ".join(f"{p.name} {p.version or '?'}" for p in result.plugins) or "-"


def findings_table(result: Result, lang: str) -> Group:
    """The findings (dimension, scorer, score, coverage) in `lang`, then a summary line."""
    t = LABELS.get(lang, LABELS["en"])
    parts = []
    if result.findings:
        table = Table(
            t["dimension"],
            t["scorer"],
            t["score"],
            t["coverage"],
            title=t["title"].format(company=result.company.name),
            title_justify="left",
            box=None,
        )
        table.columns[2].justify = "right"
        table.columns[3].justify = "right"
        for dim in result.dimensions:
            for f in (f for f in result.findings if f.dimension == dim.id):
                score = t["too_little"] if f.score is None else f"{f.score:g}"
                table.add_row(dim.id, f.scorer, score, f"{f.coverage.answered}/{f.coverage.asked}")
                text = tr(f.text, lang)
                if text:
                    table.add_row("", Text(text, style="dim"), "", "")
        parts.append(table)
    else:
        parts.append(Text(t["none"]))
    if result.missing:
        parts.append(Text(t["missing"].format(n=len(result.missing))))
    parts.append(
        Text(
            t["footer"].format(
                tool=result.tool_version,
                q=result.questionnaire.id,
                v=result.questionnaire.version,
                plugins=_plugins(result),
            ),
            style="dim",
        )
    )
    return Group(*parts)
