"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, nothing
fetched, printable on A4. Every text is escaped (see `html_markup`); the sections are laid out
in `html_sections` and `html_comparisons`.
"""

from __future__ import annotations

from cxmaturity.documents.report import ReportInput
from cxmaturity.documents.summary import Content
from cxmaturity.renderers import html_sections as s
from cxmaturity.renderers.html_comparisons import comparisons_section
from cxmaturity.renderers.html_footnotes import Footnotes
from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.renderers.html_page import shell
from cxmaturity.words.html_labels import label_set
from cxmaturity.words.tr import tr


def render_html(ri: ReportInput) -> str:
    """The whole report as one HTML document, in the report's language."""
    L = label_set(ri.lang)
    r = ri.result
    consultant = ri.audience == "consultant"
    notes = Footnotes(ri.lang, consultant)
    body = join([
        s.executive_section(ri),
        s.conclusions_section(ri),
        s.cohorts_section(ri),
        s.stages_section(ri),
        comparisons_section(ri, notes),
        s.statements_section(ri, notes),
        s.roadmap_section(ri, notes),
        s.notes_section(ri),
        s.conflicts_section(ri),
        s.missing_section(ri),
        s.plugins_section(ri) if consultant else Safe(""),
    ])
    if notes.items:
        body = join([body, fill("<h2>$h</h2><ol class='footnotes'>$items</ol>", h=L["sources"],
                                items=notes.html())])
    if not consultant:
        body = join([body, s.method_section(ri)])
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
    own = Content.of(ri).own_cohorts()
    title = L["title"].format(company=r.company.name)
    return shell(
        ri.lang, r.tool_version, title,
        header=fill('<header>\n<h1>$title</h1>\n<p class="sub">$subtitle</p>\n</header>', title=title,
                    subtitle=subtitle),
        body=body,
        footer=fill("<footer>\n<p>$versions</p>\n<p>$caveat</p>\n</footer>", versions=versions,
                    caveat=" ".join([L["caveat"], *own])),
    )
