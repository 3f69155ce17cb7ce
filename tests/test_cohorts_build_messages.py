"""`cxmaturity cohorts build`: what it says about skipped files and small counts, and the
words of a file built without --name."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, EXAMPLES
from generate import write

from cxmaturity.formats.loader import load
from cxmaturity.formats.models import CohortFile

SYNTAX = str(DATA / "bad" / "syntax.yaml")
MISSING = str(DATA / "bad" / "no-such-file.yaml")


def test_nothing_readable_names_each_file_then_one_error(cli, tmp_path):
    out = tmp_path / "x.yaml"
    result = cli("cohorts", "build", SYNTAX, MISSING, "-o", str(out))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Skipped 2 files that could not be read as assessments:"
    assert lines[1].startswith(f"  {SYNTAX}:3: YAML syntax")
    assert lines[2] == f"  {MISSING}: no such file"
    assert lines[3].startswith("Error: no assessment could be read; a cohort needs at least 10 companies")
    assert len(lines) == 4 and sum(line.startswith("Error:") for line in lines) == 1
    assert not out.exists()


def test_one_company_said_in_the_singular(cli, tmp_path):
    out = tmp_path / "x.yaml"
    result = cli("cohorts", "build", str(EXAMPLES / "nordbank.yaml"), SYNTAX, "-o", str(out), "--min-size", "2")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Skipped 1 file that could not be read as an assessment:"
    assert lines[1].startswith(f"  {SYNTAX}:3:")
    assert lines[-1].startswith("Error: only 1 company could be read; a cohort needs at least 2 companies")
    one = cli("cohorts", "build", str(EXAMPLES / "nordbank.yaml"), "-o", str(out), "--min-size", "1")
    assert one.exit_code == 0, one.output
    assert f"Wrote {out}: 1 company, 2026-03-02 to 2026-03-02" in one.output
    assert "1 companies" not in one.output and "1 answers" not in one.output
    text = out.read_text()
    assert "1 companies" not in text and "1 entreprises" not in text
    assert "The only company of this cohort answered the question." in text


def test_small_cohorts_and_questions_in_the_singular(cli, tmp_path):
    for name in ("nordbank.yaml", "maple-mart.yaml", "andes-industrial.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    out = tmp_path / "built" / "x.yaml"
    out.parent.mkdir()
    result = cli("cohorts", "build", str(tmp_path), "-o", str(out), "--min-size", "2")
    assert result.exit_code == 0, result.output
    assert "1 companies" not in result.output and "1 answers" not in result.output
    assert ": 1 company, fewer than 2" in result.output or ": 1 answer, fewer than 2" in result.output


@pytest.fixture(scope="module")
def unnamed(tmp_path_factory):
    root = tmp_path_factory.mktemp("clients")
    write(root, 12, seed=5, repeat_share=0)
    return root


@pytest.mark.parametrize("name", [None, "Portfolio"])
def test_without_a_name_the_file_says_your_portfolio_once(cli, unnamed, tmp_path, name):
    out = tmp_path / "ours.yaml"
    args = ["cohorts", "build", str(unnamed), "-o", str(out), "--min-size", "3"]
    result = cli(*args, *(["--name", name] if name else []))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "ortfolio portfolio" not in text and "Portfolio: " not in text
    built = load(out, CohortFile)
    labels = {c.id: c.label for c in built.cohorts}
    assert labels["portfolio-all"] == {"en": "All clients (your portfolio)",
                                       "fr": "Tous les clients (votre portefeuille)"}
    dates = f"{built.survey.first} to {built.survey.last}"
    assert {f.source for f in built.figures} == {f"your portfolio, 12 companies, {dates}"}
    assert built.title["en"].startswith("Your portfolio: the consultancy's own cohort (12 companies")
    # The sources read in French in a French summary.
    summary = " ".join(cli("score", str(EXAMPLES / "andes-industrial.yaml"), "--cohorts", str(out)).output.split())
    assert "(votre portefeuille, 12 entreprises, du " in summary
    assert "Votre portefeuille : la cohorte propre du cabinet" in summary
    assert "ortfolio" not in summary


def test_a_name_ending_in_portfolio_is_not_repeated(cli, unnamed, tmp_path):
    out = tmp_path / "acme.yaml"
    result = cli("cohorts", "build", str(unnamed), "-o", str(out), "--min-size", "3", "--name", "Acme Portfolio")
    assert result.exit_code == 0, result.output
    built = load(out, CohortFile)
    assert {f.source.split(",")[0] for f in built.figures} == {"Acme Portfolio"}
    summary = " ".join(cli("score", str(EXAMPLES / "andes-industrial.yaml"), "--cohorts", str(out)).output.split())
    assert "(portefeuille Acme, 12 entreprises, du " in summary
