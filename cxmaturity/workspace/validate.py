"""`cxmaturity validate`: recognise each file's format and collect every problem.

Every problem of a file is reported in one run: an assessment whose header breaks the schema
(a wrong language, a missing company) still has its answers checked against its
questionnaire. A misspelled question or option id gets the closest known one ("did you mean").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cxmaturity.errors import CxError, FileError, Problem
from cxmaturity.formats import loader
from cxmaturity.formats.models import Assessment, Questionnaire, StageModel
from cxmaturity.formats.suggestions import with_suggestions
from cxmaturity.plugin_host import catalog
from cxmaturity.workspace.workspace import load_assessment


def _questionnaire_for(a: Assessment, given: list[Questionnaire], registry=None) -> Questionnaire:
    for q in given:
        if q.id == a.questionnaire.id and q.version == a.questionnaire.version:
            return q
    try:
        return catalog.find(a.questionnaire.id, registry=registry)
    except CxError:
        matching = [q for q in given if q.id == a.questionnaire.id]
        if matching:
            return matching[0]
        raise


def _raw_answers(data: Any, given: list[Questionnaire], registry) -> tuple[Questionnaire, dict] | None:
    """The questionnaire and answers of an assessment whose header did not validate, when
    both can still be told."""
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return None
    ref = data.get("questionnaire")
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str):
        return None
    for q in given:
        if q.id == ref["id"]:
            return q, data["answers"]
    try:
        return catalog.find(ref["id"], registry=registry), data["answers"]
    except CxError:
        return None


def _answer_problems(q: Questionnaire, answers: dict) -> list[tuple[tuple, str]]:
    """What check_assessment says of each answer, on the raw mapping."""
    out: list[tuple[tuple, str]] = []
    for qid, raw in answers.items():
        question = q.question(str(qid))
        if question is None:
            out.append((("answers", qid), f"unknown question id '{qid}' in '{q.id}'"))
            continue
        entry = raw if isinstance(raw, dict) else {"state": "answered", "value": raw}
        if entry.get("state", "answered") == "answered":
            why = loader.check_value(question, entry.get("value"))
            if why:
                out.append((("answers", qid, "value"), why))
    return with_suggestions(out, q)


def validate_files(paths: list[Path], registry=None) -> tuple[list[Problem], list[tuple[Path, str]]]:
    """(problems, [(path, kind)] of the files found valid). Questionnaires given on the
    same command line are used to check the assessments beside them, then those of
    `registry` (the plugins' questionnaires; a default registry when None)."""
    problems: list[Problem] = []
    parsed: list[tuple[Path, object, str, str]] = []
    for path in paths:
        try:
            data, text = loader.read(path)
        except FileError as exc:
            problems.extend(exc.problems)
            continue
        kind = loader.detect_kind(data)
        if kind is None:
            why = "not a cxmaturity file (no sections, answers, figures or phases)"
            problems.append(Problem(str(path), 1, "", why))
            continue
        parsed.append((path, data, text, kind))

    given: list[Questionnaire] = []
    models: list[tuple[Path, object, Any, str, str]] = []
    for path, data, text, kind in parsed:
        try:
            obj = loader.validate_data(loader.KINDS[kind], data, str(path), text)
            if isinstance(obj, Questionnaire):
                issues = loader.check_questionnaire(obj)
                if issues:
                    raise FileError(loader.locate(issues, str(path), text))
                if obj.extend is not None:  # checked, and used, merged onto its registered base
                    from cxmaturity.formats.extension import merged_file

                    obj = merged_file(obj, path, lambda id_, v: catalog.find(id_, v, registry=registry))
                given.append(obj)
            if isinstance(obj, StageModel):
                from cxmaturity.evaluation.stages import check_stage_model

                issues = check_stage_model(obj)
                if issues:
                    raise FileError(loader.locate(issues, str(path), text))
            models.append((path, obj, data, text, kind))
        except FileError as exc:
            problems.extend(exc.problems)
            if loader.KINDS[kind] is Assessment and (raw := _raw_answers(data, given, registry)):
                # The header is broken, the answers may be too: say so now, not on the next run.
                seen = {(p.line, p.field) for p in exc.problems}
                more = loader.locate(_answer_problems(*raw), str(path), text)
                problems.extend(p for p in more if (p.line, p.field) not in seen)

    checked = []
    for path, obj, data, text, kind in models:
        if isinstance(obj, Assessment):
            def find(_id: str, _version: int, a: Assessment = obj) -> Questionnaire:
                return _questionnaire_for(a, given, registry)

            try:
                load_assessment(path, find, parsed=(data, text))
            except FileError as exc:
                problems.extend(exc.problems)
                continue
        checked.append((path, kind))
    return problems, checked
