"""The HTML report opened in headless Chromium, as a client would open it: it loads offline with
no failed request and no console error, its charts are drawn, and hostile text stays text.

Screenshots go to tests/out/ (not committed). Under CI the test fails if Chromium is missing;
elsewhere it skips and says why.
"""

from __future__ import annotations

import re

import pytest
from chromium import Browser, find_chromium, in_ci, visit
from conftest import DATA, EXAMPLES, ROOT
from report_fixture import sample_input

from cxmaturity.renderers.html import render_html

OUT = ROOT / "tests" / "out"
# every fact id the shipped cohorts and playbooks cite (they all contain an underscore)
FACT_IDS = {m for f in (ROOT / "benchmarks").rglob("*.yaml")
            for m in re.findall(r"fact_id: ([a-z0-9_]+)", f.read_text(encoding="utf-8"))}
CHROMIUM = find_chromium()

if CHROMIUM is None:
    if in_ci():
        pytest.fail("Chromium is required under CI (apt-get install chromium)", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

# What the page looks like to a person: the charts' drawn sizes, scripts, the language.
PROBE = """JSON.stringify({
  charts: Array.from(document.querySelectorAll('svg.chart')).map(s => {
    const r = s.getBoundingClientRect();
    return {w: r.width, h: r.height, shapes: s.querySelectorAll('path, rect, use').length,
            label: s.getAttribute('aria-label')};
  }),
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img, iframe, object, embed').length,
  handlers: Array.from(document.querySelectorAll('*')).filter(
    e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  lang: document.documentElement.lang,
  h1: document.querySelector('h1').textContent,
  first: (s => s && {id: s.id, h2: s.querySelector('h2').textContent})(document.querySelector('main > *')),
  h2s: Array.from(document.querySelectorAll('main h2')).map(h => h.textContent),
  before_method: (m => m ? document.body.innerText.split(m.innerText)[0] : document.body.innerText)(
    document.querySelector('#method')),
  text: document.body.innerText,
})"""


# Each cohort chart row as drawn: its segments' drawn boxes and colours, left to right.
ROWS = """JSON.stringify(Array.from(document.querySelectorAll('svg.chart g.row')).map(g => ({
  key: g.getAttribute('data-key'),
  segs: Array.from(g.querySelectorAll('rect.seg')).map(r => {
    const b = r.getBoundingClientRect();
    return {x: b.left, w: b.width, fill: r.getAttribute('fill')};
  }),
})))"""


@pytest.fixture(scope="module")
def browser():
    b = Browser(CHROMIUM)
    yield b
    b.close()


def _open(browser, html_path, name):
    import json

    page, value = visit(browser, html_path, screenshot=OUT / f"{name}.png", probe=PROBE)
    return page, json.loads(value)


def _assert_clean(page, html_path):
    assert page.failed == [], f"failed requests: {page.failed}"
    assert page.console_errors == [], f"console errors: {page.console_errors}"
    assert page.exceptions == [], f"exceptions: {page.exceptions}"
    assert page.dialogs == [], f"dialogs opened: {page.dialogs}"
    # Nothing but the page itself is fetched: no font, image, stylesheet or script.
    assert page.requests == [html_path.resolve().as_uri()]


def _assert_charts_drawn(charts, at_least):
    assert len(charts) >= at_least
    for chart in charts:
        assert chart["w"] > 300 and chart["h"] > 60, chart
        # at the least an axis, one bar and the company's mark
        assert chart["shapes"] >= 3, chart


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_example_report_loads_offline_with_charts(cli, browser, tmp_path, example):
    from cxmaturity.formats.loader import read

    out = tmp_path / (example.removesuffix(".yaml") + ".html")
    result = cli("report", str(EXAMPLES / example), "-o", str(out))
    assert result.exit_code == 0, result.output
    page, seen = _open(browser, out, example.removesuffix(".yaml"))
    _assert_clean(page, out)
    assert seen["scripts"] == 0
    assert seen["lang"] == read(EXAMPLES / example)[0]["language"]
    # The dimension chart always; a cohort chart per compared cohort and the roadmap once
    # the pipeline places the company and picks a playbook.
    _assert_charts_drawn(seen["charts"], 1)
    assert "599" in seen["text"] and "2018" in seen["text"]
    # The executive summary is the first section; the client edition shows no internals
    # (fact ids, the plugins' table) outside its method appendix, which closes the page.
    assert seen["first"]["id"] == "executive"
    assert seen["first"]["h2"] in ("Executive summary", "Synthèse")
    assert seen["h2s"][-1] in ("Method and sources", "Méthode et sources")
    assert "Plugins" not in seen["h2s"] and "Extensions" not in seen["h2s"]
    assert not [f for f in FACT_IDS if f in seen["before_method"]]
    assert "score-automation" not in seen["before_method"].split("cxmaturity ")[0]
    _assert_darker_is_better(cli, browser, out, example, tmp_path)


def _assert_darker_is_better(cli, browser, html_path, example, tmp_path):
    """As drawn on the page: in every row of a share, the darkest segment is the rightmost and
    is as wide as the group with the better answers (from the result's own data)."""
    import json

    from test_charts_legend import _luminance

    out = tmp_path / "result.json"
    assert cli("report", str(EXAMPLES / example), "-o", str(out)).exit_code == 0
    placements = {f"{p['cohort']}:{p['figure']}": p for p in json.loads(out.read_text())["placements"]}
    _, value = visit(browser, html_path, probe=ROWS)
    rows = json.loads(value)
    assert rows
    for row in rows:
        p, segs = placements[row["key"]], row["segs"]
        shares = p.get("shares")
        if not shares or any(f.get("distribution") for f in p.get("figures", [])):
            continue
        better = shares["better"][0]
        if better <= 0:
            continue
        lum = [_luminance(s["fill"]) for s in segs]
        darkest = segs[lum.index(min(lum))]
        assert darkest["x"] == max(s["x"] for s in segs), row
        total = sum(s["w"] for s in segs)
        assert darkest["w"] / total * 100 == pytest.approx(better, abs=0.5), (row, p)


def test_full_report_draws_every_chart(browser, tmp_path):
    """The hand-built full result: dimensions, two cohort comparisons and the roadmap."""
    out = tmp_path / "full.html"
    out.write_text(render_html(sample_input()), encoding="utf-8")
    page, seen = _open(browser, out, "fixture-full-en")
    _assert_clean(page, out)
    _assert_charts_drawn(seen["charts"], 4)
    labels = [c["label"] for c in seen["charts"]]
    assert labels == ["Scores by dimension", "The company against All respondents",
                      "The company against CX leaders", "The playbook's phases"]
    assert "Legal review of the consent basis" not in seen["text"]  # Nordbank's private note


def test_full_report_in_french(browser, tmp_path):
    out = tmp_path / "full-fr.html"
    out.write_text(render_html(sample_input(lang="fr")), encoding="utf-8")
    page, seen = _open(browser, out, "fixture-full-fr")
    _assert_clean(page, out)
    assert seen["lang"] == "fr"
    assert "Feuille de route" in seen["text"] and "Stade global" in seen["text"]


def test_hostile_names_and_notes_show_as_text_and_nothing_runs(cli, browser, tmp_path):
    out = tmp_path / "hostile.html"
    assert cli("report", str(DATA / "hostile.yaml"), "-o", str(out)).exit_code == 0
    page, seen = _open(browser, out, "hostile")
    _assert_clean(page, out)  # no dialog, no request for "x" or the iframe
    assert seen["scripts"] == 0 and seen["images"] == 0 and seen["handlers"] == 0
    assert "<script>alert(1)</script>" in seen["h1"]
    assert "<img src=x onerror=alert(1)>" in seen["text"]
    assert "PRIVATE-HOSTILE-NOTE" not in seen["text"]


def test_hostile_company_in_a_full_report(browser, tmp_path):
    """Every section filled, with the hostile name and notes: the charts' labels too."""
    out = tmp_path / "hostile-full.html"
    ri = sample_input(company_name="<script>alert(1)</script>",
                      assessment_path=DATA / "hostile.yaml")
    out.write_text(render_html(ri), encoding="utf-8")
    page, seen = _open(browser, out, "hostile-full")
    _assert_clean(page, out)
    assert seen["scripts"] == 0 and seen["images"] == 0 and seen["handlers"] == 0
    assert seen["h1"].endswith("<script>alert(1)</script>")
