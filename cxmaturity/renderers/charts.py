"""The report's charts as inline SVG, written here as text.

A report has a handful of bar charts: scores by dimension, one comparison per cohort and the
roadmap's phases. Drawing them with a plotting library cost more than the rest of the report
(importing it 0.35 s, a peak of 90 MiB); rectangles and text written directly are a few
milliseconds and no dependency.

Text stays text, so the charts are small, searchable and read by screen readers; the output is
the same on every run. Each chart's element ids, if any, would carry its ``name`` as a prefix,
because several SVGs share one HTML page. Every text is escaped.

The functions take plain values and strings already in the report's language: what to draw,
not where the numbers come from (the HTML renderer footnotes those). Each row of a cohort chart
is a ``<g class="row">`` with its segments as ``<rect class="seg">``, in order from left to right.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from cxmaturity.text_safety import strip_controls

VERDICT_COLOURS = {"ahead": "#2e7d32", "level": "#b7791f", "behind": "#c62828"}
PHASE_COLOURS = {"completed": "#2e7d32", "current": "#1f5fa8", "next": "#9aa5b1"}
# From light to dark: the darker the shade, the better the answer.
OPTION_SHADES = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
REMAINDER = "#e2e2e2"
# A single share: the group with the better answers is dark, the other light.
SHARE_BETTER = "#2f6aa8"
SHARE_WORSE = "#dde6f0"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
WIDTH = 660


def _f(value: float) -> str:
    """A coordinate, short and stable: at most one decimal."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _lines(text: str, width: int, lines: int = 3) -> list[str]:
    """`text` on at most `lines` lines of `width` characters, shortened with an ellipsis, without
    control characters (labels come from files; an SVG cannot even hold most of them)."""
    text = strip_controls(text)
    return textwrap.wrap(text, width, max_lines=lines, placeholder=" …") or [text]


def _text(x: float, y: float, lines: Sequence[str], *, size: float = 11, anchor: str = "start",
          fill: str = "#1d2733", weight: str = "", style: str = "", leading: float = 1.2) -> str:
    """Text lines centred vertically on y."""
    top = y - (len(lines) - 1) * size * leading / 2
    attrs = f'font-size="{_f(size)}" text-anchor="{anchor}" fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if style:
        attrs += f' font-style="{style}"'
    spans = "".join(
        f'<tspan x="{_f(x)}" y="{_f(top + i * size * leading)}" dy="0.35em">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f"<text {attrs}>{spans}</text>"


def _svg(height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(strip_controls(label))}" '
        f'class="chart" viewBox="0 0 {WIDTH} {_f(height)}" width="{WIDTH}" height="{_f(height)}" '
        f'font-family="{FONT}">' + "".join(body) + "</svg>"
    )


def _axis(x0: float, x1: float, y: float, xlabel: str) -> list[str]:
    """A 0-100 axis under the plot (one path: the line and a tick every 20), and its label."""
    ticks = [x0 + (x1 - x0) * v / 100 for v in range(0, 101, 20)]
    d = f"M{_f(x0)} {_f(y)}H{_f(x1)}" + "".join(f"M{_f(x)} {_f(y)}v4" for x in ticks)
    out = [f'<path class="axis" d="{d}" stroke="#888888" fill="none"/>']
    for v, x in zip(range(0, 101, 20), ticks, strict=True):
        out.append(_text(x, y + 12, [str(v)], size=9, anchor="middle", fill="#444444"))
    out.append(_text((x0 + x1) / 2, y + 28, [xlabel], size=10, anchor="middle", fill="#333333"))
    return out


# --- (a) dimension scores ------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    score: float | None
    strong: bool = False  # the overall score, drawn darker


def dimension_chart(
    bars: Sequence[Bar],
    stages: Sequence[tuple[str, float]],
    *,
    xlabel: str,
    unscored: str,
    label: str,
    name: str = "dims",
) -> str:
    """Horizontal bars of scores 0-100, with a dashed line at each stage's lower threshold."""
    x0, x1, row, top = 215.0, 630.0, 26.0, 40.0 if stages else 10.0
    scale = (x1 - x0) / 100
    body: list[str] = []
    for i, bar in enumerate(bars):
        y = top + i * row + row / 2
        body.append(_text(x0 - 8, y, _lines(bar.label, 34, 2), size=10.5, anchor="end",
                          weight="bold" if bar.strong else ""))
        if bar.score is None:
            body.append(_text(x0 + 4, y, [unscored], size=10, fill="#666666", style="italic"))
            continue
        colour = "#1f3f66" if bar.strong else "#5b8cc0"
        body.append(f'<rect class="bar" x="{_f(x0)}" y="{_f(y - 8)}" width="{_f(bar.score * scale)}" '
                    f'height="16" fill="{colour}"/>')
        body.append(_text(x0 + bar.score * scale + 4, y, [f"{bar.score:g}"], size=9.5))
    bottom = top + len(bars) * row
    for stage_label, threshold in stages:
        if threshold <= 0:
            continue
        x = x0 + threshold * scale
        body.append(f'<path class="threshold" d="M{_f(x)} {_f(top - 4)}V{_f(bottom)}" stroke="#888888" '
                    f'stroke-dasharray="3 3"/>')
        body.append(_text(x, top - 18, _lines(stage_label, 16, 2), size=8.5, anchor="middle",
                          fill="#555555", leading=1.1))
    body += _axis(x0, x1, bottom + 2, xlabel)
    return _svg(bottom + 40, label, body)


