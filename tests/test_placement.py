"""Placement against the cohorts: hand-computed cases on small cohort files, then the real data.

The fixtures here are built in the test, so that a change to the report's data file cannot
silently change what these cases check; the last tests run the real file on every example.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

from cxmaturity.cohorts import compared, memberships, place
from cxmaturity.loader import load, load_assessment, load_questionnaire
from cxmaturity.models import CohortFile

REPORT_FILE = ROOT / "benchmarks" / "cohorts" / "mit-tr-2018.yaml"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")


COHORTS = [
    {"id": "all", "label": {"en": "All respondents", "fr": "Ensemble des répondants"},
     "n": 599, "always_compared": True},
    {"id": "cx_leaders", "label": {"en": "CX leaders", "fr": "Leaders CX"},
     "member_when": {"q": "profile.cx_position", "in": ["ahead"]}, "always_compared": True},
    {"id": "large", "label": {"en": "Companies over 30,000 employees", "fr": "Plus de 30 000"},
     "member_when": {"q": "profile.headcount", "in": ["over_30000"]}},
    {"id": "europe", "label": {"en": "Europe", "fr": "Europe"},
     "member_when": {"q": "profile.region", "in": ["europe"]}},
    {"id": "north_america", "label": {"en": "North America", "fr": "Amérique du Nord"},
     "member_when": {"q": "profile.region", "in": ["north_america"]}},
    {"id": "sentiment_adopters", "label": {"en": "Sentiment adopters", "fr": "Adeptes"},
     "member_when": {"q": "sentiment.uses", "gte": 4}},
    {"id": "no_sentiment", "label": {"en": "No sentiment analysis", "fr": "Sans analyse"},
     "member_when": {"any": [{"q": "sentiment.uses", "in": ["none"]},
                             {"q": "tools.sentiment.tenure", "in": ["none"]}]}},
]

AMBIGUOUS = {"en": "Labels lost.", "fr": "Libellés perdus."}


def fig(id, cohort, question, **kw):
    return {"id": id, "cohort": cohort, "question": question, "source": "Figure X",
            "confidence": "stated", **kw}


FIGURES = [
    # DESIGN.md's worked example, Figure 2 front office.
    fig("fo-all", "all", "invest.front_office", confidence="figure_ambiguous",
        alternative=AMBIGUOUS, distribution={
            "basic": {"value": 15}, "acquiring": {"value": 54}, "heavily": {"value": 28}}),
    fig("fo-leaders", "cx_leaders", "invest.front_office", confidence="figure_ambiguous",
        alternative=AMBIGUOUS, distribution={
            "basic": {"value": 9}, "acquiring": {"value": 21}, "heavily": {"value": 65}}),
    fig("metrics-all", "all", "brand.uses", options=["formal_metrics"], value=7,
        fact_id="formal_metrics_all"),
    fig("metrics-leaders", "cx_leaders", "brand.uses", options=["formal_metrics"], value=15,
        comparator="less_than"),
    fig("auto-avg", "all", "automation.fully_automated", value=[25, 50], comparator="range"),
    fig("nps-leaders", "cx_leaders", "kpi.nps.change", options=["up_5_10", "up_over_10"],
        value=57, comparator="more_than"),
    fig("opcost-all", "all", "kpi.opcost.change",
        options=["up_under_5", "up_5_10", "up_over_10"], value=60, better="lower"),
    fig("sat-all", "all", "impact.satisfaction", options=["some", "significant"], value=80,
        comparator="about"),
]

STATEMENTS = [
    {"id": "eu-gap", "cohort": "europe", "question": "automation.fully_automated",
     "text": {"en": "Europe trails on automation.", "fr": "L'Europe est en retrait."},
     "source": "Section 7", "confidence": "stated"},
    {"id": "na-general", "cohort": "north_america",
     "text": {"en": "North America leads.", "fr": "L'Amérique du Nord mène."},
     "source": "Section 7", "confidence": "stated"},
    {"id": "all-general", "cohort": "all",
     "text": {"en": "Everyone automates.", "fr": "Tout le monde automatise."},
     "source": "Section 4", "confidence": "stated"},
]


@pytest.fixture(scope="module")
def cohort_file():
    return CohortFile.model_validate({
        "id": "test-survey", "title": {"en": "Test", "fr": "Test"}, "questionnaire": "cx-ai-2018",
        "survey": {"n": 599}, "placement": {"ahead_from": 60, "behind_below": 40},
        "cohorts": COHORTS, "figures": FIGURES, "statements": STATEMENTS,
    })


def run(answers, questionnaire, cohort_file):
    ms = memberships(answers, questionnaire, [cohort_file])
    return ms, *place(answers, questionnaire, [cohort_file], ms)


def only(placements, cohort, question):
    found = [p for p in placements if p.cohort == cohort and p.question == question]
    assert len(found) == 1, found
    return found[0]


# --- the worked example, full distribution -----------------------------------------------


def test_distribution_places_at_the_percentile_of_the_worked_example(questionnaire, cohort_file):
    answers = {"invest.front_office": "acquiring", "profile.cx_position": "on_par"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    everyone = only(placements, "all", "invest.front_office")
    # 3 unlabelled + 15 basic + 54/2 acquiring.
    assert everyone.position == 45
    assert everyone.verdict == "level"
    # The CX leaders are compared although the company is not one of them: 5 + 9 + 21/2.
    leaders = only(placements, "cx_leaders", "invest.front_office")
    assert leaders.position == 24.5
    assert leaders.verdict == "behind"
    assert leaders.figure == "fo-leaders" and leaders.source == "Figure X"
    assert leaders.confidence == "figure_ambiguous" and leaders.alternative == AMBIGUOUS
    assert leaders.text["en"].startswith("CX leaders: at the 25th percentile")
    assert "ambiguous figure" in leaders.text["en"]
    assert leaders.text["fr"].startswith("Leaders CX : au 25e centile")
    assert "chiffre ambigu" in leaders.text["fr"]
    assert "5% unlabelled" in leaders.text["en"]


def test_distribution_top_and_bottom_options(questionnaire, cohort_file):
    _, top, _ = run({"invest.front_office": "heavily"}, questionnaire, cohort_file)
    # 3 + 15 + 54 + 28/2 = 86.
    assert only(top, "all", "invest.front_office").position == 86
    assert only(top, "all", "invest.front_office").verdict == "ahead"
    _, bottom, _ = run({"invest.front_office": "basic"}, questionnaire, cohort_file)
    assert only(bottom, "all", "invest.front_office").position == 10.5
    assert only(bottom, "all", "invest.front_office").verdict == "behind"


# --- single shares -----------------------------------------------------------------------


def test_single_share_among_the_few_is_ahead(questionnaire, cohort_file):
    answers = {"brand.uses": ["perception_gap", "formal_metrics"]}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    p = only(placements, "all", "brand.uses")
    assert p.position == 96.5  # (100 - 7) + 7/2
    assert p.verdict == "ahead"
    assert p.value == 7 and p.options == ["formal_metrics"] and p.fact_id == "formal_metrics_all"
    assert p.text["en"].startswith("All respondents: among the 7% who selected “We track formal")
    assert p.text["fr"].startswith("Ensemble des répondants : parmi les 7 % qui ont coché « ")


def test_single_share_outside_is_among_the_others(questionnaire, cohort_file):
    _, placements, _ = run({"brand.uses": ["none"]}, questionnaire, cohort_file)
    p = only(placements, "all", "brand.uses")
    assert p.position == 46.5  # (100 - 7) / 2
    assert p.verdict == "level"
    assert "among the 93% who did not select" in p.text["en"]
    # The other side of "less than 15%" is "more than 85%".
    leaders = only(placements, "cx_leaders", "brand.uses")
    assert "among the more than 85% who did not select" in leaders.text["en"]
    assert "parmi les plus de 85 % qui n'ont pas coché" in leaders.text["fr"]


def test_more_than_carries_into_the_words(questionnaire, cohort_file):
    answers = {"kpi.nps.change": "up_over_10", "profile.cx_position": "ahead"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    p = only(placements, "cx_leaders", "kpi.nps.change")
    assert p.comparator == "more_than"
    assert p.position == 71.5  # 43 + 57/2
    assert p.verdict == "ahead"
    assert p.text["en"] == (
        "CX leaders: among the more than 57% who answered “Up 5 to 10%” or “Up more than 10%”."
    )
    assert p.text["fr"].startswith("Leaders CX : parmi les plus de 57 % qui ont répondu « ")


def test_about_carries_into_the_words(questionnaire, cohort_file):
    _, placements, _ = run({"impact.satisfaction": "none"}, questionnaire, cohort_file)
    p = only(placements, "all", "impact.satisfaction")
    assert p.position == 10 and p.verdict == "behind"
    assert "among the roughly 20% who did not answer" in p.text["en"]
    assert "parmi les quelque 20 % qui n'ont répondu ni" in p.text["fr"]


def test_better_lower_mirrors_the_share(questionnaire, cohort_file):
    _, up, _ = run({"kpi.opcost.change": "up_5_10"}, questionnaire, cohort_file)
    p = only(up, "all", "kpi.opcost.change")
    # Among the 60% whose costs rose: the worse side, mirrored to 60/2.
    assert p.better == "lower"
    assert p.position == 30 and p.verdict == "behind"
    assert "among the 60% who answered" in p.text["en"]
    _, down, _ = run({"kpi.opcost.change": "down_5_10"}, questionnaire, cohort_file)
    p = only(down, "all", "kpi.opcost.change")
    assert p.position == 80 and p.verdict == "ahead"  # 60 + 40/2
    assert "among the 40% who did not answer" in p.text["en"]


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("band", "verdict", "words"),
    [
        ("50_75", "ahead", "is above it"),
        ("over_75", "ahead", "is above it"),
        ("25_50", "level", "is within it"),
        ("10_25", "behind", "is below it"),
        ("under_10", "behind", "is below it"),
    ],
)
def test_range_compares_the_band_edges(questionnaire, cohort_file, band, verdict, words):
    _, placements, _ = run({"automation.fully_automated": band}, questionnaire, cohort_file)
    p = only(placements, "all", "automation.fully_automated")
    assert p.verdict == verdict
    assert p.position is None and p.comparator == "range" and p.value == (25, 50)
    assert p.text["en"].startswith("All respondents: on average 25% to 50%; your answer (“")
    assert p.text["en"].endswith(f"{words}.")
    assert p.text["fr"].startswith("Ensemble des répondants : en moyenne 25 % à 50 %")


def test_range_with_better_lower_flips(questionnaire, cohort_file):
    flipped = cohort_file.model_copy(deep=True)
    flipped.figures[4].better = "lower"
    placements, _ = place({"automation.fully_automated": "50_75"}, questionnaire, [flipped],
                          memberships({}, questionnaire, [flipped]))
    p = only(placements, "all", "automation.fully_automated")
    assert p.verdict == "behind"
    assert "lower is better" in p.text["en"] and "plus bas vaut mieux" in p.text["fr"]


# --- no benchmark, unanswered, statements ------------------------------------------------


def test_cohort_without_a_figure_says_no_benchmark(questionnaire, cohort_file):
    answers = {"profile.headcount": "over_30000", "profile.cx_position": "ahead",
               "invest.front_office": "heavily"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    large = only(placements, "large", "invest.front_office")
    assert large.verdict == "no_benchmark"
    assert large.figure is None and large.position is None and large.source is None
    assert large.answer == "heavily"
    assert large.text["en"] == "Companies over 30,000 employees: no benchmark for this question."
    assert "pas de référence chiffrée" in large.text["fr"]
    # Ordered by question, then cohort as the memberships list them.
    on_question = [p.cohort for p in placements if p.question == "invest.front_office"]
    assert on_question == ["all", "cx_leaders", "large"]


def test_no_placement_for_cohorts_not_compared(questionnaire, cohort_file):
    answers = {"profile.headcount": "up_to_1000", "profile.region": "europe",
               "kpi.nps.change": "flat"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    cohorts = {p.cohort for p in placements}
    # Europe is compared (no figure on NPS: no benchmark); large is not compared at all.
    assert cohorts == {"all", "cx_leaders", "europe"}
    assert only(placements, "europe", "kpi.nps.change").verdict == "no_benchmark"
    assert only(placements, "all", "kpi.nps.change").verdict == "no_benchmark"


def test_unanswered_question_gets_no_placement(questionnaire, cohort_file):
    ms = memberships({}, questionnaire, [cohort_file])
    placements, statements = place({}, questionnaire, [cohort_file], ms)
    assert placements == []
    # A statement tied to no question still applies to a compared cohort.
    assert [s.id for s in statements] == ["all-general"]


def test_skipped_and_dont_know_answers_are_missing_not_behind(questionnaire, cohort_file):
    from cxmaturity.models import Assessment

    assessment = Assessment.model_validate({
        "questionnaire": {"id": "cx-ai-2018", "version": 1},
        "company": {"id": "x", "name": "X"},
        "answers": {"invest.front_office": {"state": "dont_know"},
                    "brand.uses": {"state": "skipped"},
                    "kpi.opcost.change": "up_over_10"},
    })
    ms = memberships(assessment, questionnaire, [cohort_file])
    placements, _ = place(assessment, questionnaire, [cohort_file], ms)
    assert {p.question for p in placements} == {"kpi.opcost.change"}


def test_statements_of_compared_cohorts_come_back_unchanged(questionnaire, cohort_file):
    answers = {"profile.region": "europe", "automation.fully_automated": "10_25"}
    ms, _, statements = run(answers, questionnaire, cohort_file)
    assert [s.id for s in statements] == ["eu-gap", "all-general"]
    assert statements[0] is cohort_file.statements[0]
    # North America's statement needs a North American company; Europe's needs its question.
    _, _, statements = run({"profile.region": "europe"}, questionnaire, cohort_file)
    assert [s.id for s in statements] == ["all-general"]
    _, _, statements = run({"profile.region": "north_america"}, questionnaire, cohort_file)
    assert [s.id for s in statements] == ["na-general", "all-general"]


# --- membership --------------------------------------------------------------------------


def member_ids(answers, questionnaire, cohort_file):
    return [m.id for m in memberships(answers, questionnaire, [cohort_file]) if m.member]


def test_membership_by_region_size_and_sentiment(questionnaire, cohort_file):
    answers = {
        "profile.region": "europe",
        "profile.headcount": "over_30000",
        "tools.sentiment.tenure": "over_2y",
        "sentiment.uses": ["structured", "unstructured", "chat_nlp", "voice"],
    }
    assert member_ids(answers, questionnaire, cohort_file) == [
        "all", "large", "europe", "sentiment_adopters"
    ]


def test_membership_three_uses_is_not_an_adopter(questionnaire, cohort_file):
    answers = {"tools.sentiment.tenure": "under_2y",
               "sentiment.uses": ["structured", "unstructured", "voice"]}
    assert member_ids(answers, questionnaire, cohort_file) == ["all"]


def test_membership_no_sentiment_when_no_tool(questionnaire, cohort_file):
    answers = {"tools.sentiment.tenure": "none", "profile.headcount": "10001_30000"}
    assert member_ids(answers, questionnaire, cohort_file) == ["all", "no_sentiment"]


def test_membership_records_source_label_n_and_the_always_compared(questionnaire, cohort_file):
    ms = memberships({"profile.cx_position": "on_par"}, questionnaire, [cohort_file])
    leaders = next(m for m in ms if m.id == "cx_leaders")
    assert not leaders.member and leaders.always_compared
    assert leaders.source == "test-survey" and leaders.origin == "report"
    assert leaders.label["fr"] == "Leaders CX"
    everyone = ms[0]
    assert everyone.member and everyone.n == 599
    assert [m.id for m in compared(ms)] == ["all", "cx_leaders"]


def test_placements_are_frozen_and_reused(questionnaire, cohort_file):
    answers = {"invest.front_office": "acquiring"}
    _, first, _ = run(answers, questionnaire, cohort_file)
    _, second, _ = run(answers, questionnaire, cohort_file)
    assert first == second
    with pytest.raises(Exception, match="frozen"):
        first[0].verdict = "ahead"


# --- the report's own data ---------------------------------------------------------------


@pytest.mark.skipif(not REPORT_FILE.exists(), reason="the report's cohort file is not there yet")
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_is_placed_with_provenance(questionnaire, example):
    report = load(REPORT_FILE, CohortFile)
    assessment = load_assessment(EXAMPLES / example, questionnaire)
    ms = memberships(assessment, questionnaire, [report])
    placements, statements = place(assessment, questionnaire, [report], ms)
    placed = [p for p in placements if p.verdict != "no_benchmark"]
    assert placed, "no placement at all"
    answered = assessment.answered()
    for p in placements:
        assert p.question in answered
        assert p.text["en"] and p.text["fr"]
    for p in placed:
        assert p.source and p.confidence, p
        assert p.figure and p.verdict in ("ahead", "level", "behind")
        assert p.position is None or 0 <= p.position <= 100
    assert {p.cohort for p in placements} >= {"all", "cx_leaders"}
    for s in statements:
        assert s.source and s.confidence
