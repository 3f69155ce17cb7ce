"""The scorer contract: what a plugin's scorer receives and must return."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .models import Assessment, CohortMembership, Finding, Questionnaire


@dataclass(frozen=True)
class ScoringContext:
    """What a scorer sees: the assessment, its questionnaire, the company's cohorts and the
    language."""

    assessment: Assessment
    questionnaire: Questionnaire
    cohorts: list[CohortMembership] = field(default_factory=list)
    language: str = "en"

    @cached_property
    def answers(self) -> dict[str, Any]:
        """Question id → value, for the questions actually answered (computed once per context)."""
        return self.assessment.answered()

    def asked(self, question_id: str) -> bool:
        """Whether the question was put to the company (answered, skipped, n/a or don't know)."""
        return question_id in self.assessment.answers

    def applies(self, question_id: str) -> bool:
        """Whether the question is one the company should answer: it is in the questionnaire
        and its `when` holds. A scorer counts these (and only these) as asked in its coverage,
        so a question that a shorter questionnaire leaves out, or that a condition skips,
        neither lowers the coverage nor the score.
        """
        question = self.questionnaire.question(question_id)
        if question is None:
            return False
        if question.when is None:
            return True
        from .conditions import evaluate  # only scorers of conditional questions need it

        return evaluate(question.when, self.answers, self.questionnaire)

    def value(self, question_id: str) -> Any:
        """The answer's value, or None when the question was not answered (skipped, not
        applicable, don't know, or never reached)."""
        return self.answers.get(question_id)

    def option_label(self, question_id: str, option_id: str) -> dict[str, str]:
        """The option's label in every language (``{en, fr}``); the id itself when unknown."""
        question = self.questionnaire.question(question_id)
        option = question.option(option_id) if question else None
        return dict(option.label) if option else {"en": option_id, "fr": option_id}


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
