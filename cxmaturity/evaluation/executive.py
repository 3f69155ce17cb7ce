"""The executive summary of a result: what a client reads first, chosen once for every output.

Strengths are the questions where the company is ahead of a cohort, gaps those where it is
behind; each question appears once, with the cohort that gives the strongest verdict. Certain
verdicts come before those the figures leave open, then the larger share answering worse (a
strength) or better (a gap). Only placements with shares are kept, so each item has a figure.
"""

from __future__ import annotations

from cxmaturity.formats.models import Executive, ExecutiveAction, Highlight, Placement, Result

HOW_MANY = 3


def _pick(placements: list[Placement], verdict: str, side: str) -> list[Highlight]:
    chosen = [p for p in placements if p.verdict == verdict and p.shares is not None]
    # certain first, then the larger guaranteed share, then the narrower interval; ids break ties
    chosen.sort(key=lambda p: (not p.certain, -getattr(p.shares, side)[0],
                               getattr(p.shares, side)[1] - getattr(p.shares, side)[0], p.question, p.cohort))
    out: list[Highlight] = []
    seen: set[str] = set()
    for p in chosen:
        if p.question in seen:
            continue
        seen.add(p.question)
        out.append(Highlight(question=p.question, cohort=p.cohort, verdict=p.verdict, certain=p.certain,
                             share=getattr(p.shares, side), source=p.source, confidence=p.confidence))
        if len(out) == HOW_MANY:
            break
    return out


def _actions(result: Result) -> list[ExecutiveAction]:
    rm = result.roadmap
    if rm is None:
        return []
    ranked = sorted(rm.next_actions, key=lambda a: a.rank or 0)[:HOW_MANY]
    return [ExecutiveAction(rank=i, phase=a.phase, text=dict(a.text), reason=dict(a.gap or a.reason))
            for i, a in enumerate(ranked, 1)]


def summarise(result: Result) -> Executive:
    """The executive summary of `result` (its stage is the result's overall stage)."""
    return Executive(
        strengths=_pick(result.placements, "ahead", "worse"),
        gaps=_pick(result.placements, "behind", "better"),
        actions=_actions(result),
    )
