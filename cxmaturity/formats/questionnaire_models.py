"""The questionnaire and the assessment formats, and the condition language they share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field, model_validator

from cxmaturity.formats.model_base import (
    AnswerState,
    FormatOne,
    Lang,
    Model,
    OptionId,
    QuestionId,
    QuestionType,
    Slug,
    Text,
)

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
    title: Text | None = Field(
        None,
        description="Required, except in a questionnaire that extends another, for a section that "
        "adds questions to the base's section of the same id (it keeps the base's title).",
    )
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
    extend: QuestionnaireRef | None = Field(
        None,
        description="The registered questionnaire ({id, version}) this one adds sections or "
        "questions to; the base's ids are kept, so its cohorts and scorers still apply.",
    )
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
    # An id, looked up among the registered questionnaires: never a path to open.
    id: Slug
    version: int = Field(ge=1)


class Company(Model):
    id: Slug
    name: str = Field(min_length=1)


class Assessment(Model):
    format: FormatOne = 1
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
    conclusions: str | None = Field(
        None, description="The consultant's own conclusions (Markdown), shown in the reports as their own section."
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
