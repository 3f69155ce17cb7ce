"""What a command opens before it works: the registry (plugins, then the user's ``--cohorts``
files, added from outside it), the stage model (``--weights``), and the questionnaires; and the
one function that loads an assessment with the questionnaire it answers.

Every command (validate, score, explain, report, compare, portfolio, assess) and the public API
go through here, so that a file is found, loaded and checked the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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


def load_assessment(path: Path | str, find, *, only_assessments: bool = False) -> tuple[Assessment, Questionnaire]:
    """The one function that loads an assessment with its questionnaire (`find(id, version)`):
    the file read once, validated, and checked against the questionnaire; every problem located
    (``file:line: field: message``). `only_assessments`: a file of another known format is
    refused as such rather than read as a broken assessment."""
    from cxmaturity.formats.loader import load_assessment_and_questionnaire

    return load_assessment_and_questionnaire(path, find, only_assessments=only_assessments)


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
