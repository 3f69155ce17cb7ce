"""The file formats and the result document, as pydantic models.

Every model forbids unknown keys, so a misspelled field is reported where it is rather than
silently ignored. Cross-references between files (a `when` naming a later question, an answer
outside a question's options) are checked in `loader.py`, which knows the file and the line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Lang = Literal["en", "fr"]
LANGUAGES: tuple[str, ...] = ("en", "fr")

#: A text in several languages: ``{en: "…", fr: "…"}``.
Text = dict[Lang, Annotated[str, StringConstraints(min_length=1)]]

QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")]
OptionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]

QuestionType = Literal["single", "multi", "scale", "band", "number", "text"]
AnswerState = Literal["answered", "skipped", "not_applicable", "dont_know"]
#: Where a number comes from: said in the report's prose, read from one of its charts (label
#: certain or not), ``derived`` (computed from the report's prose or, for the shares and
#: percentiles of a placement, by this tool: never printed by the report), or the consultant's
#: own ``portfolio`` of assessments.
Confidence = Literal["stated", "figure_unambiguous", "figure_ambiguous", "derived", "portfolio"]
Comparator = Literal["exact", "about", "more_than", "less_than", "range"]
Verdict = Literal["ahead", "level", "behind", "no_benchmark"]


def tr(text: dict[str, str] | None, lang: str) -> str:
    """The text in `lang`, else in English, else in whatever language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))


class Model(BaseModel):
    # Schemas are built on first use, so a command pays only for the models it touches.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


# --- conditions --------------------------------------------------------------------------


class Condition(Model):
    """One condition language for `when`, `member_when`, `applies_when` and `done_when`.

    Exactly one form: ``{q, in}``, ``{q, gte}``/``{q, lte}``, ``{q, answered}``,
    ``{dimension, gte}``/``{dimension, lte}``, ``{all: […]}``, ``{any: […]}``, ``{not: …}``.
    """

    q: QuestionId | None = Field(None, description="The question the test applies to.")
    in_: list[OptionId] | None = Field(
        None, alias="in", description="True if the answer (or, for multi, any selected option) is one of these."
    )
    gte: float | OptionId | None = Field(
        None, description="At least: a number, a count of selected options (multi), or an option id (ordered)."
    )
    lte: float | OptionId | None = Field(None, description="At most; same forms as gte.")
    answered: bool | None = Field(None, description="True if the question has (or has not) been answered.")
    dimension: str | None = Field(None, description="A dimension score (playbooks only).")
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        heads = [k for k in ("q", "dimension", "all", "any", "not_") if getattr(self, k) is not None]
        if len(heads) != 1:
            raise ValueError("a condition needs exactly one of q, dimension, all, any, not")
        tests = [k for k in ("in_", "gte", "lte", "answered") if getattr(self, k) is not None]
        if self.q is not None:
            if not tests:
                raise ValueError("a condition on q needs one of in, gte, lte, answered")
            if ("in_" in tests or "answered" in tests) and len(tests) > 1:
                raise ValueError("in and answered cannot be combined with another test")
        elif self.dimension is not None:
            if not tests or "in_" in tests or "answered" in tests:
                raise ValueError("a condition on a dimension takes gte and/or lte")
            if any(isinstance(getattr(self, k), str) for k in ("gte", "lte")):
                raise ValueError("a dimension threshold is a number")
        elif tests:
            raise ValueError("in, gte, lte and answered apply only to q or dimension")
        return self

    def questions(self) -> list[str]:
        """The question ids this condition reads, in order of appearance."""
        if self.q is not None:
            return [self.q]
        out: list[str] = []
        for child in (self.all or []) + (self.any or []) + ([self.not_] if self.not_ else []):
            out.extend(child.questions())
        return out

    def walk(self):
        """This condition and every condition nested in it."""
        yield self
        for child in (self.all or []) + (self.any or []) + ([self.not_] if self.not_ else []):
            yield from child.walk()


# --- questionnaire -----------------------------------------------------------------------


class Option(Model):
    id: OptionId
    label: Text
    low: float | None = Field(None, description="Band only: lower edge, inclusive; none for open.")
    high: float | None = Field(None, description="Band only: upper edge, exclusive; none for open.")


