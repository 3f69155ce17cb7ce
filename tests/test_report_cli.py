"""`cxmaturity report FILE -o OUT`: the format follows the suffix, hostile text is escaped,
private notes never reach a report, and each report stays under 1 MB."""

from __future__ import annotations

import json
import re

import pytest
from conftest import DATA, EXAMPLES
from report_fixture import sample_input

from cxmaturity.formats.loader import read
from cxmaturity.formats.models import Result
from cxmaturity.renderers.html import render_html

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _private_notes(path):
    answers = read(path)[0]["answers"]
    return [a["note"] for a in answers.values() if isinstance(a, dict) and a.get("note_private")]


def test_html_report_is_written_and_named(cli, tmp_path):
    out = tmp_path / "nordbank.html"
    result = cli("report", str(EXAMPLES / "nordbank.yaml"), "-o", str(out))
    assert result.exit_code == 0
    assert result.output.strip().endswith(f"Wrote {out}")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "Nordbank AB" in page
    # Self-contained: no script, no external reference of any kind.
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(http" not in page


def test_json_report_is_the_result_document(cli, tmp_path):
    out = tmp_path / "r.json"
    assert cli("report", str(EXAMPLES / "nordbank.yaml"), "-o", str(out)).exit_code == 0
    result = Result.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert result.company.name == "Nordbank AB"
    assert result.dimensions


@pytest.mark.parametrize(
    "name,lang,words",
    [
        ("nordbank.yaml", "en", ["## Cohorts compared", "## Maturity stage", "## Against the survey cohorts",
                                  "Figure 2", "no benchmark", "the tool's own model", "599"]),
        ("andes-industrial.yaml", "fr", ["## Cohortes de comparaison", "## Feuille de route", "Figure 2", "599"]),
    ],
)
def test_markdown_report_has_the_summary_sections(cli, tmp_path, name, lang, words):
    out = tmp_path / "report.md"
    result = cli("report", str(EXAMPLES / name), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ")
    for word in words:
        assert word in text, word
    assert "|---|" in text  # tables, not prose


def test_language_follows_the_assessment_or_lang(cli, tmp_path):
    fr = next(p for p in EXAMPLE_FILES if read(p)[0]["language"] == "fr")
    out = tmp_path / "fr.html"
    assert cli("report", str(fr), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Stade de maturité" in page
    assert cli("report", str(fr), "-o", str(out), "--lang", "en", "--force").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Maturity stage" in page


@pytest.mark.parametrize("name", ["report.docx", "report", "report.txt"])
def test_unsupported_suffix_is_a_one_line_error(cli, tmp_path, name):
    out = tmp_path / name
    result = cli("report", str(EXAMPLES / "nordbank.yaml"), "-o", str(out))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {out}: unsupported report format")
    assert not out.exists()


def test_missing_folder_is_a_one_line_error(cli, tmp_path):
    out = tmp_path / "no" / "such" / "r.html"
    result = cli("report", str(EXAMPLES / "nordbank.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {out.parent}: no such folder"


def test_bad_assessment_is_located(cli, tmp_path):
    out = tmp_path / "r.html"
    result = cli("report", str(DATA / "bad" / "out-of-options.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "out-of-options.yaml:" in result.output
    assert not out.exists()


def test_hostile_text_is_escaped_in_the_raw_html(cli, tmp_path):
    out = tmp_path / "h.html"
    assert cli("report", str(DATA / "hostile.yaml"), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/style&gt;" in page  # a note cannot close the stylesheet
    assert "${title} $body" in page  # template syntax in a note is not substituted
    assert "PRIVATE-HOSTILE-NOTE" not in page


def test_hostile_text_is_escaped_in_every_section():
    """The hand-built full result (cohorts, roadmap, plugins…) with a hostile company name."""
    ri = sample_input(company_name='<script>alert(1)</script>"\'', assessment_path=DATA / "hostile.yaml")
    ri.result.plugins[1].error = "<b onclick=alert(4)>boom</b>"
    ri.audience = "consultant"  # the plugins' table is the consultant's
    page = render_html(ri)
    assert "<script" not in page and "<b onclick" not in page
    assert "&lt;b onclick=alert(4)&gt;boom&lt;/b&gt;" in page
    assert "PRIVATE-HOSTILE-NOTE" not in page


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_private_notes_never_appear_and_reports_stay_small(cli, tmp_path, path):
    private = _private_notes(path)
    for suffix in (".html", ".json", ".md"):
        out = tmp_path / f"r{suffix}"
        assert cli("report", str(path), "-o", str(out)).exit_code == 0
        text = out.read_text(encoding="utf-8")
        assert out.stat().st_size < 1_000_000
        for note in private:
            assert note not in text and note.replace("'", "&#x27;") not in text


def test_public_notes_appear():
    page = render_html(sample_input())
    assert "Mobile-app assistant open to all retail customers" in page
    assert "Legal review of the consent basis" not in page  # note_private: true


def test_full_report_sections_and_provenance():
    ri = sample_input()
    ri.audience = "consultant"
    page = render_html(ri)
    for heading in ("Cohorts compared", "Maturity stage", "Comparison with the cohorts",
                    "What the report says without a number", "Roadmap", "What is missing",
                    "Plugins", "Sources"):
        assert f">{heading}</h2>" in page
    assert "No cohort score in the report" in page
    assert "this tool&#x27;s own model" in page
    assert "599" in page and "July 2018" in page
    # Every footnote reference points at a footnote, and every footnote is referenced.
    refs = set(re.findall(r'href="#fn-(\d+)"', page))
    notes = set(re.findall(r'<li id="fn-(\d+)"', page))
    assert refs == notes and len(notes) >= 5
    assert ("Figure 2 · read from a chart whose mapping is ambiguous · <code>fig2_fo_basic_all, "
            "fig2_fo_acquiring_all, fig2_fo_heavy_all</code>. Other reading: The chart lost") in page
    assert page.count("<svg") == 4  # dimensions, two cohorts with figures, roadmap


def test_html_is_deterministic():
    assert render_html(sample_input()) == render_html(sample_input())


def test_chart_ids_are_unique_across_the_page():
    page = render_html(sample_input())
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
