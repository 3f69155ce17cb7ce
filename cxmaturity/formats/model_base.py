"""What every file-format model shares: the base class and the field types (ids, texts,
states, confidences)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

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


def _format_number(value: Any) -> Any:
    # Literal[1] alone takes `true` (== 1) and `1.0`: a format is an integer.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected the format number 1, got {value!r}")
    return value


#: The `format:` of every file: the integer 1 (not `true`, not `"1"`, not `1.0`).
FormatOne = Annotated[Literal[1], BeforeValidator(_format_number)]



class Model(BaseModel):
    # Schemas are built on first use, so a command pays only for the models it touches.
    # No file of ours holds an infinite or undefined number: `.inf` and `.nan` are refused.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True, allow_inf_nan=False)
