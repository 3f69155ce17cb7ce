# ruff: noqa: E501 -- labels and sample texts read best on one line each
"""The summary at 80 columns without colour, from a hand-built result with every case."""

import re

import pytest
from summary_fixture import result

from cxmaturity.loader import load_questionnaire
from cxmaturity.render.terminal import render_text, summary

Q = load_questionnaire("questionnaires/cx-ai-2018.yaml")


def flat(text):
    """The text with its wrapping undone, so that assertions do not depend on line breaks."""
    return re.sub(r"[\s│╭╮╰╯─]+", " ", text)


@pytest.fixture(params=["en", "fr"])
def lang(request):
    return request.param


def render(lang, width=80, **kw):
    return render_text(summary(result(lang), Q, **kw), width=width)


def test_fits_80_columns_without_cutting_anything(lang):
    text = render(lang)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" not in text  # rich marks a cut cell with an ellipsis
    assert "\x1b[" not in text  # no colour codes


EXPECT = {
    "en": {
        "title": "AI in customer experience: maturity summary",
        "cohorts": [
            "All respondents n = 599",
            "CX leaders n not published always compared",
            "Companies over 30,000 employees n not published the company belongs to it",
        ],
        "overall": "Overall stage",
        "stages": [
            "AI investment",
            "75 Customer proximity 2 of 2",
            "Sentiment analysis",
            "too few answers 0 of 1",
        ],
        "rows": [
            "AI in front-office processes — Your answer: Acquiring AI tools now",
            "level All respondents: 54% who chose “Acquiring AI tools now” → percentile 18–72 (derived) (Figure 2 ≈ ambiguous)",
            "behind CX leaders: 21% who chose “Acquiring AI tools now” → percentile 14–35 (derived) (Figure 2 ≈ ambiguous)",
            "no benchmark Europe",
            "ahead All respondents: 7% who chose “We track formal metrics",
            "→ percentile 93–100 (derived) (Figure 5)",
            "level or ahead CX leaders: roughly 80% who chose “Up less than 5%” or",
            "→ percentile 0–80 (derived) (Figure 8)",
            "level or behind All respondents: average 25-50% (Section 5)",
        ],
        "statement": "Europe: European firms lean on AI for efficiency",
        "roadmap": [
            "Playbook: Orange Bank playbook (regulated sectors)",
            "✓ step-1 (done)",
            "▶ step-2 (current)",
            "1. Feed what customers tell the assistant into KYC records.",
            "why: The assistant is live",
            "KPIs to track",
            "Constraints",
            "(GDPR)",
        ],
        "missing": [
            "Change in NPS skipped Outcomes",
            "AI share: purchase not applicable",
            "Change in lifetime value don't know Outcomes",
            "Sentiment-analysis uses unanswered",
            "Skipped 1 · not applicable 1 · don't know 1 · unanswered 1",
            "The overall stage rests on 90% of the weighted dimensions.",
        ],
        "plugins": [
            "investment 1 built-in contributed",
            "nps 0.3 folder failed, left out: plugin 'nps' failed",
            "1 plugin(s) failed and were left out",
        ],
        "footer": [
            "cxmaturity 0.1.0 · questionnaire cx-ai-2018 v1 · stage model cx-stages v1 (the tool's own model)",
            "Cohorts: the July 2018 survey of 599 executives (MIT Technology Review Insights).",
        ],
    },
    "fr": {
        "title": "L'IA dans l'expérience client : synthèse de maturité",
        "cohorts": ["Ensemble des répondants n = 599", "Leaders CX n non publié toujours comparée"],
        "overall": "Stade global",
        "stages": [
            "Investissement en IA",
            "75 Proximité client 2 sur 2",
            "trop peu de réponses 0 sur 1",
        ],
        "rows": [
            "IA dans le front-office — Votre réponse : Acquisition d'outils d'IA en cours",
            "au niveau Ensemble des répondants : 54 % qui ont choisi « Acquisition d'outils d'IA en cours » → centile 18–72 (calculé) (Figure 2 ≈ ambigu)",
            "en retard Leaders CX : 21 % qui ont choisi « Acquisition d'outils d'IA en cours » → centile 14–35 (calculé) (Figure 2 ≈ ambigu)",
            "pas de référence Europe",
            "en avance Ensemble des répondants : 7 % qui ont choisi « Nous suivons",
            "au niveau ou en avance Leaders CX : quelque 80 % qui ont choisi « Hausse de moins de 5 % »",
            "au niveau ou en retard Ensemble des répondants : moyenne 25-50 % (Section 5)",
        ],
        "statement": "Europe : Les entreprises européennes",
        "roadmap": [
            "Modèle de feuille de route : Modèle Orange Bank",
            "✓ step-1 (faite)",
            "▶ step-2 (en cours)",
            "Prochaines actions",
            "pourquoi : L'assistant est en service",
            "Indicateurs à suivre",
            "Contraintes",
            "(RGPD)",
        ],
        "missing": [
            "Évolution du NPS passée Résultats",
            "Part de l'IA : achat non applicable",
            "ne sait pas",
            "Usages de l'analyse des sentiments sans réponse",
            "Le stade global repose sur 90 % des dimensions pondérées.",
        ],
        "plugins": [
            "investment 1 intégrée a contribué",
            "nps 0.3 dossier en échec, écartée : plugin 'nps' failed",
        ],
        "footer": [
            "questionnaire cx-ai-2018 v1 · modèle de stades cx-stages v1 (modèle propre de l'outil)",
            "Cohortes : enquête de juillet 2018 auprès de 599 dirigeants",
        ],
    },
}


def test_every_section_says_what_it_must(lang):
    text = flat(render(lang)).replace("\u00a0", " ")
    e = EXPECT[lang]
    for section, wanted in e.items():
        for needle in [wanted] if isinstance(wanted, str) else wanted:
            assert needle.replace("\u00a0", " ") in text, (section, needle)


def test_verdict_words_are_printed_not_only_coloured(lang):
    coloured = render_text(summary(result(lang), Q), width=80, color=True)
    assert "\x1b[" in coloured
    plain = flat(render(lang))
    for word in {
        "en": ["ahead", "level", "behind", "no benchmark"],
        "fr": ["en avance", "au niveau", "en retard", "pas de référence"],
    }[lang]:
        assert word in plain


def test_lang_override_relabels_everything():
    text = flat(render_text(summary(result("en"), Q, lang="fr"), width=80))
    assert "Stade global" in text and "Overall stage" not in text
    assert "Votre réponse" in text and "Your answer" not in text


def test_wider_terminal_uses_the_room():
    text = render("en", width=120)
    assert max(len(line) for line in text.splitlines()) <= 120
    assert "Cohort figure" in text and "Figure 2 ≈ ambiguous" in text
    assert len(text.splitlines()) < len(render("en").splitlines())


def test_without_questionnaire_ids_stand_in_for_labels():
    text = flat(render_text(summary(result("en")), width=80))
    assert "invest.front_office — Your answer: acquiring" in text
