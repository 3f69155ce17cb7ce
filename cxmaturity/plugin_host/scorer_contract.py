"""The scorer contract: what a plugin's scorer receives and must return."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from math import ceil
from typing import Any

from cxmaturity.formats.models import Assessment, CohortMembership, Condition, Finding, Questionnaire, Step


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
        from cxmaturity.formats.conditions import evaluate  # only scorers of conditional questions need it

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

    Optional: ``score_batch(contexts) -> list[list[Finding] | None]`` scores many assessments
    at once for ``cxmaturity batch`` (each list equal to what ``score`` gives that context;
    None leaves a context to ``score``). A scorer without it is run row by row, and the batch
    output names it (docs/plugin-hooks.md).
    """

    name: str = ""
    dimension: str = ""
    version: str | None = None
    #: The question ids this scorer reads, answered or not: a missing answer to one of them
    #: is reported against this scorer's dimension.
    questions: tuple[str, ...] = ()
    #: The dimension's label in English and French (``{"en": …, "fr": …}``), which every output
    #: shows instead of the dimension's id. A dimension of the stage model keeps the model's label.
    dimension_label: dict[str, str] = {}
    #: How the dimension enters the stage model: ``"weighted"`` (it counts toward the overall
    #: stage with the weight the stage model gives it: none in the bundled model, so a user
    #: weighs it with ``--weights FILE``) or ``"apart"`` (shown on its own, never in the
    #: overall stage, whatever the weights say).
    in_overall: str = "weighted"
    #: Other questions whose answers change this scorer's findings (not counted as asked):
    #: when one of them is filled in to show a stage's range, the scorer scores again.
    also_reads: tuple[str, ...] = ()

    def score(self, ctx: ScoringContext) -> list[Finding]:
        """The findings for `dimension` (usually one); override it."""
        raise NotImplementedError

    def extremes(self, ctx: ScoringContext, question_id: str) -> tuple[Any, Any] | None:
        """The (worst, best) answer to `question_id` for this scorer, used to show the range a
        stage could take while the question is open; None lets the engine use the options'
        order (least to most mature). Override it when a lower option scores better."""
        return None


@dataclass(frozen=True)
class Gate:
    """A condition the points depend on besides each answer: a `QuestionScorer`'s `gate`.

    `when` is a condition in the questionnaires' language (``{"any": [{"q": …, "in": […]}]}``,
    or a `Condition`) over the company's answers, such as "an AI tool is in service". Where it
    holds, the scorer scores as usual. Where it does not, every step is kept with no points and
    `note` added to its label, and a finding with enough answers says `text` (both ``{en, fr}``)
    instead of `describe`'s. Name the questions `when` reads in the scorer's `also_reads`.
    Being data, a gate keeps the scorer batchable: `score_batch` applies it row by row.
    """

    when: Condition | dict
    text: dict[str, str]
    note: dict[str, str]

    def __post_init__(self) -> None:
        if not isinstance(self.when, Condition):  # checked once, when the plugin is imported
            object.__setattr__(self, "when", Condition.model_validate(self.when))

    def holds(self, ctx: ScoringContext) -> bool:
        """Whether the company's answers meet `when`."""
        from cxmaturity.formats.conditions import evaluate

        return evaluate(self.when, ctx.answers, ctx.questionnaire)

    def close(self, step: Step) -> Step:
        """`step` with no points, its label saying why."""
        label = {lang: text + self.note[lang] for lang, text in (step.label or {}).items()}
        return step.model_copy(update={"points": 0, "label": label})


