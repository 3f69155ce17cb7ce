"""A French assessment reads French end to end: source references, the roadmap's reason and
gaps, and explain's withheld scores (English words and question ids used to leak through)."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

FRENCH = [EXAMPLES / "andes-industrial.yaml", EXAMPLES / "lumiere-sante.yaml"]
ENGLISH_SOURCE_WORDS = ["Case study", "Case studies", "case study", "Foreword", "Conclusion point",
                        "close to", "(legend)", "own suggestion", "GDPR"]


def flat(text: str) -> str:
    return re.sub(r"[\s│╭╮╰╯─]+", " ", text)


@pytest.mark.parametrize("path", FRENCH, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_french_summary_has_no_english_source_words(cli, path, fmt):
    out = cli("score", str(path), "--format", fmt).output
    for words in ENGLISH_SOURCE_WORDS:
        assert words not in out, words
    assert "Étude de cas : Rakuten" in flat(out) or "Étude de cas : Orange Bank" in flat(out)


def test_french_report_footnotes_name_sources_in_french(cli, tmp_path):
    out = tmp_path / "andes.html"
    assert cli("report", str(FRENCH[0]), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "Étude de cas : Rakuten" in html
    assert "point 4 de la conclusion" in html
    for words in ENGLISH_SOURCE_WORDS:
        assert words not in html, words


def test_english_summary_keeps_the_report_s_own_section_names(cli):
    out = flat(cli("score", str(EXAMPLES / "maple-mart.yaml")).output)
    assert "Case study: Rakuten" in out
    assert "Conclusion point 4" in out


def test_roadmap_reason_is_said_once_and_names_the_question_not_its_id(cli):
    out = flat(cli("score", str(FRENCH[0])).output)
    assert "Choisi comme feuille de route générale : Secteur : « Industrie », et aucun" in out
    assert "Parce que : Choisi" not in out
    assert "ce qui l'appelle : Chatbots de messagerie : « Pas déployé »" in out
    assert "profile.industry" not in out and "tools.chatbots.tenure" not in out


def test_english_roadmap_reason_in_markdown_and_html(cli, tmp_path):
    path = EXAMPLES / "nordbank.yaml"
    md = cli("score", str(path), "--format", "markdown").output
    assert 'scale): Industry is "Financial services";' in md
    assert "**Because:**" not in md
    out = tmp_path / "nordbank.html"
    assert cli("report", str(path), "-o", str(out)).exit_code == 0
    assert "scale): Industry is &quot;Financial services&quot;;" in out.read_text(encoding="utf-8")


def test_explain_says_why_a_dimension_has_no_score(cli):
    out = cli("explain", str(FRENCH[1]), "automation").output
    assert "score = 100 × 3 / 12 = — (trop peu de réponses)" in out


def _one_missing(tmp_path, lang):
    """andes-industrial with only its skipped NPS left missing."""
    text = (EXAMPLES / "andes-industrial.yaml").read_text(encoding="utf-8")
    text = re.sub(r"  journey\.purchase\.ai_share: .*", "  journey.purchase.ai_share: under_10", text)
    text = re.sub(r"  kpi\.clv\.change: .*", "  kpi.clv.change: flat", text)
    text = re.sub(r"  kpi\.brand_awareness\.change: .*", "  kpi.brand_awareness.change: flat", text)
    text = text.replace("language: fr", f"language: {lang}")
    path = tmp_path / f"one-missing-{lang}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_missing_answer_is_said_in_the_singular(cli, tmp_path):
    fr = flat(cli("score", str(_one_missing(tmp_path, "fr"))).output)
    assert "1 réponse est laissée hors des scores (jamais comptée comme zéro)" in fr
    assert "Résultats : 7 sur 8 questions renseignées" in fr
    en = flat(cli("score", str(_one_missing(tmp_path, "en"))).output)
    assert "1 answer is left out of the scores" in en
