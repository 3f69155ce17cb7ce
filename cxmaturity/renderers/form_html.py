"""A blank questionnaire as one printable HTML page: real checkboxes and fields, one question
per block, A4 when printed. Options are boxes to tick (round for a single answer, square where
several apply); a question asked only after another says which one, by its printed number.
Every text is escaped (see renderers/html_markup.py)."""

from __future__ import annotations

from cxmaturity.formats.models import Question, Questionnaire, tr
from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.renderers.outline import condition_text
from cxmaturity.words.outline import LABELS

CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;
 max-width:48rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;
 border-bottom:2px solid #1f5fa8;padding-bottom:.15rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.sub,.hint,.cond{color:#5a6572}.hint,.cond{font-size:.85rem}.cond{font-style:italic;margin:.1rem 0}
.fields{margin:1rem 0}.fields label{display:inline-block;width:8rem}
.fields input{display:inline-block;width:calc(100% - 9rem);margin:.2rem 0}
.fields input,.line input{border:0;border-bottom:1px solid #777;font:inherit}
.q{border-top:1px solid #d5dbe1;padding:.55rem 0 .45rem}.qt{font-weight:600;margin:0 0 .3rem}
fieldset{border:0;margin:0;padding:0}legend{font-size:.85rem;padding:0}
label.opt{display:block;margin:.12rem 0}
.states{margin-top:.3rem;font-size:.85rem;color:#5a6572}.states label{margin-right:1.2rem}
.line{display:block;margin-top:.25rem}.line span{white-space:nowrap;margin-right:.5rem}
.line input{display:inline-block;width:70%;height:1.2em}
/* Drawn boxes rather than the platform's widgets: the same on screen, in print and in PDF. */
input[type=checkbox],input[type=radio]{-webkit-appearance:none;appearance:none;display:inline-block;
 width:.95em;height:.95em;border:1.3px solid #333;margin:0 .45em 0 0;vertical-align:-.12em;
 background:#fff}
input[type=radio]{border-radius:50%}
input[type=checkbox]:checked,input[type=radio]:checked{background:#1f5fa8;box-shadow:inset 0 0 0 2px #fff}
textarea{display:block;width:100%;min-height:3.5rem;font:inherit;border:1px solid #999}
@page{size:A4;margin:15mm 14mm}
@media print{body{max-width:none;padding:0;font-size:10pt}.q{break-inside:avoid}
 h2,h3{break-after:avoid}}
"""

PAGE = """<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header><h1>$title</h1><p class="sub">$sub</p><p class="hint">$hint</p></header>
<form>
<div class="fields">$fields</div>
<main>
$body
</main>
</form>
</body>
</html>
"""


def _answer(question: Question, lang: str) -> Safe:
    L = LABELS[lang]
    name = question.id
    if question.options:
        kind = "checkbox" if question.type == "multi" else "radio"
        hint = L["tick_any"] if question.type == "multi" else L["tick_one"]
        boxes = join(
            fill('<label class="opt"><input type="$k" name="$n" value="$v"> $t</label>',
                 k=kind, n=name, v=o.id, t=tr(o.label, lang))
            for o in question.options
        )
        return fill('<fieldset><legend class="hint">$h</legend>$boxes</fieldset>', h=hint, boxes=boxes)
    if question.type in ("scale", "number") and question.min is not None and question.max is not None:
        unit = f" {question.unit}" if question.unit else ""
        text = L["range"].format(lo=f"{question.min:g}", hi=f"{question.max:g}{unit}")
        return fill('<label class="line"><span>$t$c</span><input type="number" name="$n" min="$lo" '
                    'max="$hi"></label>', t=text, c=L["colon"].rstrip(), n=name,
                    lo=f"{question.min:g}", hi=f"{question.max:g}")
    if question.type == "number":
        return fill('<label class="line"><span>$t$c</span><input type="number" name="$n"></label>',
                    t=L["number"], c=L["colon"].rstrip(), n=name)
    return fill('<textarea name="$n" aria-label="$t"></textarea>', n=name, t=L["text"])


def blank_form_html(q: Questionnaire, lang: str = "en") -> str:
    """The blank form of `q` in `lang`, to fill in on screen or print."""
    L = LABELS[lang]
    colon = L["colon"].rstrip()
    fields = join(
        fill('<div><label for="f-$i">$t$c</label><input id="f-$i" type="$k"></div>', i=i, t=L[key], c=colon, k=kind)
        for i, (key, kind) in enumerate([("company", "text"), ("date", "date"), ("interviewer", "text")])
    )
    parts, number = [], 0
    for section in q.sections:
        parts.append(fill("<h2>$t</h2>", t=tr(section.title, lang)))
        groups = {g.id: g for g in section.groups}
        current = None
        for question in section.questions:
            number += 1
            if question.group != current and question.group in groups:
                parts.append(fill("<h3>$t</h3>", t=tr(groups[question.group].title, lang)))
            current = question.group
            cond = condition_text(q, question, lang) if question.when else ""
            states = join(
                fill('<label><input type="checkbox" name="$n.state" value="$v"> $t</label>',
                     n=question.id, v=v, t=t)
                for v, t in zip(("skipped", "not_applicable", "dont_know"), L["states_words"], strict=True)
            )
            parts.append(fill(
                '<div class="q" id="q$num"><p class="qt">$num. $text</p>$cond$answer'
                '<div class="states">$states</div>'
                '<label class="line"><span>$note$c</span><input type="text" name="$n.note"></label></div>',
                num=number, text=tr(question.text, lang),
                cond=fill('<p class="cond">$t</p>', t=cond) if cond else Safe(""),
                answer=_answer(question, lang), states=states, note=L["note"], c=colon, n=question.id,
            ))
    sub = f"{q.id} · {L['version']} {q.version} · {len(q.questions)} {L['questions']}"
    return fill(PAGE, lang=lang, title=tr(q.title, lang), css=Safe(CSS), sub=sub, hint=L["print_hint"],
                fields=fields, body=join(parts))
