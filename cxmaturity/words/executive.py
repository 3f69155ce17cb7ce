"""The words of the executive summary, the audiences' appendix and the consultant's conclusions."""

from __future__ import annotations

EN: dict[str, str] = {
    "exec_title": "Executive summary",
    "exec_stage": "Stage: {stage} ({score}/100, the tool's model)",
    "exec_no_stage": "Stage: not scored ({why})",
    "exec_range": "Up to {best} once the {n} open questions are answered.",
    "exec_range_one": "Up to {best} once the open question is answered.",
    "exec_held_back": "Not yet {stage}: it also needs {what}.",
    "exec_weakest": "Weakest dimension: {dimension} ({score}).",
    "exec_strengths": "Strengths against the survey cohorts (shares derived by the tool)",
    "exec_gaps": "Gaps against the survey cohorts (shares derived by the tool)",
    "exec_actions": "Next actions",
    "exec_none_strengths": "No question where the report's figures put the company ahead of a cohort.",
    "exec_none_gaps": "No question where the report's figures put the company behind a cohort.",
    "exec_none_actions": "No roadmap action: no playbook applies, or every phase is done.",
    "exec_worse": "{share} answered worse",
    "exec_better": "{share} answered better",
    "exec_uncertain": "not certain",
    "exec_why": "why",
    "exec_detail": "The detail follows.",
    "unplaced_all": "{cohort}: the report gives no figure for this cohort on any question placed here.",
    "unplaced_some": "{cohort}: no figure in the report on {n} of the {total} questions placed.",
    "unplaced_title": "Cohorts without figures",
    "method_title": "Method and sources",
    "method_what": "What was measured: the company's answers to {n} questions of the survey's instrument, "
    "each placed against the cohorts that have a figure on it.",
    "method_sources": "Where the figures come from: {sources}.",
    "method_sure": "How sure: {stated} figures stated in the report's text, {chart} read from its charts "
    "({ambiguous} of them on a chart open to two readings), {derived} derived by the tool.",
    "method_model": "Stages, points and weights are the tool's own model, informed by the report.",
    "method_consultant": "The figure ids, the alternative readings of the charts and the plugins that "
    "scored are listed in the consultant's edition (--audience consultant).",
    "conclusions_title": "The consultant's conclusions",
    "ambiguous_legend_client": "≈ ambiguous: the report's chart allows another reading.",
    "exec_strengths_own": "Strengths against the cohorts (shares derived by the tool)",
    "exec_gaps_own": "Gaps against the cohorts (shares derived by the tool)",
    "exec_none_strengths_own": "No question where the cohorts' figures put the company ahead of a cohort.",
    "exec_none_gaps_own": "No question where the cohorts' figures put the company behind a cohort.",
    "method_what_own": "What was measured: the company's answers to {n} questions, each placed against the "
    "cohorts that have a figure on it.",
}

FR: dict[str, str] = {
    "exec_title": "Synthèse",
    "exec_stage": "Stade\u00a0: {stage} ({score}/100, modèle de l'outil)",
    "exec_no_stage": "Stade\u00a0: non noté ({why})",
    "exec_range": "Jusqu'à {best} une fois les {n} questions ouvertes renseignées.",
    "exec_range_one": "Jusqu'à {best} une fois la question ouverte renseignée.",
    "exec_held_back": "Pas encore {stage}\u00a0: il faut aussi {what}.",
    "exec_weakest": "Dimension la plus faible\u00a0: {dimension} ({score}).",
    "exec_strengths": "Points forts face aux cohortes de l'enquête (parts calculées par l'outil)",
    "exec_gaps": "Écarts face aux cohortes de l'enquête (parts calculées par l'outil)",
    "exec_actions": "Prochaines actions",
    "exec_none_strengths": "Aucune question où les chiffres du rapport placent l'entreprise devant une cohorte.",
    "exec_none_gaps": "Aucune question où les chiffres du rapport placent l'entreprise derrière une cohorte.",
    "exec_none_actions": "Aucune action de feuille de route\u00a0: aucun parcours ne s'applique, "
    "ou toutes les phases sont faites.",
    "exec_worse": "{share} font moins bien",
    "exec_better": "{share} font mieux",
    "exec_uncertain": "pas certain",
    "exec_why": "pourquoi",
    "exec_detail": "Le détail suit.",
    "unplaced_all": "{cohort}\u00a0: le rapport ne donne aucun chiffre pour cette cohorte sur les questions "
    "placées ici.",
    "unplaced_some": "{cohort}\u00a0: aucun chiffre du rapport sur {n} des {total} questions placées.",
    "unplaced_title": "Cohortes sans chiffres",
    "method_title": "Méthode et sources",
    "method_what": "Ce qui a été mesuré\u00a0: les réponses de l'entreprise à {n} questions de l'instrument "
    "de l'enquête, chacune placée face aux cohortes qui ont un chiffre sur elle.",
    "method_sources": "D'où viennent les chiffres\u00a0: {sources}.",
    "method_sure": "Avec quelle certitude\u00a0: {stated} chiffres énoncés dans le texte du rapport, "
    "{chart} lus sur ses graphiques (dont {ambiguous} sur un graphique qui admet deux lectures), "
    "{derived} calculés par l'outil.",
    "method_model": "Stades, points et poids sont le modèle propre de l'outil, inspiré du rapport.",
    "method_consultant": "Les identifiants des chiffres, les autres lectures des graphiques et les "
    "extensions qui ont noté figurent dans l'édition consultant (--audience consultant).",
    "conclusions_title": "Conclusions du consultant",
    "ambiguous_legend_client": "≈ ambigu : le graphique du rapport admet une autre lecture.",
    "exec_strengths_own": "Points forts face aux cohortes (parts calculées par l'outil)",
    "exec_gaps_own": "Écarts face aux cohortes (parts calculées par l'outil)",
    "exec_none_strengths_own": "Aucune question où les chiffres des cohortes placent l'entreprise devant une cohorte.",
    "exec_none_gaps_own": "Aucune question où les chiffres des cohortes placent l'entreprise derrière une cohorte.",
    "method_what_own": "Ce qui a été mesuré\u00a0: les réponses de l'entreprise à {n} questions, chacune placée "
    "face aux cohortes qui ont un chiffre sur elle.",
}


def words(lang: str) -> dict[str, str]:
    """The executive summary's words in `lang` (English for any other)."""
    return FR if lang == "fr" else EN
