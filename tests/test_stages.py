"""The stage model: loading and checking it, stages of scores, the overall score, --weights,
and its calibration on three profiles built from the report's answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cxmaturity.bundled import bundled
from cxmaturity.cli import app
from cxmaturity.errors import FileError
from cxmaturity.evaluate import evaluate
from cxmaturity.loader import load_assessment, load_questionnaire
from cxmaturity.models import Assessment, Coverage, DimensionResult
from cxmaturity.plugins import load_registry
from cxmaturity.stages import apply, default_path, load_stage_model, overall, stage_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "assessments"
STAGES = ["basic_automation", "acquiring_ai", "ai_at_scale", "customer_proximity", "cx_leader"]
DIMENSIONS = ["investment", "strategy", "tools", "brand", "automation", "sentiment", "outcomes"]
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.fixture(scope="module")
def model():
    return load_stage_model()


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(bundled("questionnaires") / "cx-ai-2018.yaml")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def make(answers: dict, company: str = "profile") -> Assessment:
    return Assessment.model_validate({
        "questionnaire": {"id": "cx-ai-2018", "version": 1},
        "company": {"id": company, "name": company.title()},
        "answers": answers,
    })


# --- profiles for the tests below: the typical respondent of the calibration file ----------

TOOLS = ["self_service", "chatbots", "sentiment", "agent_assist", "ivr", "virtual_assistant",
         "recommendation"]


def _profile(pid: str) -> dict:
    from cxmaturity.calibration import load_profiles

    return next(p.answers for p in load_profiles() if p.id == pid)


TYPICAL = _profile("all_respondents")


def test_the_bundled_model_has_five_stages_and_seven_weighted_dimensions(model):
    assert [s.id for s in model.stages] == STAGES
    assert [s.min_score for s in model.stages] == sorted(s.min_score for s in model.stages)
    assert [d.id for d in model.dimensions] == DIMENSIONS
    assert all(d.weight > 0 for d in model.dimensions)
    assert "own model" in model.note["en"] and "not a finding" in model.note["en"]
    assert "propre" in model.note["fr"]
    for stage in model.stages:
        assert stage.label["en"] and stage.label["fr"] and stage.description["fr"]


def test_stage_for_takes_the_highest_threshold_reached(model):
    assert stage_for(None, model) is None
    assert stage_for(0, model).id == "basic_automation"
    edges = [s.min_score for s in model.stages]
    for i, edge in enumerate(edges[1:], start=1):
        assert stage_for(edge, model).id == STAGES[i]
        assert stage_for(edge - 0.1, model).id == STAGES[i - 1]
    assert stage_for(100, model).id == "cx_leader"


def dim(id_: str, score: float | None) -> DimensionResult:
    return DimensionResult(id=id_, score=score, coverage=Coverage(answered=1, asked=1))


def test_overall_leaves_unscored_dimensions_out_and_says_so_in_coverage(model):
    weights = {d.id: d.weight for d in model.dimensions}
    total = sum(weights.values())
    full = overall([dim(d, 50.0) for d in DIMENSIONS], model)
    assert (full.score, full.stage, full.coverage) == (50.0, "ai_at_scale", 1.0)
    part = overall([dim("investment", 50.0), dim("tools", 50.0), dim("brand", None)], model)
    assert part.score == 50.0  # not pulled down by the five missing dimensions
    assert part.coverage == round((weights["investment"] + weights["tools"]) / total, 3)
    mixed = overall({"investment": 100.0, "outcomes": 0.0}, model)
    expected = 100 * weights["investment"] / (weights["investment"] + weights["outcomes"])
    assert mixed.score == round(expected, 1)
    assert overall([], model).score is None and overall([], model).stage is None


def test_a_dimension_without_a_weight_is_shown_but_does_not_count(model, tmp_path):
    dims = [dim("investment", 80.0), dim("nps", 0.0)]
    out = overall(dims, model)
    assert out.score == 80.0
    text = default_path().read_text(encoding="utf-8") + (
        "  - id: nps\n"
        "    weight: 20\n"
        '    label: {en: "Net promoter score", fr: "Net promoter score"}\n'
    )
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    weighted = load_stage_model(path)
    assert overall(dims, weighted).score == 40.0  # 80 and 0 at equal weights


def test_a_bad_weights_file_is_located(tmp_path):
    text = default_path().read_text(encoding="utf-8").replace("min_score: 27", "min_score: 10")
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError) as err:
        load_stage_model(path)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "min_score: 10" in t)
    assert f"{path}:{line}: stages.2.min_score: 10 is not above the previous stage's 16" in str(err.value)
    path.write_text(text.replace("weight: 20", "weigth: 20"), encoding="utf-8")
    with pytest.raises(FileError, match=r"dimensions\.0\.weigth: unknown field"):
        load_stage_model(path)


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV, catch_exceptions=False)


def test_score_weights_option_replaces_the_model(tmp_path):
    example = str(EXAMPLES / "nordbank.yaml")
    base = json.loads(run("score", example, "--format", "json").output)
    text = default_path().read_text(encoding="utf-8")
    for name in ("strategy", "tools", "brand", "automation", "sentiment", "outcomes"):
        text = text.replace(f"  - id: {name}\n    weight: ", f"  - id: {name}\n    weight: 0 #")
    path = tmp_path / "investment-only.yaml"
    path.write_text(text, encoding="utf-8")
    out = json.loads(run("score", example, "--format", "json", "--weights", str(path)).output)
    investment = next(d for d in out["dimensions"] if d["id"] == "investment")
    assert out["overall"]["score"] == investment["score"] != base["overall"]["score"]
    assert out["overall"]["coverage"] == 1.0
    assert out["model"]["id"] == "cxmaturity-stages"


def test_score_with_a_broken_weights_file_says_where(tmp_path):
    path = tmp_path / "weights.yaml"
    path.write_text(default_path().read_text(encoding="utf-8").replace("min_score: 0", "min_score: 5"),
                    encoding="utf-8")
    result = run("score", str(EXAMPLES / "maple-mart.yaml"), "--weights", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}:")
    assert "stages.0.min_score: the first stage must start at 0" in result.output
    assert "Traceback" not in result.output


def test_half_skipped_never_raises_the_stage_and_the_range_holds_the_full_one(questionnaire, registry, model):
    full = evaluate(make(TYPICAL), questionnaire, registry, model)
    order = [s.id for s in model.stages]
    # Every other scored question left out, alternating skipped and don't-know.
    half = dict(TYPICAL)
    scored = [q for q in TYPICAL if not q.startswith("profile.") and q != "sentiment.uses"]
    for i, qid in enumerate(scored[::2]):
        half[qid] = {"state": "skipped" if i % 2 else "dont_know"}
    result = evaluate(make(half), questionnaire, registry, model)
    assert result.overall.score <= full.overall.score <= result.overall.high
    low, best = order.index(result.overall.stage), order.index(result.overall.best_stage)
    assert low <= order.index(full.overall.stage) <= best
    assert result.overall.open >= len(scored[::2])
    answered = sum(d.coverage.answered for d in result.dimensions)
    asked = sum(d.coverage.asked for d in result.dimensions)
    assert answered < asked
    assert {m.state for m in result.missing} >= {"skipped", "dont_know"}


def test_identical_answers_left_out_change_nothing_but_coverage_and_range(questionnaire, registry, model):
    level = {"invest.front_office": "acquiring", "invest.analytics": "acquiring",
             **{f"tools.{t}.tenure": "under_2y" for t in TOOLS},
             "impact.complaint_resolution": "some", "impact.call_volume": "some",
             "impact.satisfaction": "some",
             **{f"kpi.{k}.change": "flat" for k in ("revenue", "clv", "brand_awareness", "nps", "opcost")}}
    full = evaluate(make(level), questionnaire, registry, model)
    half = dict(level)
    for qid in list(level)[::2]:
        half[qid] = {"state": "skipped"}
    part = evaluate(make(half), questionnaire, registry, model)
    by_full = {d.id: d for d in full.dimensions}
    for d in part.dimensions:
        # the answers given score the same (when enough remain); the open ones widen the range
        assert d.score in (None, by_full[d.id].score)
        assert d.low <= by_full[d.id].low and d.high >= by_full[d.id].high
    by = {d.id: d for d in part.dimensions}
    assert by["tools"].coverage.answered < by["tools"].coverage.asked


def test_apply_labels_dimensions_and_names_the_model(questionnaire, registry, model):
    result = evaluate(make(TYPICAL), questionnaire, registry, model)
    assert result.model["id"] == model.id and result.model["version"] == model.version
    assert result.model["title"]["fr"]
    inv = next(d for d in result.dimensions if d.id == "investment")
    assert inv.label == {"en": "Investment in AI", "fr": "Investissement en IA"}
    assert inv.weight == 20 and inv.stage == "ai_at_scale"
    again = apply(result, model)
    assert again.overall == result.overall


def test_cx_leader_example_is_in_the_top_stage_and_basic_one_at_the_bottom(questionnaire, registry):
    leader = evaluate(load_assessment(EXAMPLES / "maple-mart.yaml", questionnaire), questionnaire, registry)
    basic = evaluate(load_assessment(EXAMPLES / "andes-industrial.yaml", questionnaire), questionnaire, registry)
    assert leader.overall.stage == "cx_leader"
    assert basic.overall.stage == "basic_automation"


def test_half_unknown_example_still_gets_a_stage_with_its_coverage(questionnaire, registry):
    result = evaluate(load_assessment(EXAMPLES / "lumiere-sante.yaml", questionnaire), questionnaire, registry)
    assert result.overall.stage is not None
    assert 0 < result.overall.coverage < 1


def test_score_text_shows_the_stage_model(tmp_path):
    result = run("score", str(EXAMPLES / "maple-mart.yaml"), "--format", "json")
    data = json.loads(result.output)
    assert data["overall"]["stage"] == "cx_leader"
    assert data["model"]["note"]["en"].startswith("The stages, thresholds and weights are this tool's own model")


def test_validate_checks_a_stage_model_file(tmp_path):
    assert run("validate", str(default_path())).exit_code == 0
    path = tmp_path / "weights.yaml"
    path.write_text(default_path().read_text(encoding="utf-8").replace("id: cx_leader", "id: acquiring_ai"),
                    encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "stages.4.id: duplicate stage id 'acquiring_ai'" in result.output


def test_a_duplicate_requirement_is_located(tmp_path):
    text = default_path().read_text(encoding="utf-8").replace("- id: results", "- id: long_standing_tools")
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError, match=r"stages\.4\.requires\.1\.id: duplicate requirement 'long_standing_tools'"):
        load_stage_model(path)


def test_a_requirement_holds_a_stage_back_and_later_stages_too(model):
    """Stages are climbed from the bottom: a score past every threshold stops at the first
    stage whose requirement does not hold, and that stage is the one named."""
    from cxmaturity.stages import reached

    scores = {d.id: 100.0 for d in model.dimensions}
    top = {"strategy.proximity": "strongly_agree", "brand.uses": ["perception_gap"],
           "automation.fully_automated": "over_75", "tools.chatbots.tenure": "over_2y",
           "kpi.revenue.change": "up_over_10"}
    stage, held, failing = reached(100, model, top, scores)
    assert (stage.id, held, failing) == ("cx_leader", None, [])
    stage, held, failing = reached(100, model, {**top, "strategy.proximity": "neutral"}, scores)
    assert (stage.id, held.id, [r.id for r in failing]) == ("ai_at_scale", "customer_proximity", ["proximity_aim"])
    stage, held, _ = reached(100, model, {**top, "automation.fully_automated": "under_10"}, scores)
    assert (stage.id, held.id) == ("acquiring_ai", "ai_at_scale")
