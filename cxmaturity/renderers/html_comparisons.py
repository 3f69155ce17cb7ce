"""The HTML report's comparison with the cohorts: one table and one chart per cohort."""

from __future__ import annotations

from cxmaturity.documents.report import ReportInput
from cxmaturity.documents.summary import Content
from cxmaturity.formats.models import Placement
from cxmaturity.renderers import charts
from cxmaturity.renderers.html_footnotes import Footnotes
from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.renderers.html_names import answer_text, cohort_label, question_text, short_text
from cxmaturity.words.html_labels import COMPARATORS, VERDICTS, label_set
from cxmaturity.words.labels import labels as summary_labels
from cxmaturity.words.numbers import num, percent
from cxmaturity.words.tr import tr


def _chart_row(ri: ReportInput, p: Placement, fig) -> charts.Row | None:
    """The chart row of one placement: the cohort's spread on 0-100, right = better, and the
    company's percentile interval as a thick line (the tool's derivation, never a midpoint)."""
    L = label_set(ri.lang)
    question = ri.questionnaire.question(p.question)
    label = short_text(ri, p.question)
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
        return charts.Row(label=label, segments=segments, mark_span=span, verdict=p.verdict,
                          key=f"{p.cohort}:{p.figure}")
    if p.shares is not None:
        # Worse (light) at the left, better (dark) at the right, what the figures leave open
        # in between; the company's interval lies across the open part.
        low_worse, low_better = p.shares.worse[0], p.shares.better[0]
        segments = [(0, low_worse, charts.SHARE_WORSE),
                    (low_worse, 100 - low_worse - low_better, charts.REMAINDER),
                    (100 - low_better, low_better, charts.SHARE_BETTER)]
        return charts.Row(label=label, segments=[s for s in segments if s[1] > 0], mark_span=span,
                          verdict=p.verdict, note=f"{num(span[0], ri.lang)}–{num(span[1], ri.lang)}",
                          key=f"{p.cohort}:{p.figure}")
    if isinstance(p.value, tuple):
        # The cohort's average, in the question's own unit (percent of requests).
        lo, hi = p.value
        answer = None
        if question is not None and question.type == "band" and (o := question.option(p.answer)):
            answer = (o.low if o.low is not None else 0, o.high if o.high is not None else 100)
        elif isinstance(p.answer, (int, float)):
            answer = (float(p.answer), float(p.answer) + 0.8)
        return charts.Row(label=label, segments=[(lo, hi - lo, charts.SHARE_BETTER)], mark_span=answer,
                          verdict=p.verdict, note=L["average"], key=f"{p.cohort}:{p.figure}")
    return None


def _position_text(p: Placement, lang: str) -> str:
    """The percentile interval [worse, worse + equal], derived by the tool."""
    if p.shares is None:
        return "—"
    lo, hi = p.shares.percentile
    return num(lo, lang) if lo == hi else f"{num(lo, lang)}–{num(hi, lang)}"


def _figure_text(p: Placement, fig, ri: ReportInput) -> str:
    lang = ri.lang
    parts = []
    for f in p.figures:
        if f.distribution is not None:
            question = ri.questionnaire.question(p.question)
            for oid, share in f.distribution.items():
                o = question.option(oid) if question else None
                parts.append(f"{tr(o.label, lang) if o else oid} {percent(share, lang)}")
        elif isinstance(f.value, tuple):
            parts.append(f"{num(f.value[0], lang)}–{percent(f.value[1], lang)}")
        elif f.value is not None:
            words = COMPARATORS[lang].get(f.comparator or "exact", "")
            parts.append(f"{words}{percent(f.value, lang)}")
    return "; ".join(parts) or "—"


def _verdict_word(p: Placement, lang: str) -> str:
    """The summary's verdict words, a level the figures do not settle included."""
    if p.verdict == "level" and not p.certain and p.could_be:
        return summary_labels(lang)[f"verdict.level.{'+'.join(sorted(p.could_be))}"]
    return VERDICTS[lang].get(p.verdict, p.verdict)


def comparisons_section(ri: ReportInput, notes: Footnotes) -> Safe:
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
        # a cohort without a figure on a question is said once below, not row by row
        placements = [p for p in by_cohort[cohort] if p.verdict != "no_benchmark" or p.set_aside]
        if not placements:
            continue
        name = cohort_label(r, cohort, ri.lang)
        counts = {v: sum(1 for p in placements if p.verdict == v) for v in VERDICTS[ri.lang]}
        summary = " · ".join(f"{VERDICTS[ri.lang][v]} {n}" for v, n in counts.items() if n)
        rows_chart = []
        rows_html = []
        for p in placements:
            fig = ri.figures.get(p.figure) if p.figure else None
            if p.verdict != "no_benchmark":
                row = _chart_row(ri, p, fig)
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
                q=question_text(ri, p.question), a=answer_text(question, p.answer, ri.lang),
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
    unplaced = Content.of(ri).unplaced()
    if unplaced:
        items = [fill("<li>$line$said</li>", line=line, said=fill("<ul>$s</ul>", s=join(
            fill("<li>$t <span class='note'>($src)</span></li>", t=t, src=src) for t, src in said))
            if said else "") for line, said in unplaced]
        parts.append(fill("<section class='unplaced'><ul>$items</ul></section>", items=join(items)))
    return join(parts)

