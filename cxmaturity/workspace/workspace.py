"""What a command opens before it works: the registry (plugins, then the user's ``--cohorts``
files, added from outside it), the stage model (``--weights``), and the questionnaires; and the
one function that loads an assessment with the questionnaire it answers.

Every command (validate, score, explain, report, compare, portfolio, assess) and the public API
go through here, so that a file is found, loaded and checked the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmaturity.errors import CxError, FileError, Problem

if TYPE_CHECKING:
    from cxmaturity.formats.models import Assessment, Questionnaire, Result, StageModel
    from cxmaturity.plugin_host.manager import Registry


def add_cohort_files(registry: Registry, paths: Iterable[Path | str]) -> None:
    """The user's cohort files (``--cohorts FILE``, repeatable), each checked against the
    questionnaire it names as the plugins registered it, added to `registry`."""
    from cxmaturity.formats.cohort_files import load_cohort_file
    from cxmaturity.plugin_host import catalog

    for path in paths:
        cohort_file = load_cohort_file(path, lambda qid: catalog.find(qid, registry=registry))
        registry.add_cohort_file(cohort_file, str(path))


def open_registry(
    plugins_dirs: Iterable[Path | str] = (),
    strict: bool = False,
    cohorts: Iterable[Path | str] = (),
    block: Iterable[str] | None = None,
    traceback: bool | None = None,
) -> Registry:
    """Every plugin (`plugin_host.manager.load_registry`), then the user's cohort files."""
    from cxmaturity.plugin_host.manager import load_registry

    registry = load_registry([Path(d) for d in plugins_dirs], strict=strict, block=block, traceback=traceback)
    add_cohort_files(registry, cohorts)
    return registry


@dataclass
class Workspace:
    """The registry and the stage model one command works with."""

    registry: Registry
    stage_model: StageModel

    def find(self, ref: str, version: int | None = None) -> Questionnaire:
        """A questionnaire by id (latest version unless `version`) or by file path."""
        from cxmaturity.plugin_host import catalog

        return catalog.find(ref, version, registry=self.registry)

    def load(self, path: Path | str) -> tuple[Assessment, Questionnaire]:
        """An assessment file and the questionnaire it answers, checked against each other."""
        return load_assessment(path, self.find)

    def evaluate(self, assessment: Assessment, questionnaire: Questionnaire) -> Result:
        """The result document of one assessment (`evaluation.pipeline.evaluate`)."""
        from cxmaturity.evaluation.pipeline import evaluate

        return evaluate(assessment, questionnaire, self.registry, self.stage_model)


class WrongKind(FileError):
    """A file of another known format where an assessment was expected."""

    def __init__(self, name: str, kind: str):
        self.kind = kind
        super().__init__([Problem(name, None, "", f"not an assessment (a {kind} file)")])


def load_assessment(
    path: Path | str,
    find: Callable[[str, int], Questionnaire],
    *,
    only_assessments: bool = False,
    parsed: tuple[Any, str] | None = None,
) -> tuple[Assessment, Questionnaire]:
    """The one function that loads an assessment with the questionnaire it answers
    (`find(id, version)`): the file read once, validated, and checked against the
    questionnaire; every problem located (``file:line: field: message``), an unknown
    questionnaire on the line that names it, a misspelled id with the closest known one.

    `only_assessments`: a file of another known format is refused as such rather than read
    as a broken assessment. `parsed`: the file's (data, text) when the caller has read it
    already (a resumed interview reads it under its lock; an answers file is completed first)."""
    from cxmaturity.formats import loader, yamlio
    from cxmaturity.formats.models import Assessment

    name = str(path)
    data, text = parsed if parsed is not None else loader.read(path)
    if only_assessments:
        kind = loader.detect_kind(data)
        if kind not in ("assessment", None):
            raise WrongKind(name, kind)
    assessment = loader.validate_data(Assessment, data, name, text)
    ref = assessment.questionnaire
    try:
        questionnaire = find(ref.id, ref.version)
    except CxError as exc:
        line = yamlio.line_of(text, ("questionnaire", "id"))
        raise FileError([Problem(name, line, "questionnaire", str(exc))]) from None
    loader.raise_mismatches(assessment, questionnaire, name, text)
    return assessment, questionnaire


def open_workspace(
    plugins_dirs: Iterable[Path | str] = (),
    strict: bool = False,
    cohorts: Iterable[Path | str] = (),
    weights: Path | str | None = None,
) -> Workspace:
    """What a command needs: the stage model first (a bad ``--weights`` fails before any plugin
    loads), then the registry with the user's cohort files."""
    from cxmaturity.evaluation.stages import load_stage_model

    model = load_stage_model(weights)
    return Workspace(open_registry(plugins_dirs, strict, cohorts), model)
