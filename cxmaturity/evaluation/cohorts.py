"""Which cohorts a company belongs to, and where it stands against each on the report's figures.

The placement rule is the core's, the same for every scorer (DESIGN.md, Contracts: Placement;
docs/cohorts.md): every figure a compared cohort has on a question is combined into one picture
(`picture.py`), which gives one verdict per question and cohort; `placement_words.py` says it.

A compared cohort without a figure on a question that some other cohort has a figure for gets
a ``no_benchmark`` placement, so a table can say so for that cohort; an unanswered question gets
no placement at all (it is missing, not behind).

The figures are indexed once per set of cohort files and questionnaire, and each placement is
worked out once per (question, cohort, answer): placing an assessment is mostly dictionary
look-ups (perf/placement_speed.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from cxmaturity.evaluation import placement_text as placement_words
from cxmaturity.evaluation.picture import Prepared, picture, prepare
from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import (
    Assessment,
    CohortFile,
    CohortMembership,
    Figure,
    FigureUse,
    Placement,
    Question,
    Questionnaire,
    SetAside,
    Shares,
    Statement,
)

# --- membership --------------------------------------------------------------------------


def _answered(answers: Mapping[str, Any] | Assessment) -> Mapping[str, Any]:
    return answers.answered() if isinstance(answers, Assessment) else answers


def memberships(
    answers: Mapping[str, Any] | Assessment,
    questionnaire: Questionnaire,
    cohort_files: Sequence[CohortFile],
) -> list[CohortMembership]:
    """Every cohort of every file, and whether the company is a member of it.

    `answers` maps the answered question ids to their values (``Assessment.answered()``), or is
    the assessment itself. A cohort without ``member_when`` has every company as a member; a
    condition on an unanswered question is false, so an unknown headquarters puts the company
    in no regional cohort. Files keep their order, cohorts their order within a file.
    """
    values = _answered(answers)
    out = []
    for file in cohort_files:
        for cohort in file.cohorts:
            out.append(
                CohortMembership.model_construct(
                    id=cohort.id,
                    source=file.id,
                    origin=file.origin,
                    label=cohort.label,
                    n=cohort.n,
                    member=evaluate(cohort.member_when, values, questionnaire),
                    always_compared=cohort.always_compared,
                )
            )
    return out


def compared(cohorts: Iterable[CohortMembership]) -> list[CohortMembership]:
    """The cohorts a company is compared with: those it belongs to, and the always-compared."""
    return [m for m in cohorts if m.member or m.always_compared]


def cohort_sources(cohort_files: Sequence[CohortFile]) -> list[dict[str, Any]]:
    """What each cohort file's numbers come from (the survey, or a portfolio's date span), so
    that every output can say so: id, title, origin, n, fieldwork, countries, first, last."""
    return [
        {
            "id": f.id,
            "title": f.title,
            "origin": f.origin,
            "n": f.survey.n,
            "fieldwork": f.survey.fieldwork,
            "countries": f.survey.countries,
            "first": f.survey.first,
            "last": f.survey.last,
        }
        for f in cohort_files
    ]


# --- per-file indexes, computed once -----------------------------------------------------

CohortKey = tuple[str, str]  # (cohort file id, cohort id)


@dataclass
class _Plan:
    """The figures of a set of cohort files against one questionnaire, indexed once.

    `questions` lists the questions some figure cites, in questionnaire order, each with the
    figures of each cohort in file order. `placed` remembers the placements already worked
    out for a (question, cohort, answer): they depend on nothing else.
    """

    files: tuple[CohortFile, ...]
    questionnaire: Questionnaire
    questions: list[tuple[Question, dict[CohortKey, list[Figure]]]]
    statements: list[tuple[str, Statement]]  # (cohort file id, statement)
    labels: dict[CohortKey, dict]
    limits: dict[str, tuple[float, float]]  # cohort file id → (ahead_from, behind_below)
    placed: dict[tuple, list[Placement]] = field(default_factory=dict)
    words: dict[tuple, str] = field(default_factory=dict)  # a figure's words, per language
    prepared: dict[tuple, Prepared] = field(default_factory=dict)  # per (question, cohort)
    parts: dict[tuple, Any] = field(default_factory=dict)  # a figure's FigureUse and SetAside


def _build_plan(files: tuple[CohortFile, ...], questionnaire: Questionnaire) -> _Plan:
    by_question: dict[str, dict[CohortKey, list[Figure]]] = {}
    for file in files:
        for fig in file.figures:
            cohorts = by_question.setdefault(fig.question, {})
            cohorts.setdefault((file.id, fig.cohort), []).append(fig)
    questions = [(q, by_question[q.id]) for q in questionnaire.questions if q.id in by_question]
    return _Plan(
        files=files,
        questionnaire=questionnaire,
        questions=questions,
        statements=[(file.id, s) for file in files for s in file.statements],
        labels={(file.id, c.id): c.label for file in files for c in file.cohorts},
        limits={f.id: (f.placement.ahead_from, f.placement.behind_below) for f in files},
    )


# Keyed by the identity of the questionnaire and the files; the plan holds them, so an id cannot
# be reused by another object while its entry lives. Loaded models are not changed after loading.
_PLANS: dict[tuple[int, ...], _Plan] = {}
_MAX_PLANS = 32
_MAX_PLACED = 50_000


def _plan(files: Sequence[CohortFile], questionnaire: Questionnaire) -> _Plan:
    key = (id(questionnaire), *map(id, files))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = _build_plan(tuple(files), questionnaire)
    return plan


# --- placement ---------------------------------------------------------------------------


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def place(
    answers: Mapping[str, Any] | Assessment,
    questionnaire: Questionnaire,
    cohort_files: Sequence[CohortFile],
    memberships: Sequence[CohortMembership],
) -> tuple[list[Placement], list[Statement]]:
    """Where the company stands against each compared cohort on each question the figures cite.

    Returns the placements, in questionnaire order, then cohort (in `memberships` order), then
    figure (in file order), and the statements of the compared cohorts, unchanged. A compared
    cohort without a figure on a question some other cohort has one for gets a ``no_benchmark``
    placement; an unanswered question gets none at all: it is missing, not behind.

    Placements are frozen and shared between calls with the same answers.
    """
    values = _answered(answers)
    plan = _plan(cohort_files, questionnaire)
    keys = [(m.source, m.id) for m in compared(memberships)]
    if len(plan.placed) > _MAX_PLACED:
        plan.placed.clear()
    out: list[Placement] = []
    for question, by_cohort in plan.questions:
        if question.id not in values:
            continue
        value = values[question.id]
        for key in keys:
            out.extend(_placed(plan, question, by_cohort, key, value))
    wanted = set(keys)
    statements = [
        s
        for file_id, s in plan.statements
        if (file_id, s.cohort) in wanted and (s.question is None or s.question in values)
    ]
    return out, statements


def _placed(plan: _Plan, question: Question, by_cohort: dict, key: CohortKey, value: Any) -> list[Placement]:
    """The placement of one answer against one cohort, worked out once per plan."""
    memo = (question.id, key, _hashable(value))
    found = plan.placed.get(memo)
    if found is None:
        found = plan.placed[memo] = _place_cohort(plan, question, key, by_cohort.get(key), value)
    return found


def placed_questions(
    questionnaire: Questionnaire, cohort_files: Sequence[CohortFile]
) -> list[tuple[Question, Callable[[CohortKey, Any], list[Placement]]]]:
    """The questions some figure cites, in questionnaire order, each with a function giving the
    placements of an answer against a cohort (source, id): what `place` gives that pair. For
    scoring many assessments column by column (`cxmaturity batch`)."""
    plan = _plan(cohort_files, questionnaire)
    return [(question, partial(_placed, plan, question, by_cohort)) for question, by_cohort in plan.questions]


def _use(fig: Figure) -> FigureUse:
    # Built from a validated figure: no need to validate again (placing stays fast).
    return FigureUse.model_construct(
        id=fig.id,
        options=list(fig.options) if fig.options else None,
        value=fig.value,
        distribution={o: s.value for o, s in fig.distribution.items()} if fig.distribution else None,
        comparator=fig.comparator,
        better=fig.better,
        source=fig.source,
        confidence=fig.confidence,
        fact_id=fig.fact_id,
        alternative=fig.alternative,
    )


def _part(plan: _Plan, fig: Figure, why: str | None = None) -> Any:
    """The result's record of a figure used (`why` None) or set aside, made once per plan."""
    key = (id(fig), why)
    part = plan.parts.get(key)
    if part is None:
        if why is None:
            part = _use(fig)
        else:
            part = SetAside.model_construct(
                figure=fig.id,
                source=fig.source,
                confidence=fig.confidence,
                reason={lang: placement_words.reason(fig, why, lang) for lang in ("en", "fr")},
            )
        plan.parts[key] = part
    return part


