"""`cxmaturity portfolio`: a folder of generated assessments, the example pair, broken files."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA, EXAMPLES
from generate import write

from cxmaturity.documents.portfolio import scan
from cxmaturity.formats.loader import load_assessment, load_questionnaire


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """60 generated assessments, the two Sakura examples, and three files that are not readable
    assessments, in nested folders."""
    root = tmp_path_factory.mktemp("portfolio")
    write(root / "clients", 60, seed=7)
    shutil.copy(EXAMPLES / "sakura-online-2025.yaml", root / "sakura-2025.yaml")
    shutil.copy(EXAMPLES / "sakura-online-2026.yaml", root / "clients" / "sakura-2026.yml")
    (root / "broken").mkdir()
    shutil.copy(DATA / "bad" / "syntax.yaml", root / "broken" / "syntax.yaml")
    shutil.copy(DATA / "bad" / "wrong-questionnaire.yaml", root / "broken" / "other.yaml")
    (root / "broken" / "notes.txt").write_text("not an assessment, not a .yaml either")
    return root


def test_generated_assessments_are_valid_and_plausible(tmp_path):
    questionnaire = load_questionnaire("questionnaires/cx-ai-2018.yaml")
    paths = write(tmp_path, 60, seed=3)
    loaded = [load_assessment(p, questionnaire) for p in paths]  # raises on any invalid file
    companies = {a.company.id for a in loaded}
    assert len(companies) < len(loaded), "some companies are assessed more than once"
    states = {a.state for x in loaded for a in x.answers.values()}
    assert {"answered", "dont_know", "skipped"} <= states
    regions = {x.answers["profile.region"].value for x in loaded}
    assert {"north_america", "europe", "asia_pacific"} <= regions
    # Same seed, same files: tests and perf runs are reproducible.
    again = write(tmp_path / "again", 60, seed=3)
    assert [p.read_text() for p in again] == [p.read_text() for p in paths]


def test_generated_maturity_shows_in_answers(tmp_path):
    # A mature company tends to invest heavily: the answers follow the latent level.
    from generate import assessments

    heavy_with_leaders = []
    for data in assessments(300, seed=11):
        answers = data["answers"]
        front = answers.get("invest.front_office", {})
        position = answers["profile.cx_position"].get("value")
        if front.get("state") == "answered" and position:
            heavy_with_leaders.append((position, front["value"] == "heavily"))
    ahead = [h for p, h in heavy_with_leaders if p == "ahead"]
    behind = [h for p, h in heavy_with_leaders if p == "behind"]
    assert sum(ahead) / len(ahead) > sum(behind) / len(behind) + 0.2


def test_portfolio_table_stages_progress_and_skipped(cli, folder):
    result = cli("portfolio", str(folder))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Portfolio: 62 assessments of" in out
    assert "Sakura Online KK" in out and "sakura-online" not in out  # names, not ids
    assert "Stages (latest assessment of each company)" in out
    assert "Progress (companies assessed more than once)" in out
    assert "2025-04-14 → 2026-04-20" in out  # the Sakura pair, found in two folders
    assert "Skipped 2 files that could not be read as assessments:" in out
    lines = out.splitlines()
    syntax = next(line for line in lines if "syntax.yaml" in line)
    assert "syntax.yaml:3: YAML syntax" in syntax  # the located reason on the same line
    other = next(line for line in lines if "other.yaml" in line)
    assert "unknown questionnaire 'no-such-survey'" in other
    assert "notes.txt" not in out  # not a YAML file: not part of the portfolio
    assert "cxmaturity 0.1.0" in out and "the tool's own" in out


def test_portfolio_json_rows_match_scoring_one_by_one(cli, folder):
    result = cli("portfolio", str(folder), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data["assessments"]) == 62
    rows = {r["path"]: r for r in data["assessments"]}
    sakura = rows[str(folder / "sakura-2025.yaml")]
    one = json.loads(cli("score", str(EXAMPLES / "sakura-online-2025.yaml"), "--format", "json").output)
    assert sakura["stage"] == one["overall"]["stage"]
    assert sakura["score"] == one["overall"]["score"]
    assert sakura["dimensions"] == {d["id"]: d["score"] for d in one["dimensions"]}
    # The stage counts are over companies (latest assessment), not over files.
    companies = {r["company"] for r in data["assessments"]}
    assert sum(s["companies"] for s in data["stages"]) == len(companies)
    progress = {p["company"]: p for p in data["progress"]}
    assert progress["sakura-online"]["first_date"] == "2025-04-14"
    assert progress["sakura-online"]["last_date"] == "2026-04-20"
    assert progress["sakura-online"]["change"] == round(
        progress["sakura-online"]["last_score"] - progress["sakura-online"]["first_score"], 1)
    assert {s["path"].rsplit("/", 1)[-1] for s in data["skipped"]} == {"syntax.yaml", "other.yaml"}
    # No answers and no notes in a row: only who, when and the scores.
    assert "Churn model" not in result.output


def test_pool_and_single_process_give_the_same_rows(folder):
    one = scan([folder], workers=1)
    pooled = scan([folder], workers=2)
    assert pooled.rows == one.rows
    assert pooled.skipped == one.skipped


def test_portfolio_markdown_and_french(cli, folder, tmp_path):
    out = tmp_path / "portfolio.md"
    result = cli("portfolio", str(folder), "-o", str(out), "--lang", "fr")
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("# Portefeuille : 62 évaluations de ")
    assert "## Progression (entreprises évaluées plusieurs fois)" in text
    assert "| Sakura Online KK | 2 | 2025-04-14 → 2026-04-20 |" in text
    assert "2 fichiers ignorés, illisibles comme évaluations :" in text


def test_only_broken_files_lists_them_and_exits_1(cli, tmp_path):
    out = tmp_path / "port.md"
    result = cli("portfolio", str(DATA / "bad" / "syntax.yaml"), str(DATA / "bad" / "no-such-file.yaml"),
                 "-o", str(out))
    assert result.exit_code == 1
    assert "no-such-file.yaml: no such file" in result.output
    assert [line for line in result.output.splitlines() if line.startswith("Error:")] == [
        "Error: no assessment could be read"
    ]
    assert not out.exists()


def test_unknown_output_suffix_is_a_one_line_error(cli, folder, tmp_path):
    result = cli("portfolio", str(folder), "-o", str(tmp_path / "table.pdf"))
    assert result.exit_code == 1
    assert "unsupported format '.pdf'" in result.output
