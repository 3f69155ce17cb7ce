"""The result document: findings, placements, dimension results, the roadmap, what is missing."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field

from cxmaturity.formats.cohort_models import Statement
from cxmaturity.formats.model_base import (
    AnswerState,
    Comparator,
    Confidence,
    Lang,
    Model,
    QuestionId,
    Slug,
    Text,
    Verdict,
)
from cxmaturity.formats.playbook_models import Evidence, Kpi
from cxmaturity.formats.questionnaire_models import AnswerValue, Company, QuestionnaireRef

# --- findings and the result document ----------------------------------------------------


class Coverage(Model):
    answered: int = Field(ge=0)
    asked: int = Field(ge=0)

    @property
    def ratio(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


class Step(Model):
    """One term of a score: `points` out of `max_points`, and what it came from."""

    question: str | None = None
    answer: AnswerValue = None
    label: Text | None = None
    points: float
    max_points: float = Field(gt=0)


class Finding(Model):
    """What a scorer says about one dimension.

    The score is ``100 * sum(points) / sum(max_points)`` over `steps`, rounded to one decimal,
    or None when too little was answered; `explain` prints the steps.
    """

    scorer: str
    dimension: Slug
    score: float | None = Field(None, ge=0, le=100)
    coverage: Coverage
    questions: list[str] = Field(default_factory=list)
    values: dict[str, AnswerValue] = Field(default_factory=dict)
    steps: list[Step] = Field(default_factory=list)
    text: Text = Field(default_factory=dict)

    @staticmethod
    def score_of(points: float, max_points: float, answered: int, min_answered: int = 1) -> float | None:
        """The score `answered` steps earn with these points out of `max_points` in all: 0-100,
        to one decimal, or None when fewer than `min_answered` (or none) were answered."""
        if answered < min_answered or not answered:
            return None
        return round(100 * points / max_points, 1)

    @classmethod
    def from_steps(
        cls, *, scorer: str, dimension: str, steps: list[Step], asked: int, text: dict | None = None,
        min_answered: int = 1,
    ) -> Finding:
        """A finding whose score follows from `steps` (None when fewer than `min_answered`)."""
        answered = len(steps)
        score = cls.score_of(sum(s.points for s in steps), sum(s.max_points for s in steps), answered, min_answered)
        return cls(
            scorer=scorer,
            dimension=dimension,
            score=score,
            coverage=Coverage(answered=answered, asked=asked),
            questions=[s.question for s in steps if s.question],
            values={s.question: s.answer for s in steps if s.question},
            steps=steps,
            text=text or {},
        )


Interval = tuple[float, float]


class Shares(Model):
    """The cohort split against the company's answer, each share an interval [low, high] in %.

    Worked out by the tool from the report's figures (`derived` is always true): the report
    never prints them. On a multi question `equal` also counts the respondents with a different
    mix of practices, neither a subset nor a superset of the company's.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    worse: Interval = Field(description="Share of the cohort whose answer is strictly worse.")
    equal: Interval = Field(description="Share whose answer is neither worse nor better.")
    better: Interval = Field(description="Share whose answer is strictly better.")
    percentile: Interval = Field(description="[worse, worse + equal]: never a midpoint.")
    derived: Literal[True] = True


class FigureUse(Model):
    """One report number a placement rests on, with its provenance."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    options: list[str] | None = None
    value: float | tuple[float, float] | None = None
    distribution: dict[str, float] | None = None
    comparator: Comparator = "exact"
    better: Literal["higher", "lower"] = "higher"
    source: str
    confidence: Confidence
    fact_id: str | None = None
    alternative: Text | None = None


class SetAside(Model):
    """A report number on the question that the placement does not use, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    figure: str
    source: str
    confidence: Confidence
    reason: Text


