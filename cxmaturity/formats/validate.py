"""`cxmaturity validate`: recognise each file's format and collect every problem."""

from __future__ import annotations

from pathlib import Path

from cxmaturity.errors import CxError, FileError, Problem
from cxmaturity.formats import loader, yamlio
from cxmaturity.formats.models import Assessment, Questionnaire, StageModel
from cxmaturity.plugin_host import catalog


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
    models: list[tuple[Path, object, str, str]] = []
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
            models.append((path, obj, text, kind))
        except FileError as exc:
            problems.extend(exc.problems)

    checked = []
    for path, obj, text, kind in models:
        if isinstance(obj, Assessment):
            try:
                q = _questionnaire_for(obj, given, registry)
            except CxError as exc:
                problems.append(Problem(str(path), yamlio.line_of(text, ("questionnaire", "id")),
                                        "questionnaire.id", str(exc)))
                continue
            issues = loader.check_assessment(obj, q)
            if issues:
                problems.extend(loader.locate(issues, str(path), text))
                continue
        checked.append((path, kind))
    return problems, checked
