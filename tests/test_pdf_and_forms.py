"""The documents a consultant sends or prints: the report as an A4 PDF, the blank form as HTML
with real checkboxes, as PDF, and as Markdown whose options stay one per line.

The PDF is turned into PNG pages with `pdftoppm` and its text read back with `pdftotext`
(Debian's poppler-utils), as a reader's viewer would. Under CI a missing tool fails the test;
elsewhere it skips and says why.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from chromium import in_ci
from conftest import EXAMPLES

from cxmaturity.formats.loader import read

OUT_WORDS = {"en": ["Overall stage", "Roadmap", "right = better answers"],
             "fr": ["Stade global", "Feuille de route", "à droite = meilleures réponses"]}


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if in_ci():
            pytest.fail(f"{tool} is required under CI (apt-get install poppler-utils)", pytrace=False)
        pytest.skip(f"{tool} is not installed (apt-get install poppler-utils)")


def _need_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401 -- only whether it imports
    except (ImportError, OSError) as exc:
        if in_ci():
            pytest.fail(f"WeasyPrint is required under CI: {exc}", pytrace=False)
        pytest.skip(f"WeasyPrint cannot be imported: {exc}")


def _pages(pdf, tmp_path) -> list:
    _need("pdftoppm")
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def _text(pdf, first: int | None = None, last: int | None = None) -> str:
    _need("pdftotext")
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return " ".join(text.split())


def _a4(pdf) -> bool:
    _need("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return "(A4)" in info


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_example_report_as_pdf(cli, tmp_path, example):
    _need_weasyprint()
    data = read(EXAMPLES / example)[0]
    lang, company = data["language"], data["company"]["name"]
    pdf = tmp_path / "report.pdf"
    result = cli("report", str(EXAMPLES / example), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 2  # sections start on a new page
    assert all(p.stat().st_size > 0 for p in pages)
    assert _a4(pdf)
    first = _text(pdf, 1, 1)
    assert company in first
    text = _text(pdf)
    for words in OUT_WORDS[lang]:  # the charts' own text is kept, in the report's language
        assert words in text, (lang, words)
    other = "fr" if lang == "en" else "en"
    assert not any(w in text for w in OUT_WORDS[other][:2])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_blank_form_as_pdf(cli, tmp_path, lang):
    _need_weasyprint()
    pdf = tmp_path / "form.pdf"
    result = cli("questionnaires", "show", "cx-ai-2018", "--lang", lang, "-o", str(pdf))
    assert result.exit_code == 0, result.output
    assert len(_pages(pdf, tmp_path)) >= 2 and _a4(pdf)
    text = _text(pdf)
    assert ("Profil de l'entreprise" if lang == "fr" else "Company profile") in text
    assert ("ne sait pas" if lang == "fr" else "don't know") in text
    assert not re.search(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b", text)  # no internal question ids


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_blank_form_as_html_has_real_checkboxes(cli, tmp_path, lang):
    from cxmaturity.formats.loader import load_questionnaire

    out = tmp_path / "form.html"
    assert cli("questionnaires", "show", "cx-ai-2018", "--lang", lang, "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    q = load_questionnaire(EXAMPLES.parent.parent / "questionnaires" / "cx-ai-2018.yaml")
    multi = sum(len(x.options) for x in q.questions if x.type == "multi")
    single = sum(len(x.options) for x in q.questions if x.options and x.type != "multi")
    # A box per option of a multi question, plus skipped / not applicable / don't know each.
    assert html.count('<input type="checkbox"') == multi + 3 * len(q.questions)
    assert html.count('<input type="radio"') == single
    assert f'<html lang="{lang}">' in html and "@page{size:A4" in html
    assert "<script" not in html
    assert "tools.sentiment.tenure" not in re.sub(r'(name|value)="[^"]*"', "", html)
    assert re.search(r"(Asked depending on the answer to question|Posée selon la réponse à la question) \d+", html)


def test_markdown_blank_form_keeps_one_option_a_line(cli, tmp_path):
    out = tmp_path / "form.md"
    assert cli("questionnaires", "show", "cx-ai-2018", "-o", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    boxes = [line for line in lines if "☐" in line and "skipped" not in line]
    assert boxes and all(line.startswith("- ☐ ") for line in boxes)
    assert not any("Asked only if" in line for line in lines)


def test_unknown_form_suffix_is_one_error_line(cli, tmp_path):
    result = cli("questionnaires", "show", "cx-ai-2018", "-o", str(tmp_path / "form.docx"))
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error:") and ".html, .pdf or .md" in result.output
