"""The HTML report's words, in English and French."""

from __future__ import annotations

from cxmaturity.words.labels import EN, FR
from cxmaturity.words.tr import by_language


def _from_summary(prefix: str, keys: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The summary's words for `prefix.key`, per language: one wording per idea everywhere."""
    return {lang: {k: words[f"{prefix}.{k}"] for k in keys} for lang, words in (("en", EN), ("fr", FR))}


VERDICTS = _from_summary("verdict", ("ahead", "level", "behind", "no_benchmark"))

# How sure a number is, said in full in the report's footnotes (the summary says it shorter).
CONFIDENCE = by_language({
    "stated": {"en": "stated in the report's text", "fr": "énoncé dans le texte du rapport"},
    "figure_unambiguous": {"en": "read from a chart", "fr": "lu sur un graphique"},
    "figure_ambiguous": {"en": "read from a chart whose mapping is ambiguous",
                         "fr": "lu sur un graphique dont la lecture est ambiguë"},
    "portfolio": {"en": "from your own assessments", "fr": "issu de vos propres évaluations"},
    "derived": {"en": "derived from the report's text, not printed in it",
                "fr": "déduit du texte du rapport, qui ne l'imprime pas"},
})

# How a share compares, before the number ("more than 30%"): exact and range say nothing.
COMPARATORS = {
    "en": {"exact": "", "about": "about ", "more_than": "more than ", "less_than": "less than ", "range": ""},
    "fr": {"exact": "", "about": "environ ", "more_than": "plus de ", "less_than": "moins de ", "range": ""},
}

STATES = _from_summary("state", ("skipped", "not_applicable", "dont_know", "unanswered"))
ORIGINS = _from_summary("origin", ("built-in", "folder", "package"))

LABELS = {
    "en": {
        "title": "AI in customer experience: maturity report for {company}",
        "subtitle": "{company} · assessed {date} · {questionnaire} (version {version})",
        "cohorts": "Cohorts compared",
        "cohorts_intro": "The company is compared with every cohort it belongs to, and always "
        "with all respondents and the CX leaders.",
        "cohort": "Cohort",
        "why": "Why compared",
        "member": "the company belongs to it",
        "compared_anyway": "always compared",
        "n_unknown": "not given in the report",
        "no_cohorts": "No cohort data was loaded.",
        "stages": "Maturity stage",
        "overall_stage": "Overall stage",
        "overall": EN["overall"],
        "score": "Score",
        "coverage": "scored dimensions",
        "model_own": "The stages, weights and scores are this tool's own model, informed by the "
        "2018 survey; the survey itself defines no stages.",
        "dimension": "Dimension",
        "stage": "Stage",
        "weight": "Weight",
        "answered": "Answered",
        "not_scored": "too few answers",
        "no_stage": "not determined",
        "score_axis": "score (0-100, the tool's own scale)",
        "chart_dims": "Scores by dimension",
        "chart_dims_caption": "Scores by dimension; dashed lines mark where each stage begins.",
        "no_cohort_score": "No cohort score in the report: the survey gives shares of "
        "respondents per question, not dimension scores, so none is drawn for all respondents "
        "or the CX leaders (see the comparisons below).",
        "no_thresholds": "The stage thresholds were not available.",
        "comparisons": "Comparison with the cohorts",
        "comparisons_intro": "Each row sets one of the company's answers against every number the "
        "report gives for the cohort on that question: one verdict per row. The percentile is the "
        "range from the share that answered worse to that plus the share that answered the same, "
        "derived by this tool (higher = better). 'Level or ahead' means the report's ranges do not "
        "settle it: ahead and behind are only said when its numbers prove them.",
        "no_placements": "No answer could be set against a cohort figure.",
        "versus": "Against {cohort}",
        "question": "Question",
        "your_answer": "Your answer",
        "cohort_figure": "Cohort figure",
        "percentile": "Percentile (derived)",
        "verdict": "Verdict",
        "in_words": "In words",
        "no_benchmark": "no benchmark",
        "average": "average",
        "percentile_axis": "share of the cohort (%); right = better answers; thick line = the company",
        "chart_cohort": "The company against {cohort}",
        "chart_cohort_caption": "Each bar is the cohort's spread over the answers (lighter = "
        "less mature; grey = unlabelled in the report) or, for shares, the respondents "
        "who answered worse (light) and better (dark), what the report leaves open in grey. The "
        "thick line is the company's percentile range, derived by this tool, coloured by verdict. "
        "An 'average' row is the cohort's average in percent, the thick line the "
        "company's answer.",
        "statements": "What the report says without a number",
        "statements_intro": "Qualitative findings for the cohorts; the report gives no figure "
        "to place the company against.",
        "roadmap": "Roadmap",
        "conflicts": "Answers that contradict each other",
        "conflicts_intro": (
            "These pairs of answers cannot both be true; check them with the client before "
            "relying on the result."
        ),
        "no_roadmap": "No playbook applies to this assessment.",
        "phase_completed": "completed",
        "phase_current": "current",
        "phase_next": "next",
        "phase_not_applicable": "not applicable",
        "chart_roadmap": "The playbook's phases",
        "chart_roadmap_caption": "The playbook's phases: completed (filled green), current "
        "(filled blue), next (outlined).",
        "next_actions": "Next actions",
        "kpis": "Indicators to follow",
        "constraints": "Constraints",
        "notes": "Notes on the answers",
        "note": "Note",
        "missing": "What is missing",
        "missing_intro": "These questions have no answer that counts; scores leave them out "
        "rather than count them as zero.",
        "nothing_missing": "Every question that applies was answered.",
        "state": "State",
        "weakens": "Dimensions it weakens",
        "plugins": "Plugins",
        "name": "Name",
        "version": "Version",
        "origin": "Origin",
        "status": "Status",
        "ok": "ok",
        "sources": "Sources",
        "other_reading": "Other reading",
        "back": "back to the text",
        "versions": "cxmaturity {tool} · questionnaire {q} v{qv} · stage model {model} · "
        "plugins: {plugins}",
        "caveat": "The cohorts are those of the MIT Technology Review Insights survey of 599 "
        "customer-experience executives, July 2018. The stage model, its weights and the "
        "verdict thresholds are this tool's own.",
    },
    "fr": {
        "title": "L'IA dans l'expérience client : rapport de maturité de {company}",
        "subtitle": "{company} · évaluation du {date} · {questionnaire} (version {version})",
        "cohorts": "Cohortes comparées",
        "cohorts_intro": "L'entreprise est comparée à chaque cohorte dont elle fait partie, et "
        "toujours à l'ensemble des répondants et aux leaders CX.",
        "cohort": "Cohorte",
        "why": "Raison de la comparaison",
        "member": "l'entreprise en fait partie",
        "compared_anyway": "toujours comparée",
        "n_unknown": "non indiqué par le rapport",
        "no_cohorts": "Aucune donnée de cohorte n'a été chargée.",
        "stages": "Stade de maturité",
        "overall_stage": "Stade global",
        "overall": FR["overall"],
        "score": "Score",
        "coverage": "dimensions notées",
        "model_own": "Les stades, les pondérations et les scores sont le modèle propre de "
        "l'outil, éclairé par l'enquête de 2018 ; l'enquête elle-même ne définit aucun stade.",
        "dimension": "Dimension",
        "stage": "Stade",
        "weight": "Poids",
        "answered": "Réponses",
        "not_scored": "trop peu de réponses",
        "no_stage": "non déterminé",
        "score_axis": "score (0-100, échelle propre à l'outil)",
        "chart_dims": "Scores par dimension",
        "chart_dims_caption": "Scores par dimension ; les tirets marquent le début de chaque "
        "stade.",
        "no_cohort_score": "Pas de score de cohorte dans le rapport : l'enquête donne des parts "
        "de répondants par question, non des scores par dimension ; aucun n'est donc tracé pour "
        "l'ensemble des répondants ni pour les leaders CX (voir les comparaisons ci-dessous).",
        "no_thresholds": "Les seuils des stades n'étaient pas disponibles.",
        "comparisons": "Comparaison avec les cohortes",
        "comparisons_intro": "Chaque ligne confronte une réponse de l'entreprise à un chiffre "
        "que le rapport donne pour la cohorte sur cette question : un verdict par ligne. Le "
        "centile va de la part qui a moins bien répondu à cette part augmentée de celle qui a "
        "répondu comme l'entreprise, calculé par l'outil (plus haut = mieux). « Au niveau ou en "
        "avance » signifie que les fourchettes du rapport ne tranchent pas : « en avance » et « en "
        "retard » ne sont dits que lorsque ses chiffres le prouvent.",
        "no_placements": "Aucune réponse n'a pu être confrontée à un chiffre de cohorte.",
        "versus": "Face à : {cohort}",
        "question": "Question",
        "your_answer": "Votre réponse",
        "cohort_figure": "Chiffre de la cohorte",
        "percentile": "Centile (calculé)",
        "verdict": "Verdict",
        "in_words": "En clair",
        "no_benchmark": "pas de référence",
        "average": "moyenne",
        "percentile_axis": "part de la cohorte (%) ; à droite = meilleures réponses ; "
        "trait épais = l'entreprise",
        "chart_cohort": "L'entreprise face à : {cohort}",
        "chart_cohort_caption": "Chaque barre montre la répartition de la cohorte entre les "
        "réponses (plus clair = moins mature ; gris = sans libellé dans le rapport) ou, pour une "
        "part, les répondants ayant moins bien répondu (clair) et mieux répondu (foncé), ce que le "
        "rapport laisse ouvert en gris. Le trait épais est la plage de centiles de l'entreprise, "
        "calculée par l'outil, colorée selon le verdict. Une ligne « moyenne » est la "
        "moyenne de la cohorte en pourcentage, le trait épais la réponse de l'entreprise.",
        "statements": "Ce que le rapport dit sans chiffre",
        "statements_intro": "Constats qualitatifs sur les cohortes ; le rapport ne donne aucun "
        "chiffre auquel comparer l'entreprise.",
        "roadmap": "Feuille de route",
        "conflicts": "Réponses qui se contredisent",
        "conflicts_intro": (
            "Ces paires de réponses ne peuvent pas être vraies ensemble ; vérifiez-les avec le "
            "client avant de vous fier au résultat."
        ),
        "no_roadmap": "Aucun parcours type ne s'applique à cette évaluation.",
        "phase_completed": "terminée",
        "phase_current": "en cours",
        "phase_next": "à venir",
        "phase_not_applicable": "non applicable",
        "chart_roadmap": "Les phases du parcours type",
        "chart_roadmap_caption": "Les phases du parcours type : terminées (vert plein), en "
        "cours (bleu plein), à venir (contour).",
        "next_actions": "Prochaines actions",
        "kpis": "Indicateurs à suivre",
        "constraints": "Contraintes",
        "notes": "Notes sur les réponses",
        "note": "Note",
        "missing": "Ce qui manque",
        "missing_intro": "Ces questions n'ont pas de réponse prise en compte ; les scores les "
        "laissent de côté au lieu de les compter comme zéro.",
        "nothing_missing": "Toutes les questions applicables ont reçu une réponse.",
        "state": "État",
        "weakens": "Dimensions affaiblies",
        "plugins": "Extensions",
        "name": "Nom",
        "version": "Version",
        "origin": "Origine",
        "status": "État",
        "ok": "ok",
        "sources": "Sources",
        "other_reading": "Autre lecture",
        "back": "retour au texte",
        "versions": "cxmaturity {tool} · questionnaire {q} v{qv} · modèle de stades {model} · "
        "extensions : {plugins}",
        "caveat": "Les cohortes sont celles de l'enquête MIT Technology Review Insights menée "
        "en juillet 2018 auprès de 599 dirigeants de l'expérience client. Le modèle de stades, "
        "ses pondérations et les seuils des verdicts sont propres à l'outil.",
    },
}


def label_set(lang: str) -> dict:
    """The labels in `lang`, English when the language is unknown."""
    return LABELS.get(lang, LABELS["en"])
