"""How the HTML report names a question, an answer, a cohort, a stage and a dimension."""

from __future__ import annotations

from cxmaturity.documents.report import ReportInput
from cxmaturity.formats.models import Question, Result
from cxmaturity.words.html_labels import label_set
from cxmaturity.words.numbers import num
from cxmaturity.words.tr import tr


def answer_text(question: Question | None, value: object, lang: str) -> str:
    if value is None:
        return "—"
    if question is None or not question.options:
        return num(value, lang) if isinstance(value, (int, float)) else str(value)
    values = value if isinstance(value, list) else [value]
    return ", ".join(tr(o.label, lang) if (o := question.option(v)) else str(v) for v in values)


def question_text(ri: ReportInput, qid: str) -> str:
    """The question as asked; a row of a grid ("Revenue") with the question of its grid."""
    question = ri.questionnaire.question(qid)
    if question is None:
        return qid
    text = tr(question.text, ri.lang)
    if question.group:
        group = next((g for s in ri.questionnaire.sections for g in s.groups if g.id == question.group), None)
        if group is not None:
            return f"{tr(group.title, ri.lang)} — {text}"
    return text


def short_text(ri: ReportInput, qid: str) -> str:
    """The question's short form, for a chart's row label; its text where it has none."""
    question = ri.questionnaire.question(qid)
    if question is not None and question.short:
        return tr(question.short, ri.lang)
    return question_text(ri, qid)


def cohort_label(result: Result, cohort_id: str, lang: str) -> str:
    cohort = next((c for c in result.cohorts if c.id == cohort_id), None)
    return tr(cohort.label, lang) if cohort else cohort_id


def stage_label(ri: ReportInput, stage_id: str | None) -> str:
    if stage_id is None:
        return label_set(ri.lang)["no_stage"]
    if ri.stage_model is not None:
        stage = next((s for s in ri.stage_model.stages if s.id == stage_id), None)
        if stage is not None:
            return tr(stage.label, ri.lang)
    return stage_id.replace("_", " ")


def dimension_label(ri: ReportInput, dim) -> str:
    if dim.label:
        return tr(dim.label, ri.lang)
    if ri.stage_model is not None:
        known = next((d for d in ri.stage_model.dimensions if d.id == dim.id), None)
        if known is not None:
            return tr(known.label, ri.lang)
    return dim.id.replace("_", " ").capitalize()

