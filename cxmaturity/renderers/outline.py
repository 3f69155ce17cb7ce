"""A questionnaire as Markdown: a readable outline, or a blank form to print for interviews."""

from __future__ import annotations

from cxmaturity.formats.models import Question, Questionnaire, tr
from cxmaturity.words.safety import md, md_code
from cxmaturity.words.sources import source_words

LABELS = {
    "en": {
        "version": "version",
        "questions": "questions",
        "asked_if": "Asked only if",
        "source": "Source",
        "company": "Company",
        "date": "Date",
        "interviewer": "Interviewer",
        "range": "Answer between {lo} and {hi}",
        "number": "Number",
        "text": "Answer",
        "tick_one": "tick one",
        "tick_any": "tick all that apply",
        "states": "☐ skipped   ☐ not applicable   ☐ don't know",
        "note": "Note",
        "blank": "Blank questionnaire",
        "colon": ": ",
        "list_head": "id|version|title|questions|languages",
    },
    "fr": {
        "version": "version",
        "questions": "questions",
        "asked_if": "Posée seulement si",
        "source": "Source",
        "company": "Entreprise",
        "date": "Date",
        "interviewer": "Consultant",
        "range": "Réponse entre {lo} et {hi}",
        "number": "Nombre",
        "text": "Réponse",
        "tick_one": "une seule réponse",
        "tick_any": "plusieurs réponses possibles",
        "states": "☐ passée   ☐ non applicable   ☐ ne sait pas",
        "note": "Note",
        "blank": "Questionnaire vierge",
        "colon": " : ",
        "list_head": "id|version|titre|questions|langues",
    },
}


def _condition_text(q: Questionnaire, question: Question) -> str:
    ids = question.when.questions() if question.when else []
    return md(", ".join(ids), start=False)


def _answer_lines(question: Question, lang: str, blank: bool) -> list[str]:
    L = LABELS[lang]
    box = "☐ " if blank else "- "
    if question.options:
        hint = L["tick_any"] if question.type == "multi" else L["tick_one"]
        lines = [f"*({hint})*", ""] if blank else []
        return lines + [f"{box}{md(tr(o.label, lang), start=blank)}" + ("" if blank else f" {md_code(o.id)}")
                        for o in question.options]
    if question.type in ("scale", "number") and question.min is not None and question.max is not None:
        unit = f" {md(question.unit, start=False)}" if question.unit else ""
        line = L["range"].format(lo=f"{question.min:g}", hi=f"{question.max:g}{unit}")
        return [f"{line}{L['colon']}______" if blank else f"- {line}"]
    label = L["number"] if question.type == "number" else L["text"]
    return [f"{label}{L['colon']}____________________________" if blank else f"- {label.lower()} ({question.type})"]


def outline(q: Questionnaire, lang: str = "en", blank: bool = False) -> str:
    """Markdown for `q` in `lang`; `blank` gives a form to fill in by hand. Every text of the
    questionnaire is escaped (text_safety.md): a questionnaire is someone's file."""
    L = LABELS[lang]
    title = md(tr(q.title, lang), start=False)
    out = [f"# {title}", ""]
    out.append(f"{md_code(q.id)} · {L['version']} {q.version} · {len(q.questions)} {L['questions']}")
    out.append("")
    if blank:
        c = L["colon"].rstrip()
        out += [f"**{L['company']}{c}** ______________________  ", f"**{L['date']}{c}** __________  ",
                f"**{L['interviewer']}{c}** ______________________", ""]
    elif q.description:
        out += [md(tr(q.description, lang)), ""]
    number = 0
    for section in q.sections:
        out += [f"## {md(tr(section.title, lang), start=False)}", ""]
        groups = {g.id: g for g in section.groups}
        current_group = None
        for question in section.questions:
            number += 1
            if question.group != current_group and question.group in groups:
                out += [f"### {md(tr(groups[question.group].title, lang), start=False)}", ""]
            current_group = question.group
            head = f"**{number}. {md(tr(question.text, lang), start=False)}**"
            out += [head if blank else f"{head} {md_code(question.id)}", ""]
            if question.when:
                out += [f"*{L['asked_if']}{L['colon']}{_condition_text(q, question)}*", ""]
            out += _answer_lines(question, lang, blank)
            out.append("")
            if blank:
                out += [L["states"], "", f"{L['note']}{L['colon']}____________________________", ""]
            elif question.source:
                out += [f"{L['source']}{L['colon']}{md(source_words(question.source.ref, lang), start=False)}", ""]
    return "\n".join(out).rstrip() + "\n"
