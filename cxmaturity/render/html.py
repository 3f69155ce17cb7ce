"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, nothing
fetched, printable on A4.

Escaping is the default: `fill(template, **values)` escapes every value with html.escape
unless it is a `Safe` (markup this module built itself). Text from files (company name,
notes, labels, plugin names and errors) therefore cannot become markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from string import Template

from ..models import Placement, Question, Result, tr
from ..report import ReportInput
from . import charts
from .content import Content
from .html_labels import CONFIDENCE, STATES, VERDICTS, label_set
from .labels import labels as summary_labels
from .sources import source_words

# --- escaping by default ---------------------------------------------------------------------


class Safe(str):
    """Markup built here from escaped parts: inserted as is."""


def esc(value: object) -> Safe:
    return value if isinstance(value, Safe) else Safe(html.escape(str(value), quote=True))


def fill(template: str, **values: object) -> Safe:
    """`template` with every $name replaced by its value, escaped unless it is Safe."""
    return Safe(Template(template).substitute({k: esc(v) for k, v in values.items()}))


def join(parts: Iterable[object], sep: str = "") -> Safe:
    return Safe(sep.join(esc(p) for p in parts))


# --- numbers and words -------------------------------------------------------------------------


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def _pct(value: float, lang: str) -> str:
    return f"{_num(value, lang)} %" if lang == "fr" else f"{_num(value, lang)}%"


