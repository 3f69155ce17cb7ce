"""The maturity stage model: loading it, the stage a score falls in, and the overall score.

The stages, thresholds and weights are the tool's own model, informed by the report (not a
finding of it). They live in data (``benchmarks/model/stages.yaml``), replaced as a whole by
``--weights FILE``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from cxmaturity.errors import FileError
from cxmaturity.formats import conditions, loader
from cxmaturity.formats.bundled import bundled
from cxmaturity.formats.models import (
    Coverage,
    DimensionResult,
    HeldBack,
    OverallResult,
    Questionnaire,
    Requirement,
    Result,
    Stage,
    StageModel,
    Step,
    tr,
)


def default_path() -> Path:
    """The bundled stage model file."""
    return bundled("benchmarks") / "model" / "stages.yaml"


def check_stage_model(model: StageModel) -> list[tuple[tuple, str]]:
    """What a model alone cannot say: stages in rising order from 0, ids unique, some weight."""
    out: list[tuple[tuple, str]] = []
    seen: set[str] = set()
    for i, stage in enumerate(model.stages):
        if stage.id in seen:
            out.append((("stages", i, "id"), f"duplicate stage id '{stage.id}'"))
        seen.add(stage.id)
        if i == 0 and stage.min_score != 0:
            out.append((("stages", 0, "min_score"), "the first stage must start at 0, so every score has a stage"))
        if i > 0 and stage.min_score <= model.stages[i - 1].min_score:
            out.append(
                (
                    ("stages", i, "min_score"),
                    f"{stage.min_score:g} is not above the previous stage's {model.stages[i - 1].min_score:g}: "
                    "list stages from lowest to highest",
                )
            )
        names: set[str] = set()
        for j, req in enumerate(stage.requires):
            if req.id in names:
                where = ("stages", i, "requires", j, "id")
                out.append((where, f"duplicate requirement '{req.id}' in stage '{stage.id}'"))
            names.add(req.id)
    seen = set()
    for i, dim in enumerate(model.dimensions):
        if dim.id in seen:
            out.append((("dimensions", i, "id"), f"duplicate dimension '{dim.id}'"))
        seen.add(dim.id)
    if not any(d.weight > 0 for d in model.dimensions):
        out.append((("dimensions",), "at least one dimension needs a weight above 0"))
    return out


def load_stage_model(path: Path | str | None = None) -> StageModel:
    """The stage model in `path` (a complete stage model file, as given to ``--weights``),
    or the bundled one. Problems raise `FileError` located as ``file:line: field: message``."""
    if path is None:
        return _bundled_model()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _bundled_model() -> StageModel:
    # Loaded once per process: every assessment scored in it uses the same bundled model.
    return _load(default_path())


def _load(path: Path) -> StageModel:
    data, text = loader.read(path)
    model = loader.validate_data(StageModel, data, str(path), text)
    problems = check_stage_model(model)
    if problems:
        raise FileError(loader.locate(problems, str(path), text))
    return model


def stage_for(score: float | None, model: StageModel) -> Stage | None:
    """The highest stage whose `min_score` the score reaches; None without a score."""
    if score is None:
        return None
    found = None
    for stage in model.stages:
        if score >= stage.min_score:
            found = stage
    return found


def _scores(dimensions: Iterable[DimensionResult] | Mapping[str, float | None]) -> dict[str, float | None]:
    if isinstance(dimensions, Mapping):
        return dict(dimensions)
    return {d.id: d.score for d in dimensions}


def overall(
    dimensions: Iterable[DimensionResult] | Mapping[str, float | None], model: StageModel
) -> OverallResult:
    """The weighted mean of the dimensions that have both a weight and a score, and its stage.

    A dimension without a score is left out, not counted as zero, so missing answers lower
    the coverage (scored weight / total weight), never the score. A dimension the model does
    not weigh (a plugin's own) is shown elsewhere but does not count here.
    """
    scores = _scores(dimensions)
    total = sum(d.weight for d in model.dimensions)
    weighed = [(d.weight, scores[d.id]) for d in model.dimensions if d.weight > 0 and scores.get(d.id) is not None]
    scored_weight = sum(w for w, _ in weighed)
    if not scored_weight:
        return OverallResult(score=None, stage=None, coverage=0)
    score = round(sum(w * s for w, s in weighed) / scored_weight, 1)
    stage = stage_for(score, model)
    return OverallResult(score=score, stage=stage.id if stage else None, coverage=round(scored_weight / total, 3))


def provisional(coverage: Coverage, model: StageModel) -> bool:
    """Whether a dimension rests on too few answers to count as certain: fewer than the model's
    `min_answers` (or than the questions asked, when fewer are asked), or a coverage under
    `min_coverage`. A dimension asked nothing is not scored at all, so not provisional."""
    rule = model.scored_when
    if coverage.asked == 0:
        return False
    return coverage.answered < min(rule.min_answers, coverage.asked) or coverage.ratio < rule.min_coverage


def reached(
    score: float | None,
    model: StageModel,
    answers: Mapping[str, Any],
    dimensions: Mapping[str, float | None],
    questionnaire: Questionnaire | None = None,
) -> tuple[Stage | None, Stage | None, list[Requirement]]:
    """(the stage reached, the stage held back, its requirements not met).

    Stages are climbed from the bottom: a stage is reached when the score reaches its threshold
    and every one of its requirements holds; the climb stops at the first stage that is not."""
    return climb(score, model, lambda r: conditions.evaluate(r.when, answers, questionnaire, dimensions))


def climb(
    score: float | None, model: StageModel, holds: Callable[[Requirement], bool]
) -> tuple[Stage | None, Stage | None, list[Requirement]]:
    """`reached`, with `holds` telling whether a requirement holds for the company."""
    if score is None:
        return None, None, []
    found = None
    for stage in model.stages:
        if score < stage.min_score:
            break
        failing = [r for r in stage.requires if not holds(r)]
        if failing:
            return found, stage, failing
        found = stage
    return found, None, []


def _names(cond: Any, questionnaire: Questionnaire | None, model: StageModel | None, lang: str) -> list[str]:
    """The short forms of the questions (and the labels of the dimensions) a condition reads."""
    out: list[str] = []
    if cond.dimension is not None:
        dim = next((d for d in model.dimensions if d.id == cond.dimension), None) if model else None
        out.append(tr(dim.label, lang) if dim else cond.dimension)
    elif cond.q is not None:
        q = questionnaire.question(cond.q) if questionnaire else None
        if q is not None:
            out.append(tr(q.short, lang) if q.short else tr(q.text, lang))
    for child in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        out += [n for n in _names(child, questionnaire, model, lang) if n not in out]
    return out


#: At most this many question names follow a requirement's label; its label says the rest.
NAMED = 4


def _requirement_words(
    req: Requirement, questionnaire: Questionnaire | None, model: StageModel | None = None
) -> dict[str, str]:
    """The requirement's label, and the short forms of the questions it reads."""
    out = {}
    for lang in ("en", "fr"):
        label = tr(req.label, lang)
        names = _names(req.when, questionnaire, model, lang)
        if len(names) > NAMED:
            names = names[:NAMED] + ["…"]
        out[lang] = f"{label} — {', '.join(names)}" if names else label
    return out


def held_back(
    stage: Stage, failing: list[Requirement], questionnaire: Questionnaire | None, model: StageModel | None = None
) -> HeldBack:
    """What holds a company below `stage`, whose score it reaches, in words."""
    words = [_requirement_words(r, questionnaire, model) for r in failing]
    text = {"en": "; ".join(w["en"] for w in words), "fr": "\u00a0; ".join(w["fr"] for w in words)}
    return HeldBack(stage=stage.id, missing=[r.id for r in failing], text=text)


def _answers_of(findings: Iterable[Any]) -> dict[str, Any]:
    """The answers the findings used: what a result alone says of the answers."""
    out: dict[str, Any] = {}
    for f in findings:
        out.update(f.values)
    return out


def _mean(weights: dict[str, float], scores: Mapping[str, float | None]) -> tuple[float | None, float]:
    weighed = [(w, scores[d]) for d, w in weights.items() if w > 0 and scores.get(d) is not None]
    total = sum(w for w, _ in weighed)
    if not total:
        return None, 0
    return round(sum(w * s for w, s in weighed) / total, 1), total


def apply(
    result: Result,
    model: StageModel,
    worst: Bound | None = None,
    best: Bound | None = None,
    questionnaire: Questionnaire | None = None,
) -> Result:
    """`result` with each dimension's label, weight, stage, provisional flag and range, the
    overall result, and the model's id, version, title and note.

    `worst` and `best` are the dimension scores and answers with every open question at its
    worst and its best option (see `bounds`); without them the answers are taken as complete.
    The overall score and stage are what the answers guarantee (the worst side); the best
    side gives the highest stage the open questions could still bring.
    """
    weights = {d.id: d for d in model.dimensions}
    answers = _answers_of(result.findings)
    opened = result.overall.open
    if worst is None or best is None:
        # Applied again to a result: its dimensions keep the range they were given.
        def side(attr: str, steps: str) -> Bound:
            return Bound(scores={d.id: getattr(d, attr) if getattr(d, attr) is not None else d.score
                                 for d in result.dimensions},
                         answers=answers, steps={d.id: getattr(d, steps) for d in result.dimensions},
                         open={d.id: d.open for d in result.dimensions})
        worst, best = worst or side("low", "low_steps"), best or side("high", "high_steps")
    else:
        opened = len(best.filled)
    dims = []
    for dim in result.dimensions:
        known = weights.get(dim.id)
        stage = stage_for(dim.score, model)
        low, high = worst.scores.get(dim.id, dim.score), best.scores.get(dim.id, dim.score)
        dims.append(
            dim.model_copy(
                update={
                    "label": dict(known.label) if known else dim.label,
                    "weight": known.weight if known and dim.in_overall == "weighted" else 0,
                    "stage": stage.id if stage else None,
                    "provisional": provisional(dim.coverage, model),
                    "low": low,
                    "high": high,
                    # the best side fills the most: an answer can open a conditional question
                    "open": sorted(best.open.get(dim.id, [])),
                    "low_steps": worst.steps.get(dim.id, []) if low != dim.score else [],
                    "high_steps": best.steps.get(dim.id, []) if high != dim.score else [],
                }
            )
        )
    apart = {d.id for d in result.dimensions if d.in_overall != "weighted"}
    w = {d.id: d.weight for d in model.dimensions if d.id not in apart}
    score, _ = _mean(w, worst.scores)
    high, _ = _mean(w, best.scores)
    stage, held, failing = reached(score, model, worst.answers, worst.scores, questionnaire)
    top, _, _ = reached(high, model, best.answers, best.scores, questionnaire)
    # The weakest among the dimensions the answers score: one with no answer at all is open
    # (its range is the whole scale), not weak.
    weighted = [d for d in dims if d.weight > 0 and d.low is not None and d.score is not None]
    weakest = min(weighted, key=lambda d: d.low, default=None)
    total = sum(d.weight for d in model.dimensions)  # the whole model, as `overall` counts it
    certain = sum(d.weight for d in dims if d.weight > 0 and d.score is not None and not d.provisional)
    overall_result = OverallResult(
        score=score,
        stage=stage.id if stage else None,
        coverage=round(certain / total, 3) if total else 0,
        high=high,
        best_stage=top.id if top else None,
        open=opened,
        held_back=held_back(held, failing, questionnaire, model) if held is not None else None,
        weakest=weakest.id if weakest else None,
        provisional=[d.id for d in dims if d.provisional and d.weight > 0],
    )
    return result.model_copy(
        update={
            "dimensions": dims,
            "overall": overall_result,
            "model": {"id": model.id, "version": model.version, "title": dict(model.title), "note": dict(model.note)},
        }
    )


@dataclass
class Bound:
    """One side of the range: dimension scores and answers with the open questions filled."""

    scores: dict[str, float | None]
    answers: dict[str, Any]
    steps: dict[str, list[Step]] = field(default_factory=dict)
    open: dict[str, list[str]] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)
