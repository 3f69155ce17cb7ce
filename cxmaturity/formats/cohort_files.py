"""Cohort files given by the user (``--cohorts FILE``), checked against the questionnaire they name.

A model checks a file's shape; what it cannot know is whether each figure's question and
options exist in the questionnaire, or whether its cohort is defined in the file. Every problem
is reported as ``file:line: field: message``, all of a file's problems at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cxmaturity.errors import CxError, FileError
from cxmaturity.formats.models import CohortFile, Figure, Questionnaire

FindQuestionnaire = Callable[[str], Questionnaire]


def _check_figure(fig: Figure, loc: tuple, q: Questionnaire, cohorts: set[str]) -> list:
    out = []
    if fig.cohort not in cohorts:
        out.append(((*loc, "cohort"), f"cohort '{fig.cohort}' is not defined in this file"))
    question = q.question(fig.question)
    if question is None:
        return [*out, ((*loc, "question"), f"unknown question '{fig.question}' in '{q.id}'")]
    ids = set(question.option_ids)
    if fig.options is not None:
        if not ids:
            out.append(((*loc, "options"), f"question '{question.id}' is {question.type} and has no options"))
        for oid in fig.options:
            if ids and oid not in ids:
                out.append(((*loc, "options"), f"option '{oid}' is not defined in question '{question.id}'"))
    if fig.distribution is not None:
        if not question.is_ordered or not ids:
            out.append(
                ((*loc, "distribution"), f"question '{question.id}' has no ordered options to spread over")
            )
        for oid in fig.distribution:
            if ids and oid not in ids:
                out.append(
                    ((*loc, "distribution", oid), f"option '{oid}' is not defined in question '{question.id}'")
                )
        total = sum(share.value for share in fig.distribution.values())
        if total > 100.5:  # rounded chart numbers may add up to a little over 100
            out.append(((*loc, "distribution"), f"the shares add up to {total:g}, more than 100"))
    if fig.options is None and isinstance(fig.value, tuple):
        low, high = fig.value
        if low > high:
            out.append(((*loc, "value"), f"the range [{low:g}, {high:g}] is upside down"))
        if question.type not in ("band", "number", "scale"):
            out.append(
                (
                    (*loc, "value"),
                    f"a range without options is an average answer: question '{question.id}' "
                    f"is {question.type}, not band, number or scale",
                )
            )
    return out


def check_cohort_file(cohort_file: CohortFile, questionnaire: Questionnaire) -> list[tuple[tuple, str]]:
    """Problems of `cohort_file` against `questionnaire`, as (location, message) pairs.

    Duplicate ids; membership conditions naming unknown questions or options; figures and
    statements naming a cohort the file does not define, or a question or option the
    questionnaire does not have; distributions over unordered questions or over 100%.
    """
    from cxmaturity.formats.loader import check_condition
    from cxmaturity.formats.unique_ids import UniqueIds

    out: list[tuple[tuple, str]] = []
    cohort_ids, figure_ids, statement_ids = UniqueIds("cohort"), UniqueIds("figure"), UniqueIds("statement")
    for i, cohort in enumerate(cohort_file.cohorts):
        out.extend(cohort_ids.check(cohort.id, ("cohorts", i)))
        if cohort.member_when is not None:
            out.extend(check_condition(cohort.member_when, ("cohorts", i, "member_when"), questionnaire._by_id))
    cohorts = {cohort.id for cohort in cohort_file.cohorts}
    for i, fig in enumerate(cohort_file.figures):
        out.extend(figure_ids.check(fig.id, ("figures", i)))
        out.extend(_check_figure(fig, ("figures", i), questionnaire, cohorts))
    for i, statement in enumerate(cohort_file.statements):
        loc = ("statements", i)
        out.extend(statement_ids.check(statement.id, loc))
        if statement.cohort not in cohorts:
            out.append(((*loc, "cohort"), f"cohort '{statement.cohort}' is not defined in this file"))
        if statement.question is not None and questionnaire.question(statement.question) is None:
            out.append(((*loc, "question"), f"unknown question '{statement.question}' in '{questionnaire.id}'"))
    return out


def load_cohort_file(path: Path | str, find_questionnaire: FindQuestionnaire) -> CohortFile:
    """One cohort file, checked by itself and against the questionnaire it names.

    `find_questionnaire` maps a questionnaire id to the questionnaire (the caller's registry
    decides which). Raises FileError listing every problem, each located.
    """
    from cxmaturity.formats.loader import locate, read, validate_data

    name = str(path)
    data, text = read(path)
    cohort_file = validate_data(CohortFile, data, name, text)
    try:
        questionnaire = find_questionnaire(cohort_file.questionnaire)
    except CxError as exc:
        raise FileError(locate([(("questionnaire",), str(exc))], name, text)) from None
    problems = check_cohort_file(cohort_file, questionnaire)
    if problems:
        raise FileError(locate(problems, name, text))
    return cohort_file


def load_cohort_files(
    paths: Iterable[Path | str], find_questionnaire: FindQuestionnaire
) -> list[CohortFile]:
    """Cohort files (``--cohorts FILE``, repeatable), each checked like `load_cohort_file`.

    A file id given twice is an error naming both files.
    """
    out: list[CohortFile] = []
    where: dict[str, str] = {}
    for path in paths:
        cohort_file = load_cohort_file(path, find_questionnaire)
        if cohort_file.id in where:
            raise CxError(f"{path}: cohort file '{cohort_file.id}' is already given by {where[cohort_file.id]}")
        where[cohort_file.id] = str(path)
        out.append(cohort_file)
    return out