class QuestionScorer(Scorer):
    """A scorer that scores each of its `questions` on its own and adds the points up.

    Subclass it, set `name`, `dimension` and `questions`, and write `step` (and usually
    `describe`); `score` does the rest, the same way for every scorer built on it:

    - a question counts as asked only when ``ctx.applies`` it (in the questionnaire, its `when`
      holding), and only those are offered to `step`, in the order of `questions`;
    - ``step(ctx, question_id, value)`` turns one answer into a `Step`, or None when the value
      earns nothing to score (``value`` is ``ctx.value(question_id)``: None when skipped, not
      applicable, "don't know" or never reached), so such an answer is left out, never zero;
    - a score needs at least `min_answered(asked)` steps: half the asked questions, rounded
      up, and at least one;
    - the finding's text is ``describe(ctx, steps)`` when there are enough steps, otherwise
      `too_few` (``{lang: template}``, with ``{answered}`` and ``{asked}`` filled in);
    - the finding is ``Finding.from_steps`` over the steps, so the arithmetic travels with it;
    - a `gate` (optional) sets every step to no points where the company's other answers do
      not meet its condition (the outcomes scorer: no AI tool in service, no outcome points).

    `PointsScorer` declares all of this as data: points per option, labels, wording.
    Override `score` itself for anything else (several findings, answers read together).
    """

    #: Said instead of a score when too few questions were answered; set your own wording.
    too_few: dict[str, str] = {
        "en": "Too few questions answered to score ({answered} of {asked}).",
        "fr": "Trop peu de réponses pour noter ({answered} sur {asked}).",
    }
    #: A condition on the company's other answers that the points depend on (a `Gate`), or None.
    gate: Gate | None = None

    def step(self, ctx: ScoringContext, question_id: str, value: Any) -> Step | None:
        """The step one answer earns, or None when it earns none; override it."""
        raise NotImplementedError

    def describe(self, ctx: ScoringContext, steps: list[Step]) -> dict[str, str]:
        """The finding's text in every language, when enough was answered to score."""
        return {}

    def min_answered(self, asked: int) -> int:
        """How many steps a score needs: half the asked questions, rounded up, at least one."""
        return max(1, ceil(asked / 2))

    def score(self, ctx: ScoringContext) -> list[Finding]:
        """One finding for `dimension`, built from one step per answered question."""
        steps, asked = [], 0
        for question_id in self.questions:
            if not ctx.applies(question_id):
                continue
            asked += 1
            step = self.step(ctx, question_id, ctx.value(question_id))
            if step is not None:
                steps.append(step)
        return [self.finding(ctx, steps, asked)]

    def finding(self, ctx: ScoringContext, steps: list[Step], asked: int) -> Finding:
        """The finding the steps earn out of `asked` questions, with its text (`describe`,
        `too_few`, or the `gate`'s when it is closed); `score` and `score_batch` both end here."""
        needed = self.min_answered(asked)
        enough = len(steps) >= needed
        if self.gate is not None and not self.gate.holds(ctx):
            steps = [self.gate.close(step) for step in steps]
            text = self.gate.text if enough else self.too_few_text(len(steps), asked)
        else:
            text = self.describe(ctx, steps) if enough else self.too_few_text(len(steps), asked)
        return Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=steps,
                                  asked=asked, min_answered=needed, text=text)

    def too_few_text(self, answered: int, asked: int) -> dict[str, str]:
        """`too_few` with the counts filled in."""
        return {lang: msg.format(answered=answered, asked=asked) for lang, msg in self.too_few.items()}

    def extremes(self, ctx: ScoringContext, question_id: str) -> tuple[Any, Any] | None:
        """The answers that earn the fewest and the most points (as a share of the maximum),
        found by asking `step` about each option; ties keep the options' order."""
        question = ctx.questionnaire.question(question_id)
        if question is None or not question.options:
            return None
        if question.type == "multi":
            others = [o.id for o in question.options if o.id != question.exclusive]
            candidates = [[question.exclusive] if question.exclusive else [], others]
        else:
            candidates = [o.id for o in question.options]
        rated = []
        for value in candidates:
            step = self.step(ctx, question_id, value)
            if step is not None:
                rated.append((step.points / step.max_points, value))
        if not rated:
            return None
        worst = min(rated, key=lambda r: r[0])[1]
        best = max(reversed(rated), key=lambda r: r[0])[1]
        return worst, best

    def score_batch(self, contexts: list[ScoringContext]) -> list[list[Finding] | None]:
        """The findings of many assessments, column by column: `step` is called once per
        distinct answer to a question in the batch, not once per assessment, and each row's
        finding is made by `finding`, as in `score` (the `gate` included). This holds when
        `step` reads nothing but the question and the value (the built-in scorers); a scorer
        whose `step` reads more, or that overrides `score`, leaves every context to `score`."""
        from cxmaturity.plugin_host.scorer_batch import question_scorer_batch

        if type(self).score is not QuestionScorer.score or not self.steps_by_value:
            return [None] * len(contexts)
        return question_scorer_batch(self, contexts)

    #: Whether `step` depends only on the question and the value (see `score_batch`).
    steps_by_value: bool = True

    @staticmethod
    def lower_first(text: str) -> str:
        """`text` with its first letter in lower case: an option's label put mid-sentence."""
        return text[:1].lower() + text[1:]
