"""The result document as JSON: what `score --format json` prints (`cxmaturity schema result`)."""

from __future__ import annotations

from cxmaturity.formats.models import Result


def result_json(result: Result) -> str:
    """`result` as indented JSON, field names as in the schema."""
    return result.model_dump_json(indent=2, by_alias=True)


def report_json(ri) -> str:
    """The report as JSON: the result document, as `score --format json` prints it."""
    return result_json(ri.result) + "\n"
