"""Batch input (JSON Lines, CSV, Parquet) read for `cohorts build`: the same readers and the
same checks as `batch`, one (company id, date, answers) at a time; a row that cannot be read
becomes a skipped entry with its line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cxmaturity.batch.readers import Record, read
from cxmaturity.formats.models import Questionnaire
from cxmaturity.workspace.portfolio_files import Questionnaires, Skipped

SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


def is_batch(path: Path | str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def assessments(path: Path | str, questionnaire: Questionnaire, questionnaires: Questionnaires
                ) -> Iterator[tuple[Any, Questionnaire] | Skipped]:
    """Each row of `path` as (assessment, its questionnaire), or a Skipped naming its line."""
    from pydantic import ValidationError

    from cxmaturity.errors import CxError
    from cxmaturity.formats.loader import check_assessment
    from cxmaturity.formats.models import Assessment

    for chunk in read(str(path), questionnaire):
        for record in map(Record.parsed, chunk):
            where = f"{record.source}:{record.line}"
            if record.error is not None:
                yield Skipped(where, record.error)
                continue
            try:
                a = Assessment.model_validate(record.data)
                q = questionnaires.get(a.questionnaire.id, a.questionnaire.version)
            except (ValidationError, CxError) as exc:
                from cxmaturity.batch.rows import _problem

                yield Skipped(where, _problem(exc))
                continue
            problems = check_assessment(a, q)
            if problems:
                yield Skipped(where, f"{'.'.join(map(str, problems[0][0]))}: {problems[0][1]}")
                continue
            yield a, q
