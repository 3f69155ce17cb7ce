"""What `batch` says when it is done, in English and French."""

from __future__ import annotations

from cxmaturity.batch.run import Summary


def _n(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u202f" if lang == "fr" else ",")


def summary_lines(summary: Summary, out: str, lang: str) -> list[str]:
    where = "standard output" if out == "-" else out
    if lang == "fr":
        where = "la sortie standard" if out == "-" else out
        s = "s" if summary.rows > 1 else ""
        lines = [f"{_n(summary.rows, lang)} évaluation{s} notée{s} dans {where}."]
        if summary.failed:
            s = "s" if summary.failed > 1 else ""
            lines.append(f"{_n(summary.failed, lang)} ligne{s} en erreur, avec leur numéro et la raison : "
                         f"{summary.errors_path}")
        if summary.row_by_row:
            lines.append("Notés ligne par ligne (sans méthode par lot) : " + ", ".join(sorted(summary.row_by_row)))
        return lines
    s = "" if summary.rows == 1 else "s"
    lines = [f"Scored {_n(summary.rows, lang)} assessment{s} into {where}."]
    if summary.failed:
        s = "" if summary.failed == 1 else "s"
        lines.append(f"{_n(summary.failed, lang)} row{s} failed, with line and reason in {summary.errors_path}")
    if summary.row_by_row:
        lines.append("Scored row by row (no batch method): " + ", ".join(sorted(summary.row_by_row)))
    return lines
