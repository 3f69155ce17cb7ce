"""A plugin's dimensions: the label and stage-model role its scorers declare, checked and applied.

A scorer declares ``dimension_label`` (``{en, fr}``) and ``in_overall`` (``weighted`` or
``apart``). `check_declared` is called when the scorer is registered; `declared` puts what the
scorers declared on the result's dimensions, before the stage model adds its weights.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

IN_OVERALL = ("weighted", "apart")
LANGUAGES = ("en", "fr")


def check_declared(scorer: Any) -> str | None:
    """Why what `scorer` declares about its dimension is not valid, or None."""
    label = getattr(scorer, "dimension_label", None) or {}
    if not isinstance(label, dict):
        return f"scorer '{scorer.name}': dimension_label must be {{'en': …, 'fr': …}}, got {type(label).__name__}"
    if label:
        lacking = [lang for lang in LANGUAGES if not isinstance(label.get(lang), str) or not label[lang].strip()]
        if lacking:
            return (
                f"scorer '{scorer.name}': dimension_label has no {' or '.join(lacking)} text "
                f"(every label is given in English and French)"
            )
        extra = sorted(set(label) - set(LANGUAGES))
        if extra:
            return f"scorer '{scorer.name}': dimension_label has an unknown language '{extra[0]}' (en, fr)"
    role = getattr(scorer, "in_overall", "weighted")
    if role not in IN_OVERALL:
        return f"scorer '{scorer.name}': in_overall must be 'weighted' or 'apart', got {role!r}"
    return None


def humanised(dimension: str) -> dict[str, str]:
    """The label of a dimension that declares none: its id in words (``customer_effort`` →
    ``Customer effort``), the same in both languages."""
    words = dimension.replace("_", " ").replace("-", " ").strip()
    text = words[:1].upper() + words[1:]
    return {lang: text for lang in LANGUAGES}


def declared(dimensions: list, scorers: Iterable[Any]) -> list:
    """`dimensions` (`DimensionResult`) with the label and role their scorers declare.

    A dimension is ``apart`` when any of its scorers says so; its label is the first declared
    one in scorer-name order, else its id in words. The stage model's own label, where it has
    the dimension, replaces it later (`stages.apply`)."""
    labels: dict[str, dict[str, str]] = {}
    apart: set[str] = set()
    for scorer in sorted(scorers, key=lambda s: s.name):
        label = getattr(scorer, "dimension_label", None)
        if label and scorer.dimension not in labels:
            labels[scorer.dimension] = dict(label)
        if getattr(scorer, "in_overall", "weighted") == "apart":
            apart.add(scorer.dimension)
    out = []
    for dim in dimensions:
        update: dict[str, Any] = {}
        if not dim.label:
            update["label"] = labels.get(dim.id) or humanised(dim.id)
        if dim.id in apart:
            update["in_overall"] = "apart"
        out.append(dim.model_copy(update=update) if update else dim)
    return out
