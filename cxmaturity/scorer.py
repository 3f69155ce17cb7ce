"""The scorer contract: what a plugin's scorer receives and must return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .models import Assessment, CohortMembership, Finding, Questionnaire


@dataclass(frozen=True)
class ScoringContext:
    """What a scorer sees: the assessment, its questionnaire, the company's cohorts, the language."""

    assessment: Assessment
    questionnaire: Questionnaire
    cohorts: list[CohortMembership] = field(default_factory=list)
    language: str = "en"

    @property
    def answers(self) -> dict[str, Any]:
        """Question id → value, for the questions actually answered."""
        return self.assessment.answered()

    def asked(self, question_id: str) -> bool:
        """Whether the question was put to the company (answered, skipped, n/a or don't know)."""
        return question_id in self.assessment.answers


class Scorer:
    """Base class of every scorer. Subclass it and set `name` and `dimension`.

    `score(ctx)` returns findings (usually one) for `dimension`, built with
    ``Finding.from_steps`` so that the arithmetic travels with the score. Skipped,
    not-applicable and don't-know answers are left out of a score, never counted as zero.
    """

    name: str = ""
    dimension: str = ""
    version: str | None = None
    #: The question ids this scorer reads, answered or not: a missing answer to one of them
    #: is reported against this scorer's dimension.
    questions: tuple[str, ...] = ()

    def score(self, ctx: ScoringContext) -> list[Finding]:
        """The findings for `dimension` (usually one); override it."""
        raise NotImplementedError
