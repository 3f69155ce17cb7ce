"""A questionnaire as Markdown: a readable outline, or a blank form to print for interviews."""

from __future__ import annotations

from ..models import Question, Questionnaire, tr
from .sources import source_words

LABELS = {
    "en": {
        "version": "version",
        "questions": "questions",
        "asked_if": "Asked only if",
        "is_one_of": "{question} is {options}",
        "or": " or ",
        "answered": "{question} is answered",
        "not_answered": "{question} is not answered",
        "at_least": "{question} is at least {value}",
        "at_most": "{question} is at most {value}",
        "and": " and ",
        "either": " or ",
        "not": "not ({cond})",
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
        "is_one_of": "{question} : {options}",
        "or": " ou ",
        "answered": "{question} a une réponse",
        "not_answered": "{question} n'a pas de réponse",
        "at_least": "{question} : au moins {value}",
        "at_most": "{question} : au plus {value}",
        "and": " et ",
        "either": " ou ",
        "not": "non ({cond})",
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


def _condition_text(q: Questionnaire, question: Question, lang: str = "en") -> str:
    """The question's condition in words: the other question's short form and the option
    labels, never their ids."""
    return _words(q, question.when, lang) if question.when else ""


def _words(q: Questionnaire, cond, lang: str) -> str:
    L = LABELS[lang]
    quote = "« {} »" if lang == "fr" else "“{}”"
    if cond.all or cond.any:
        parts = [_words(q, c, lang) for c in (cond.all or cond.any)]
        return (L["and"] if cond.all else L["either"]).join(parts)
    if cond.not_ is not None:
        return L["not"].format(cond=_words(q, cond.not_, lang))
    if cond.q is None:
        return ""
    other = q.question(cond.q)
    name = (tr(other.short, lang) if other.short else tr(other.text, lang)) if other else cond.q

    def label(value) -> str:
        o = other.option(value) if other is not None and isinstance(value, str) else None
        return quote.format(tr(o.label, lang)) if o else f"{value:g}" if isinstance(value, float) else str(value)

    if cond.in_ is not None:
        return L["is_one_of"].format(question=name, options=L["or"].join(label(v) for v in cond.in_))
    if cond.answered is not None:
        return L["answered" if cond.answered else "not_answered"].format(question=name)
    parts = []
    if cond.gte is not None:
        parts.append(L["at_least"].format(question=name, value=label(cond.gte)))
    if cond.lte is not None:
        parts.append(L["at_most"].format(question=name, value=label(cond.lte)))
    return L["and"].join(parts)


def _answer_lines(question: Question, lang: str, blank: bool) -> list[str]:
    L = LABELS[lang]
    box = "☐ " if blank else "- "
    if question.options:
        hint = L["tick_any"] if question.type == "multi" else L["tick_one"]
        lines = [f"*({hint})*", ""] if blank else []
        return lines + [f"{box}{tr(o.label, lang)}" + ("" if blank else f" `{o.id}`") for o in question.options]
    if question.type in ("scale", "number") and question.min is not None and question.max is not None:
        unit = f" {question.unit}" if question.unit else ""
        line = L["range"].format(lo=f"{question.min:g}", hi=f"{question.max:g}{unit}")
        return [f"{line}{L['colon']}______" if blank else f"- {line}"]
    label = L["number"] if question.type == "number" else L["text"]
    return [f"{label}{L['colon']}____________________________" if blank else f"- {label.lower()} ({question.type})"]


def outline(q: Questionnaire, lang: str = "en", blank: bool = False) -> str:
    """Markdown for `q` in `lang`; `blank` gives a form to fill in by hand."""
    L = LABELS[lang]
    title = tr(q.title, lang)
    out = [f"# {title}", ""]
    out.append(f"`{q.id}` · {L['version']} {q.version} · {len(q.questions)} {L['questions']}")
    out.append("")
    if blank:
        c = L["colon"].rstrip()
        out += [f"**{L['company']}{c}** ______________________  ", f"**{L['date']}{c}** __________  ",
                f"**{L['interviewer']}{c}** ______________________", ""]
    elif q.description:
        out += [tr(q.description, lang), ""]
    number = 0
    for section in q.sections:
        out += [f"## {tr(section.title, lang)}", ""]
        groups = {g.id: g for g in section.groups}
        current_group = None
        for question in section.questions:
            number += 1
            if question.group != current_group and question.group in groups:
                out += [f"### {tr(groups[question.group].title, lang)}", ""]
            current_group = question.group
            head = f"**{number}. {tr(question.text, lang)}**"
            out += [head if blank else f"{head} `{question.id}`", ""]
            if question.when:
                out += [f"*{L['asked_if']}{L['colon']}{_condition_text(q, question, lang)}*", ""]
            out += _answer_lines(question, lang, blank)
            out.append("")
            if blank:
                out += [L["states"], "", f"{L['note']}{L['colon']}____________________________", ""]
            elif question.source:
                out += [f"{L['source']}{L['colon']}{source_words(question.source.ref, lang)}", ""]
    return "\n".join(out).rstrip() + "\n"
