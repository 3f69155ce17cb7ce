"""What a client report needs beyond the result document, gathered once for every renderer.

The result document says where the company stands; a report also draws the cohorts' whole
distributions (from the cohort figures), the playbook's phases (from the playbook), the stage
thresholds (from the stage model), and quotes the answers' notes. This module collects those,
and is the one place that keeps private notes out: renderers never see the assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .models import Assessment, Figure, Playbook, Questionnaire, Result, StageModel

if TYPE_CHECKING:
    from .plugins import Registry

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


@dataclass(frozen=True)
class Note:
    """A note the company left on an answer, cleared for a client report."""

    question: str
    text: str


@dataclass
class ReportInput:
    """The result and the data a renderer draws from, in the language of the report."""

    result: Result
    questionnaire: Questionnaire
    lang: str
    figures: dict[str, Figure] = field(default_factory=dict)
    playbook: Playbook | None = None
    stage_model: StageModel | None = None
    notes: list[Note] = field(default_factory=list)


def public_notes(assessment: Assessment) -> list[Note]:
    """The notes of `assessment` that may reach a client, in question order of the file.

    A note marked ``note_private`` never leaves this function."""
    return [
        Note(question=qid, text=answer.note)
        for qid, answer in assessment.answers.items()
        if answer.note and not answer.note_private
    ]


def format_of(suffix: str) -> str | None:
    """The report format a file suffix asks for (html, md, json), or None."""
    return FORMATS.get(suffix.lower())


def prepare(
    result: Result,
    assessment: Assessment,
    questionnaire: Questionnaire,
    registry: Registry | None = None,
    lang: str | None = None,
    stage_model: StageModel | None = None,
) -> ReportInput:
    """Gather what the renderers need: the figures the placements cite, the playbook of the
    roadmap, the stage model, and the notes cleared for the client."""
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
    )


def render(ri: ReportInput, fmt: str) -> str:
    """The report in `fmt` (html, md or json) as text."""
    if fmt == "html":
        from .render.html import render_html

        return render_html(ri)
    if fmt == "json":
        return ri.result.model_dump_json(indent=2, by_alias=True) + "\n"
    if fmt == "md":
        # The Markdown report is the summary's own renderer, not a second one.
        try:
            from .render.markdown import summary_markdown
        except ImportError:
            from .errors import CxError

            raise CxError("Markdown reports need cxmaturity.render.markdown, which this build lacks") from None
        return summary_markdown(ri.result, ri.questionnaire, ri.stage_model, ri.lang)
    raise ValueError(f"unknown report format {fmt!r}")
