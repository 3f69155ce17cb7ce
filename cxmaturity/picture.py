"""One cohort on one question: the shares that answered worse, the same and better, and the verdict.

The placement rule (DESIGN.md, Contracts: Placement; docs/cohorts.md). Every figure the cohort
has on the question is a constraint on how its answers are spread; together they leave each of
W (strictly worse than the company's answer), E (the same) and B (strictly better) somewhere in
an interval. The verdict is read from those intervals:

- ``ahead`` when W is at least the file's `ahead_from` (a clear majority answered worse) over
  the whole interval; ``behind`` when B is at least ``100 - behind_below`` over the whole interval;
- ``level`` otherwise, *not certain* when the interval reaches ahead or behind somewhere.

So ahead and behind are only said when the figures prove them, and a better answer can never
get a worse verdict: W's bounds only grow and B's only shrink as the answer improves.

Ordered questions (band, ordered single): the options run from worst to best (the figures'
`better` says which way); F(t), the share answering option t or worse, is pinned or bounded at
the cut points the figures give, and is non-decreasing, which bounds it everywhere. A
distribution's unlabelled remainder is a category below the worst option.

Multi questions (and unordered singles): each figure is a practice, adopted or not (`better:
lower` turns "selected none" into "has some"). A respondent is better when it has every
practice the company has and at least one more, worse when it has only some of the company's
practices and none of the others; the rest (the same, or another mix) count as equal. The
report gives each practice's share, never how they combine, so the bounds are the widest the
shares allow (Fréchet bounds).

An average (a [low, high] range without options) is not a share of respondents. It is set aside
when the cohort has a share on the question; alone, it places the answer above, within or below
it, which makes the verdict level, leaning that way but never certain. Nothing here reads files or
prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Figure, Question

Interval = tuple[float, float]

# Reasons a figure is not used, as keys the words module turns into sentences.
AVERAGE = "average"
DIRECTION = "direction"
NOT_AN_END = "not_an_end"
MISMATCH = "mismatch"


@dataclass
class Picture:
    """What one cohort's figures say against one answer."""

    verdict: str
    certain: bool = True
    could_be: list[str] = field(default_factory=list)
    worse: Interval | None = None
    equal: Interval | None = None
    better: Interval | None = None
    percentile: Interval | None = None
    used: list[Figure] = field(default_factory=list)
    set_aside: list[tuple[Figure, str]] = field(default_factory=list)
    side: str | None = None  # an average alone: "above", "within" or "below" the range


def _r(x: float) -> float:
    # Shares are given to a tenth at most; rounding here keeps 100 - 40 exactly 60.
    return round(min(100.0, max(0.0, x)), 6)


def share_bounds(fig: Figure) -> Interval:
    """The share a figure gives, as [low, high]: 'more than 67' is [67, 100]."""
    if isinstance(fig.value, tuple):
        return float(fig.value[0]), float(fig.value[1])
    v = float(fig.value or 0)
    if fig.comparator == "more_than":
        return v, 100.0
    if fig.comparator == "less_than":
        return 0.0, v
    return v, v


def chose(value: Any, options: Sequence[str]) -> bool:
    """Whether an answer (one option, or a multi's list) is among `options`."""
    if isinstance(value, list):
        return any(v in options for v in value)
    return value in options


def verdict_of(
    worse: Interval, better: Interval, limits: tuple[float, float]
) -> tuple[str, list[str]]:
    """The verdict the intervals prove, and the other verdicts they allow."""
    ahead_from, behind_below = limits
    behind_from = 100 - behind_below
    if worse[0] >= ahead_from:
        return "ahead", []
    if better[0] >= behind_from:
        return "behind", []
    could = []
    if worse[1] >= ahead_from:
        could.append("ahead")
    if better[1] >= behind_from:
        could.append("behind")
    return "level", could


# --- ordered questions -------------------------------------------------------------------


def _ascending(question: Question, fig: Figure) -> bool | None:
    """True when the question's options run worst to best for this figure, None if unknown."""
    if fig.options is None:
        return fig.better == "higher"
    order = question.option_ids
    chosen = [o for o in order if o in fig.options]
    if not chosen or len(chosen) == len(order):
        return None
    top, bottom = chosen == order[-len(chosen):], chosen == order[: len(chosen)]
    if top == bottom:
        return None  # not one end of the scale: being in or out has no direction
    return top == (fig.better == "higher")