class SourceRef(Model):
    ref: str = Field(description="The report's figure or section, e.g. 'Figure 2'.")
    facts: list[str] = Field(default_factory=list, description="Fact ids in the report extraction.")


class Question(Model):
    id: QuestionId
    type: QuestionType
    text: Text
    short: Text | None = Field(
        None, description="A few words naming the question, for tables and reports (the text when absent)."
    )
    help: Text | None = None
    ordered: bool = Field(False, description="Single only: options go from least to most mature.")
    options: list[Option] = Field(default_factory=list)
    exclusive: OptionId | None = Field(None, description="Multi only: the 'none of these' option.")
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    group: str | None = Field(None, description="Id of a group of this section: rows shown together.")
    when: Condition | None = None
    source: SourceRef | None = None

    @model_validator(mode="after")
    def _shape(self) -> Question:
        with_options = self.type in ("single", "multi", "band")
        if with_options and len(self.options) < 2:
            raise ValueError(f"a {self.type} question needs at least two options")
        if not with_options and self.options:
            raise ValueError(f"a {self.type} question takes no options")
        ids = [o.id for o in self.options]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate option id {', '.join(dup)}")
        if self.exclusive is not None:
            if self.type != "multi":
                raise ValueError("exclusive applies only to multi questions")
            if self.exclusive not in ids:
                raise ValueError(f"exclusive names option '{self.exclusive}', which is not defined")
        if self.type == "scale" and (self.min is None or self.max is None):
            raise ValueError("a scale question needs min and max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        if self.ordered and self.type != "single":
            raise ValueError("ordered applies only to single questions (band and scale are always ordered)")
        return self

    @property
    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    @property
    def is_ordered(self) -> bool:
        return self.type in ("band", "scale") or (self.type == "single" and self.ordered)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Group(Model):
    id: QuestionId
    title: Text


class Section(Model):
    id: Slug
    title: Text
    groups: list[Group] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)


class Replaces(Model):
    """Declared by a newer questionnaire so that assessments of the older one can be compared."""

    id: str
    version: int
    questions: dict[str, QuestionId] = Field(
        default_factory=dict, description="Old question id → new question id, where the id changed."
    )


class ConsistencyRule(Model):
    """Two answers that cannot both be true. When both conditions hold, the interview asks the
    consultant to confirm or correct, and every output lists the rule while it stands."""

    id: Slug
    conflict: list[Condition] = Field(
        min_length=2, max_length=2, description="The two conditions that cannot both hold."
    )
    message: Text = Field(description="What does not add up, in the client's words.")


class Questionnaire(Model):
    id: Slug
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    languages: list[Lang] = Field(default_factory=lambda: ["en", "fr"])
    source: SourceRef | None = None
    replaces: Replaces | None = None
    sections: list[Section] = Field(min_length=1)
    consistency: list[ConsistencyRule] = Field(
        default_factory=list, description="Pairs of answers that cannot both be true."
    )

    def model_post_init(self, _context: Any) -> None:
        self._questions = [q for s in self.sections for q in s.questions]
        self._by_id = {q.id: q for q in reversed(self._questions)}  # first wins on duplicates
        self._section_of = {q.id: s for s in self.sections for q in s.questions}

    @property
    def questions(self) -> list[Question]:
        """Every question, in the order asked."""
        return self._questions

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def section_of(self, question_id: str) -> Section:
        return self._section_of[question_id]


# --- assessment --------------------------------------------------------------------------

AnswerValue = str | list[str] | int | float | None


class Answer(Model):
    state: AnswerState = "answered"
    value: AnswerValue = None
    note: str | None = None
    note_private: bool = Field(False, description="Keep the note out of every client report.")
    at: datetime | None = None

    @model_validator(mode="after")
    def _value_matches_state(self) -> Answer:
        if self.state == "answered" and self.value is None:
            raise ValueError("an answered question needs a value")
        if self.state != "answered" and self.value is not None:
            raise ValueError(f"a {self.state} answer takes no value")
        return self


class QuestionnaireRef(Model):
    id: str
    version: int


class Company(Model):
    id: Slug
    name: str = Field(min_length=1)


