"""Tests of the nps plugin, with cxmaturity's pytest fixtures (cxmaturity.testing)."""

import json

from cxmaturity_nps import NpsScorer

QUESTIONNAIRE = "cx-ai-2018"
BEST = {"kpi.nps.change": "up_over_10", "practices.nps_each_step": "in_place"}


def test_the_best_answers_score_100(cx_score):
    [finding] = cx_score(NpsScorer(), BEST, QUESTIONNAIRE)
    assert finding.score == 100.0
    assert (finding.coverage.answered, finding.coverage.asked) == (2, 2)


def test_points_per_option_add_up(cx_score):
    # up_5_10 is 5 of 6 points, planned 1 of 2: 6 of 8 = 75.
    [finding] = cx_score(NpsScorer(), {"kpi.nps.change": "up_5_10", "practices.nps_each_step": "planned"})
    assert finding.score == 75.0
    assert [(s.question, s.points, s.max_points) for s in finding.steps] == [
        ("kpi.nps.change", 5, 6),
        ("practices.nps_each_step", 1, 2),
    ]


def test_dont_know_is_left_out_not_counted_as_zero(cx_score):
    answers = {**BEST, "kpi.nps.change": {"state": "dont_know"}}
    [finding] = cx_score(NpsScorer(), answers, QUESTIONNAIRE)
    assert finding.score == 100.0 and finding.coverage.answered == 1


def test_the_quick_questionnaire_asks_one_question(cx_score):
    [finding] = cx_score(NpsScorer(), {"kpi.nps.change": "flat"}, "cx-ai-2018-quick")
    assert finding.score == 50.0 and (finding.coverage.answered, finding.coverage.asked) == (1, 1)


def test_its_dimension_in_the_result(cx_evaluate):
    result = cx_evaluate(BEST, QUESTIONNAIRE)
    [dimension] = [d for d in result.dimensions if d.id == "nps"]
    assert dimension.score == 100.0 and dimension.label["en"] == "Net Promoter Score"
    assert dimension.in_overall == "apart" and dimension.weight == 0


def test_the_command_line_scores_it(cx_cli, tmp_path):
    answers = tmp_path / "answers.yaml"  # JSON is YAML too
    answers.write_text(json.dumps({"questionnaire": {"id": QUESTIONNAIRE, "version": 1},
                                   "company": {"id": "acme", "name": "Acme"}, "answers": BEST}))
    result = cx_cli("score", str(answers), "--format", "json", "--strict")
    assert result.exit_code == 0, result.stderr
    assert "nps" in [d["id"] for d in json.loads(result.stdout)["dimensions"]]


def test_listed_by_cxmaturity_plugins(cx_cli):
    [plugin] = json.loads(cx_cli("plugins", "--json", "--strict").stdout)
    assert plugin["name"] == "nps" and plugin["errors"] == []
    assert [s["dimension"] for s in plugin["scorers"]] == ["nps"]