@dataclass
class Prepared:
    """What a cohort's figures on a question say whatever the answer: worked out once."""

    kind: str  # "ordered", "practices", "average" or "none"
    used: list[Figure] = field(default_factory=list)
    set_aside: list[tuple[Figure, str]] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # ordered: options from worst to best
    low: list[float] = field(default_factory=list)  # ordered: bounds of F(t), t = 0..k
    high: list[float] = field(default_factory=list)
    practices: list[tuple[Figure, float, float]] = field(default_factory=list)  # (fig, low, high)


def _prepare_ordered(question: Question, figures: list[Figure], prep: Prepared) -> None:
    raw = question.option_ids
    direction: bool | None = None
    for fig in figures:
        up = _ascending(question, fig)
        if up is None:
            prep.set_aside.append((fig, NOT_AN_END))
        elif direction is not None and up != direction:
            prep.set_aside.append((fig, DIRECTION))
        else:
            direction = up
            prep.used.append(fig)
    if not prep.used:
        return
    order = raw if direction else raw[::-1]
    k = len(order)
    # F(t) for t = 0..k: the share answering the t worst options or worse; t = 0 is the
    # unlabelled remainder of a distribution, empty otherwise.
    low = [0.0] * (k + 1)
    high = [100.0] * (k + 1)
    high[0] = 0.0
    low[k] = 100.0
    for fig in prep.used:
        if fig.distribution is not None:
            cum = max(0.0, 100 - sum(s.value for s in fig.distribution.values()))
            low[0], high[0] = max(low[0], cum), max(high[0], cum)
            for t, oid in enumerate(order[:-1], start=1):
                share = fig.distribution.get(oid)
                cum += share.value if share else 0.0
                low[t], high[t] = max(low[t], cum), min(high[t], cum)
            continue
        lo, hi = share_bounds(fig)
        chosen = [o for o in order if o in (fig.options or ())]
        if chosen == order[: len(chosen)]:  # the worst options: F(t) is the share itself
            t, f_lo, f_hi = len(chosen), lo, hi
        else:  # the best options: F(t) is what is left
            t, f_lo, f_hi = k - len(chosen), 100 - hi, 100 - lo
        low[t], high[t] = max(low[t], f_lo), min(high[t], f_hi)
    # F never decreases: a bound at one cut point holds beyond it.
    for t in range(1, k + 1):
        low[t] = max(low[t], low[t - 1])
    for t in range(k - 1, -1, -1):
        high[t] = min(high[t], high[t + 1])
    for t in range(k + 1):
        if low[t] > high[t]:  # figures that contradict each other: know nothing there
            low[t], high[t] = high[t], low[t]
    prep.kind, prep.order, prep.low, prep.high = "ordered", order, low, high


def _read_ordered(prep: Prepared, value: Any, pic: Picture) -> bool:
    if value not in prep.order:
        return False
    low, high = prep.low, prep.high
    a = prep.order.index(value) + 1
    pic.worse = (_r(low[a - 1]), _r(high[a - 1]))
    pic.better = (_r(100 - high[a]), _r(100 - low[a]))
    pic.equal = (_r(low[a] - high[a - 1]), _r(high[a] - low[a - 1]))
    pic.percentile = (_r(low[a - 1]), _r(high[a]))
    return True


# --- practices (multi, unordered single) -------------------------------------------------


def _prepare_practices(figures: list[Figure], prep: Prepared) -> None:
    for fig in figures:
        if fig.distribution is not None or not fig.options:
            prep.set_aside.append((fig, NOT_AN_END))
            continue
        lo, hi = share_bounds(fig)
        if fig.better == "lower":  # the good side is not choosing these options
            lo, hi = 100 - hi, 100 - lo
        prep.practices.append((fig, lo, hi))
        prep.used.append(fig)
    if prep.used:
        prep.kind = "practices"


