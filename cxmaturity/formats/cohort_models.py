"""The cohort data format: the survey, its cohorts, their figures and statements."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from cxmaturity.formats.model_base import Comparator, Confidence, FormatOne, Model, OptionId, QuestionId, Slug, Text
from cxmaturity.formats.questionnaire_models import Condition

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
    value: float | tuple[float, float] | None = Field(
        None, description="Percent (0-100) with options; without them, [low, high]: the cohort's average answer."
    )
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

    @field_validator("value")
    @classmethod
    def _share_in_range(cls, value: Any, info: ValidationInfo) -> Any:
        # With options, the value is the share of the cohort that chose them: a percentage.
        if value is not None and info.data.get("options") is not None:
            for v in value if isinstance(value, tuple) else (value,):
                if not 0 <= v <= 100:
                    raise ValueError(f"a share is a percentage from 0 to 100, not {v:g}")
        return value


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
    n: int | None = Field(None, ge=1, description="Respondents in the cohort; none where the report does not say.")
    member_when: Condition | None = Field(None, description="None: every company is a member.")
    always_compared: bool = False
    definition: Text | None = None
    source: str | None = None


class Survey(Model):
    n: int | None = Field(None, ge=1)
    fieldwork: str | None = None
    countries: int | None = Field(None, ge=1)
    interviews: int | None = Field(None, ge=0)
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
    format: FormatOne = 1
    id: Slug
    title: Text
    origin: Literal["report", "portfolio"] = "report"
    questionnaire: Slug = Field(description="The id of the questionnaire the figures answer (an id, never a path).")
    survey: Survey
    placement: Thresholds = Field(default_factory=Thresholds)
    cohorts: list[CohortDef] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