# --- (b) a cohort comparison ---------------------------------------------------------------


@dataclass
class Row:
    """One figure of the cohort: segments along 0-100 and the company's mark.

    Right is better, and the darker the segment, the better the answers it stands for: a
    distribution's options run from the least to the most mature, and a single share is split
    into the group with the better answers (dark, on the right) and the rest."""

    label: str
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # (start, width, colour)
    mark: float | None = None
    mark_span: tuple[float, float] | None = None  # an answer that is a band, on a unit axis
    verdict: str = "level"
    note: str = ""  # text at the right end, e.g. "avg." or the share
    key: str = ""  # what the row shows ("cohort:figure"), for whoever reads the SVG back


def cohort_chart(rows: Sequence[Row], *, xlabel: str, label: str, name: str) -> str:
    """One row per figure: the cohort's spread or share as a bar, the company as a triangle."""
    x0, x1, row, top = 285.0, 585.0, 34.0, 10.0
    scale = (x1 - x0) / 100
    body: list[str] = []
    for i, r in enumerate(rows):
        y = top + i * row + row / 2 + 3
        parts = [_text(x0 - 8, y, _lines(r.label, 46, 2), size=9.5, anchor="end")]
        for start, width, colour in r.segments:
            parts.append(f'<rect class="seg" x="{_f(x0 + start * scale)}" y="{_f(y - 9)}" '
                         f'width="{_f(width * scale)}" height="18" fill="{colour}" '
                         f'stroke="#ffffff" stroke-width="0.5"/>')
        colour = VERDICT_COLOURS.get(r.verdict, "#333333")
        if r.mark_span is not None:
            lo, hi = r.mark_span
            parts.append(f'<rect class="answer" x="{_f(x0 + lo * scale)}" y="{_f(y - 2)}" '
                         f'width="{_f(max(hi - lo, 0.8) * scale)}" height="4" fill="{colour}"/>')
        if r.mark is not None:
            x, t = x0 + r.mark * scale, y - 10
            parts.append(f'<path class="mark" d="M{_f(x - 5)} {_f(t - 8)}H{_f(x + 5)}L{_f(x)} {_f(t)}Z" '
                         f'fill="{colour}" stroke="#ffffff" stroke-width="0.5"/>')
        if r.note:
            parts.append(_text(x1 + 5, y, [r.note], size=9, fill="#444444"))
        key = f' data-key="{escape(r.key)}"' if r.key else ""
        body.append(f'<g class="row"{key}>' + "".join(parts) + "</g>")
    bottom = top + len(rows) * row + 4
    body += _axis(x0, x1, bottom, xlabel)
    return _svg(bottom + 38, label, body)


# --- (c) the roadmap -----------------------------------------------------------------------


def roadmap_chart(
    phases: Sequence[tuple[str, str, str]], *, label: str, name: str = "roadmap"
) -> str:
    """The playbook's phases left to right: (title, status, status label), status being
    completed, current or next."""
    n = max(len(phases), 1)
    cell, height = WIDTH / n, 120.0
    body = [f'<path class="track" d="M{_f(cell * 0.2)} 60H{_f(WIDTH - cell * 0.2)}" stroke="#cccccc" '
            f'stroke-width="3"/>']
    for i, (title, status, status_label) in enumerate(phases):
        colour = PHASE_COLOURS.get(status, "#9aa5b1")
        filled = status not in ("next", "not_applicable")
        x = i * cell + 6
        body.append(
            f'<rect class="phase" x="{_f(x)}" y="12" width="{_f(cell - 12)}" height="96" rx="8" '
            f'fill="{colour if filled else "#ffffff"}" stroke="{colour}" '
            f'stroke-width="{3 if status == "current" else 1.5}"/>'
        )
        ink = "#ffffff" if filled else "#333333"
        chars = max(12, int((cell - 24) / 6.2))
        body.append(_text(x + (cell - 12) / 2, 30, [f"{i + 1} · {status_label}"], size=10.5,
                          anchor="middle", fill=ink, weight="bold"))
        body.append(_text(x + (cell - 12) / 2, 70, _lines(title, chars, 3), size=10.5,
                          anchor="middle", fill=ink))
    return _svg(height, label, body)
