"""The words of `cohorts build`, in English and French."""

from __future__ import annotations

# What `cohorts build` says of what it left out or could not do, in English and French.
MESSAGES = {
    "en": {
        "none_read": "no assessment could be read",
        "only_read": "only {n} could be read",
        "too_few": "{read}; a cohort needs at least {min} (--min-size) so that a handful of clients "
                   "does not pose as a benchmark",
        "cohort_small": "cohort '{cohort}': {n}, fewer than {min}",
        "question_small": "cohort '{cohort}', question '{question}': {answers}, fewer than {min}",
        "answer": ("answer", "answers"),
        "unordered": "questions without an order (a share has no better side): {ids}",
        "profile": "profile questions (they describe a company, not its maturity): {ids}",
        "left_out": "left out {what}",
        "wrote": "Wrote {out}: {n}, {first} to {last}; cohorts {cohorts}; {figures} figures.",
    },
    "fr": {
        "none_read": "aucune évaluation n'a pu être lue",
        "only_read": "seulement {n} ont pu être lues",
        "too_few": "{read} ; une cohorte demande au moins {min} (--min-size), pour qu'une poignée de "
                   "clients ne passe pas pour une référence",
        "cohort_small": "cohorte « {cohort} » : {n}, moins de {min}",
        "question_small": "cohorte « {cohort} », question « {question} » : {answers}, moins de {min}",
        "answer": ("réponse", "réponses"),
        "unordered": "questions sans ordre (une part n'y a pas de meilleur côté) : {ids}",
        "profile": "questions de profil (elles décrivent une entreprise, pas sa maturité) : {ids}",
        "left_out": "écarté : {what}",
        "wrote": "{out} écrit : {n}, du {first} au {last} ; cohortes {cohorts} ; {figures} chiffres.",
    },
}
