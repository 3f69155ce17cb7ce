"""Extra cohort files (``--cohorts FILE``): checked against their questionnaire, then placed."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, ROOT

from cxmaturity.cohort_files import check_cohort_file, load_cohort_file, load_cohort_files
from cxmaturity.errors import CxError, FileError
from cxmaturity.loader import load, load_questionnaire
from cxmaturity.models import CohortFile

REPORT_FILE = ROOT / "benchmarks" / "cohorts" / "mit-tr-2018.yaml"
EXAMPLE = str(EXAMPLES / "maple-mart.yaml")

PEERS = """\
format: 1
id: our-portfolio
title: {en: "Our clients, 2025", fr: "Nos clients, 2025"}
origin: portfolio
questionnaire: cx-ai-2018
survey: {n: 40, first: "2025-01-10", last: "2025-12-01"}
cohorts:
  - id: peers
    label: {en: "Our clients", fr: "Nos clients"}
    n: 40
    always_compared: true
  - id: peer_retailers
    label: {en: "Our retail clients", fr: "Nos clients distributeurs"}
    member_when: {q: profile.industry, in: [consumer_retail]}
figures:
  - id: peers-front-office
    cohort: peers
    question: invest.front_office
    distribution:
      basic: {value: 50}
      acquiring: {value: 40}
      heavily: {value: 10}
    source: "Portfolio, 2025"
    confidence: portfolio
  - id: retail-formal-metrics
    cohort: peer_retailers
    question: brand.uses
    options: [formal_metrics]
    value: 25
    comparator: about
    source: "Portfolio, 2025"
    confidence: portfolio
statements:
  - id: peers-note
    cohort: peers
    text: {en: "Most of our clients started in 2024.", fr: "La plupart de nos clients ont commencé en 2024."}
    source: "Portfolio, 2025"
    confidence: portfolio
