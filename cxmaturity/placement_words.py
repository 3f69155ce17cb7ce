"""A placement in words, in English and French: the report's numbers, then what the tool derives.

The report's figures are quoted as the report gives them (with "more than", "roughly"); every
number computed from them (the shares worse, equal and better, the percentile) is said to be
derived, so a reader never takes a complement or a percentile for one the report printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .models import Figure, Question, tr
from .picture import AVERAGE, DIRECTION, MISMATCH, NOT_AN_END, Picture, share_bounds

_CMP = {
    "en": {"exact": "", "about": "roughly ", "more_than": "more than ", "less_than": "less than "},
    "fr": {"exact": "", "about": "quelque ", "more_than": "plus de ", "less_than": "moins de "},
}

_REASONS = {
    AVERAGE: {
        "en": "an average answer, not a share of the cohort, so it cannot say how many answered worse or better",
        "fr": "une réponse moyenne et non une part de la cohorte : elle ne dit pas combien ont moins bien "
        "ou mieux répondu",
    },
    DIRECTION: {
        "en": "its direction contradicts the cohort's other figures on this question",
        "fr": "son sens contredit les autres chiffres de la cohorte sur cette question",
    },
    NOT_AN_END: {
        "en": "its options are not one end of the answer scale, so being among them is neither better nor worse",
        "fr": "ses options ne sont pas une extrémité de l'échelle : en faire partie n'est ni mieux ni moins bien",
    },
}


@lru_cache(maxsize=4096)  # shares repeat across placements: format each once
def num(value: float, lang: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def pct(value: float, lang: str) -> str:
    return f"{num(value, lang)} %" if lang == "fr" else f"{num(value, lang)}%"


def interval(span: tuple[float, float], lang: str, unit: bool = True) -> str:
    """18% for an exact share, 0–33% (fr: 0 à 33 %) for a range."""
    lo, hi = span
    if lo == hi:
        return pct(lo, lang) if unit else num(lo, lang)
    if lang == "fr":
        return f"{num(lo, 'fr')} à {pct(hi, 'fr') if unit else num(hi, 'fr')}"
    return f"{num(lo, 'en')}–{pct(hi, 'en') if unit else num(hi, 'en')}"


def option_labels(question: Question, options: Iterable[str], lang: str) -> list[str]:
    out = []
    for oid in options:
        option = question.option(oid)
        label = tr(option.label, lang) if option else oid
        out.append(f"« {label} »" if lang == "fr" else f"“{label}”")
    return out


def _either(labels: list[str], lang: str) -> str:
    word = " ou " if lang == "fr" else " or "
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + word + labels[-1]


def stated(question: Question, fig: Figure, lang: str) -> str:
    """The report's number as the report gives it: 'more than 67% answered “…” or “…”'."""
    if fig.distribution is not None:
        parts = [
            f"{pct(share.value, lang)} {option_labels(question, [oid], lang)[0]}"
            for oid, share in fig.distribution.items()
        ]
        rest = 100 - sum(s.value for s in fig.distribution.values())
        if rest > 0:
            parts.append(f"{pct(rest, lang)} {'sans libellé' if lang == 'fr' else 'unlabelled'}")
        return ", ".join(parts)
    if not fig.options:
        low, high = fig.value
        unit = question.unit or "%"

        def fmt(v: float) -> str:
            return pct(v, lang) if unit == "%" else f"{num(v, lang)} {unit}"

        if lang == "fr":
            return f"en moyenne {fmt(low)} à {fmt(high)}"
        return f"on average {fmt(low)} to {fmt(high)}"
    if isinstance(fig.value, tuple):
        amount = interval(share_bounds(fig), lang)
    else:
        amount = _CMP[lang][fig.comparator] + pct(float(fig.value), lang)
    multi = question.type == "multi"
    labels = _either(option_labels(question, fig.options, lang), lang)
    if lang == "fr":
        return f"{amount} ont {'coché' if multi else 'répondu'} {labels}"
    return f"{amount} {'selected' if multi else 'answered'} {labels}"