class Footnotes:
    """Numbered sources: the same source, confidence and fact share one number."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[Safe] = []
        self._keys: dict[tuple, int] = {}

    def ref(self, source: str | None, confidence: str | None, fact_id: str | None = None,
            alternative: dict | None = None) -> Safe:
        if not source:
            return Safe("")
        key = (source, confidence, fact_id, tuple(sorted((alternative or {}).items())))
        n = self._keys.get(key)
        if n is None:
            n = self._keys[key] = len(self.items) + 1
            L = label_set(self.lang)
            conf = CONFIDENCE[self.lang].get(confidence or "", confidence or "")
            body = fill("$source · $conf", source=source_words(source, self.lang), conf=conf)
            if fact_id:
                body = fill("$b · <code>$fact</code>", b=body, fact=fact_id)
            if alternative:
                body = fill("$b. $other: $alt", b=body, other=L["other_reading"],
                            alt=tr(alternative, self.lang))
            self.items.append(
                fill('<li id="fn-$n">$body <a href="#ref-$n" class="back" aria-label="$up">↩</a></li>',
                     n=n, body=body, up=L["back"])
            )
            return fill('<sup class="fn"><a href="#fn-$n" id="ref-$n">$n</a></sup>', n=n)
        return fill('<sup class="fn"><a href="#fn-$n">$n</a></sup>', n=n)

    def html(self) -> Safe:
        return join(self.items)


# --- the page ------------------------------------------------------------------------------------

CSS = """
:root{--ink:#1d2733;--muted:#5a6572;--rule:#d5dbe1;--accent:#1f5fa8}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 color:var(--ink);max-width:60rem;margin:0 auto;padding:2rem 1.5rem;background:#fff}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2.2rem 0 .6rem;
 border-bottom:2px solid var(--accent);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
.sub{color:var(--muted);margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-weight:600}td.n{text-align:right;white-space:nowrap}
figure{margin:.8rem 0 1.2rem}figcaption{color:var(--muted);font-size:.85rem}
svg.chart{display:block;width:100%;height:auto;max-width:46rem}
.verdict{font-weight:600;white-space:nowrap}.ahead{color:#2e7d32}.level{color:#8a5a00}
.behind{color:#c62828}.no_benchmark{color:var(--muted);font-weight:400}
.stage{display:inline-block;padding:.1rem .55rem;border-radius:1rem;background:#e7eef8;
 color:var(--accent);font-weight:600}
.big{font-size:1.3rem}.note{color:var(--muted);font-size:.88rem}
.callout{border-left:4px solid var(--accent);background:#f5f8fc;padding:.6rem .9rem;margin:1rem 0}
sup.fn a{text-decoration:none;color:var(--accent);font-size:.75em}
ol.footnotes{font-size:.82rem;color:var(--muted)}a.back{text-decoration:none}
footer{margin-top:2.5rem;border-top:1px solid var(--rule);padding-top:.8rem;font-size:.82rem;
 color:var(--muted)}
code{font-size:.85em}
@page{size:A4;margin:16mm 14mm}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid;page-break-after:avoid}
 table,figure,svg.chart,.callout,li{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
 a{color:inherit;text-decoration:none}a.back{display:none}
}
"""

PAGE = """<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cxmaturity $tool">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header>
<h1>$title</h1>
<p class="sub">$subtitle</p>
</header>
<main>
$body
</main>
<footer>
<p>$versions</p>
<p>$caveat</p>
</footer>
</body>
</html>
"""


def _answer_text(question: Question | None, value: object, lang: str) -> str:
    if value is None:
        return "—"
    if question is None or not question.options:
        return _num(value, lang) if isinstance(value, (int, float)) else str(value)
    values = value if isinstance(value, list) else [value]
    return ", ".join(tr(o.label, lang) if (o := question.option(v)) else str(v) for v in values)


def _question_text(ri: ReportInput, qid: str) -> str:
    question = ri.questionnaire.question(qid)
    return tr(question.text, ri.lang) if question else qid


def _cohort_label(result: Result, cohort_id: str, lang: str) -> str:
    cohort = next((c for c in result.cohorts if c.id == cohort_id), None)
    return tr(cohort.label, lang) if cohort else cohort_id


def _stage_label(ri: ReportInput, stage_id: str | None) -> str:
    if stage_id is None:
        return label_set(ri.lang)["no_stage"]
    if ri.stage_model is not None:
        stage = next((s for s in ri.stage_model.stages if s.id == stage_id), None)
        if stage is not None:
            return tr(stage.label, ri.lang)
    return stage_id.replace("_", " ")


def _dimension_label(ri: ReportInput, dim) -> str:
    if dim.label:
        return tr(dim.label, ri.lang)
    if ri.stage_model is not None:
        known = next((d for d in ri.stage_model.dimensions if d.id == dim.id), None)
        if known is not None:
            return tr(known.label, ri.lang)
    return dim.id.replace("_", " ").capitalize()


# --- sections ------------------------------------------------------------------------------------


def _cohorts_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    rows = []
    for c in ri.result.cohorts:
        if not (c.member or c.always_compared):
            continue
        n = str(c.n) if c.n is not None else L["n_unknown"]
        why = L["member"] if c.member else L["compared_anyway"]
        rows.append(fill("<tr><td>$label</td><td class='n'>$n</td><td>$why</td></tr>",
                         label=tr(c.label, ri.lang), n=n, why=why))
    if not rows:
        return fill("<h2>$h</h2><p>$none</p>", h=L["cohorts"], none=L["no_cohorts"])
    return fill(
        "<h2>$h</h2><p>$intro</p><table><thead><tr><th>$c</th><th>n</th><th>$w</th></tr></thead>"
        "<tbody>$rows</tbody></table>",
        h=L["cohorts"], intro=L["cohorts_intro"], c=L["cohort"], w=L["why"], rows=join(rows),
    )


def _stages_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    r = ri.result
    overall = r.overall
    score = _num(overall.score, ri.lang) if overall.score is not None else L["not_scored"]
    # The range, the requirement holding it back and the weakest dimension: the summary's words.
    words = Content(r, ri.questionnaire, ri.stage_model, ri.lang)
    notes = join([fill("<p>$line</p>", line=line) for line in words.stage_notes()])
    head = fill(
        "<h2>$h</h2><div class='callout'><p>$ol: <span class='stage big'>$stage</span> "
        "· $sl $score/100 · $cov $covv</p>$notes<p class='note'>$own</p></div>",
        h=L["stages"], ol=L["overall_stage"], stage=_stage_label(ri, overall.stage),
        sl=L["score"], score=score, cov=L["coverage"], covv=_pct(100 * overall.coverage, ri.lang),
        notes=notes,
        own=L["model_own"] + (f" ({tr(ri.stage_model.title, ri.lang)})" if ri.stage_model else ""),
    )
    rows = []
    for d in r.dimensions:
        rows.append(fill(
            "<tr><td>$label</td><td class='n'>$score</td><td>$stage</td><td class='n'>$weight</td>"
            "<td class='n'>$cov</td></tr>",
            label=_dimension_label(ri, d),
            score=_num(d.score, ri.lang) if d.score is not None else L["not_scored"],
            stage=(_stage_label(ri, d.stage) if d.score is not None else "—")
            + (f" ({words.L['provisional']})" if d.provisional else ""),
            weight=_num(d.weight, ri.lang),
            cov=f"{d.coverage.answered}/{d.coverage.asked}",
        ))
    table = fill(
        "<table><thead><tr><th>$d</th><th>$s</th><th>$st</th><th>$w</th><th>$c</th></tr></thead>"
        "<tbody>$rows</tbody></table>",
        d=L["dimension"], s=L["score"], st=L["stage"], w=L["weight"], c=L["answered"],
        rows=join(rows),
    )
    chart = Safe("")
    if r.dimensions:
        stages = [(tr(s.label, ri.lang), s.min_score) for s in ri.stage_model.stages] \
            if ri.stage_model else []
        bars = [charts.Bar(L["overall"], overall.score, strong=True)] + [
            charts.Bar(_dimension_label(ri, d), d.score) for d in r.dimensions
        ]
        svg = charts.dimension_chart(bars, stages, xlabel=L["score_axis"], unscored=L["not_scored"],
                                     label=L["chart_dims"])
        caption = L["chart_dims_caption"] + " " + L["no_cohort_score"]
        if not stages:
            caption += " " + L["no_thresholds"]
        chart = fill("<figure>$svg<figcaption>$cap</figcaption></figure>", svg=Safe(svg), cap=caption)
    return join([head, chart, table])


def _row_for(ri: ReportInput, p: Placement, fig) -> charts.Row | None:
    """The chart row of one placement: the cohort's spread on 0-100, right = better, and the
    company's percentile interval as a thick line (the tool's derivation, never a midpoint)."""
    L = label_set(ri.lang)
    question = ri.questionnaire.question(p.question)
    label = _question_text(ri, p.question)
    span = p.shares.percentile if p.shares is not None else None
    if fig is not None and fig.distribution is not None and question is not None:
        listed = sum(s.value for s in fig.distribution.values())
        order = question.option_ids
        if fig.better == "lower":
            order = order[::-1]
        segments, start = [], 0.0
        remainder = max(0.0, 100 - listed)
        if remainder:
            segments.append((start, remainder, charts.REMAINDER))
            start += remainder
        shaded = [o for o in order if o in fig.distribution]
        for i, oid in enumerate(shaded):
            width = fig.distribution[oid].value
            shade = charts.OPTION_SHADES[min(len(charts.OPTION_SHADES) - 1,
                                             round(i * (len(charts.OPTION_SHADES) - 1) /
                                                   max(1, len(shaded) - 1)))]
            segments.append((start, width, shade))
            start += width
        return charts.Row(label=label, segments=segments, mark_span=span, verdict=p.verdict)
    if p.shares is not None:
        # Worse (light) at the left, better (dark) at the right, what the figures leave open
        # in between; the company's interval lies across the open part.
        low_worse, low_better = p.shares.worse[0], p.shares.better[0]
        segments = [(0, low_worse, charts.SHARE_OUT),
                    (low_worse, 100 - low_worse - low_better, charts.REMAINDER),
                    (100 - low_better, low_better, charts.SHARE_IN)]
        return charts.Row(label=label, segments=[s for s in segments if s[1] > 0], mark_span=span,
                          verdict=p.verdict, note=f"{_num(span[0], ri.lang)}–{_num(span[1], ri.lang)}")
    if isinstance(p.value, tuple):
        # The cohort's average, in the question's own unit (percent of requests).
        lo, hi = p.value
        answer = None
        if question is not None and question.type == "band" and (o := question.option(p.answer)):
            answer = (o.low if o.low is not None else 0, o.high if o.high is not None else 100)
        elif isinstance(p.answer, (int, float)):
            answer = (float(p.answer), float(p.answer) + 0.8)
        return charts.Row(label=label, segments=[(lo, hi - lo, charts.SHARE_IN)], mark_span=answer,
                          verdict=p.verdict, note=L["average"])
    return None


def _position_text(p: Placement, lang: str) -> str:
    """The percentile interval [worse, worse + equal], derived by the tool."""
    if p.shares is None:
        return "—"
    lo, hi = p.shares.percentile
    return _num(lo, lang) if lo == hi else f"{_num(lo, lang)}–{_num(hi, lang)}"


def _figure_text(p: Placement, fig, ri: ReportInput) -> str:
    lang = ri.lang
    parts = []
    for f in p.figures:
        if f.distribution is not None:
            question = ri.questionnaire.question(p.question)
            for oid, share in f.distribution.items():
                o = question.option(oid) if question else None
                parts.append(f"{tr(o.label, lang) if o else oid} {_pct(share, lang)}")
        elif isinstance(f.value, tuple):
            parts.append(f"{_num(f.value[0], lang)}–{_pct(f.value[1], lang)}")
        elif f.value is not None:
            words = label_set(lang)["comparators"].get(f.comparator or "exact", "")
            parts.append(f"{words}{_pct(f.value, lang)}")
    return "; ".join(parts) or "—"


def _verdict_word(p: Placement, lang: str) -> str:
    """The summary's verdict words, a level the figures do not settle included."""
    if p.verdict == "level" and not p.certain and p.could_be:
        return summary_labels(lang)[f"verdict.level.{'+'.join(sorted(p.could_be))}"]
    return VERDICTS[lang].get(p.verdict, p.verdict)


def _comparisons_section(ri: ReportInput, notes: Footnotes) -> Safe:
    L = label_set(ri.lang)
    r = ri.result
    if not r.placements:
        return fill("<h2>$h</h2><p>$none</p>", h=L["comparisons"], none=L["no_placements"])
    order = [c.id for c in r.cohorts]
    by_cohort: dict[str, list[Placement]] = {}
    for p in r.placements:
        by_cohort.setdefault(p.cohort, []).append(p)
    cohorts = sorted(by_cohort, key=lambda c: order.index(c) if c in order else len(order))
    parts = [fill("<h2>$h</h2><p>$intro</p>", h=L["comparisons"], intro=L["comparisons_intro"])]
    for i, cohort in enumerate(cohorts):
        placements = by_cohort[cohort]
        name = _cohort_label(r, cohort, ri.lang)
        counts = {v: sum(1 for p in placements if p.verdict == v) for v in VERDICTS[ri.lang]}
        summary = " · ".join(f"{VERDICTS[ri.lang][v]} {n}" for v, n in counts.items() if n)
        rows_chart = []
        rows_html = []
        for p in placements:
            fig = ri.figures.get(p.figure) if p.figure else None
            if p.verdict != "no_benchmark":
                row = _row_for(ri, p, fig)
                if row is not None:
                    rows_chart.append(row)
            refs = []
            for used in p.figures:
                fact = used.fact_id
                full = ri.figures.get(used.id)
                if fact is None and full is not None and full.distribution is not None:
                    # A distribution's numbers each have their own fact id.
                    fact = ", ".join(s.fact_id for s in full.distribution.values() if s.fact_id) or None
                refs.append(notes.ref(used.source, used.confidence, fact, used.alternative))
            ref = join(refs)
            question = ri.questionnaire.question(p.question)
            rows_html.append(fill(
                "<tr><td>$q</td><td>$a</td><td>$f$ref</td><td class='n'>$pos</td>"
                "<td><span class='verdict $v'>$vl</span></td><td>$text</td></tr>",
                q=_question_text(ri, p.question), a=_answer_text(question, p.answer, ri.lang),
                f=_figure_text(p, fig, ri) if p.verdict != "no_benchmark" else L["no_benchmark"],
                ref=ref, pos=_position_text(p, ri.lang), v=p.verdict,
                vl=_verdict_word(p, ri.lang), text=tr(p.text, ri.lang),
            ))
        chart = Safe("")
        if rows_chart:
            svg = charts.cohort_chart(rows_chart, xlabel=L["percentile_axis"],
                                      label=L["chart_cohort"].format(cohort=name), name=f"c{i}")
            chart = fill("<figure>$svg<figcaption>$cap</figcaption></figure>", svg=Safe(svg),
                         cap=L["chart_cohort_caption"])
        parts.append(fill(
            "<section class='cohort'><h3>$name</h3><p class='note'>$summary</p>$chart"
            "<table><thead><tr><th>$q</th><th>$a</th><th>$f</th><th>$pos</th><th>$v</th>"
            "<th>$w</th></tr></thead><tbody>$rows</tbody></table></section>",
            name=L["versus"].format(cohort=name), summary=summary, chart=chart, q=L["question"],
            a=L["your_answer"], f=L["cohort_figure"], pos=L["percentile"], v=L["verdict"],
            w=L["in_words"], rows=join(rows_html),
        ))
    return join(parts)


def _statements_section(ri: ReportInput, notes: Footnotes) -> Safe:
    L = label_set(ri.lang)
    if not ri.result.statements:
        return Safe("")
    items = [
        fill("<li><strong>$c</strong>: $t$ref</li>", c=_cohort_label(ri.result, s.cohort, ri.lang),
             t=tr(s.text, ri.lang), ref=notes.ref(s.source, s.confidence, s.fact_id))
        for s in ri.result.statements
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><ul>$items</ul>", h=L["statements"],
                intro=L["statements_intro"], items=join(items))


def _roadmap_section(ri: ReportInput, notes: Footnotes) -> Safe:
    L = label_set(ri.lang)
    rm = ri.result.roadmap
    if rm is None:
        return fill("<h2>$h</h2><p>$none</p>", h=L["roadmap"], none=L["no_roadmap"])
    parts = [fill("<h2>$h</h2><p><strong>$t</strong></p><p>$why</p>", h=L["roadmap"],
                  t=tr(rm.title, ri.lang), why=tr(rm.why, ri.lang))]
    because = tr(rm.because, ri.lang)
    if because:
        parts.append(fill("<p>$because</p>", because=because))
    if ri.playbook is not None:
        phases = []
        aside = {p.id for p in rm.phases if p.status == "not_applicable"}
        for ph in ri.playbook.phases:
            status = "completed" if ph.id in rm.completed else "current" if ph.id == rm.current \
                else "not_applicable" if ph.id in aside else "next"
            phases.append((tr(ph.title, ri.lang), status, L["phase_" + status]))
        svg = charts.roadmap_chart(phases, label=L["chart_roadmap"])
        parts.append(fill("<figure>$svg<figcaption>$cap</figcaption></figure>", svg=Safe(svg),
                          cap=L["chart_roadmap_caption"]))
    else:
        done = ", ".join(rm.completed) or "—"
        parts.append(fill("<p>$d: $done · $c: $cur</p>", d=L["phase_completed"], done=done,
                          c=L["phase_current"], cur=rm.current or "—"))
    if rm.next_actions:
        items = []
        for a in rm.next_actions:
            refs = join(notes.ref(e.source, e.confidence, e.fact_id) for e in a.evidence)
            reason = tr(a.reason, ri.lang)
            items.append(fill("<li>$t$refs$r</li>", t=tr(a.text, ri.lang), refs=refs,
                              r=fill("<br><span class='note'>$x</span>", x=reason) if reason else ""))
        parts.append(fill("<h3>$h</h3><ol>$items</ol>", h=L["next_actions"], items=join(items)))
    if rm.kpis:
        parts.append(fill("<h3>$h</h3><ul>$items</ul>", h=L["kpis"], items=join(
            fill("<li>$t</li>", t=tr(k.text, ri.lang)) for k in rm.kpis)))
    if rm.constraints:
        parts.append(fill("<h3>$h</h3><ul>$items</ul>", h=L["constraints"], items=join(
            fill("<li>$t$ref</li>", t=tr(c.text, ri.lang),
                 ref=notes.ref(c.source, c.confidence, c.fact_id)) for c in rm.constraints)))
    return join(parts)


def _notes_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    if not ri.notes:
        return Safe("")
    rows = [fill("<tr><td>$q</td><td>$n</td></tr>", q=_question_text(ri, n.question), n=n.text)
            for n in ri.notes]
    return fill("<h2>$h</h2><table><thead><tr><th>$q</th><th>$n</th></tr></thead>"
                "<tbody>$rows</tbody></table>", h=L["notes"], q=L["question"], n=L["note"],
                rows=join(rows))


def _conflicts_section(ri: ReportInput) -> Safe:
    """The consistency rules the answers still break; nothing when there are none."""
    L = label_set(ri.lang)
    conflicts = getattr(ri.result, "conflicts", None) or []
    if not conflicts:
        return Safe("")
    items = [
        fill("<li><strong>$m</strong><ul>$pairs</ul></li>", m=tr(c.message, ri.lang), pairs=join(
            fill("<li>$q : $a</li>" if ri.lang == "fr" else "<li>$q: $a</li>",
                 q=_question_text(ri, q),
                 a=_answer_text(ri.questionnaire.question(q), c.answers.get(q), ri.lang))
            for q in c.questions))
        for c in conflicts
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><ul>$items</ul>", h=L["conflicts"],
                intro=L["conflicts_intro"], items=join(items))


def _missing_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    if not ri.result.missing:
        return fill("<h2>$h</h2><p>$none</p>", h=L["missing"], none=L["nothing_missing"])
    dims = {d.id: _dimension_label(ri, d) for d in ri.result.dimensions}
    rows = [
        fill("<tr><td>$q</td><td>$s</td><td>$d</td></tr>", q=_question_text(ri, m.question),
             s=STATES[ri.lang].get(m.state, m.state),
             d=", ".join(dims.get(x, x) for x in m.dimensions) or "—")
        for m in ri.result.missing
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><table><thead><tr><th>$q</th><th>$s</th>"
                "<th>$d</th></tr></thead><tbody>$rows</tbody></table>", h=L["missing"],
                intro=L["missing_intro"], q=L["question"], s=L["state"], d=L["weakens"],
                rows=join(rows))


def _plugins_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    rows = [
        fill("<tr><td>$n</td><td>$v</td><td>$o</td><td>$e</td></tr>", n=p.name, v=p.version or "—",
             o=L["origins"].get(p.origin, p.origin), e=p.error or L["ok"])
        for p in ri.result.plugins
    ]
    if not rows:
        return Safe("")
    return fill("<h2>$h</h2><table><thead><tr><th>$n</th><th>$v</th><th>$o</th><th>$s</th></tr>"
                "</thead><tbody>$rows</tbody></table>", h=L["plugins"], n=L["name"],
                v=L["version"], o=L["origin"], s=L["status"], rows=join(rows))


def render_html(ri: ReportInput) -> str:
    """The whole report as one HTML document, in the report's language."""
    L = label_set(ri.lang)
    r = ri.result
    notes = Footnotes(ri.lang)
    body = join([
        _cohorts_section(ri),
        _stages_section(ri),
        _comparisons_section(ri, notes),
        _statements_section(ri, notes),
        _roadmap_section(ri, notes),
        _notes_section(ri),
        _conflicts_section(ri),
        _missing_section(ri),
        _plugins_section(ri),
    ])
    if notes.items:
        body = join([body, fill("<h2>$h</h2><ol class='footnotes'>$items</ol>", h=L["sources"],
                                items=notes.html())])
    assessed = r.assessed.date().isoformat() if r.assessed else "—"
    subtitle = L["subtitle"].format(
        company=r.company.name, date=assessed, questionnaire=tr(r.questionnaire_title, ri.lang)
        or r.questionnaire.id, version=r.questionnaire.version,
    )
    model = r.model or {}
    plugins = ", ".join(f"{p.name} {p.version or '?'}" for p in r.plugins) or "—"
    versions = L["versions"].format(
        tool=r.tool_version, q=r.questionnaire.id, qv=r.questionnaire.version,
        model=f"{model.get('id', '—')} v{model.get('version', '?')}", plugins=plugins,
    )
    return fill(
        PAGE, lang=ri.lang, tool=r.tool_version,
        title=L["title"].format(company=r.company.name), subtitle=subtitle, css=Safe(CSS),
        body=body, versions=versions, caveat=" ".join([L["caveat"], *_own_cohorts(r, ri.lang)]),
    )


def _own_cohorts(r: Result, lang: str) -> list[str]:
    """The consultancy's own cohort files, by title: the caveat names the survey's cohorts,
    and a report compared with a portfolio must not read as if it were the survey alone."""
    titles = [tr(src.get("title"), lang) for src in r.cohort_sources if src.get("origin") == "portfolio"]
    return [t.rstrip(".") + "." for t in titles if t]
