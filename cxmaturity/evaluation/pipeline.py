"""From an assessment to the result document: a sequence of small steps over the models.

Each step reads what the earlier ones produced; later steps (cohort placement, the maturity
stage, the roadmap) slot in between `score` and `result` without changing the others.
"""

from __future__ import annotations

from statistics import mean
from typing import TYPE_CHECKING

from cxmaturity._version import __version__
from cxmaturity.evaluation import bounds, consistency, executive, stages
from cxmaturity.evaluation.applies import cohort_files_for, playbooks_for, plugins_for, scorers_for
from cxmaturity.evaluation.cohorts import cohort_sources, memberships, place
from cxmaturity.evaluation.roadmap import recommend
from cxmaturity.evaluation.scoring import run_scorers
from cxmaturity.formats import conditions
from cxmaturity.formats.models import (
    Assessment,
    Coverage,
    DimensionResult,
    Finding,
    MissingAnswer,
    PluginStatus,
    Questionnaire,
    QuestionnaireRef,
    Result,
    StageModel,
)
from cxmaturity.plugin_host.dimensions import declared
from cxmaturity.plugin_host.scorer_contract import ScoringContext

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry


def dimension_score(scores: list[float]) -> float | None:
    """A dimension's score from its findings' scores (those that have one): the mean, to one
    decimal; one finding a dimension is the rule, and its score needs no averaging."""
    if not scores:
        return None
    return scores[0] if len(scores) == 1 else round(mean(scores), 1)


def dimensions(findings: list[Finding]) -> list[DimensionResult]:
    """One result per dimension seen, sorted by id: the mean of its findings' scores (those
    that have one), their coverage summed, and the scorers behind it."""
    by_dim: dict[str, list[Finding]] = {}
    for f in findings:
        by_dim.setdefault(f.dimension, []).append(f)
    out = []
    for dim in sorted(by_dim):
        group = by_dim[dim]
        scores = [f.score for f in group if f.score is not None]
        out.append(
            DimensionResult(
                id=dim,
                score=dimension_score(scores),
                coverage=Coverage(
                    answered=sum(f.coverage.answered for f in group),
                    asked=sum(f.coverage.asked for f in group),
                ),
                scorers=sorted({f.scorer for f in group}),
            )
        )
    return out


def missing_answers(
    assessment: Assessment,
    questionnaire: Questionnaire,
    findings: list[Finding],
    registry: Registry,
) -> list[MissingAnswer]:
    """The questions without an answer that counts, in the order asked: skipped,
    not-applicable, don't-know, and applicable questions never answered; each with the
    dimensions whose scorers read it."""
    readers: dict[str, set[str]] = {}
    for scorer in registry.scorers:
        for qid in scorer.questions:
            readers.setdefault(qid, set()).add(scorer.dimension)
    for f in findings:
        for qid in f.questions:
            readers.setdefault(qid, set()).add(f.dimension)
    answered = assessment.answered()
    out = []
    for question in questionnaire.questions:
        answer = assessment.answers.get(question.id)
        if answer is not None:
            if answer.state == "answered":
                continue
            state = answer.state
        elif conditions.evaluate(question.when, answered, questionnaire):
            state = "unanswered"
        else:
            continue  # not asked, by its own condition
        out.append(
            MissingAnswer(
                question=question.id, state=state, dimensions=sorted(readers.get(question.id, ()))
            )
        )
    return out


def plugin_statuses(
    registry: Registry, scored: list[PluginStatus], used: set[str] | None = None
) -> list[PluginStatus]:
    """Every plugin that failed, whose scorers ran (`scored`), or that contributed something
    the evaluation used (`used`: names; None counts every plugin that contributed), by name."""
    by_name = {s.name: s for s in scored}
    for info in registry.plugins:
        if info.errors or (info.name in used if used is not None else info.contributed):
            by_name[info.name] = info.status()
    return [by_name[n] for n in sorted(by_name)]


