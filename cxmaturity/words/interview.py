"""The interview's own words (prompts, control words, messages) in English and French."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "progress": "Question {n} of {total} · {section}",
        "colon": ": ",
        "semicolon": "; ",
        "back": "Back",
        "skip": "Skip",
        "not_applicable": "Not applicable",
        "dont_know": "Don't know",
        "help": "Help",
        "quit": "Save and quit",
        "current": "current answer: {answer}",
        "keep": "press Enter to keep it",
        "pick_one": "Type the number of your answer",
        "pick_many": "Type the numbers of your answers, separated by commas",
        "type_number": "Type a number",
        "between": "from {min} to {max}",
        "type_text": "Type your answer",
        "note": "Note (optional, Enter for none)",
        "no_help": "No help for this question.",
        "not_valid": "Not a valid answer: {why}",
        "not_a_choice": "Type a number from 1 to {n}, or one of: {keys}",
        "not_a_number": "Type a number, or one of: {keys}",
        "out_of_range": "The answer must be from {min} to {max}.",
        "whole_number": "The answer must be a whole number.",
        "exclusive": "'{label}' cannot be combined with other answers.",
        "empty": "Type an answer, or one of: {keys}",
        "review": "Review: every answer, by number",
        "review_prompt": "Type a number to change that answer, or press Enter to finish ({quit_key} to save and quit)",
        "review_finish": "Finish",
        "no_answer": "(no answer)",
        "skipped": "skipped",
        "answer_not_applicable": "not applicable",
        "answer_dont_know": "don't know",
        "company": "Company name",
        "company_needed": "Type the company's name.",
        "saved": "Assessment saved to {path}",
        "score_it": "Score it with: {prog} score {path}",
        "resume": "Resume with: {prog} assess --resume {path}",
        "autosave": "Every answer is saved as you go to {path}",
        "tick_first": "Tick at least one answer with Space, or press {skip} to skip",
        "end_of_input_company": "end of input before the company's name; nothing was saved",
        "end_of_input": "End of input: the answers so far are saved in {path}.",
        "interrupted": "Interrupted: the answers so far are saved in {path}.",
        "quit_saved": "Saved for later in {path}.",
        "missing": "Still to answer: {ids}",
        "select_hint": "arrows to move, Enter to choose",
        "check_hint": "arrows to move, Space to tick, Enter to confirm",
        "text_hint": "Enter to confirm",
        "back_to_review": "Back to the review",
        "conflict": "These answers contradict each other: {message}",
        "conflict_confirm": "Confirm: keep both answers",
        "conflict_correct": "Correct: answer \"{question}\" again",
        "conflict_pick": "Type 1 to confirm or 2 to correct",
        "answers_conflict": "Warning: in the answers file, {message} ({pair})",
    },
    "fr": {
        "progress": "Question {n} sur {total} · {section}",
        "colon": " : ",
        "semicolon": " ; ",
        "back": "Retour",
        "skip": "Passer",
        "not_applicable": "Non applicable",
        "dont_know": "Je ne sais pas",
        "help": "Aide",
        "quit": "Enregistrer et quitter",
        "current": "réponse actuelle : {answer}",
        "keep": "appuyez sur Entrée pour la garder",
        "pick_one": "Tapez le numéro de votre réponse",
        "pick_many": "Tapez les numéros de vos réponses, séparés par des virgules",
        "type_number": "Tapez un nombre",
        "between": "de {min} à {max}",
        "type_text": "Tapez votre réponse",
        "note": "Remarque (facultative, Entrée pour aucune)",
        "no_help": "Pas d'aide pour cette question.",
        "not_valid": "Réponse non valable : {why}",
        "not_a_choice": "Tapez un numéro de 1 à {n}, ou l'un de : {keys}",
        "not_a_number": "Tapez un nombre, ou l'un de : {keys}",
        "out_of_range": "La réponse doit être comprise entre {min} et {max}.",
        "whole_number": "La réponse doit être un nombre entier.",
        "exclusive": "« {label} » ne peut pas être combiné avec d'autres réponses.",
        "empty": "Tapez une réponse, ou l'un de : {keys}",
        "review": "Relecture : toutes les réponses, par numéro",
        "review_prompt": (
            "Tapez un numéro pour modifier cette réponse, ou Entrée pour terminer "
            "({quit_key} pour enregistrer et quitter)"
        ),
        "review_finish": "Terminer",
        "no_answer": "(pas de réponse)",
        "skipped": "passée",
        "answer_not_applicable": "non applicable",
        "answer_dont_know": "je ne sais pas",
        "company": "Nom de l'entreprise",
        "company_needed": "Tapez le nom de l'entreprise.",
        "saved": "Évaluation enregistrée dans {path}",
        "score_it": "Pour la noter : {prog} score {path}",
        "resume": "Pour reprendre : {prog} assess --resume {path}",
        "autosave": "Chaque réponse est enregistrée au fur et à mesure dans {path}",
        "tick_first": "Cochez au moins une réponse avec Espace, ou {skip} pour passer",
        "end_of_input_company": "fin de l'entrée avant le nom de l'entreprise ; rien n'a été enregistré",
        "end_of_input": "Fin de l'entrée : les réponses données sont enregistrées dans {path}.",
        "interrupted": "Interrompu : les réponses données sont enregistrées dans {path}.",
        "quit_saved": "Enregistré pour plus tard dans {path}.",
        "missing": "Reste à répondre : {ids}",
        "select_hint": "flèches pour se déplacer, Entrée pour choisir",
        "check_hint": "flèches pour se déplacer, Espace pour cocher, Entrée pour valider",
        "text_hint": "Entrée pour valider",
        "back_to_review": "Retour à la relecture",
        "conflict": "Ces réponses se contredisent : {message}",
        "conflict_confirm": "Confirmer : garder les deux réponses",
        "conflict_correct": "Corriger : répondre de nouveau à « {question} »",
        "conflict_pick": "Tapez 1 pour confirmer ou 2 pour corriger",
        "answers_conflict": "Attention : dans le fichier de réponses, {message} ({pair})",
    },
}

#: The key of each control, by language. The English keys are accepted in French too
#: (they do not collide), so a consultant switching languages keeps their habits.
KEYS: dict[str, dict[str, str]] = {
    "en": {
        "back": "b",
        "skip": "s",
        "not_applicable": "n",
        "dont_know": "d",
        "help": "?",
        "quit": "q",
    },
    "fr": {
        "back": "r",
        "skip": "p",
        "not_applicable": "n",
        "dont_know": "j",
        "help": "?",
        "quit": "q",
    },
}

CONTROLS = ("back", "skip", "not_applicable", "dont_know", "help", "quit")


def words(lang: str) -> dict[str, str]:
    """The interview's words in `lang` (English when the language is unknown)."""
    return WORDS.get(lang, WORDS["en"])


def say(lang: str, key: str, **fields: object) -> str:
    """One message in `lang`, with its fields filled in."""
    return words(lang)[key].format(**fields)


def keys(lang: str) -> dict[str, str]:
    """Control → key, in `lang`."""
    return KEYS.get(lang, KEYS["en"])


def control_of(text: str, lang: str) -> str | None:
    """The control a typed key stands for (`b` → back), in `lang` or in English."""
    t = text.strip().lower()
    for table in (keys(lang), KEYS["en"]):
        for control, key in table.items():
            if t == key:
                return control
    return None
