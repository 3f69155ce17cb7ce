"""A4 PDF from one of our own HTML documents (the report, the blank form), through WeasyPrint.

WeasyPrint lays out HTML and CSS for paged media itself (pure Python on Pango, which Debian
ships), so the PDF is the HTML page as printed: the same text, the same inline SVG charts, no
browser to drive. It is imported here only, so that only a PDF pays for it.
"""

from __future__ import annotations

import logging

from cxmaturity.errors import CxError

# Each top-level section starts a new page; a heading never ends a page; the A4 margins
# and the print rules come from the page's own stylesheet.
PAGED_CSS = """
@page{size:A4;margin:16mm 14mm 18mm;@bottom-right{content:counter(page) " / " counter(pages);
 font-size:8pt;color:#5a6572}}
main > h2:not(:first-child), main > section.major:not(:first-child){break-before:page}
h2,h3{break-after:avoid}
body{font-size:9.5pt}table{font-size:8pt;break-inside:auto}th,td{padding:.2rem .3rem}
td:first-child{width:24%}td:last-child{width:34%}
/* An SVG cannot be split across pages: a tall cohort chart is scaled down to fit one. */
svg.chart{max-height:240mm;height:auto}
"""


def html_to_pdf(html: str) -> bytes:
    """The PDF of `html`, a self-contained page (nothing is fetched)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing from the system
        raise CxError(f"PDF output needs WeasyPrint and the Pango library ({exc})") from None
    # WeasyPrint and fontTools report unsupported CSS and font details as warnings; the
    # documents are ours, and a user cannot act on them.
    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)

    def no_fetch(url: str, *args, **kwargs):
        raise CxError(f"the document asked for {url}; it must be self-contained")

    # After the page's own stylesheet, so that these rules win (a user stylesheet would not).
    html = html.replace("</head>", f"<style>{PAGED_CSS}</style>\n</head>", 1)
    return weasyprint.HTML(string=html, url_fetcher=no_fetch).write_pdf()


def report_pdf(ri) -> bytes:
    """The report as an A4 PDF: the HTML report, printed."""
    from cxmaturity.renderers.html import render_html

    return html_to_pdf(render_html(ri))
