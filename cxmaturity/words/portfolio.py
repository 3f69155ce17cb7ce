"""The words of a portfolio (`portfolio`), in English and French. A word that depends on a
count has its singular under `key_one` and its plural under `key`, as in `labels.py`."""

from __future__ import annotations

LABELS = {
    "en": {
        "title": "Portfolio: {n} of {c}",
        "assessment_one": "assessment",
        "assessment": "assessments",
        "company_n_one": "company",
        "company_n": "companies",
        "company": "company",
        "date": "date",
        "stage": "stage",
        "score": "score",
        "coverage": "scored",
        "dim_scores": "Dimension scores (0-100)",
        "coverage_note": "scored: the share of the model's weighted dimensions with enough answers "
                         "to score; a stage on part of them is provisional.",
        "stages": "Stages (latest assessment of each company)",
        "companies": "companies",
        "unknown": "not enough answers",
        "progress": "Progress (companies assessed more than once)",
        "from_to": "{first} → {last}",
        "visits": "assessments",
        "change": "change",
        "no_progress": "No company was assessed more than once.",
        "skipped_one": "Skipped {n} file that could not be read as an assessment:",
        "skipped": "Skipped {n} files that could not be read as assessments:",
        "skipped_in_one": "Skipped {n} file; it is listed in {out}.",
        "skipped_in": "Skipped {n} files; the list is in {out}.",
        "none": "No assessment could be read.",
        "footer": "cxmaturity {tool} · stage model {model} (the tool's own) · plugins: {plugins}",
        "dims": "Dimensions: {dims}.",
        "stage_legend": "Stages: {stages}.",
    },
    "fr": {
        "title": "Portefeuille : {n} de {c}",
        "assessment_one": "évaluation",
        "assessment": "évaluations",
        "company_n_one": "entreprise",
        "company_n": "entreprises",
        "company": "entreprise",
        "date": "date",
        "stage": "stade",
        "score": "score",
        "coverage": "noté",
        "dim_scores": "Scores par dimension (0-100)",
        "coverage_note": "noté : la part des dimensions pondérées du modèle assez renseignées pour "
                         "être notées ; un stade établi sur une partie d'entre elles est provisoire.",
        "stages": "Stades (dernière évaluation de chaque entreprise)",
        "companies": "entreprises",
        "unknown": "trop peu de réponses",
        "progress": "Progression (entreprises évaluées plusieurs fois)",
        "from_to": "{first} → {last}",
        "visits": "évaluations",
        "change": "écart",
        "no_progress": "Aucune entreprise n'a été évaluée plus d'une fois.",
        "skipped_one": "{n} fichier ignoré, illisible comme évaluation :",
        "skipped": "{n} fichiers ignorés, illisibles comme évaluations :",
        "skipped_in_one": "{n} fichier ignoré ; il figure dans {out}.",
        "skipped_in": "{n} fichiers ignorés ; la liste figure dans {out}.",
        "none": "Aucune évaluation n'a pu être lue.",
        "footer": "cxmaturity {tool} · modèle de stades {model} (propre à l'outil) · extensions : {plugins}",
        "dims": "Dimensions : {dims}.",
        "stage_legend": "Stades : {stages}.",
    },
}


# A dimension's name as a column head: short enough for 80 columns.
DIMENSION_HEADS = {
    "en": {"investment": "Investment", "strategy": "Strategy", "tools": "Tools", "brand": "Brand",
           "automation": "Automation", "sentiment": "Sentiment", "outcomes": "Outcomes"},
    "fr": {"investment": "Invest.", "strategy": "Stratégie", "tools": "Outils", "brand": "Marque",
           "automation": "Automat.", "sentiment": "Sentiments", "outcomes": "Résultats"},
}
