"""`cxmaturity portfolio` as text: fits the terminal, headers the legend explains, the
portfolio's language, counts in the singular or plural, the plugins that contributed."""

from __future__ import annotations

import re
import shutil

from conftest import DATA, EXAMPLES

EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


NAMES = ["Andes Industrial SA", "Groupe Lumière Santé", "Maple Mart Inc.", "Nordbank AB", "Sakura Online KK"]


def _scores_table(out: str) -> tuple[str, list[str]]:
    """The header line of the dimension scores table and the headers the legend explains."""
    lines = out.splitlines()
    header = next(line for line in lines if re.match(r"^(company|entreprise)\s+\S", line)
                  and "date" not in line)
    flat = " ".join(out.split())
    legend = re.search(r"Dimensions ?: (.*?)\. (?:Stages|Stades) \(", flat)
    assert legend, out
    shown = [part.split(" = ")[0] for part in re.split(r", (?=\S+ = )", legend.group(1)) if " = " in part]
    return header, shown


def test_80_columns_nothing_cut_and_the_legend_names_the_headers(cli):
    result = cli("portfolio", str(EXAMPLES), env=EN)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "…" not in out  # no header, score or name cut short
    assert max(len(line) for line in out.splitlines()) <= 80
    header, shown = _scores_table(out)
    assert shown == ["Investment", "Strategy", "Tools", "Brand", "Automation", "Sentiment", "Outcomes"]
    assert header.split()[1:] == shown  # whole words, each as the legend writes it
    # Every score of a row is on one line: only the company name may wrap (between words).
    rows = [line for line in out.splitlines() if re.search(r"(\d+|-) +(\d+|-) +(\d+|-) +(\d+|-)$", line)]
    assert len(rows) == 6
    # Names, not ids; stage names with their number; the share of dimensions scored.
    flat = " ".join(out.split())
    for name in NAMES:
        assert name in flat, name
    assert "andes-industrial" not in out and "andes-" not in out
    assert re.search(r"Groupe Lumière Santé +2026-05-18 +2 Acquiring AI +20 +20%", out)
    assert "5 CX leader" in out


def test_120_columns_company_names_on_one_line(cli):
    out = cli("portfolio", str(EXAMPLES), env={**EN, "COLUMNS": "120"}).output
    assert "…" not in out
    for name in NAMES:
        assert re.search(rf"^{re.escape(name)} +\d{{4}}-", out, re.M), name


def test_counts_in_the_singular_and_plural(cli, tmp_path):
    out = cli("portfolio", str(EXAMPLES), env=EN).output
    assert "Portfolio: 6 assessments of 5 companies" in out
    assert "(ies)" not in out and "(s)" not in out
    one = cli("portfolio", str(EXAMPLES / "nordbank.yaml"), str(DATA / "bad" / "syntax.yaml"), env=EN).output
    assert "Portfolio: 1 assessment of 1 company" in one
    assert "Skipped 1 file that could not be read as an assessment:" in one
    fr = cli("portfolio", str(EXAMPLES / "nordbank.yaml"), "--lang", "fr").output
    assert "Portefeuille : 1 évaluation de 1 entreprise" in fr
    fr_all = cli("portfolio", str(EXAMPLES), str(DATA / "bad" / "syntax.yaml"),
                 str(DATA / "bad" / "no-such-file.yaml"), "--lang", "fr").output
    assert "Portefeuille : 6 évaluations de 5 entreprises" in fr_all
    assert "2 fichiers ignorés, illisibles comme évaluations :" in fr_all
    assert "(s)" not in fr_all


def test_lang_fr_labels_and_legend_in_french(cli):
    result = cli("portfolio", str(EXAMPLES), "--lang", "fr", env=EN)
    out = result.output
    assert re.search(r"^entreprise +date +stade +score +noté", out, re.M)
    header, shown = _scores_table(out)
    assert header.split()[1:] == shown
    assert "Stades (dernière évaluation de chaque entreprise)" in out
    assert "Invest. = Investissement en IA" in " ".join(out.split())
    assert "20 %" in out
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= 80


def test_without_lang_the_language_most_assessments_use(cli, tmp_path):
    for name in ("andes-industrial.yaml", "lumiere-sante.yaml", "nordbank.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)  # two French, one English
    out = cli("portfolio", str(tmp_path), env=EN).output
    assert out.startswith("Portefeuille : 3 évaluations de 3 entreprises")
    (tmp_path / "andes-industrial.yaml").unlink()  # now one each: the locale decides
    assert cli("portfolio", str(tmp_path), env=EN).output.startswith("Portfolio: 2 assessments")
    assert cli("portfolio", str(tmp_path), env={"LC_ALL": "fr_FR.UTF-8"}).output.startswith("Portefeuille")
    # --lang wins over the assessments
    assert cli("portfolio", str(EXAMPLES), "--lang", "fr").output.startswith("Portefeuille")


def test_footer_lists_the_plugins_that_contributed_like_the_summary(cli):
    out = " ".join(cli("portfolio", str(EXAMPLES), env=EN).output.split())
    summary = " ".join(cli("score", str(EXAMPLES / "nordbank.yaml"), env=EN).output.split())
    listed = re.search(r"plugins: (.*?) Cohorts:", summary).group(1)
    assert "score-investment 0.1.0" in listed
    assert out.endswith(f"plugins: {listed}")


def test_written_to_a_file_the_skipped_count_in_words(cli, tmp_path):
    out = tmp_path / "p.md"
    result = cli("portfolio", str(EXAMPLES), str(DATA / "bad" / "syntax.yaml"), "-o", str(out), env=EN)
    assert f"Skipped 1 file; it is listed in {out}." in result.output
    assert "Skipped 1 file that could not be read as an assessment:" in out.read_text()
