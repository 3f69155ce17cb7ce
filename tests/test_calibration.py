"""The stage model's calibration: four profiles built from the report's cohort answers land in
the stages they should, the thresholds are the ones the profiles give, the doc's table is the
one the code computes, and every answer of a profile says where it comes from."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from cxmaturity.bundled import bundled
from cxmaturity.calibration import load_profiles, score_profile, table
from cxmaturity.loader import load_questionnaire
from cxmaturity.plugins import load_registry
from cxmaturity.stages import load_stage_model

DOC = Path(__file__).resolve().parent.parent / "docs" / "stage-model.md"
FACTS = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "report-facts.yaml"
BASES = {"mode", "median", "all", "own", "definition"}


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(bundled("questionnaires") / "cx-ai-2018.yaml")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def model():
    return load_stage_model()


@pytest.fixture(scope="module")
def results(questionnaire, registry, model):
    return {p.id: score_profile(p, questionnaire, registry, model) for p in load_profiles()}


def test_the_four_profiles_are_there():
    assert [p.id for p in load_profiles()] == ["basic_automation", "all_respondents", "large", "cx_leaders"]


@pytest.mark.parametrize("profile", load_profiles(), ids=lambda p: p.id)
def test_each_profile_lands_in_its_expected_stages(profile, results, model):
    order = [s.id for s in model.stages]
    result = results[profile.id]
    low, high = (order.index(s) for s in profile.expected)
    assert low <= order.index(result.overall.stage) <= high, result.overall


def test_the_expected_shape(model):
    """Basic automation at stage 1, the typical respondent at 2-3, the CX leaders at 4-5."""
    profiles = {p.id: p for p in load_profiles()}
    order = [s.id for s in model.stages]
    assert [order.index(s) + 1 for s in profiles["basic_automation"].expected] == [1, 1]
    assert [order.index(s) + 1 for s in profiles["all_respondents"].expected] == [2, 3]
    assert [order.index(s) + 1 for s in profiles["cx_leaders"].expected] == [4, 5]


def test_the_thresholds_are_the_ones_the_profiles_give(results, model):
    """As stages.yaml and the doc say: midpoints between profiles, rounded down."""
    basic = results["basic_automation"].overall.score
    typical = results["all_respondents"].overall.score
    leaders = results["cx_leaders"].overall.score
    at_scale = math.floor((basic + typical) / 2)
    expected = [0, math.floor((basic + at_scale) / 2), at_scale, math.floor((typical + leaders) / 2),
                math.floor(leaders + (leaders - typical))]
    assert [s.min_score for s in model.stages] == expected


def test_profiles_are_complete_and_sourced(questionnaire):
    scored = {q for q in ("invest.front_office", "strategy.proximity", "automation.fully_automated")}
    for profile in load_profiles():
        assert scored <= set(profile.answers), profile.id
        for qid, source in profile.sources.items():
            assert questionnaire.question(qid) is not None, qid
            assert source["basis"] in BASES, (profile.id, qid)
            assert source.get("source"), (profile.id, qid)
            if source["basis"] in ("mode", "median"):
                assert source.get("fact_id"), (profile.id, qid)


@pytest.mark.skipif(not FACTS.exists(), reason="the report's facts (../shared/seed) are not beside the checkout")
def test_every_fact_a_profile_cites_is_in_the_report_extraction():
    text = FACTS.read_text(encoding="utf-8")
    for profile in load_profiles():
        for qid, source in profile.sources.items():
            if source.get("fact_id"):
                assert f"- id: {source['fact_id']}\n" in text, (profile.id, qid, source["fact_id"])


def test_the_doc_shows_the_calibration_table_the_code_computes(questionnaire, registry, model):
    expected = table(load_profiles(), questionnaire, registry, model)
    doc = DOC.read_text(encoding="utf-8")
    assert expected in doc, f"docs/stage-model.md is out of date; expected:\n\n{expected}"


if __name__ == "__main__":  # print the table, to paste into the doc after a change
    q = load_questionnaire(bundled("questionnaires") / "cx-ai-2018.yaml")
    print(table(load_profiles(), q, load_registry(), load_stage_model()))


def _num(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def test_the_worked_example_is_what_the_code_gives(questionnaire, registry, model):
    """docs/stage-model.md's worked example: the leaders' profile with three questions open."""
    profile = next(p for p in load_profiles() if p.id == "cx_leaders")
    answers = dict(profile.answers)
    del answers["strategy.proximity"], answers["brand.uses"]
    answers["sentiment.uses"] = {"state": "skipped"}
    profile.answers = answers
    result = score_profile(profile, questionnaire, registry, model)
    doc = DOC.read_text(encoding="utf-8")
    o = result.overall
    assert (o.stage, o.best_stage, o.open) == ("ai_at_scale", "customer_proximity", 4)
    assert f"/ 100 = {_num(o.score)}, so stage" in doc and f"`high` scores, {_num(o.high)}:" in doc
    by = {d.id: d for d in result.dimensions}
    for dim in ("strategy", "brand", "sentiment"):
        assert by[dim].provisional and f"| {_num(by[dim].low)} | {_num(by[dim].high)} |" in doc
    assert o.weakest == "brand"
    assert f"15 × {_num(by['strategy'].low)} + 15 × {_num(by['tools'].low)}" in doc
    # the full profile lands inside the range, never below the stage shown
    full = next(p for p in load_profiles() if p.id == "cx_leaders")
    assert f"the profile scores {_num(score_profile(full, questionnaire, registry, model).overall.score)}" in doc


def test_the_held_back_example_is_what_the_code_gives(questionnaire, registry, model):
    profile = next(p for p in load_profiles() if p.id == "cx_leaders")
    profile.answers = {**profile.answers, "strategy.proximity": "disagree"}
    result = score_profile(profile, questionnaire, registry, model)
    o = result.overall
    assert o.stage == "ai_at_scale" and o.held_back.stage == "customer_proximity"
    assert o.score >= next(s.min_score for s in model.stages if s.id == "customer_proximity")
    doc = " ".join(DOC.read_text(encoding="utf-8").split())
    assert f"their score would be {_num(o.score)}" in doc
    assert o.held_back.text["en"] in doc
