"""Placement against the cohorts: hand-computed cases on small cohort files, then the real data.

The fixtures here are built in the test, so that a change to the report's data file cannot
silently change what these cases check; the last tests run the real file on every example.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

from cxmaturity.cohorts import compared, memberships, place
from cxmaturity.loader import load, load_assessment, load_questionnaire
from cxmaturity.models import CohortFile, Figure
from cxmaturity.picture import picture

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


fig_dict = fig


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


# --- DESIGN.md's worked example: Figure 2, front office ----------------------------------


def shares(p):
    return p.shares.worse, p.shares.equal, p.shares.better


def test_worked_example_acquiring(questionnaire, cohort_file):
    answers = {"invest.front_office": "acquiring", "profile.cx_position": "on_par"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    everyone = only(placements, "all", "invest.front_office")
    # The unlabelled 3 counts below "basic": W = 3 + 15, E = 54, B = 28.
    assert shares(everyone) == ((18, 18), (54, 54), (28, 28))
    assert everyone.verdict == "level" and everyone.certain
    assert everyone.shares.percentile == (18, 72) and everyone.shares.derived is True
    # The CX leaders are compared although the company is not one of them: 5 + 9, 21, 65.
    leaders = only(placements, "cx_leaders", "invest.front_office")
    assert shares(leaders) == ((14, 14), (21, 21), (65, 65))
    assert leaders.verdict == "behind" and leaders.certain
    assert leaders.figure == "fo-leaders" and leaders.source == "Figure X"
    assert leaders.confidence == "figure_ambiguous" and leaders.alternative == AMBIGUOUS
    assert [f.id for f in leaders.figures] == ["fo-leaders"]
    assert leaders.text["en"].startswith("CX leaders: 9% “Basic automation only”")
    assert "14% answered worse, 21% the same, 65% better; percentile 14–35 (derived by this tool)" in leaders.text["en"]
    assert "5% unlabelled" in leaders.text["en"] and "ambiguous figure" in leaders.text["en"]
    assert "centile 14 à 35 (calculs de l'outil)" in leaders.text["fr"]
    assert "chiffre ambigu" in leaders.text["fr"]


def test_worked_example_heavily_invested(questionnaire, cohort_file):
    answers = {"invest.front_office": "heavily"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    # Sharing the top answer with two thirds of the leaders is level, not ahead.
    leaders = only(placements, "cx_leaders", "invest.front_office")
    assert shares(leaders) == ((35, 35), (65, 65), (0, 0))
    assert leaders.verdict == "level" and leaders.certain
    everyone = only(placements, "all", "invest.front_office")
    assert shares(everyone)[0] == (72, 72) and everyone.verdict == "ahead"
    assert everyone.shares.percentile == (72, 100)
    _, bottom, _ = run({"invest.front_office": "basic"}, questionnaire, cohort_file)
    low = only(bottom, "all", "invest.front_office")
    assert shares(low) == ((3, 3), (15, 15), (82, 82)) and low.verdict == "behind"


# --- single shares: bounds, not exact numbers --------------------------------------------


def test_a_rare_practice_adopted_is_ahead(questionnaire, cohort_file):
    answers = {"brand.uses": ["perception_gap", "formal_metrics"]}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    p = only(placements, "all", "brand.uses")
    # Only 7% have formal metrics: the 93% without them have fewer of the company's practices.
    assert shares(p) == ((93, 93), (7, 7), (0, 0))
    assert p.verdict == "ahead" and p.certain
    assert p.value == 7 and p.options == ["formal_metrics"] and p.fact_id == "formal_metrics_all"
    assert p.text["en"].startswith("All respondents: 7% selected “We track formal")
    assert "93% have only some of your practices" in p.text["en"]
    assert p.text["fr"].startswith("Ensemble des répondants : 7 % ont coché « ")


def test_a_practice_most_lack_is_level_when_lacking_it(questionnaire, cohort_file):
    _, placements, _ = run({"brand.uses": ["none"]}, questionnaire, cohort_file)
    p = only(placements, "all", "brand.uses")
    assert shares(p) == ((0, 0), (93, 93), (7, 7))
    assert p.verdict == "level" and p.certain
    # "Less than 15%" of the leaders: B is a range, the verdict stays level whatever it is.
    leaders = only(placements, "cx_leaders", "brand.uses")
    assert leaders.shares.better == (0, 15) and leaders.verdict == "level" and leaders.certain
    assert "less than 15% selected" in leaders.text["en"]
    assert "moins de 15 % ont coché" in leaders.text["fr"]


def test_more_than_is_a_bound_and_the_verdict_says_it_is_not_certain(questionnaire, cohort_file):
    answers = {"kpi.nps.change": "up_over_10", "profile.cx_position": "ahead"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    p = only(placements, "cx_leaders", "kpi.nps.change")
    # "More than 57%" chose up 5-10 or up more than 10: how many of them chose the top answer
    # is unknown, so anywhere from none to all of the cohort answered worse.
    assert p.comparator == "more_than"
    assert p.shares.worse == (0, 100) and p.shares.better == (0, 0)
    assert p.verdict == "level" and not p.certain and p.could_be == ["ahead"]
    assert p.text["en"].startswith(
        "CX leaders: more than 57% answered “Up 5 to 10%” or “Up more than 10%”; "
    )
    assert p.text["fr"].startswith("Leaders CX : plus de 57 % ont répondu « ")


def test_a_bound_that_reaches_a_threshold_gives_an_uncertain_level(questionnaire):
    """"More than two thirds use it": a company without the tool is behind for certain; one
    with it could be anywhere from level to ahead, and says so."""
    q = questionnaire.question("tools.chatbots.tenure")
    fig = Figure.model_validate(fig_dict("c", "all", "tools.chatbots.tenure",
                                         options=["under_2y", "over_2y"], value=67,
                                         comparator="more_than"))
    none = picture(q, [fig], "none", LIMITS)
    assert none.better == (67, 100) and none.verdict == "behind" and none.certain
    top = picture(q, [fig], "over_2y", LIMITS)
    assert top.worse == (0, 100) and top.better == (0, 0)
    assert top.verdict == "level" and not top.certain and top.could_be == ["ahead"]


def test_about_carries_into_the_words(questionnaire, cohort_file):
    _, placements, _ = run({"impact.satisfaction": "none"}, questionnaire, cohort_file)
    p = only(placements, "all", "impact.satisfaction")
    assert shares(p) == ((0, 0), (20, 20), (80, 80)) and p.verdict == "behind"
    assert "roughly 80% answered" in p.text["en"]
    assert "quelque 80 % ont répondu" in p.text["fr"]


def test_better_lower_turns_the_scale_round(questionnaire, cohort_file):
    _, up, _ = run({"kpi.opcost.change": "up_5_10"}, questionnaire, cohort_file)
    p = only(up, "all", "kpi.opcost.change")
    # 60% had rising costs; up 5-10 is worse than every answer outside them, and how the 60%
    # split between the three rises is unknown.
    assert p.better == "lower"
    assert p.shares.worse == (0, 60) and p.shares.better == (40, 100)
    assert p.verdict == "level" and p.could_be == ["ahead", "behind"]
    assert "the company could be ahead or behind" in p.text["en"]
    _, down, _ = run({"kpi.opcost.change": "down_5_10"}, questionnaire, cohort_file)
    p = only(down, "all", "kpi.opcost.change")
    assert p.shares.worse == (60, 100) and p.verdict == "ahead" and p.certain


def test_two_figures_on_one_question_make_one_verdict(questionnaire, cohort_file):
    """The complaint of issue 13: costs up less than 5% read behind on one row and ahead on the
    next. Both figures now bound one picture."""
    doubled = cohort_file.model_copy(deep=True)
    doubled.figures.append(Figure.model_validate(fig_dict(
        "opcost-5-all", "all", "kpi.opcost.change", options=["up_5_10", "up_over_10"], value=33,
        comparator="about", better="lower")))
    ms = memberships({}, questionnaire, [doubled])
    placements, _ = place({"kpi.opcost.change": "up_under_5"}, questionnaire, [doubled], ms)
    p = only(placements, "all", "kpi.opcost.change")
    assert shares(p) == ((33, 33), (27, 27), (40, 40))
    assert p.shares.percentile == (33, 60) and p.verdict == "level" and p.certain
    assert [f.id for f in p.figures] == ["opcost-all", "opcost-5-all"]


# --- the thresholds, exactly at their values ----------------------------------------------

LIMITS = (60, 40)


def _dist(questionnaire, shares_):
    q = questionnaire.question("invest.front_office")
    fig = Figure.model_validate(fig_dict("d", "all", "invest.front_office", distribution={
        o: {"value": v} for o, v in zip(("basic", "acquiring", "heavily"), shares_, strict=True)}))
    return q, fig


@pytest.mark.parametrize(
    ("spread", "answer", "verdict"),
    [
        ((60, 40, 0), "acquiring", "ahead"),  # W = 60 exactly: a clear majority worse
        ((59.9, 40.1, 0), "acquiring", "level"),
        ((0, 40, 60), "acquiring", "behind"),  # B = 60 exactly: percentile tops out at 40
        ((0, 40.1, 59.9), "acquiring", "level"),
        ((40, 60, 0), "heavily", "ahead"),  # W = 40 + 60 when the top answer is heavily
    ],
)
def test_verdict_thresholds_at_exactly_60_and_40(questionnaire, spread, answer, verdict):
    q, fig = _dist(questionnaire, spread)
    pic = picture(q, [fig], answer, LIMITS)
    assert pic.verdict == verdict and pic.certain


def test_threshold_at_the_end_of_a_range_is_not_certain(questionnaire):
    q = questionnaire.question("strategy.efficiency")
    fig = Figure.model_validate(fig_dict("s", "all", "strategy.efficiency",
                                         options=["agree", "strongly_agree"], value=[40, 60],
                                         comparator="range"))
    pic = picture(q, [fig], "agree", LIMITS)
    # 40 to 60% agree: the 40-60% below could be a clear majority, or the 40-60% agreeing
    # could all agree strongly.
    assert pic.worse == (40, 60) and pic.better == (0, 60)
    assert pic.verdict == "level" and pic.could_be == ["ahead", "behind"]


def test_thresholds_must_leave_a_majority_on_each_side():
    from pydantic import ValidationError

    from cxmaturity.models import Thresholds

    Thresholds(ahead_from=60, behind_below=40)
    for bad in ({"ahead_from": 50}, {"behind_below": 50}, {"ahead_from": 101}):
        with pytest.raises(ValidationError):
            Thresholds(**bad)


# --- figures that cannot be combined -------------------------------------------------------


def test_a_figure_that_measures_something_else_is_set_aside(questionnaire):
    q = questionnaire.question("tools.ivr.tenure")
    why = {"en": "it counts keypad menus too", "fr": "il compte aussi les menus à touches"}
    ivr = Figure.model_validate(fig_dict("ivr", "all", "tools.ivr.tenure",
                                         options=["under_2y", "over_2y"], value=87,
                                         matches=False, mismatch=why))
    pic = picture(q, [ivr], "over_2y", LIMITS)
    assert pic.verdict == "no_benchmark" and pic.set_aside == [(ivr, "mismatch")]


def test_matches_false_needs_a_reason():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="mismatch"):
        Figure.model_validate(fig_dict("ivr", "all", "tools.ivr.tenure", options=["over_2y"],
                                       value=87, matches=False))


def test_an_average_beside_a_share_is_set_aside(questionnaire, cohort_file):
    both = cohort_file.model_copy(deep=True)
    both.figures.append(Figure.model_validate(fig_dict(
        "auto-most", "all", "automation.fully_automated", options=["50_75", "over_75"], value=10)))
    ms = memberships({}, questionnaire, [both])
    placements, _ = place({"automation.fully_automated": "25_50"}, questionnaire, [both], ms)
    p = only(placements, "all", "automation.fully_automated")
    assert [f.id for f in p.figures] == ["auto-most"]
    assert [s.figure for s in p.set_aside] == ["auto-avg"]
    assert "an average answer, not a share of the cohort" in p.set_aside[0].reason["en"]
    assert "Not used: on average 25% to 50%" in p.text["en"]
    assert p.shares.better == (10, 10) and p.verdict == "level"


# --- an average alone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("band", "could_be", "words"),
    [
        ("50_75", ["ahead"], "is above it"),
        ("over_75", ["ahead"], "is above it"),
        ("25_50", ["ahead", "behind"], "is within it"),
        ("10_25", ["behind"], "is below it"),
        ("under_10", ["behind"], "is below it"),
    ],
)
def test_an_average_alone_leans_but_never_decides(questionnaire, cohort_file, band, could_be, words):
    _, placements, _ = run({"automation.fully_automated": band}, questionnaire, cohort_file)
    p = only(placements, "all", "automation.fully_automated")
    assert p.verdict == "level" and not p.certain and p.could_be == could_be
    assert p.shares is None and p.comparator == "range" and p.value == (25, 50)
    assert p.text["en"].startswith("All respondents: on average 25% to 50%; your answer ")
    assert f"{words}." in p.text["en"]
    assert p.text["fr"].startswith("Ensemble des répondants : en moyenne 25 % à 50 %")


def test_range_with_better_lower_flips(questionnaire, cohort_file):
    flipped = cohort_file.model_copy(deep=True)
    flipped.figures[4].better = "lower"
    placements, _ = place({"automation.fully_automated": "50_75"}, questionnaire, [flipped],
                          memberships({}, questionnaire, [flipped]))
    p = only(placements, "all", "automation.fully_automated")
    assert p.verdict == "level" and p.could_be == ["behind"]
    assert "lower is better" in p.text["en"] and "plus bas vaut mieux" in p.text["fr"]


# --- no benchmark, unanswered, statements ------------------------------------------------


def test_cohort_without_a_figure_says_no_benchmark(questionnaire, cohort_file):
    answers = {"profile.headcount": "over_30000", "profile.cx_position": "ahead",
               "invest.front_office": "heavily"}
    _, placements, _ = run(answers, questionnaire, cohort_file)
    large = only(placements, "large", "invest.front_office")
    assert large.verdict == "no_benchmark"
    assert large.figure is None and large.shares is None and large.source is None
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
        assert p.shares is None or 0 <= p.shares.percentile[0] <= p.shares.percentile[1] <= 100
    assert {p.cohort for p in placements} >= {"all", "cx_leaders"}
    for s in statements:
        assert s.source and s.confidence


@pytest.mark.skipif(not REPORT_FILE.exists(), reason="the report's cohort file is not there yet")
def test_the_worked_examples_in_the_docs_are_what_the_tool_says(questionnaire):
    """docs/cohorts.md quotes the tool's own words: they cannot drift from it."""
    doc = (ROOT / "docs" / "cohorts.md").read_text()
    report = load(REPORT_FILE, CohortFile)
    ms = [m.model_copy(update={"always_compared": True}) for m in memberships({}, questionnaire, [report])]
    for question, answer, cohort in (("invest.front_office", "acquiring", "cx_leaders"),
                                     ("kpi.revenue.change", "up_5_10", "all")):
        placements, _ = place({question: answer}, questionnaire, [report], ms)
        p = only(placements, cohort, question)
        assert f"> {p.text['en']}\n" in doc
