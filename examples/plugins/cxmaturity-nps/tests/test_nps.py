"""Tests of the NPS scorer, written only against cxmaturity's public API."""

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from cxmaturity_nps import NpsScorer

from cxmaturity import Assessment, Questionnaire, ScoringContext

BAND = ["down_over_10", "down_5_10", "down_under_5", "flat", "up_under_5", "up_5_10", "up_over_10"]
STEPS = ["not_yet", "planned", "in_place"]


def _question(qid, options, **extra):
    opts = [{"id": o, "label": {"en": o, "fr": o}} for o in options]
    return {"id": qid, "type": "single", "text": {"en": qid, "fr": qid}, "options": opts, **extra}


QUESTIONNAIRE = Questionnaire.model_validate(
    {
        "id": "nps-test",
        "version": 1,
        "title": {"en": "NPS", "fr": "NPS"},
        "sections": [
            {
                "id": "nps",
                "title": {"en": "NPS", "fr": "NPS"},
                "questions": [
                    _question("kpi.nps.change", BAND, ordered=True),
                    _question("practices.nps_each_step", STEPS, ordered=True),
                ],
            }
        ],
    }
)


def _score(answers):
    assessment = Assessment.model_validate(
        {
            "questionnaire": {"id": "nps-test", "version": 1},
            "company": {"id": "acme", "name": "Acme"},
            "answers": answers,
        }
    )
    ctx = ScoringContext(assessment=assessment, questionnaire=QUESTIONNAIRE)
    [finding] = NpsScorer().score(ctx)
    return finding


def test_points_per_option_add_up():
    # up_5_10 is 5 of 6 points, planned 1 of 2: 6 of 8 = 75.
    finding = _score({"kpi.nps.change": "up_5_10", "practices.nps_each_step": "planned"})
    assert finding.score == 75.0
    assert (finding.coverage.answered, finding.coverage.asked) == (2, 2)
    assert [(s.question, s.points, s.max_points) for s in finding.steps] == [
        ("kpi.nps.change", 5, 6),
        ("practices.nps_each_step", 1, 2),
    ]


def test_dont_know_is_left_out_not_counted_as_zero():
    finding = _score({"kpi.nps.change": {"state": "dont_know"}, "practices.nps_each_step": "in_place"})
    assert finding.score == 100.0
    assert (finding.coverage.answered, finding.coverage.asked) == (1, 2)


def test_nothing_answered_gives_no_score():
    finding = _score({})
    assert finding.score is None and finding.dimension == "nps"


def test_installed_through_its_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="cxmaturity")}
    assert names.get("nps") == "cxmaturity_nps"


def test_cxmaturity_runs_it(tmp_path):
    answers = tmp_path / "acme.yaml"
    answers.write_text(
        "questionnaire: {id: cx-ai-2018, version: 1}\n"
        "company: {id: acme, name: Acme}\n"
        "answers:\n  kpi.nps.change: up_over_10\n  practices.nps_each_step: in_place\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "cxmaturity", "score", str(answers), "--format", "json", "--strict"],
        capture_output=True, text=True, check=True,
    ).stdout
    result = json.loads(out)
    nps = [d for d in result["dimensions"] if d["id"] == "nps"]
    assert nps and nps[0]["score"] == pytest.approx(100.0)