class Assessment(Model):
    format: Literal[1] = 1
    tool_version: str | None = None
    questionnaire: QuestionnaireRef
    company: Company
    language: Lang = "en"
    created: datetime | None = None
    updated: datetime | None = None
    # The bare-value form is in the type so that the JSON Schema accepts it too; the
    # validator below turns every bare value into an Answer before validation.
    answers: dict[QuestionId, Answer | AnswerValue] = Field(
        default_factory=dict,
        description="Question id → {state, value, note, note_private, at}, or a bare value (answered).",
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_values(cls, data: Any) -> Any:
        # `invest.front_office: heavily` is read as an answered question, so that
        # hand-written answer files stay short.
        if isinstance(data, dict) and isinstance(data.get("answers"), dict):
            data = dict(data)
            data["answers"] = {
                k: v if isinstance(v, dict) else {"state": "answered", "value": v}
                for k, v in data["answers"].items()
            }
        return data

    def answered(self) -> dict[str, Any]:
        """Question id → value, for the questions actually answered."""
        return {k: a.value for k, a in self.answers.items() if a.state == "answered"}


# --- cohorts -----------------------------------------------------------------------------


class Share(Model):
    value: float = Field(ge=0, le=100)
    fact_id: str | None = None


class Figure(Model):
    """One number (or one distribution) the report gives for a cohort on a question."""

    id: Slug
    cohort: str
    question: QuestionId
    options: list[OptionId] | None = Field(None, description="The options the share counts.")
    value: float | tuple[float, float] | None = Field(None, description="Percent, or [low, high] for a range.")
    distribution: dict[OptionId, Share] | None = Field(
        None, description="A whole distribution: option → share."
    )
    comparator: Comparator = "exact"
    better: Literal["higher", "lower"] = "higher"
    source: str
    confidence: Confidence
    fact_id: str | None = None
    alternative: Text | None = Field(None, description="The other reading of an ambiguous chart.")
    note: Text | None = None
    matches: bool = Field(
        True,
        description="False when the number measures something other than what the question asks: "
        "it is shown beside the placement, never used for it (`mismatch` says why).",
    )
    mismatch: Text | None = Field(
        None, description="Why the number does not match the question (with `matches: false`)."
    )

    @model_validator(mode="after")
    def _shape(self) -> Figure:
        if self.matches == (self.mismatch is not None):
            raise ValueError("matches: false goes with a mismatch reason ({en, fr}), and only with it")
        if (self.distribution is None) == (self.value is None):
            raise ValueError("a figure has either value or distribution")
        if self.value is not None and not isinstance(self.value, tuple) and not self.options:
            raise ValueError("a single share needs the options it counts")
        if (self.comparator == "range") != isinstance(self.value, tuple):
            raise ValueError("a [low, high] value goes with comparator: range, and only with it")
        if self.confidence == "figure_ambiguous" and self.alternative is None:
            raise ValueError("an ambiguous figure needs its alternative reading")
        return self


class Statement(Model):
    """A qualitative finding: text and source, no number."""

    id: Slug
    cohort: str
    question: QuestionId | None = None
    text: Text
    source: str
    confidence: Confidence
    fact_id: str | None = None


class CohortDef(Model):
    id: Slug
    label: Text
    n: int | None = Field(None, description="Respondents in the cohort; none where the report does not say.")
    member_when: Condition | None = Field(None, description="None: every company is a member.")
    always_compared: bool = False
    definition: Text | None = None
    source: str | None = None


class Survey(Model):
    n: int | None = None
    fieldwork: str | None = None
    countries: int | None = None
    interviews: int | None = None
    publisher: str | None = None
    first: str | None = Field(None, description="Portfolio cohorts: the earliest assessment date.")
    last: str | None = Field(None, description="Portfolio cohorts: the latest assessment date.")


class Thresholds(Model):
    """The tool's verdict thresholds (docs/cohorts.md): what a clear majority is.

    Ahead when at least `ahead_from`% of the cohort answered worse than the company; behind
    when at least ``100 - behind_below``% answered better (the company's percentile cannot
    exceed `behind_below`). Each must leave the other side more than half of the cohort, so
    no company can be both.
    """

    ahead_from: float = Field(60, gt=50, le=100, description="Share answering worse from which a company is ahead.")
    behind_below: float = Field(
        40, ge=0, lt=50, description="A company whose percentile cannot exceed this is behind."
    )


class CohortFile(Model):
    format: Literal[1] = 1
    id: Slug
    title: Text
    origin: Literal["report", "portfolio"] = "report"
    questionnaire: str
    survey: Survey
    placement: Thresholds = Field(default_factory=Thresholds)
    cohorts: list[CohortDef] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)


