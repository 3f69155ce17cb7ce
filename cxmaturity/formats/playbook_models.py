"""The playbook format and the stage model."""

from __future__ import annotations

from pydantic import Field, model_validator

from cxmaturity.formats.model_base import Confidence, FormatOne, Model, Slug, Text
from cxmaturity.formats.questionnaire_models import Condition

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
    format: FormatOne = 1
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
    format: FormatOne = 1
    id: Slug
    version: int
    title: Text
    note: Text
    stages: list[Stage] = Field(min_length=2)
    dimensions: list[DimensionWeight] = Field(min_length=1)
    scored_when: ScoredWhen = Field(default_factory=ScoredWhen)
