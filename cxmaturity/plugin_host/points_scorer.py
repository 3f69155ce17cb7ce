"""`PointsScorer`: a `QuestionScorer` declared as data, the points each answer earns question by
question, and the words that name the answers in the finding's text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from cxmaturity.formats.models import Step
from cxmaturity.plugin_host.scorer_contract import QuestionScorer, ScoringContext

#: The phrase of one answer in `PointsScorer.describe`, unless its `Points` says otherwise.
SAY_OPTION = {"en": "{label}: {option}", "fr": "{label} : {option}"}
SAY_COUNT = {"en": "{label}: {count} of {total}", "fr": "{label} : {count} sur {total}"}
#: The too-few message made from a scorer's `subject`.
TOO_FEW_ABOUT = {
    "en": "Too few {subject} questions answered to score ({{answered}} of {{asked}}).",
    "fr": "Trop peu de réponses sur {subject} pour noter ({{answered}} sur {{asked}}).",
}


@dataclass(frozen=True)
class Points:
    """How one question's answer earns points, and how the finding's text names it.

    - ``Points(label, table)``: the chosen option earns ``table[option]`` points out of the
      table's highest, both times `weight`;
    - ``Points(label, each=options)``: a multi-select question earns one point per option of
      `each` (option id → its ``{en, fr}`` label) chosen, out of their number; any other option
      ("none of these") earns nothing.

    An answer the table does not list (skipped, don't know: ``None``) earns no step, so it is
    left out of the score, never counted as zero. `label` (``{en, fr}``) names the question in
    the arithmetic. `say` is the answer's phrase in `PointsScorer.describe`: ``{en, fr}``
    templates with ``{label}``, ``{option}`` (the option's label, lower case first) and, for
    `each`, ``{count}`` and ``{total}``, the chosen options following in brackets; by default
    "label: option" (or "label: count of total").
    """

    label: dict[str, str]
    table: Mapping[Any, int] | None = None
    weight: int = 1
    each: Mapping[str, dict[str, str]] | None = None
    say: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if (self.table is None) == (self.each is None):
            raise TypeError("Points needs either a points table or `each`, not both")

    def step(self, question_id: str, value: Any) -> Step | None:
        """The step `value` earns, or None when it earns none."""
        if self.each is not None:
            if not isinstance(value, list):
                return None
            chosen = [v for v in value if v in self.each]
            return Step(question=question_id, answer=value, label=self.label,
                        points=len(chosen), max_points=len(self.each))
        if isinstance(value, list) or value not in self.table:
            return None
        return Step(question=question_id, answer=value, label=self.label,
                    points=self.table[value] * self.weight, max_points=max(self.table.values()) * self.weight)

    def phrase(self, ctx: ScoringContext, step: Step, lang: str) -> str:
        """The answer of `step` in words, in `lang`."""
        if self.each is None:
            option = QuestionScorer.lower_first(ctx.option_label(step.question, step.answer)[lang])
            return (self.say or SAY_OPTION)[lang].format(label=self.label[lang], option=option)
        chosen = [self.each[v][lang] for v in step.answer if v in self.each]
        said = (self.say or SAY_COUNT)[lang].format(label=self.label[lang], count=len(chosen), total=len(self.each))
        return said + (" (" + ", ".join(chosen) + ")" if chosen else "")


class PointsScorer(QuestionScorer):
    """A `QuestionScorer` that is mostly data: the way to write a scorer of points per option.

    Declare `name`, `dimension`, `version` and:

    - `points`: question id → `Points`, in the order the questions are scored and described
      (`questions` follows from it);
    - `subject` (``{en, fr}``): what the questions are about, which makes the too-few message
      ("Too few investment questions answered to score (0 of 2)."); or set `too_few` itself;
    - `separator` (optional): what joins the answers' phrases in the text.

    `step` looks each answer up in its question's `Points`. `describe` names every answer in
    the questions' order (each with its `Points`' phrase), joined by `separator`, with a capital
    first and a full stop. Override `describe` for a sentence of another shape, and add a
    `gate` where the points depend on other answers; both keep `score_batch` exact.
    """

    points: ClassVar[dict[str, Points]] = {}
    subject: ClassVar[dict[str, str] | None] = None
    separator: ClassVar[dict[str, str]] = {"en": "; ", "fr": " ; "}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "points" in cls.__dict__ and "questions" not in cls.__dict__:
            cls.questions = tuple(cls.points)
        if cls.__dict__.get("subject") and "too_few" not in cls.__dict__:
            cls.too_few = {lang: TOO_FEW_ABOUT[lang].format(subject=cls.subject[lang]) for lang in TOO_FEW_ABOUT}

    def step(self, ctx: ScoringContext, question_id: str, value: Any) -> Step | None:
        """The step its `Points` gives the answer (never reads more than the question and the value)."""
        return self.points[question_id].step(question_id, value)

    def describe(self, ctx: ScoringContext, steps: list[Step]) -> dict[str, str]:
        """Every answer in words, joined by `separator`: "Label: option; label: option."."""
        text = {}
        for lang, separator in self.separator.items():
            said = separator.join(self.points[s.question].phrase(ctx, s, lang) for s in steps) + "."
            text[lang] = said[:1].upper() + said[1:]
        return text
