"""Every cohort chart agrees with its legend: right = better answers, the darker bar = the
better group. Read back from the SVG's geometry and checked against the result's own data, for
every example and for generated assessments of every profile."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import EXAMPLES
from generate import write

from cxmaturity.renderers import charts

SVG = re.compile(r"<svg .*?</svg>", re.S)
NS = {"s": "http://www.w3.org/2000/svg"}
X0, X1 = 285.0, 585.0  # the cohort chart's 0-100 axis


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _pct(x: float) -> float:
    return (x - X0) / (X1 - X0) * 100


def _rows(html: str):
    """(key, [(start %, width %, luminance)], mark % or None) of every cohort chart row."""
    for svg in SVG.findall(html):
        root = ET.fromstring(svg)
        for g in root.iterfind(".//s:g[@class='row']", NS):
            segs = [(_pct(float(r.get("x"))), float(r.get("width")) / (X1 - X0) * 100,
                     _luminance(r.get("fill"))) for r in g.iterfind("s:rect[@class='seg']", NS)]
            mark = g.find("s:path[@class='mark']", NS)
            tip = None
            if mark is not None:
                tip = _pct(float(re.search(r"L([\d.]+) ", mark.get("d")).group(1)))
            yield g.get("data-key"), segs, tip


def _check(html: str, result: dict) -> int:
    placements = {f"{p['cohort']}:{p['figure']}": p for p in result["placements"] if p.get("figure")}
    checked = 0
    for key, segs, _tip in _rows(html):
        p = placements[key]
        if not p.get("options") and isinstance(p.get("value"), list):
            continue  # a cohort's average in the question's unit: one segment, no groups
        assert segs, key
        # Left to right, each segment darker than the one before: the darkest is the rightmost.
        lum = [s[2] for s in segs]
        assert lum == sorted(lum, reverse=True) and len(set(lum)) == len(lum), (key, segs)
        darkest = segs[-1]
        assert darkest[0] + darkest[1] == pytest.approx(100, abs=0.2), (key, segs)
        shares = p.get("shares")
        distribution = any(f.get("distribution") for f in p.get("figures", []))
        if shares and not distribution:
            # Worse answers light on the left, what the figures leave open grey, better answers
            # dark on the right: the dark part is exactly the share known to have answered better.
            worse, better = shares["worse"][0], shares["better"][0]
            if better > 0:
                assert darkest[1] == pytest.approx(better, abs=0.2), (key, shares, segs)
            else:
                assert darkest[2] > _luminance(charts.SHARE_BETTER), (key, shares, segs)
            if worse > 0:
                first = segs[0]
                assert first[0] == pytest.approx(0, abs=0.2) and first[1] == pytest.approx(worse, abs=0.2)
                assert first[2] == pytest.approx(_luminance(charts.SHARE_WORSE)), (key, segs)
        checked += 1
    return checked


def _report(cli, path, tmp_path):
    html, js = tmp_path / f"{path.stem}.html", tmp_path / f"{path.stem}.json"
    for out in (html, js):
        result = cli("report", str(path), "-o", str(out))
        assert result.exit_code == 0, result.output
    return html.read_text(encoding="utf-8"), json.loads(js.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_example_charts_put_the_better_group_dark_and_right(cli, tmp_path, example):
    html, result = _report(cli, EXAMPLES / example, tmp_path)
    _check(html, result)


def test_generated_companies_charts_agree_with_the_legend(cli, tmp_path):
    """Companies of every profile (regions, sizes, sentiment adopters, better and worse answers)
    cover the figures where lower is better: NPS, operating costs, "none of these"."""
    checked, lower = 0, 0
    for path in write(tmp_path / "in", 12, seed=7, repeat_share=0):
        html, result = _report(cli, path, tmp_path)
        checked += _check(html, result)
        lower += sum(1 for p in result["placements"]
                     if any(f.get("better") == "lower" and f.get("options") for f in p.get("figures", [])))
    assert checked > 50 and lower > 5


def test_a_lower_is_better_share_is_light_on_the_left():
    """The chart function keeps the order it is given; the renderer gives it the worse group
    first. The colours themselves: the better group's is the darker."""
    assert _luminance(charts.SHARE_BETTER) < _luminance(charts.SHARE_WORSE)
    shades = [_luminance(c) for c in [charts.REMAINDER, *charts.OPTION_SHADES]]
    assert shades == sorted(shades, reverse=True)


def test_chart_text_is_escaped():
    svg = charts.cohort_chart([charts.Row(label="<script>x</script> & co", segments=[(0, 100, "#000000")])],
                              xlabel="a<b", label='"q"', name="t")
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
