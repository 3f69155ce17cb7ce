"""The seven built-in scorers: points, coverage, skipped answers, bilingual findings.

The scorers are loaded from the bundled plugins folder and registered through their own
`register_scorers` hook, the way the engine loads them.
"""

from __future__ import annotations

import ast
import importlib.util
import random
import sys
from pathlib import Path

import pytest

from cxmaturity import Scorer
from cxmaturity.formats.bundled import bundled
from cxmaturity.formats.loader import load_assessment, load_questionnaire
from cxmaturity.formats.models import Assessment
from cxmaturity.plugin_host.manager import load_registry, plugin_name
from cxmaturity.plugin_host.scorer_contract import ScoringContext

sys.path.insert(0, str(Path(__file__).parent))
from generate import assessments  # noqa: E402 - the test data generator lives beside the tests

PLUGINS = bundled("plugins")
QUESTIONNAIRES = bundled("questionnaires")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "assessments"
BUILTIN = {plugin_name(p.stem) for p in PLUGINS.glob("score_*.py")}
DIMENSIONS = {"investment", "strategy", "tools", "brand", "automation", "sentiment", "outcomes"}


def _register(path: Path) -> list[Scorer]:
    spec = importlib.util.spec_from_file_location(f"builtin_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    registered: list[Scorer] = []
    module.register_scorers(register=registered.append)
    return registered


@pytest.fixture(scope="module")
def scorers() -> dict[str, Scorer]:
    """The built-in scorers as the engine loads them (no third-party plugins)."""
    registry = load_registry()
    out = {s.dimension: s for s in registry.scorers if registry.owner("scorers", s.name) in BUILTIN}
    assert set(out) == DIMENSIONS
    return out


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")


def assessment(answers: dict) -> Assessment:
    return Assessment.model_validate({
        "questionnaire": {"id": "cx-ai-2018", "version": 1},
        "company": {"id": "test-co", "name": "Test Co"},
        "answers": answers,
    })


def finding(scorers, questionnaire, dimension: str, answers: dict):
    found = scorers[dimension].score(ScoringContext(assessment(answers), questionnaire))
    assert len(found) == 1
    return found[0]


def test_one_module_per_dimension_each_registering_one_scorer():
    modules = sorted(PLUGINS.glob("score_*.py"))
    seen = set()
    for path in modules:
        registered = _register(path)
        assert len(registered) == 1, path.name
        scorer = registered[0]
        assert isinstance(scorer, Scorer)
        assert scorer.name == scorer.dimension
        assert path.stem == f"score_{scorer.dimension}"
        seen.add(scorer.dimension)
    assert seen == DIMENSIONS


def test_scorers_import_only_the_public_api_and_the_standard_library():
    for path in PLUGINS.glob("score_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module in ("cxmaturity", "math"), (path.name, node.module)
            elif isinstance(node, ast.Import):
                assert all(a.name in ("math",) for a in node.names), path.name


def test_investment_points_by_position(scorers, questionnaire):
    f = finding(scorers, questionnaire, "investment",
                {"invest.front_office": "heavily", "invest.analytics": "acquiring"})
    assert [(s.question, s.points, s.max_points) for s in f.steps] == [
        ("invest.front_office", 2, 2), ("invest.analytics", 1, 2)]
    assert f.score == 75.0
    assert (f.coverage.answered, f.coverage.asked) == (2, 2)
    assert f.values == {"invest.front_office": "heavily", "invest.analytics": "acquiring"}
    assert "already invested heavily" in f.text["en"]
    assert "investissement important" in f.text["fr"].lower()


@pytest.mark.parametrize("state", ["skipped", "dont_know", "not_applicable"])
def test_an_unanswered_question_lowers_coverage_never_the_score(scorers, questionnaire, state):
    f = finding(scorers, questionnaire, "investment",
                {"invest.front_office": "heavily", "invest.analytics": {"state": state}})
    assert f.score == 100.0
    assert (f.coverage.answered, f.coverage.asked) == (1, 2)
    assert f.questions == ["invest.front_office"]


def test_fewer_than_half_answered_gives_no_score(scorers, questionnaire):
    # tools: 7 asked, 3 answered -> below half, no score; 4 answered -> scored.
    three = {"tools.chatbots.tenure": "over_2y", "tools.ivr.tenure": "over_2y",
             "tools.self_service.tenure": "over_2y"}
    f = finding(scorers, questionnaire, "tools", three)
    assert f.score is None
    assert (f.coverage.answered, f.coverage.asked) == (3, 7)
    assert f.text["en"] == "Too few AI-tool questions answered to score (3 of 7)."
    assert f.text["fr"].startswith("Trop peu de réponses")
    f = finding(scorers, questionnaire, "tools", {**three, "tools.recommendation.tenure": "none"})
    assert f.score == 75.0


def test_nothing_answered_gives_no_score(scorers, questionnaire):
    for dimension in DIMENSIONS:
        f = finding(scorers, questionnaire, dimension, {})
        assert f.score is None, dimension
        assert f.coverage.answered == 0
        assert f.text["en"] and f.text["fr"]


def test_strategy_weighs_customer_proximity_double(scorers, questionnaire):
    f = finding(scorers, questionnaire, "strategy",
                {"strategy.efficiency": "strongly_agree", "strategy.proximity": "neutral"})
    assert [(s.points, s.max_points) for s in f.steps] == [(4, 4), (2, 8)]
    assert f.score == 50.0
    g = finding(scorers, questionnaire, "strategy",
                {"strategy.efficiency": "neutral", "strategy.proximity": "strongly_agree"})
    assert g.score == 75.0  # the same answers swapped: proximity weighs more
    assert "counts double" in g.text["en"] and "compte double" in g.text["fr"]


def test_tools_breadth_and_tenure(scorers, questionnaire):
    answers = {q: "under_2y" for q in (
        "tools.self_service.tenure", "tools.chatbots.tenure", "tools.sentiment.tenure",
        "tools.agent_assist.tenure", "tools.ivr.tenure", "tools.virtual_assistant.tenure")}
    answers["tools.recommendation.tenure"] = "none"
    f = finding(scorers, questionnaire, "tools", answers)
    assert f.score == round(100 * 6 / 14, 1)
    assert "6 of the 7" in f.text["en"] and "personalised recommendations" in f.text["en"]
    answers["tools.chatbots.tenure"] = "over_2y"
    assert finding(scorers, questionnaire, "tools", answers).score == 50.0


def test_brand_counts_practices_and_brand_image(scorers, questionnaire):
    f = finding(scorers, questionnaire, "brand", {
        "brand.uses": ["align_strategy", "perception_gap", "agent_prompts"],
        "impact.brand_image": "some"})
    assert [(s.points, s.max_points) for s in f.steps] == [(3, 5), (1, 2)]
    assert f.score == round(100 * 4 / 7, 1)
    none = finding(scorers, questionnaire, "brand",
                   {"brand.uses": ["none"], "impact.brand_image": "none"})
    assert none.score == 0.0 and none.coverage.answered == 2


def test_automation_counts_full_automation_double(scorers, questionnaire):
    f = finding(scorers, questionnaire, "automation", {
        "automation.fully_automated": "25_50",
        "journey.discovery.ai_share": "10_25", "journey.consideration.ai_share": "10_25",
        "journey.purchase.ai_share": "under_10", "journey.service.ai_share": "over_75"})
    assert [(s.points, s.max_points) for s in f.steps][0] == (4, 8)
    assert f.score == round(100 * (4 + 1 + 1 + 0 + 4) / 24, 1)
    assert "after-sales service" in f.text["en"] and "purchase" in f.text["en"]


def test_sentiment_none_deployed_scores_zero_on_tenure_alone(scorers, questionnaire):
    f = finding(scorers, questionnaire, "sentiment", {"tools.sentiment.tenure": "none"})
    assert f.score == 0.0
    assert (f.coverage.answered, f.coverage.asked) == (1, 1)  # the uses were never asked
    assert f.questions == ["tools.sentiment.tenure"]


def test_sentiment_counts_uses_and_none_of_these_scores_nothing(scorers, questionnaire):
    f = finding(scorers, questionnaire, "sentiment",
                {"tools.sentiment.tenure": "over_2y", "sentiment.uses": ["none"]})
    assert f.score == round(100 * 2 / 7, 1)
    f = finding(scorers, questionnaire, "sentiment", {
        "tools.sentiment.tenure": "under_2y",
        "sentiment.uses": ["structured", "unstructured", "chat_nlp", "voice"]})
    assert f.score == round(100 * 5 / 7, 1)
    assert (f.coverage.answered, f.coverage.asked) == (2, 2)


def test_sentiment_unknown_tenure_gives_no_score(scorers, questionnaire):
    f = finding(scorers, questionnaire, "sentiment",
                {"tools.sentiment.tenure": {"state": "dont_know"}})
    assert f.score is None
    assert (f.coverage.answered, f.coverage.asked) == (0, 1)


def test_outcomes_count_operating_costs_better_lower(scorers, questionnaire):
    # An AI tool in service: without one, outcomes earn nothing (test_stage_range.py).
    base = {"tools.chatbots.tenure": "under_2y", "kpi.revenue.change": "flat", "kpi.clv.change": "flat",
            "kpi.brand_awareness.change": "flat", "kpi.nps.change": "flat"}
    down = finding(scorers, questionnaire, "outcomes",
                   {**base, "kpi.opcost.change": "down_over_10"})
    up = finding(scorers, questionnaire, "outcomes", {**base, "kpi.opcost.change": "up_over_10"})
    assert down.steps[-1].points == 6 and up.steps[-1].points == 0
    assert down.score == round(100 * 18 / 30, 1)
    assert up.score == round(100 * 12 / 30, 1)
    assert "contact operating costs" in up.text["en"]  # the weakest result is named


def test_outcomes_impacts_weigh_like_a_kpi(scorers, questionnaire):
    f = finding(scorers, questionnaire, "outcomes", {
        "tools.chatbots.tenure": "over_2y",
        "kpi.revenue.change": "up_over_10", "impact.complaint_resolution": "significant",
        "impact.call_volume": "some", "impact.satisfaction": "none"})
    assert [(s.points, s.max_points) for s in f.steps] == [(6, 6), (6, 6), (3, 6), (0, 6)]
    assert f.score == 62.5
    assert (f.coverage.answered, f.coverage.asked) == (4, 8)


def test_a_shorter_questionnaire_asks_fewer_questions(scorers):
    quick = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    a = assessment({"strategy.proximity": "agree"})
    f = scorers["strategy"].score(ScoringContext(a, quick))[0]
    # strategy.efficiency is not in the quick questionnaire, so it is not asked at all.
    assert (f.coverage.answered, f.coverage.asked) == (1, 1)
    assert f.score == 50.0


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_gets_bilingual_findings(scorers, questionnaire, path):
    a = load_assessment(path, questionnaire)
    ctx = ScoringContext(a, questionnaire)
    for dimension, scorer in scorers.items():
        (f,) = scorer.score(ctx)
        assert f.dimension == dimension and f.scorer == scorer.name
        assert f.text["en"].strip() and f.text["fr"].strip()
        assert f.text["en"] != f.text["fr"]
        assert f.coverage.answered <= f.coverage.asked
        for step in f.steps:
            assert step.label["en"] and step.label["fr"]
            assert 0 <= step.points <= step.max_points


def test_each_scorer_declares_the_questions_it_reads(scorers, questionnaire):
    # A missing answer is reported against the dimensions whose scorers read it.
    for dimension, scorer in scorers.items():
        assert scorer.questions, dimension
        for qid in scorer.questions:
            assert questionnaire.question(qid) is not None, (dimension, qid)
    assert "tools.sentiment.tenure" in scorers["sentiment"].questions
    assert "impact.brand_image" in scorers["brand"].questions


# --- the batch method: every built-in scorer scores a chunk exactly as it scores one ---------------

TOOLS = [f"tools.{t}.tenure" for t in ("self_service", "chatbots", "sentiment", "agent_assist", "ivr",
                                       "virtual_assistant", "recommendation")]


def _variants(doc: dict, rng: random.Random):
    """The generated assessment, the same with no AI tool in service, and with answers left out."""
    yield doc
    no_ai = {q: a for q, a in doc["answers"].items() if q != "sentiment.uses"}
    yield {**doc, "answers": {**no_ai, **{q: "none" for q in TOOLS}}}
    share = rng.choice((0.3, 0.6, 0.9))
    yield {**doc, "answers": {q: a for q, a in doc["answers"].items() if rng.random() >= share}}


def test_every_builtin_scorer_batches_exactly_as_it_scores(scorers, questionnaire):
    quick = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    rng = random.Random(17)
    docs = [v for doc in assessments(120, seed=17) for v in _variants(doc, rng)]
    contexts = [ScoringContext(Assessment.model_validate(d), q) for d in docs for q in (questionnaire, quick)]
    for dimension, scorer in scorers.items():
        batched = scorer.score_batch(contexts)
        assert len(batched) == len(contexts) and None not in batched, dimension
        for ctx, found in zip(contexts, batched, strict=True):
            assert [f.model_dump() for f in found] == [f.model_dump() for f in scorer.score(ctx)], dimension
    # Both sides of the outcomes scorer's gate were met: points kept, and points taken away.
    outcomes = [f for [f] in scorers["outcomes"].score_batch(contexts) if f.score is not None]
    assert any(f.score > 0 for f in outcomes)
    assert any(f.text["en"].startswith("No AI tool in service") for f in outcomes)
