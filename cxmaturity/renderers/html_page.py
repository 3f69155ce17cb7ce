"""The frame of every HTML page the package writes: one stylesheet, inline, printable on A4,
and one shell (head, header, main, footer) that the report and the plain documents fill."""

from __future__ import annotations

from cxmaturity.renderers.html_markup import Safe, fill

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
.conclusions{white-space:pre-wrap}
.executive{break-after:page;page-break-after:always}
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

SHELL = """<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cxmaturity $tool">
<title>$title</title>
<style>$css</style>
</head>
<body>
$header
<main>
$body
</main>
$footer
</body>
</html>
"""


def shell(lang: str, tool: str, title: str, header: Safe, body: Safe, footer: Safe, css: str = CSS) -> str:
    """A whole page: `header`, `body` and `footer` are markup already; `css` is the stylesheet."""
    return fill(SHELL, lang=lang, tool=tool, title=title, css=Safe(css), header=header, body=body,
                footer=footer)
