"""The stage model's calibration: profiles that answer as a cohort of the report typically does,
scored by the same pipeline as any assessment, as the table docs/stage-model.md shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import loader
from .bundled import bundled
from .errors import FileError

if TYPE_CHECKING:
    from .models import Questionnaire, Result, StageModel
    from .plugins import Registry


def default_path() -> Path:
    """The bundled calibration profiles."""
    return bundled("benchmarks") / "model" / "calibration-profiles.yaml"


@dataclass
class Profile:
    id: str
    label: dict[str, str]
    cohort: str | None
    expected: tuple[str, str]
    answers: dict[str, Any]
    sources: dict[str, dict[str, Any]]


def load_profiles(path: Path | str | None = None) -> list[Profile]:
    """The calibration profiles in `path` (default: the bundled file)."""
    path = Path(path) if path else default_path()
    data, _ = loader.read(path)
    try:
        return [
            Profile(
                id=p["id"],
                label=dict(p["label"]),
                cohort=p.get("cohort"),
                expected=tuple(p["expected"]),
                answers={qid: a["value"] for qid, a in p["answers"].items()},
                sources={qid: dict(a) for qid, a in p["answers"].items()},
            )
            for p in data["profiles"]
        ]
    except (KeyError, TypeError) as exc:
        raise FileError(f"{path}: not a calibration profile file ({exc})") from exc


def score_profile(
    profile: Profile, questionnaire: Questionnaire, registry: Registry, model: StageModel | None = None
) -> Result:
    """The result of an assessment that gives the profile's answers."""
    from .evaluate import evaluate
    from .models import Assessment

    assessment = Assessment.model_validate({
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "company": {"id": profile.id.replace("_", "-"), "name": profile.label["en"]},
        "answers": profile.answers,
    })
    return evaluate(assessment, questionnaire, registry, model)


def table(
    profiles: list[Profile], questionnaire: Questionnaire, registry: Registry, model: StageModel
) -> str:
    """The calibration table in Markdown: profile → score per dimension → overall → stage."""
    dims = [d for d in model.dimensions if d.weight > 0]
    stages = {s.id: s for s in model.stages}
    head = ["Profile", *(f"`{d.id}`" for d in dims), "Overall", "Stage", "Expected"]
    rows = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(dims) + 1) + "---|---|"]
    for profile in profiles:
        result = score_profile(profile, questionnaire, registry, model)
        by = {d.id: d for d in result.dimensions}
        cells = [profile.label["en"]]
        cells += [_num(by[d.id].score if d.id in by else None) for d in dims]
        cells.append(_num(result.overall.score))
        stage = stages.get(result.overall.stage)
        cells.append(stage.label["en"] if stage else "—")
        low, high = (stages[s].label["en"] for s in profile.expected)
        cells.append(low if low == high else f"{low} to {high}")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".rstrip("0").rstrip(".")