# --- playbooks and the stage model -------------------------------------------------------


class Evidence(Model):
    text: Text
    source: str
    confidence: Confidence
    fact_id: str | None = None


class Action(Model):
    id: Slug
    text: Text
    needed_unless: Condition | None = Field(None, description="The action is done once this holds.")
    reason: Text | None = None
    facts: list[str] = Field(
        default_factory=list,
        description="Fact ids of the phase's evidence that support this action; none: all of it.",
    )


class Kpi(Model):
    id: Slug
    text: Text
    source: str | None = None


class Phase(Model):
    id: Slug
    title: Text
    summary: Text | None = None
    done_when: Condition
    actions: list[Action] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_facts(self) -> Phase:
        known = {e.fact_id for e in self.evidence if e.fact_id}
        for action in self.actions:
            unknown = [f for f in action.facts if f not in known]
            if unknown:
                raise ValueError(
                    f"action '{action.id}' cites {', '.join(unknown)}, not in this phase's evidence"
                )
        return self


class Constraint(Evidence):
    """A limit the playbook works under, shown only where its `when` holds (the GDPR in Europe,
    the data-protection rules of the company's own country elsewhere)."""

    when: Condition | None = Field(None, description="Shown only when this holds; none: always.")


class Fit(Model):
    """One trait of the company's profile that makes a playbook fit, and how much it counts."""

    when: Condition
    weight: float = Field(1, gt=0, description="Points the trait adds to the playbook's fit.")


class Playbook(Model):
    format: Literal[1] = 1
    id: Slug
    title: Text
    applies_when: Condition | None = Field(
        None, description="Who may be given the playbook at all; none: every company."
    )
    fit: list[Fit] = Field(
        default_factory=list,
        description="Profile traits that make it fit; the playbook with the most points wins.",
    )
    priority: int = Field(0, description="When several fit equally, the highest priority wins.")
    why: Text
    source: str
    constraints: list[Constraint] = Field(default_factory=list)
    phases: list[Phase] = Field(min_length=1)


class Requirement(Model):
    """What a stage asks for beyond its score: a condition on the answers (or dimension scores)."""

    id: Slug
    label: Text = Field(description="What is required, in words: named when it holds a company back.")
    when: Condition


class Stage(Model):
    id: Slug
    label: Text
    min_score: float = Field(ge=0, le=100)
    description: Text | None = None
    requires: list[Requirement] = Field(
        default_factory=list, description="Conditions the stage needs besides its score; all must hold."
    )


class ScoredWhen(Model):
    """How many of a dimension's answers it needs to be scored as certain (else provisional)."""

    min_answers: int = Field(2, ge=1, description="Answers needed (or every asked question, when fewer).")
    min_coverage: float = Field(0.6, ge=0, le=1, description="Answered / asked needed.")


class DimensionWeight(Model):
    id: Slug
    label: Text
    weight: float = Field(ge=0)


class StageModel(Model):
    format: Literal[1] = 1
    id: Slug
    version: int
    title: Text
    note: Text
    stages: list[Stage] = Field(min_length=2)
    dimensions: list[DimensionWeight] = Field(min_length=1)
    scored_when: ScoredWhen = Field(default_factory=ScoredWhen)


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

    @classmethod
    def from_steps(
        cls, *, scorer: str, dimension: str, steps: list[Step], asked: int, text: dict | None = None,
        min_answered: int = 1,
    ) -> Finding:
        """A finding whose score follows from `steps` (None when fewer than `min_answered`)."""
        answered = len(steps)
        score = None
        if answered >= min_answered and steps:
            score = round(100 * sum(s.points for s in steps) / sum(s.max_points for s in steps), 1)
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
