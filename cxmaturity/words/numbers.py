"""Numbers as people write them, in English and French: at most one decimal with a decimal
comma in French, shares with their percent sign ('45%', '45 %'), percentiles as ordinals."""

from __future__ import annotations


def num(value: float | int | None, lang: str, none: str = "—") -> str:
    """A number with at most one decimal, a decimal comma in French; `none` for no number."""
    if value is None:
        return none
    text = f"{float(value):.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def exact(value: float, lang: str) -> str:
    """A number printed in full (for the arithmetic of `explain`), decimal comma in French."""
    text = f"{float(value):.10g}"
    return text.replace(".", ",") if lang == "fr" else text


def ordinal(value: float, lang: str) -> str:
    """45 → '45th' / '45e'; a percentile is said as a whole number: 24.5 → '25th', 81.2 → '81st'."""
    n = int(float(value) + 0.5)  # half up: 24.5 → 25 (round() would give 24)
    if lang == "fr":
        return "1er" if n == 1 else f"{n}e"
    return f"{n}" + ("th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))



def percent(value: float | int | None, lang: str) -> str:
    """A share as people write it: '45%' in English, '45 %' (and a decimal comma) in French."""
    if value is None:
        return "—"
    return f"{num(value, lang)} %" if lang == "fr" else f"{num(value, lang)}%"