def _read_practices(prep: Prepared, value: Any, pic: Picture) -> bool:
    mine, others = [], []  # (low, high) of the good side of each practice
    for fig, lo, hi in prep.practices:
        good = chose(value, fig.options) != (fig.better == "lower")
        (mine if good else others).append((lo, hi))
    # All of the company's practices together, any of the others (bounds over every way the
    # shares could overlap).
    if mine:
        all_lo = max(0.0, sum(lo for lo, _ in mine) - 100 * (len(mine) - 1))
        all_hi = min(hi for _, hi in mine)
    else:
        all_lo = all_hi = 100.0
    if others:
        any_lo = max(lo for lo, _ in others)
        any_hi = min(100.0, sum(hi for _, hi in others))
    else:
        any_lo = any_hi = 0.0
    better = (max(0.0, all_lo + any_lo - 100), min(all_hi, any_hi))
    none_lo, none_hi = 100 - any_hi, 100 - any_lo
    worse = (max(0.0, none_lo - all_hi), min(none_hi, 100 - all_lo))
    pic.worse = (_r(worse[0]), _r(worse[1]))
    pic.better = (_r(better[0]), _r(better[1]))
    pic.equal = (_r(100 - worse[1] - better[1]), _r(100 - worse[0] - better[0]))
    pic.percentile = (pic.worse[0], _r(100 - better[0]))
    return True


# --- an average alone --------------------------------------------------------------------


def answer_span(question: Question, value: Any) -> tuple[float | None, float | None] | None:
    """The answer as [low, high) in the question's unit: a band's edges, or a number."""
    if question.type == "band":
        option = question.option(value)
        return None if option is None else (option.low, option.high)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    return None


def _average(question: Question, fig: Figure, value: Any, pic: Picture) -> None:
    low, high = fig.value
    span = answer_span(question, value)
    side = "within"
    if span is not None:
        a_low, a_high = span
        point = a_low == a_high
        # A band is [low, high): wholly above when its lower edge reaches the range's top.
        if a_low is not None and (a_low > high or (a_low == high and not point)):
            side = "above"
        elif a_high is not None and (a_high < low or (a_high == low and not point)):
            side = "below"
    good, bad = ("above", "below") if fig.better == "higher" else ("below", "above")
    # Above the average is not above a clear majority: level, which way it leans uncertain.
    pic.verdict = "level"
    pic.could_be = ["ahead"] if side == good else ["behind"] if side == bad else ["ahead", "behind"]
    pic.certain = False
    pic.side = side
    pic.used = [fig]


# --- the rule ----------------------------------------------------------------------------


def prepare(question: Question, figures: Sequence[Figure]) -> Prepared:
    """What `figures` (one cohort's, on `question`) say before any answer is known."""
    prep = Prepared(kind="none")
    matching = []
    for fig in figures:
        if not fig.matches:
            prep.set_aside.append((fig, MISMATCH))
        else:
            matching.append(fig)
    averages = [f for f in matching if f.distribution is None and not f.options]
    shares = [f for f in matching if f not in averages]
    if shares:
        prep.set_aside += [(f, AVERAGE) for f in averages]
        if question.is_ordered and question.options:
            _prepare_ordered(question, shares, prep)
        else:
            _prepare_practices(shares, prep)
    elif averages:
        prep.kind = "average"
        prep.used = averages[:1]
        prep.set_aside += [(f, AVERAGE) for f in averages[1:]]
    return prep


def picture(
    question: Question,
    figures: Sequence[Figure],
    value: Any,
    limits: tuple[float, float],
    prepared: Prepared | None = None,
) -> Picture:
    """The one picture of a cohort on a question, from all its figures there, and its verdict.

    `figures` are the cohort's figures on `question` (none: ``no_benchmark``); `limits` is the
    file's ``(ahead_from, behind_below)``; `prepared`, what `prepare` made of the same figures,
    saves working it out again.
    """
    prep = prepared if prepared is not None else prepare(question, figures)
    pic = Picture(verdict="no_benchmark", set_aside=list(prep.set_aside))
    if prep.kind == "average":
        _average(question, prep.used[0], value, pic)
        return pic
    reader = {"ordered": _read_ordered, "practices": _read_practices}.get(prep.kind)
    if reader is not None and reader(prep, value, pic):
        pic.used = list(prep.used)
        pic.verdict, pic.could_be = verdict_of(pic.worse, pic.better, limits)
        pic.certain = not pic.could_be
    return pic
