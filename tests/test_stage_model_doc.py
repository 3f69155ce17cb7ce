"""docs/stage-model.md cannot drift: its stage, weight and points tables are generated here
from benchmarks/model/stages.yaml and the built-in scorer modules, and must appear verbatim."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cxmaturity.bundled import bundled
from cxmaturity.models import StageModel
from cxmaturity.stages import load_stage_model

DOC = Path(__file__).resolve().parent.parent / "docs" / "stage-model.md"

#: The points tables each scorer module keeps, in the order the doc shows them.
POINTS_TABLES = {
    "score_investment": ["POINTS"],
    "score_strategy": ["AGREEMENT", "WEIGHTS"],
    "score_tools": ["TENURE"],
    "score_brand": ["USES", "IMAGE"],
    "score_automation": ["BAND", "WEIGHTS"],
    "score_sentiment": ["TENURE", "USES"],
    "score_outcomes": ["RISE", "FALL", "IMPACT"],
}


def stage_table(model: StageModel) -> str:
    rows = ["| Stage | English | Français | Overall or dimension score |", "|---|---|---|---|"]
    for i, stage in enumerate(model.stages):
        upper = model.stages[i + 1].min_score if i + 1 < len(model.stages) else None
        span = f"{stage.min_score:g} to under {upper:g}" if upper is not None else f"{stage.min_score:g} to 100"
        rows.append(f"| `{stage.id}` | {stage.label['en']} | {stage.label['fr']} | {span} |")
    return "\n".join(rows)


def weight_table(model: StageModel) -> str:
    total = sum(d.weight for d in model.dimensions)
    rows = ["| Dimension | English | Français | Weight | Share of the overall |", "|---|---|---|---|---|"]
    for d in model.dimensions:
        rows.append(
            f"| `{d.id}` | {d.label['en']} | {d.label['fr']} | {d.weight:g} | {100 * d.weight / total:.0f}% |"
        )
    return "\n".join(rows)


def points_table(module: str, name: str) -> str:
    """A module constant as a two-row table: keys, then points (1 for a label table)."""
    path = bundled("plugins") / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"doc_{module}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    table = getattr(mod, name)
    keys = list(table)
    values = [v if isinstance(v, (int, float)) else 1 for v in table.values()]
    head = "| " + " | ".join(f"`{k}`" for k in keys) + " |"
    rule = "|" + "---|" * len(keys)
    body = "| " + " | ".join(f"{v:g}" for v in values) + " |"
    return f"`{name}` in `plugins/{module}.py`:\n\n{head}\n{rule}\n{body}"


def requirement_table(model: StageModel) -> str:
    rows = ["| Stage | Requirement | What it asks (English) | Questions or dimensions it reads |", "|---|---|---|---|"]
    for stage in model.stages:
        for req in stage.requires:
            reads = _reads(req.when)
            rows.append(f"| `{stage.id}` | `{req.id}` | {req.label['en']} | {', '.join(f'`{r}`' for r in reads)} |")
    return "\n".join(rows)


def _reads(cond) -> list[str]:
    out = [cond.dimension] if cond.dimension else ([cond.q] if cond.q else [])
    for child in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        out += [r for r in _reads(child) if r not in out]
    return out


def all_tables() -> list[str]:
    model = load_stage_model()
    out = [stage_table(model), weight_table(model), requirement_table(model)]
    for module, names in POINTS_TABLES.items():
        out.extend(points_table(module, n) for n in names)
    return out


@pytest.mark.parametrize("index", range(len(all_tables())))
def test_doc_shows_the_table_as_the_data_has_it(index):
    table = all_tables()[index]
    doc = DOC.read_text(encoding="utf-8")
    assert table in doc, f"docs/stage-model.md is out of date; expected:\n\n{table}"


def test_doc_labels_the_model_as_the_tools_own():
    doc = DOC.read_text(encoding="utf-8")
    assert "the tool's own model" in doc
    assert "not a finding of the report" in doc


def test_every_built_in_scorer_module_is_documented():
    modules = {p.stem for p in bundled("plugins").glob("score_*.py")}
    assert modules == set(POINTS_TABLES)


if __name__ == "__main__":  # print the tables, to paste into the doc after a change
    print("\n\n".join(all_tables()))