def _place_cohort(
    plan: _Plan, question: Question, key: CohortKey, figures: list[Figure] | None, value: Any
) -> list[Placement]:
    label = plan.labels.get(key) or {"en": key[1]}
    prepared = plan.prepared.get((question.id, key))
    if prepared is None:
        prepared = plan.prepared[(question.id, key)] = prepare(question, figures or [])
    pic = picture(question, figures or [], value, plan.limits[key[0]], prepared)
    set_aside = [_part(plan, fig, why) for fig, why in pic.set_aside]
    text = placement_words.both(question, label, pic, plan.words)
    if pic.verdict == "no_benchmark":
        return [
            Placement(
                cohort=key[1], question=question.id, answer=value, verdict="no_benchmark",
                set_aside=set_aside, text=text,
            )
        ]
    first = pic.used[0]
    shares = None
    if pic.worse is not None:
        shares = Shares.model_construct(
            worse=pic.worse, equal=pic.equal, better=pic.better, percentile=pic.percentile, derived=True
        )
    # The fact id of the company's own option where a distribution gives one share per option.
    fact_id = first.fact_id
    if first.distribution is not None and value in first.distribution:
        fact_id = first.distribution[value].fact_id or fact_id
    return [
        Placement(
            cohort=key[1],
            question=question.id,
            answer=value,
            figure=first.id,
            verdict=pic.verdict,
            certain=pic.certain,
            could_be=pic.could_be,
            shares=shares,
            figures=[_part(plan, f) for f in pic.used],
            set_aside=set_aside,
            value=first.value,
            options=list(first.options) if first.options else None,
            comparator=first.comparator,
            better=first.better,
            source=first.source,
            confidence=first.confidence,
            fact_id=fact_id,
            alternative=first.alternative,
            text=text,
        )
    ]