def ranges(
    assessment: Assessment,
    questionnaire: Questionnaire,
    registry: Registry,
    model: StageModel,
    dims: list[DimensionResult],
    cohorts: list | None = None,
    findings: list[Finding] | None = None,
) -> tuple[stages.Bound, stages.Bound]:
    """The worst and best side of the stage: the open questions that weighted dimensions or
    stage requirements read, filled at their worst and at their best option, and scored."""
    weighted = {d.id for d in model.dimensions if d.weight > 0}
    wanted: dict[str, set[str]] = {}
    for scorer in registry.scorers:
        if scorer.dimension in weighted:
            for qid in scorer.questions:
                wanted.setdefault(qid, set()).add(scorer.dimension)
    for stage in model.stages:
        for req in stage.requires:
            for qid in req.when.questions():
                wanted.setdefault(qid, set())
    # Questionnaire order, so that a question is filled before the ones its answer opens.
    order = {q.id: i for i, q in enumerate(questionnaire.questions)}
    ids = sorted(wanted, key=lambda q: order.get(q, len(order)))
    given = {d.id: d.score for d in dims}
    out = []
    known: dict = {}
    for side in ("worst", "best"):
        done = bounds.complete(assessment, questionnaire, registry, ids, side, cohorts, known, findings)
        if not done.filled:
            out.append(stages.Bound(scores=dict(given), answers=done.answers))
            continue
        filled_dims = {d.id: d.score for d in dimensions(done.findings)}
        steps: dict[str, list] = {}
        for dim in filled_dims:
            group = [f for f in done.findings if f.dimension == dim]
            if len(group) == 1:
                steps[dim] = group[0].steps
        opened: dict[str, list[str]] = {}
        for qid in done.filled:
            for dim in wanted.get(qid, ()):
                opened.setdefault(dim, []).append(qid)
        out.append(stages.Bound(scores={**given, **filled_dims}, answers=done.answers, steps=steps,
                                open=opened, filled=done.filled))
    return out[0], out[1]


#: The parts of a result `evaluate` can leave out for a caller that shows less: a portfolio
#: row shows the stage and the dimensions, not the placements, roadmap or missing answers.
PARTS = frozenset({"placements", "roadmap", "conflicts", "missing", "executive"})
STAGE_ONLY: frozenset[str] = frozenset()


def evaluate(
    assessment: Assessment,
    questionnaire: Questionnaire,
    registry: Registry,
    model: StageModel | None = None,
    precomputed: dict | None = None,
    parts: frozenset[str] = PARTS,
) -> Result:
    """The result document of `assessment`: the cohorts it belongs to and its placements
    against them, findings, dimensions with their stages, the overall stage, the roadmap
    (from the playbooks the plugins registered and the dimension scores), missing answers,
    plugins. `model` is the stage model (``--weights``); None means the bundled one.
    `precomputed` (scorer name → findings) holds what scorers' batch methods gave already.
    `parts` names the optional parts to work out (`PARTS`, all by default); the cohorts,
    findings, dimensions and stage are always there."""
    answers = assessment.answered()
    cohort_files, scorers = cohort_files_for(questionnaire, registry), scorers_for(questionnaire, registry)
    playbooks = playbooks_for(questionnaire, registry)
    cohorts = memberships(answers, questionnaire, cohort_files)
    ctx = ScoringContext(
        assessment=assessment, questionnaire=questionnaire, cohorts=cohorts, language=assessment.language
    )
    findings, scored = run_scorers(registry, ctx, scorers, precomputed)
    dims = declared(dimensions(findings), scorers)
    placements, statements = place(answers, questionnaire, cohort_files, cohorts) if "placements" in parts else ([], [])
    result = Result(
        tool_version=__version__,
        questionnaire=QuestionnaireRef(id=questionnaire.id, version=questionnaire.version),
        questionnaire_title=questionnaire.title,
        company=assessment.company,
        language=assessment.language,
        assessed=assessment.updated or assessment.created,
        cohort_sources=cohort_sources(cohort_files),
        cohorts=cohorts,
        placements=placements,
        statements=statements,
        findings=findings,
        dimensions=dims,
        roadmap=recommend(
            answers, questionnaire, {d.id: d.score for d in dims}, playbooks,
            not_applicable={k for k, a in assessment.answers.items() if a.state == "not_applicable"},
        ) if "roadmap" in parts else None,
        conflicts=consistency.conflicts(questionnaire, answers) if "conflicts" in parts else [],
        missing=missing_answers(assessment, questionnaire, findings, registry) if "missing" in parts else [],
        plugins=plugin_statuses(registry, scored, plugins_for(questionnaire, registry, cohort_files, playbooks)),
    )
    model = model or stages.load_stage_model()
    worst, best = ranges(assessment, questionnaire, registry, model, dims, cohorts, findings)
    result = stages.apply(result, model, worst, best, questionnaire)
    if "executive" not in parts:
        return result
    return result.model_copy(update={"executive": executive.summarise(result)})