class Placement(Model):
    """Where the company stands against one cohort on one question: one verdict.

    Every figure the cohort has on the question is combined into one picture (`shares`), the
    verdict read from it (docs/cohorts.md). `certain` is false when the verdict would change
    somewhere inside the intervals; `could_be` lists the verdicts it could change to. The first
    figure used is repeated in `figure`, `value`… for outputs that show one number; `figures`
    lists them all. Frozen: placing is memoised, so the same placement may appear in several
    results.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    cohort: str
    question: QuestionId
    answer: AnswerValue = None
    figure: str | None = Field(None, description="The first figure used; none when there is no benchmark.")
    verdict: Verdict
    certain: bool = Field(True, description="False when the verdict could change inside the intervals.")
    could_be: list[Verdict] = Field(
        default_factory=list, description="The other verdicts the intervals allow."
    )
    shares: Shares | None = Field(None, description="Worse / equal / better and the percentile (derived).")
    figures: list[FigureUse] = Field(default_factory=list, description="Every figure combined.")
    set_aside: list[SetAside] = Field(
        default_factory=list, description="Figures on the question not used, each with the reason."
    )
    value: float | tuple[float, float] | None = None
    options: list[str] | None = None
    comparator: Comparator | None = None
    better: Literal["higher", "lower"] | None = None
    source: str | None = None
    confidence: Confidence | None = None
    fact_id: str | None = None
    alternative: Text | None = None
    text: Text = Field(
        default_factory=dict,
        description="The placement in words: the report's figures as given, then what is derived.",
    )


class CohortMembership(Model):
    id: str
    source: str = Field(description="Id of the cohort file it comes from.")
    origin: Literal["report", "portfolio"] = "report"
    label: Text
    n: int | None = None
    member: bool
    always_compared: bool = False


class DimensionResult(Model):
    id: str
    label: Text = Field(default_factory=dict)
    score: float | None = None
    stage: str | None = None
    weight: float = 0
    coverage: Coverage
    scorers: list[str] = Field(default_factory=list)
    in_overall: Literal["weighted", "apart"] = Field(
        "weighted",
        description="weighted: counts toward the overall stage with the stage model's weight; "
        "apart: shown on its own, never in the overall stage (a plugin's choice).",
    )
    provisional: bool = Field(False, description="Too few answers (or too low a coverage) to count as certain.")
    low: float | None = Field(None, description="The score with every open answer at its worst option.")
    high: float | None = Field(None, description="The score with every open answer at its best option.")
    open: list[str] = Field(
        default_factory=list, description="Its questions still open (skipped, don't know, unanswered)."
    )
    low_steps: list[Step] = Field(
        default_factory=list, description="The steps behind `low`, when it differs from the score."
    )
    high_steps: list[Step] = Field(
        default_factory=list, description="The steps behind `high`, when it differs from the score."
    )


class HeldBack(Model):
    """A stage whose score is reached but whose requirements are not all met."""

    stage: str
    missing: list[str] = Field(description="Ids of the requirements not met.")
    text: Text = Field(default_factory=dict, description="What is missing, in words.")


class OverallResult(Model):
    score: float | None = Field(None, description="What the answers guarantee: open answers at their worst.")
    stage: str | None = Field(None, description="The stage the answers guarantee (score and requirements).")
    coverage: float = Field(0, description="Share of the weighted dimensions that could be scored.")
    high: float | None = Field(None, description="The score with every open answer at its best.")
    best_stage: str | None = Field(None, description="The highest stage the open answers could still give.")
    open: int = Field(0, description="Open questions that could change the stage.")
    held_back: HeldBack | None = None
    weakest: str | None = Field(None, description="The weighted dimension with the lowest guaranteed score.")
    provisional: list[str] = Field(default_factory=list, description="Dimensions scored on too few answers.")


class NextAction(Model):
    phase: str
    id: str
    text: Text
    reason: Text = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    rank: int = Field(0, description="1 for the first thing to do, in the playbook's order.")
    gap: Text = Field(
        default_factory=dict, description="The answers that call for this action, in words."
    )
    answers: dict[str, AnswerValue] = Field(
        default_factory=dict,
        description="Question id → the answer that triggered it (null: not answered).",
    )


class PhaseStatus(Model):
    id: str
    title: Text
    summary: Text | None = None
    status: Literal["completed", "current", "later", "not_applicable"] = Field(
        description="completed: the company reports it done (whatever the order); "
        "not_applicable: every answer it rests on is 'not applicable'."
    )


class PlaybookFit(Model):
    """A playbook weighed for the company: its fit points, or why it was set aside."""

    playbook: str
    title: Text
    fit: float = 0
    set_aside: bool = Field(False, description="Its applies_when excludes the company.")
    because: Text = Field(default_factory=dict, description="The answers behind it, in words.")


class RoadmapResult(Model):
    playbook: str
    title: Text
    why: Text
    because: Text = Field(
        default_factory=dict, description="Why this playbook was chosen, on the whole profile."
    )
    fit: float | None = Field(None, description="The chosen playbook's fit points.")
    considered: list[PlaybookFit] = Field(
        default_factory=list, description="The other playbooks, best fit first, set-aside last."
    )
    source: str | None = None
    phases: list[PhaseStatus] = Field(
        default_factory=list, description="Every phase with its status."
    )
    completed: list[str] = Field(default_factory=list, description="Phases done, in order.")
    current: str | None = Field(None, description="The phase the company is in; none when all are done.")
    next_actions: list[NextAction] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    constraints: list[Evidence] = Field(default_factory=list)


class Conflict(Model):
    """A consistency rule the company's answers break (confirmed by the consultant or not)."""

    rule: str
    message: Text
    questions: list[str] = Field(default_factory=list, description="The questions of the pair.")
    answers: dict[str, AnswerValue] = Field(default_factory=dict, description="Their answers.")


