"""`compare` and `portfolio` as HTML pages to send or print: self-contained, escaped, in the
output's language, with the same tables as their Markdown form."""

from __future__ import annotations

import re

from conftest import DATA, EXAMPLES


def _clean(html: str, lang: str) -> None:
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert "<script" not in html and "src=" not in html and "http" not in html.split("</head>")[1]
    assert "@page{size:A4" in html  # printable


def test_portfolio_as_html(cli, tmp_path):
    out = tmp_path / "portfolio.html"
    result = cli("portfolio", str(EXAMPLES), str(DATA / "hostile.yaml"), "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    _clean(html, "en")
    assert "<h1>Portfolio: 7 assessments of 6 companies</h1>" in html
    assert "<td>Groupe Lumière Santé</td>" in html and "<td class='n'>20%</td>" in html
    assert "<td>3 AI at scale for efficiency</td>" in html
    assert "<th class='n'>Investment</th>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # a hostile name stays text
    assert html.count("<table>") == 4


def test_portfolio_html_in_french(cli, tmp_path):
    out = tmp_path / "portefeuille.html"
    assert cli("portfolio", str(EXAMPLES), "-o", str(out), "--lang", "fr").exit_code == 0
    html = out.read_text(encoding="utf-8")
    _clean(html, "fr")
    assert "Portefeuille : 6 évaluations de 5 entreprises" in html and "<td class='n'>20 %</td>" in html


def test_compare_as_html(cli, tmp_path):
    out = tmp_path / "progress.html"
    result = cli("compare", str(EXAMPLES / "sakura-online-2025.yaml"), str(EXAMPLES / "sakura-online-2026.yaml"),
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    _clean(html, "en")
    assert re.search(r"<h1>[^<]*Sakura Online KK[^<]*2025-04-14[^<]*2026-04-20</h1>", html)
    md = tmp_path / "progress.md"
    assert cli("compare", str(EXAMPLES / "sakura-online-2025.yaml"), str(EXAMPLES / "sakura-online-2026.yaml"),
               "-o", str(md)).exit_code == 0
    # Every Markdown table row is an HTML table row.
    md_rows = [line for line in md.read_text(encoding="utf-8").splitlines()
               if line.startswith("| ") and not line.startswith("|---")]
    assert html.count("<tr>") == len(md_rows)


def test_an_unknown_suffix_names_html_among_the_choices(cli, tmp_path):
    result = cli("portfolio", str(EXAMPLES), "-o", str(tmp_path / "p.docx"))
    assert result.exit_code == 1
    assert "use .html, .md, .json or .txt" in result.output
