"""The answers an assessment could still have: its open questions filled at their worst or best.

A question is open when it applies but has no answer that counts yet (skipped, don't know, or
never reached). Not applicable is an answer: the question does not concern the company, so it
stays out. Filling every open question with the answer that scores least (or most) gives the
lowest (or highest) stage the company could have once the questions are answered; the stage
shown is the lowest, so a gap can never raise it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cxmaturity.formats import conditions
from cxmaturity.formats.models import Answer, Assessment, CohortMembership, Finding, Question, Questionnaire
from cxmaturity.plugin_host.scorer_contract import ScoringContext

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry
    from cxmaturity.plugin_host.scorer_contract import Scorer

Side = Literal["worst", "best"]

#: Completions run at most this many rounds: an answer filled in can open a conditional
#: question (a sentiment tool in service asks which sources it analyses).
ROUNDS = 3


@dataclass
class Completion:
    """The assessment's answers with its open questions filled on one side, and the findings
    the scorers give them."""

    answers: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)


def _fallback(question: Question, side: Side) -> Any:
    """The worst or best answer by the options' order (least to most mature), where there is one."""
    ids = [o.id for o in question.options]
    if not ids:
        return None
    if question.type == "multi":
        others = [i for i in ids if i != question.exclusive]
        if side == "best":
            return others
        return [question.exclusive] if question.exclusive else []
    if question.type == "band" or question.ordered:
        return ids[0] if side == "worst" else ids[-1]
    return None


def extreme(
    scorers: list[Scorer], ctx: ScoringContext, question: Question, side: Side, known: dict | None = None
) -> Any:
    """The worst or best answer to `question`: the first scorer reading it that ranks its
    options decides, else the options' order. `known` keeps the (worst, best) pairs already
    asked in this evaluation, so that both sides ask each question once."""
    known = {} if known is None else known
    if question.id not in known:
        pair = None
        for scorer in scorers:
            try:
                pair = scorer.extremes(ctx, question.id)
            except Exception:  # a failing scorer is reported by the main run; use the order
                pair = None
            if pair is not None:
                break
        known[question.id] = pair or (_fallback(question, "worst"), _fallback(question, "best"))
    worst, best = known[question.id]
    return worst if side == "worst" else best


def open_questions(
    assessment: Assessment, questionnaire: Questionnaire, wanted: Iterable[str], answers: dict[str, Any]
) -> list[str]:
    """The questions in `wanted` that apply (their `when` holds on `answers`) and have no
    answer yet: skipped, don't know, or never reached; not applicable is an answer."""
    out = []
    for qid in wanted:
        if qid in answers:
            continue
        answer = assessment.answers.get(qid)
        if answer is not None and answer.state == "not_applicable":
            continue
        question = questionnaire.question(qid)
        if question is None or not conditions.evaluate(question.when, answers, questionnaire):
            continue
        out.append(qid)
    return out


def complete(
    assessment: Assessment,
    questionnaire: Questionnaire,
    registry: Registry,
    wanted: list[str],
    side: Side,
    cohorts: list[CohortMembership] | None = None,
    known: dict | None = None,
    findings: list[Finding] | None = None,
) -> Completion:
    """`assessment` with each open question of `wanted` answered at its worst or best (as the
    scorers reading it rank the options), and every scorer's findings on that. `known` shares
    the ranked options between the two sides of one evaluation. With `findings` (those of the
    answers given), a scorer that reads none of the filled questions keeps its findings
    instead of scoring again."""
    readers: dict[str, list[Scorer]] = {}
    for scorer in sorted(registry.scorers, key=lambda s: s.name):
        for qid in scorer.questions:
            readers.setdefault(qid, []).append(scorer)
    answers = assessment.answered()
    filled: list[str] = []
    ctx = ScoringContext(assessment=assessment, questionnaire=questionnaire, cohorts=cohorts or [],
                         language=assessment.language)
    current = assessment
    for _ in range(ROUNDS):
        todo = open_questions(assessment, questionnaire, wanted, answers)
        todo = [q for q in todo if q not in filled]
        if not todo:
            break
        new = {}
        for qid in todo:
            value = extreme(readers.get(qid, []), ctx, questionnaire.question(qid), side, known)
            if value is not None:
                new[qid] = value
        if not new:
            break
        filled += list(new)
        answers = {**answers, **new}
        merged = dict(current.answers)
        merged.update({qid: Answer(state="answered", value=v) for qid, v in new.items()})
        current = current.model_copy(update={"answers": merged})
        ctx = ScoringContext(assessment=current, questionnaire=questionnaire, cohorts=cohorts or [],
                             language=assessment.language)
    if not filled:
        return Completion(answers=answers)
    from cxmaturity.evaluation.scoring import checked_findings

    given: dict[str, list[Finding]] = {}
    for f in findings or []:
        given.setdefault(f.scorer, []).append(f)
    touched = set(filled)
    out: list[Finding] = []
    for scorer in registry.scorers:
        if findings is not None and not touched.intersection((*scorer.questions, *scorer.also_reads)):
            out += given.get(scorer.name, [])
            continue
        try:
            out += checked_findings(scorer, scorer.score(ctx))
        except Exception:  # noqa: S112 - the main run already reported this scorer as failed
            continue
    return Completion(answers=answers, findings=out, filled=filled)
