"""The HTML report's sections but the comparison: cohorts, stages, statements, roadmap, notes,
conflicts, missing answers, plugins, the executive summary, conclusions and method."""

from __future__ import annotations

from cxmaturity.documents.report import ReportInput
from cxmaturity.documents.summary import Content
from cxmaturity.renderers import charts
from cxmaturity.renderers.html_footnotes import Footnotes
from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.renderers.html_names import answer_text, cohort_label, dimension_label, question_text, stage_label
from cxmaturity.words.html_labels import ORIGINS, STATES, label_set
from cxmaturity.words.numbers import num, percent
from cxmaturity.words.tr import tr


def cohorts_section(ri: ReportInput) -> Safe:
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


def stages_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    r = ri.result
    overall = r.overall
    score = num(overall.score, ri.lang) if overall.score is not None else L["not_scored"]
    # The range, the requirement holding it back and the weakest dimension: the summary's words.
    words = Content.of(ri)
    notes = join([fill("<p>$line</p>", line=line) for line in words.stage_notes()])
    head = fill(
        "<h2>$h</h2><div class='callout'><p>$ol: <span class='stage big'>$stage</span> "
        "· $sl $score/100 · $cov $covv</p>$notes<p class='note'>$own</p></div>",
        h=L["stages"], ol=L["overall_stage"], stage=stage_label(ri, overall.stage),
        sl=L["score"], score=score, cov=L["coverage"], covv=percent(100 * overall.coverage, ri.lang),
        notes=notes,
        own=L["model_own"] + (f" ({tr(ri.stage_model.title, ri.lang)})" if ri.stage_model else ""),
    )
    rows = []
    for d in r.dimensions:
        rows.append(fill(
            "<tr><td>$label</td><td class='n'>$score</td><td>$stage</td><td class='n'>$weight</td>"
            "<td class='n'>$cov</td></tr>",
            label=dimension_label(ri, d),
            score=num(d.score, ri.lang) if d.score is not None else L["not_scored"],
            stage=(stage_label(ri, d.stage) if d.score is not None else "—")
            + (f" ({words.L['provisional']})" if d.provisional else ""),
            weight=num(d.weight, ri.lang),
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
            charts.Bar(dimension_label(ri, d), d.score) for d in r.dimensions
        ]
        svg = charts.dimension_chart(bars, stages, xlabel=L["score_axis"], unscored=L["not_scored"],
                                     label=L["chart_dims"])
        caption = L["chart_dims_caption"] + " " + L["no_cohort_score"]
        if not stages:
            caption += " " + L["no_thresholds"]
        chart = fill("<figure>$svg<figcaption>$cap</figcaption></figure>", svg=Safe(svg), cap=caption)
    return join([head, chart, table])


def statements_section(ri: ReportInput, notes: Footnotes) -> Safe:
    L = label_set(ri.lang)
    if not ri.result.statements:
        return Safe("")
    items = [
        fill("<li><strong>$c</strong>: $t$ref</li>", c=cohort_label(ri.result, s.cohort, ri.lang),
             t=tr(s.text, ri.lang), ref=notes.ref(s.source, s.confidence, s.fact_id))
        for s in ri.result.statements
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><ul>$items</ul>", h=L["statements"],
                intro=L["statements_intro"], items=join(items))


def roadmap_section(ri: ReportInput, notes: Footnotes) -> Safe:
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


def notes_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    if not ri.notes:
        return Safe("")
    rows = [fill("<tr><td>$q</td><td>$n</td></tr>", q=question_text(ri, n.question), n=n.text)
            for n in ri.notes]
    return fill("<h2>$h</h2><table><thead><tr><th>$q</th><th>$n</th></tr></thead>"
                "<tbody>$rows</tbody></table>", h=L["notes"], q=L["question"], n=L["note"],
                rows=join(rows))


def conflicts_section(ri: ReportInput) -> Safe:
    """The consistency rules the answers still break; nothing when there are none."""
    L = label_set(ri.lang)
    conflicts = getattr(ri.result, "conflicts", None) or []
    if not conflicts:
        return Safe("")
    items = [
        fill("<li><strong>$m</strong><ul>$pairs</ul></li>", m=tr(c.message, ri.lang), pairs=join(
            fill("<li>$q : $a</li>" if ri.lang == "fr" else "<li>$q: $a</li>",
                 q=question_text(ri, q),
                 a=answer_text(ri.questionnaire.question(q), c.answers.get(q), ri.lang))
            for q in c.questions))
        for c in conflicts
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><ul>$items</ul>", h=L["conflicts"],
                intro=L["conflicts_intro"], items=join(items))


def missing_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    if not ri.result.missing:
        return fill("<h2>$h</h2><p>$none</p>", h=L["missing"], none=L["nothing_missing"])
    dims = {d.id: dimension_label(ri, d) for d in ri.result.dimensions}
    rows = [
        fill("<tr><td>$q</td><td>$s</td><td>$d</td></tr>", q=question_text(ri, m.question),
             s=STATES[ri.lang].get(m.state, m.state),
             d=", ".join(dims.get(x, x) for x in m.dimensions) or "—")
        for m in ri.result.missing
    ]
    return fill("<h2>$h</h2><p class='note'>$intro</p><table><thead><tr><th>$q</th><th>$s</th>"
                "<th>$d</th></tr></thead><tbody>$rows</tbody></table>", h=L["missing"],
                intro=L["missing_intro"], q=L["question"], s=L["state"], d=L["weakens"],
                rows=join(rows))


def plugins_section(ri: ReportInput) -> Safe:
    L = label_set(ri.lang)
    rows = [
        fill("<tr><td>$n</td><td>$v</td><td>$o</td><td>$e</td></tr>", n=p.name, v=p.version or "—",
             o=ORIGINS[ri.lang].get(p.origin, p.origin), e=p.error or L["ok"])
        for p in ri.result.plugins
    ]
    if not rows:
        return Safe("")
    return fill("<h2>$h</h2><table><thead><tr><th>$n</th><th>$v</th><th>$o</th><th>$s</th></tr>"
                "</thead><tbody>$rows</tbody></table>", h=L["plugins"], n=L["name"],
                v=L["version"], o=L["origin"], s=L["status"], rows=join(rows))


def executive_section(ri: ReportInput) -> Safe:
    """The executive summary: the first section of the page and of its first printed page."""
    c = Content.of(ri)
    ex = c.executive()
    lists = []
    for title, items in ((ex.strengths_title, ex.strengths), (ex.gaps_title, ex.gaps)):
        lists.append(fill("<h3>$t</h3><ul>$items</ul>", t=title,
                          items=join(fill("<li>$i</li>", i=i) for i in items)))
    actions = join(fill("<li>$t$r</li>", t=text, r=fill("<br><span class='note'>$x</span>", x=reason)
                        if reason else "") for text, reason in ex.actions)
    actions_html = fill("<ol>$a</ol>", a=actions) if ex.actions else fill("<p>$n</p>", n=c.W["exec_none_actions"])
    return fill(
        "<section id='executive' class='executive'><h2>$h</h2>"
        "<div class='callout'><p><strong>$stage</strong></p>$notes</div>$lists<h3>$ah</h3>$actions</section>",
        h=ex.title, stage=ex.stage[0],  # the page's subtitle already names the company and date
        notes=join(fill("<p>$n</p>", n=n) for n in ex.stage[1:] + ex.notes), lists=join(lists),
        ah=ex.actions_title, actions=actions_html,
    )


def conclusions_section(ri: ReportInput) -> Safe:
    """The consultant's own conclusions, escaped, paragraph by paragraph."""
    text = (ri.conclusions or "").strip()
    if not text:
        return Safe("")
    W = Content.of(ri).W
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return fill("<section id='conclusions'><h2>$h</h2>$p</section>", h=W["conclusions_title"],
                p=join(fill("<p class='conclusions'>$t</p>", t=p) for p in paragraphs))


def method_section(ri: ReportInput) -> Safe:
    """The client edition's appendix: method and sources in plain words."""
    c = Content.of(ri)
    return fill("<section id='method'><h2>$h</h2><ul>$items</ul></section>", h=c.W["method_title"],
                items=join(fill("<li>$i</li>", i=i) for i in c.method()))

