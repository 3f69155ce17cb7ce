"""What a client report needs beyond the result document, gathered once for every renderer.

The result document says where the company stands; a report also draws the cohorts' whole
distributions (from the cohort figures), the playbook's phases (from the playbook), the stage
thresholds (from the stage model), and quotes the answers' notes. This module collects those,
and is the one place that keeps private notes out: renderers never see the assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxmaturity.formats.models import Assessment, Figure, Playbook, Questionnaire, Result, StageModel

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry

@dataclass(frozen=True)
class Note:
    """A note the company left on an answer, cleared for a client report."""

    question: str
    text: str


@dataclass
class ReportInput:
    """The result and the data a renderer draws from, in the language of the report.

    It is also what every summary is drawn from: the terminal and Markdown summaries take its
    first six fields as their arguments, in this order. `questionnaire` gives the questions'
    short forms and the answers' labels (ids without it); `stage_model` names the stages when
    the result does not carry their labels; `lang` defaults to the assessment's; `audience` is
    client (a plain-words appendix on method and sources) or consultant (the plugins, fact ids);
    `conclusions` is the consultant's own note. The rest only a full report needs."""

    result: Result
    questionnaire: Questionnaire | None = None
    stage_model: StageModel | None = None
    lang: str = ""
    audience: str = "client"
    conclusions: str | None = None
    figures: dict[str, Figure] = field(default_factory=dict)
    playbook: Playbook | None = None
    notes: list[Note] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lang = self.lang or self.result.language


def public_notes(assessment: Assessment) -> list[Note]:
    """The notes of `assessment` that may reach a client, in question order of the file.

    A note marked ``note_private`` never leaves this function."""
    return [
        Note(question=qid, text=answer.note)
        for qid, answer in assessment.answers.items()
        if answer.note and not answer.note_private
    ]


def prepare(
    result: Result,
    assessment: Assessment,
    questionnaire: Questionnaire,
    registry: Registry | None = None,
    lang: str | None = None,
    stage_model: StageModel | None = None,
    audience: str = "client",
    conclusions: str | None = None,
) -> ReportInput:
    """Gather what the renderers need: the figures the placements cite, the playbook of the
    roadmap, the stage model, and the notes cleared for the client. `audience` is client (no
    internals: they go to a method appendix in words) or consultant; `conclusions` is the
    consultant's own note (``--notes FILE``), else the assessment's ``conclusions``."""
    figures: dict[str, Figure] = {}
    playbook = None
    if registry is not None:
        wanted = {f.id for p in result.placements for f in p.figures}
        for cohort_file in registry.cohort_files:
            for fig in cohort_file.figures:
                if fig.id in wanted:
                    figures.setdefault(fig.id, fig)
        if result.roadmap is not None:
            playbook = next((p for p in registry.playbooks if p.id == result.roadmap.playbook), None)
    return ReportInput(
        result=result,
        questionnaire=questionnaire,
        lang=lang or result.language,
        figures=figures,
        playbook=playbook,
        stage_model=stage_model,
        notes=public_notes(assessment),
        audience=audience,
        conclusions=conclusions if conclusions is not None else assessment.conclusions,
    )
