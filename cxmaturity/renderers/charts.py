"""The report's charts, drawn with matplotlib and returned as inline SVG text.

Text stays text (``svg.fonttype: none``) so that the files stay small, searchable and
readable by screen readers; a fixed ``svg.hashsalt`` and no date make the output the same on
every run. Each chart's element ids get a prefix, because several SVGs share one HTML page and
a clip path id used twice would clip the wrong chart. matplotlib escapes every text it writes.

The functions take plain values and strings already in the report's language: what to draw,
not where the numbers come from (the HTML renderer footnotes those).
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

VERDICT_COLOURS = {"ahead": "#2e7d32", "level": "#b7791f", "behind": "#c62828"}
PHASE_COLOURS = {"completed": "#2e7d32", "current": "#1f5fa8", "next": "#9aa5b1"}
OPTION_SHADES = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
REMAINDER = "#e2e2e2"
SHARE_IN = "#4a7fb5"
SHARE_OUT = "#dde6f0"


def _matplotlib():
    """matplotlib, set up for small deterministic SVG (imported only when a chart is drawn)."""
    import matplotlib

    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "cxmaturity",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "sans-serif"],
            "font.size": 8,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "path.simplify": True,
        }
    )
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    return Figure, FigureCanvasSVG


_ID = re.compile(r'id="([^"]+)"')


def _to_svg(fig, name: str, label: str) -> str:
    """The figure as an <svg> element for inline use: no XML prolog, prefixed ids, a role and
    an accessible name."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    ids = set(_ID.findall(svg))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{name}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    from html import escape

    from cxmaturity.words.safety import strip_controls

    label = escape(strip_controls(label))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="chart" ', 1)


def _wrap(text: str, width: int, lines: int = 3) -> str:
    """`text` on at most `lines` lines of `width` characters, shortened with an ellipsis, without
    control characters (labels come from files; an SVG cannot even hold most of them)."""
    from cxmaturity.words.safety import strip_controls

    text = strip_controls(text)
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …")) or text


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
    Figure, Canvas = _matplotlib()
    height = 0.9 + 0.32 * len(bars)
    fig = Figure(figsize=(6.6, height))
    Canvas(fig)
    ax = fig.add_axes((0.31, 0.55 / height, 0.64, 1 - 0.95 / height))
    ys = list(range(len(bars)))[::-1]
    for y, bar in zip(ys, bars, strict=True):
        if bar.score is None:
            ax.text(1, y, unscored, va="center", ha="left", color="#666666", style="italic")
            continue
        ax.barh(y, bar.score, height=0.62, color="#1f3f66" if bar.strong else "#5b8cc0")
        ax.text(bar.score + 1, y, f"{bar.score:g}", va="center", ha="left", fontsize=7)
    for stage_label, threshold in stages:
        if threshold <= 0:
            continue
        ax.axvline(threshold, color="#888888", linestyle=(0, (3, 3)), linewidth=0.8)
        ax.text(threshold, len(bars) - 0.45, _wrap(stage_label, 14), ha="center", va="bottom",
                fontsize=6.5, color="#555555")
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, len(bars) - 0.4)
    ax.set_yticks(ys, [_wrap(b.label, 34) for b in bars])
    for tick, bar in zip(ax.get_yticklabels(), bars, strict=True):
        if bar.strong:
            tick.set_fontweight("bold")
    ax.set_xlabel(xlabel)
    return _to_svg(fig, name, label)


# --- (b) a cohort comparison ---------------------------------------------------------------


@dataclass
class Row:
    """One figure of the cohort: segments along 0-100 and the company's mark.

    For percentiles, right is better: a share of the better answers sits at the right end, so
    the company's percentile falls inside the segment it belongs to."""

    label: str
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # (start, width, colour)
    mark: float | None = None
    mark_span: tuple[float, float] | None = None  # an answer that is a band, on a unit axis
    verdict: str = "level"
    note: str = ""  # text at the right end, e.g. "avg." or the share


def cohort_chart(rows: Sequence[Row], *, xlabel: str, label: str, name: str) -> str:
    """One row per figure: the cohort's spread or share as a bar, the company as a triangle."""
    Figure, Canvas = _matplotlib()
    height = 0.75 + 0.36 * len(rows)
    fig = Figure(figsize=(6.6, height))
    Canvas(fig)
    ax = fig.add_axes((0.42, 0.5 / height, 0.5, 1 - 0.62 / height))
    ys = list(range(len(rows)))[::-1]
    for y, row in zip(ys, rows, strict=True):
        if row.segments:
            ax.broken_barh(
                [(s, w) for s, w, _ in row.segments], (y - 0.3, 0.6),
                facecolors=[c for _, _, c in row.segments], edgecolor="white", linewidth=0.5,
            )
        colour = VERDICT_COLOURS.get(row.verdict, "#333333")
        if row.mark_span is not None:
            lo, hi = row.mark_span
            ax.plot([lo, hi], [y, y], color=colour, linewidth=3, solid_capstyle="butt")
        if row.mark is not None:
            ax.plot([row.mark], [y + 0.36], marker="v", markersize=6, color=colour,
                    markeredgecolor="white", markeredgewidth=0.5, clip_on=False)
        if row.note:
            ax.text(101, y, row.note, va="center", ha="left", fontsize=6.5, color="#444444")
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, len(rows) - 0.3)
    ax.set_yticks(ys, [_wrap(r.label, 46, 2) for r in rows], fontsize=6.5)
    ax.set_xlabel(xlabel)
    return _to_svg(fig, name, label)


# --- (c) the roadmap -----------------------------------------------------------------------


def roadmap_chart(
    phases: Sequence[tuple[str, str, str]], *, label: str, name: str = "roadmap"
) -> str:
    """The playbook's phases left to right: (title, status, status label), status being
    completed, current or next."""
    Figure, Canvas = _matplotlib()
    fig = Figure(figsize=(6.6, 1.5))
    Canvas(fig)
    ax = fig.add_axes((0.01, 0.02, 0.98, 0.96))
    ax.set_axis_off()
    n = max(len(phases), 1)
    ax.set_xlim(0, n)
    ax.set_ylim(0, 1)
    ax.plot([0.1, n - 0.1], [0.5, 0.5], color="#cccccc", linewidth=2, zorder=0)
    from matplotlib.patches import FancyBboxPatch

    for i, (title, status, status_label) in enumerate(phases):
        colour = PHASE_COLOURS.get(status, "#9aa5b1")
        filled = status not in ("next", "not_applicable")
        box = FancyBboxPatch(
            (i + 0.06, 0.12), 0.88, 0.76, boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=colour if filled else "white", edgecolor=colour,
            linewidth=2.5 if status == "current" else 1.2,
        )
        ax.add_patch(box)
        ink = "white" if filled else "#333333"
        ax.text(i + 0.5, 0.78, f"{i + 1} · {status_label}", ha="center", va="center",
                fontsize=7, color=ink, fontweight="bold")
        ax.text(i + 0.5, 0.42, _wrap(title, 30), ha="center", va="center", fontsize=7.5, color=ink)
    return _to_svg(fig, name, label)