def _derived(question: Question, pic: Picture, lang: str) -> str:
    w, e, b = (interval(s, lang) for s in (pic.worse, pic.equal, pic.better))
    p = interval(pic.percentile, lang, unit=False)
    multi = not question.is_ordered
    if lang == "fr":
        if multi:
            split = (f"{w} n'ont qu'une partie de vos pratiques, {b} toutes et d'autres encore, "
                     f"{e} les mêmes ou un autre assortiment")
        else:
            split = f"{w} ont moins bien répondu, {e} comme vous, {b} mieux"
        return f"d'où {split} ; centile {p} (calculs de l'outil)"
    if multi:
        split = (f"{w} have only some of your practices, {b} all of them and more, "
                 f"{e} the same or another mix")
    else:
        split = f"{w} answered worse, {e} the same, {b} better"
    return f"so {split}; percentile {p} (derived by this tool)"


def _uncertain(pic: Picture, lang: str) -> str:
    if pic.certain:
        return ""
    if pic.side is not None:
        if lang == "fr":
            return (" Une moyenne ne dit pas quelle part de la cohorte a moins bien ou mieux "
                    "répondu : verdict incertain.")
        return (" An average does not say what share of the cohort answered worse or better: "
                "the verdict is not certain.")
    could = {"en": {"ahead": "ahead", "behind": "behind"},
             "fr": {"ahead": "en avance", "behind": "en retard"}}[lang]
    alts = (" ou " if lang == "fr" else " or ").join(could[v] for v in pic.could_be)
    if lang == "fr":
        return f" Verdict incertain : selon où se situe la part exacte, l'entreprise pourrait être {alts}."
    return f" Not certain: depending on where the exact shares lie, the company could be {alts}."


def _tags(figures: list[Figure], lang: str) -> str:
    tags = []
    if any(f.better == "lower" and f.options is None for f in figures):
        tags.append("plus bas vaut mieux" if lang == "fr" else "lower is better")
    if any(f.confidence == "figure_ambiguous" for f in figures):
        tags.append("chiffre ambigu" if lang == "fr" else "ambiguous figure")
    if any(f.confidence == "derived" for f in figures):
        tags.append("chiffre déduit du texte" if lang == "fr" else "figure derived from the text")
    return f" ({'; '.join(tags)})" if tags else ""


def reason(fig: Figure, key: str, lang: str) -> str:
    """Why a figure is not used, in `lang`."""
    if key == MISMATCH:
        return tr(fig.mismatch, lang)
    return _REASONS[key][lang]


def _set_aside(question: Question, pic: Picture, lang: str, said) -> str:
    out = []
    for fig, key in pic.set_aside:
        if lang == "fr":
            out.append(f" Non retenu : {said(fig, 'fr')} car {reason(fig, key, 'fr')}.")
        else:
            out.append(f" Not used: {said(fig, 'en')} because {reason(fig, key, 'en')}.")
    return "".join(out)


def sentence(question: Question, label: dict, pic: Picture, lang: str, memo: dict | None = None) -> str:
    """The whole placement in `lang`: the figures, what follows from them, any doubt.

    `memo` keeps each figure's words between calls (they do not depend on the answer)."""
    memo = {} if memo is None else memo

    def said(fig: Figure, lang: str) -> str:
        key = (question.id, fig.id, lang)
        text = memo.get(key)
        if text is None:
            text = memo[key] = stated(question, fig, lang)
        return text

    colon = " : " if lang == "fr" else ": "
    head = f"{tr(label, lang)}{colon}"
    if pic.verdict == "no_benchmark":
        none = "pas de référence chiffrée pour cette question" if lang == "fr" else "no benchmark for this question"
        return f"{head}{none}.{_set_aside(question, pic, lang, said)}"
    sep = " ; " if lang == "fr" else "; "
    figures = sep.join(said(f, lang) for f in pic.used)
    if pic.side is not None:
        body = figures
        where = {"en": {"above": "above it", "below": "below it", "within": "within it"},
                 "fr": {"above": "au-dessus", "below": "en dessous", "within": "dans cette fourchette"}}
        if lang == "fr":
            body += f" ; votre réponse est {where['fr'][pic.side]}"
        else:
            body += f"; your answer is {where['en'][pic.side]}"
    else:
        body = f"{figures}{sep}{_derived(question, pic, lang)}"
    tail = f"{_tags(pic.used, lang)}.{_uncertain(pic, lang)}{_set_aside(question, pic, lang, said)}"
    return f"{head}{body}{tail}"


def both(question: Question, label: dict, pic: Picture, memo: dict | None = None) -> dict[str, str]:
    return {lang: sentence(question, label, pic, lang, memo) for lang in ("en", "fr")}
