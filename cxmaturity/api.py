"""The functions the public API offers plugin authors: load a file, evaluate an assessment.

Each is a thin, documented door onto the one place that does the work (the loader, the
cohort-file checks, the evaluation pipeline), so that a plugin and its tests never import
the tool's internals or a YAML library themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxmaturity.formats.models import Assessment, CohortFile, Playbook, Questionnaire, Result
    from cxmaturity.plugin_host.manager import Registry


def load_questionnaire(path: Path | str) -> Questionnaire:
    """The questionnaire in the YAML file `path`, checked as ``cxmaturity validate`` checks it.

    Problems raise `cxmaturity.CxError` (a `FileError`), each located as ``file:line: field: message``."""
    from cxmaturity.formats.loader import load_questionnaire as load

    return load(path)


def load_cohort_file(path: Path | str, questionnaire: Questionnaire | None = None) -> CohortFile:
    """The cohort file in `path`, checked against the questionnaire it names (or `questionnaire`)."""
    from cxmaturity.formats.cohort_files import load_cohort_file as load

    if questionnaire is not None:
        return load(path, lambda _id: questionnaire)
    return load(path, lambda qid: find_questionnaire(qid))


def load_playbook(path: Path | str) -> Playbook:
    """The playbook in the YAML file `path` (the format of ``benchmarks/playbooks/``)."""
    from cxmaturity.formats import loader
    from cxmaturity.formats.models import Playbook

    return loader.load(Path(path), Playbook)


def load_assessment(path: Path | str, questionnaire: Questionnaire | None = None) -> Assessment:
    """The assessment (or answers file) in `path`, checked against `questionnaire` when given."""
    from cxmaturity.formats.loader import load_assessment as load

    return load(path, questionnaire)


def find_questionnaire(ref: str, version: int | None = None, registry: Registry | None = None) -> Questionnaire:
    """A registered questionnaire by id (the latest version unless `version`), or from a path."""
    from cxmaturity.plugin_host.catalog import find

    return find(ref, version, registry=registry if registry is not None else load_registry())


def load_registry(plugins_dirs: Any = (), strict: bool = False, cohorts: Any = ()) -> Registry:
    """The plugin registry as the command line builds it: built-ins, `plugins_dirs`, installed,
    then the cohort files `cohorts` (what ``--cohorts FILE`` adds)."""
    from cxmaturity.workspace.workspace import open_registry

    return open_registry(plugins_dirs, strict=strict, cohorts=cohorts)


def evaluate_assessment(
    assessment: Assessment,
    questionnaire: Questionnaire | None = None,
    registry: Registry | None = None,
    weights: Path | str | None = None,
) -> Result:
    """The result document of `assessment`, as ``cxmaturity score --format json`` gives it.

    `questionnaire` defaults to the one the assessment names (found in `registry`); `registry`
    defaults to every plugin (`load_registry()`); `weights` is a stage model file, as
    ``--weights FILE`` takes."""
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.evaluation.stages import load_stage_model

    model = load_stage_model(weights)
    registry = registry if registry is not None else load_registry()
    if questionnaire is None:
        ref = assessment.questionnaire
        questionnaire = find_questionnaire(ref.id, ref.version, registry=registry)
    return evaluate(assessment, questionnaire, registry, model)
