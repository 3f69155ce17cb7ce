"""The maturity stage model: loading it, the stage a score falls in, and the overall score.

The stages, thresholds and weights are the tool's own model, informed by the report (not a
finding of it). They live in data (``benchmarks/model/stages.yaml``), replaced as a whole by
``--weights FILE``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from . import loader
from .bundled import bundled
from .errors import FileError
from .models import DimensionResult, OverallResult, Result, Stage, StageModel


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


def apply(result: Result, model: StageModel) -> Result:
    """`result` with each dimension's label, weight and stage, the overall result, and the
    model's id, version, title and note."""
    weights = {d.id: d for d in model.dimensions}
    dims = []
    for dim in result.dimensions:
        known = weights.get(dim.id)
        stage = stage_for(dim.score, model)
        dims.append(
            dim.model_copy(
                update={
                    "label": dict(known.label) if known else dim.label,
                    "weight": known.weight if known and dim.in_overall == "weighted" else 0,
                    "stage": stage.id if stage else None,
                }
            )
        )
    return result.model_copy(
        update={
            "dimensions": dims,
            "overall": overall([d for d in dims if d.in_overall == "weighted"], model),
            "model": {"id": model.id, "version": model.version, "title": dict(model.title), "note": dict(model.note)},
        }
    )
