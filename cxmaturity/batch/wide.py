"""The wide layout: one row per company, one column per question id (docs/batch.md).

A cell holds an option id (single, band), option ids joined by `|` (multi), a number (scale,
number), text, or an answer state spelled `#skipped`, `#not_applicable` or `#dont_know`. An
empty cell is a question not reached. The columns `company.id`, `company.name`, `language`,
`questionnaire` (`id` or `id@version`), `created` and `updated` carry the rest of the document.
"""

from __future__ import annotations

from typing import Any

from cxmaturity.formats.models import Questionnaire

STATES = {"#skipped": "skipped", "#not_applicable": "not_applicable", "#dont_know": "dont_know"}
MULTI_SEPARATOR = "|"
META = ("company.id", "company.name", "language", "questionnaire", "created", "updated")


class CellError(ValueError):
    """A cell that cannot be read as an answer; the message names the column."""


def _number(column: str, text: str, integer: bool) -> int | float:
    try:
        value = float(text.replace(",", ".")) if not integer else int(float(text))
    except ValueError:
        raise CellError(f"{column}: '{text}' is not a number") from None
    if integer and float(text) != int(float(text)):
        raise CellError(f"{column}: '{text}' is not a whole number")
    return value


def _value(questionnaire: Questionnaire, column: str, cell: Any) -> Any:
    question = questionnaire.question(column)
    kind = question.type if question is not None else "text"
    if isinstance(cell, (list, tuple)):  # Parquet keeps a multi answer as a list
        return [str(v) for v in cell]
    if not isinstance(cell, str):
        return cell
    text = cell.strip()
    if kind == "multi":
        return [part.strip() for part in text.split(MULTI_SEPARATOR) if part.strip()]
    if kind == "scale":
        return _number(column, text, integer=True)
    if kind == "number":
        value = _number(column, text, integer=False)
        return int(value) if float(value).is_integer() else value
    return text


def document(cells: dict[str, Any], questionnaire: Questionnaire, default_id: str) -> dict[str, Any]:
    """The assessment document of one wide row. `default_id` names a row without `company.id`.
    Columns that are neither question ids nor `META` are left out (a survey tool's own columns)."""
    def cell(name: str) -> Any:
        value = cells.get(name)
        return None if value is None or (isinstance(value, str) and not value.strip()) else value

    ref = str(cell("questionnaire") or f"{questionnaire.id}@{questionnaire.version}")
    qid, _, version = ref.partition("@")
    company_id = str(cell("company.id") or default_id)
    company = {"id": company_id, "name": str(cell("company.name") or company_id)}
    doc: dict[str, Any] = {
        "format": 1,
        "questionnaire": {"id": qid, "version": int(version) if version.isdigit() else questionnaire.version},
        "company": company,
        "language": str(cell("language") or "en"),
    }
    for key in ("created", "updated"):
        if cell(key) is not None:
            doc[key] = str(cell(key))
    answers: dict[str, Any] = {}
    for column in cells:
        if column in META or questionnaire.question(column) is None:
            continue
        value = cell(column)
        if value is None:
            continue
        if isinstance(value, str) and value.strip() in STATES:
            answers[column] = {"state": STATES[value.strip()]}
        else:
            answers[column] = {"state": "answered", "value": _value(questionnaire, column, value)}
    doc["answers"] = answers
    return doc