class MissingAnswer(Model):
    question: str
    state: AnswerState | Literal["unanswered"]
    dimensions: list[str] = Field(default_factory=list)


class PluginStatus(Model):
    name: str
    version: str | None = None
    origin: Literal["built-in", "folder", "package"]
    error: str | None = None


class Highlight(Model):
    """A strength or a gap of the executive summary: the strongest verdict on one question."""

    question: QuestionId
    cohort: str
    verdict: Verdict
    certain: bool = True
    share: Interval = Field(
        description="The share of the cohort that answered worse (a strength) or better (a gap); derived."
    )
    source: str | None = None
    confidence: Confidence | None = None


class ExecutiveAction(Model):
    """One of the roadmap's next actions as the executive summary lists it."""

    rank: int
    phase: str
    text: Text
    reason: Text = Field(default_factory=dict, description="Why this company: its answers, else the playbook's reason.")


class Executive(Model):
    """The executive summary, chosen once from the result and read by every output: the stage
    (the overall result holds its range), three strengths and three gaps against the cohorts
    (certain verdicts first, then the largest share), and the roadmap's first three actions."""

    strengths: list[Highlight] = Field(default_factory=list)
    gaps: list[Highlight] = Field(default_factory=list)
    actions: list[ExecutiveAction] = Field(default_factory=list)


class Result(Model):
    """The result document: what `score --format json` prints and every renderer reads."""

    result_format: Literal[1] = 1
    tool_version: str
    questionnaire: QuestionnaireRef
    questionnaire_title: Text = Field(default_factory=dict)
    model: dict[str, Any] = Field(default_factory=dict, description="Id, version and title of the stage model.")
    company: Company
    language: Lang
    assessed: datetime | None = None
    cohort_sources: list[dict[str, Any]] = Field(default_factory=list)
    cohorts: list[CohortMembership] = Field(default_factory=list)
    overall: OverallResult = Field(default_factory=OverallResult)
    dimensions: list[DimensionResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    placements: list[Placement] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    roadmap: RoadmapResult | None = None
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Consistency rules the answers break."
    )
    missing: list[MissingAnswer] = Field(default_factory=list)
    plugins: list[PluginStatus] = Field(default_factory=list)
    executive: Executive | None = Field(None, description="The executive summary every output opens with.")
