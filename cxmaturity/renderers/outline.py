"""A questionnaire as Markdown: a readable outline, or a blank form to print for interviews."""

from __future__ import annotations

from cxmaturity.formats.models import Question, Questionnaire, tr
from cxmaturity.text_safety import md, md_code
from cxmaturity.words.outline import LABELS
from cxmaturity.words.sources import source_words


def numbers(q: Questionnaire) -> dict[str, int]:
    """Each question's number as printed on the form, from 1, in questionnaire order."""
    return {question.id: i for i, question in enumerate(q.questions, start=1)}


def condition_text(q: Questionnaire, question: Question, lang: str) -> str:
    """Which earlier questions decide whether `question` is asked, by their printed numbers
    ("Asked depending on the answer to question 12"), not by internal ids."""
    L = LABELS[lang]
    numbered = numbers(q)
    refs = sorted({numbered[i] for i in (question.when.questions() if question.when else []) if i in numbered})
    if not refs:
        return ""
    if len(refs) == 1:
        return L["asked_after"].format(n=refs[0])
    listed = ", ".join(str(n) for n in refs[:-1]) + L["and"] + str(refs[-1])
    return L["asked_after_many"].format(n=listed)


def _answer_lines(question: Question, lang: str, blank: bool) -> list[str]:
    L = LABELS[lang]
    box = "☐ " if blank else "- "
    if question.options:
        hint = L["tick_any"] if question.type == "multi" else L["tick_one"]
        lines = [f"*({hint})*", ""] if blank else []
        # A list item each: a Markdown renderer keeps list items on their own lines, where it
        # would join plain lines into one paragraph.
        return lines + [f"- {box}{md(tr(o.label, lang), start=False)}" if blank
                        else f"{box}{md(tr(o.label, lang), start=blank)} {md_code(o.id)}"
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
            if question.when and blank and (cond := condition_text(q, question, lang)):
                out += [f"*{cond}*", ""]
            elif question.when:  # the outline is for whoever edits questionnaires: ids
                ids = md(", ".join(question.when.questions()), start=False)
                out += [f"*{L['asked_if']}{L['colon']}{ids}*", ""]
            out += _answer_lines(question, lang, blank)
            out.append("")
            if blank:
                out += [L["states"], "", f"{L['note']}{L['colon']}____________________________", ""]
            elif question.source:
                out += [f"{L['source']}{L['colon']}{md(source_words(question.source.ref, lang), start=False)}", ""]
    return "\n".join(out).rstrip() + "\n"