"""


@pytest.fixture
def peers(tmp_path):
    path = tmp_path / "peers.yaml"
    path.write_text(PEERS, encoding="utf-8")
    return path


def broken(tmp_path, old, new, name="bad.yaml"):
    path = tmp_path / name
    assert old in PEERS
    path.write_text(PEERS.replace(old, new), encoding="utf-8")
    return path


def line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_report_file_has_no_cross_file_problem():
    questionnaire = load_questionnaire(ROOT / "questionnaires" / "cx-ai-2018.yaml")
    assert check_cohort_file(load(REPORT_FILE, CohortFile), questionnaire) == []


def test_a_good_file_loads(peers):
    [cohort_file] = load_cohort_files([peers])
    assert cohort_file.id == "our-portfolio" and len(cohort_file.figures) == 2


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("options: [formal_metrics]", "options: [formal_metric]", "figures.1.options",
         "option 'formal_metric' is not defined in question 'brand.uses'"),
        ("question: invest.front_office", "question: invest.frontoffice", "figures.0.question",
         "unknown question 'invest.frontoffice' in 'cx-ai-2018'"),
        ("cohort: peer_retailers", "cohort: retailers", "figures.1.cohort",
         "cohort 'retailers' is not defined in this file"),
        ("      heavily: {value: 10}", "      heavy: {value: 10}", "figures.0.distribution.heavy",
         "option 'heavy' is not defined in question 'invest.front_office'"),
        ("question: invest.front_office", "question: brand.uses", "figures.0.distribution",
         "question 'brand.uses' has no ordered options to spread over"),
        ("basic: {value: 50}", "basic: {value: 60}", "figures.0.distribution",
         "the shares add up to 110, more than 100"),
        ("in: [consumer_retail]", "in: [retail]", "cohorts.1.member_when.in",
         "option 'retail' is not defined in question 'profile.industry'"),
        ("    cohort: peers\n    text:", "    cohort: nobody\n    text:", "statements.0.cohort",
         "cohort 'nobody' is not defined in this file"),
    ],
)
def test_each_problem_is_located(tmp_path, old, new, field, message):
    path = broken(tmp_path, old, new)
    with pytest.raises(FileError) as caught:
        load_cohort_file(path)
    problem = caught.value.problems[0]
    assert (problem.field, problem.message) == (field, message)
    assert problem.file == str(path) and problem.line is not None
    assert str(problem).startswith(f"{path}:{problem.line}: {field}: ")


def test_the_line_points_at_the_figure(tmp_path):
    path = broken(tmp_path, "options: [formal_metrics]", "options: [formal_metric]")
    with pytest.raises(FileError) as caught:
        load_cohort_file(path)
    assert caught.value.problems[0].line == line_of(path, "formal_metric]")


def test_unknown_questionnaire_is_located(tmp_path):
    path = broken(tmp_path, "questionnaire: cx-ai-2018", "questionnaire: cx-ai-2099")
    with pytest.raises(FileError) as caught:
        load_cohort_file(path)
    [problem] = caught.value.problems
    assert problem.field == "questionnaire" and problem.line == line_of(path, "cx-ai-2099")
    assert "unknown questionnaire 'cx-ai-2099'" in problem.message


def test_the_same_file_twice_is_an_error(peers, tmp_path):
    copy = tmp_path / "copy.yaml"
    copy.write_text(PEERS, encoding="utf-8")
    with pytest.raises(CxError, match=f"cohort file 'our-portfolio' is already given by {peers}"):
        load_cohort_files([peers, copy])


# --- through the command line ------------------------------------------------------------


def test_score_compares_with_the_extra_cohorts(cli, peers):
    result = cli("score", EXAMPLE, "--format", "json", "--cohorts", str(peers))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    sources = {s["id"]: s for s in doc["cohort_sources"]}
    assert sources["mit-tr-2018"]["n"] == 599 and sources["mit-tr-2018"]["fieldwork"] == "2018-07"
    assert sources["our-portfolio"] == {
        "id": "our-portfolio", "title": {"en": "Our clients, 2025", "fr": "Nos clients, 2025"},
        "origin": "portfolio", "n": 40, "fieldwork": None, "countries": None,
        "first": "2025-01-10", "last": "2025-12-01",
    }
    cohorts = {c["id"]: c for c in doc["cohorts"]}
    assert cohorts["peers"]["source"] == "our-portfolio" and cohorts["peers"]["member"]
    assert cohorts["peer_retailers"]["member"]  # Maple Mart is a retailer
    assert cohorts["cx_leaders"]["member"] and cohorts["all"]["source"] == "mit-tr-2018"
    # Maple Mart invests heavily: 50 + 40 of our clients answered worse, 10 the same.
    peers_fo = [p for p in doc["placements"] if p["cohort"] == "peers" and p["question"] == "invest.front_office"]
    assert [(p["shares"]["worse"], p["shares"]["percentile"], p["verdict"], p["confidence"]) for p in peers_fo] == [
        ([90, 90], [90, 100], "ahead", "portfolio")]
    retail = [p for p in doc["placements"] if p["cohort"] == "peer_retailers"]
    assert {p["question"] for p in retail if p["verdict"] != "no_benchmark"} == {"brand.uses"}
    # Our clients have no number on brand uses, the report's cohorts do.
    no_number = [p for p in doc["placements"] if p["cohort"] == "peers" and p["question"] == "brand.uses"]
    assert [p["verdict"] for p in no_number] == ["no_benchmark"]
    assert "peers-note" in {s["id"] for s in doc["statements"]}


def test_score_places_against_the_report_without_extra_files(cli):
    result = cli("score", EXAMPLE, "--format", "json")
    doc = json.loads(result.stdout)
    assert [s["id"] for s in doc["cohort_sources"]] == ["mit-tr-2018"]
    leaders = [p for p in doc["placements"] if p["cohort"] == "cx_leaders" and p["question"] == "kpi.nps.change"]
    assert leaders and "more than 57%" in leaders[0]["text"]["en"]
    assert all(p["source"] and p["confidence"] for p in doc["placements"] if p["verdict"] != "no_benchmark")


def test_score_reports_a_bad_cohort_file_on_one_line_each(cli, tmp_path):
    path = broken(tmp_path, "options: [formal_metrics]", "options: [formal_metric]")
    result = cli("score", EXAMPLE, "--cohorts", str(path))
    assert result.exit_code == 1
    line = line_of(path, "formal_metric]")
    assert result.stderr.strip() == (
        f"Error: {path}:{line}: figures.1.options: option 'formal_metric' is not defined in question 'brand.uses'"
    )
    assert "Traceback" not in result.output


def test_score_refuses_a_cohort_id_that_clashes(cli, tmp_path):
    path = broken(tmp_path, "  - id: peers\n", "  - id: cx_leaders\n")
    path.write_text(path.read_text().replace("cohort: peers", "cohort: cx_leaders"))
    result = cli("score", EXAMPLE, "--cohorts", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {path}: cohort 'cx_leaders' is already defined in cohort file 'mit-tr-2018'"
    )


def test_schema_cohorts_prints_the_json_schema(cli):
    result = cli("schema", "cohorts")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"cohorts", "figures", "statements", "placement"} <= set(schema["properties"])
    assert "Figure" in schema["$defs"]
