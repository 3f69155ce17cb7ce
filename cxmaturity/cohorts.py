"""Which cohorts a company belongs to, and where it stands against each on the report's figures.

The placement rule is the core's, the same for every scorer (DESIGN.md, Contracts: Placement):

- a *distribution* over ordered options places the company at a percentile: the share below its
  option (the unlabelled remainder to 100 counts below the lowest option) plus half the share
  at it;
- a *single share* ``s`` of options S says the company is among the ``s``% who chose S (for a
  multi question: chose any of S), at percentile ``(100 - s) + s/2``, or among the other
  ``100 - s``%, at ``(100 - s)/2``;
- a *range* ``[low, high]`` without options is the cohort's average answer in the question's
  own unit: the company's answer (a band's edges, or a number) is above, within or below it.

Percentiles are oriented so that higher is better: a ``better: lower`` figure is mirrored. The
verdict follows from the percentile and the file's ``placement`` thresholds. Nothing here prints.

A compared cohort without a figure on a question that some other cohort has a figure for gets
a ``no_benchmark`` placement, so a table can say so for that cohort; an unanswered question gets
no placement at all (it is missing, not behind).

The figures are indexed once per set of cohort files and questionnaire, and each placement is
worked out once per (question, cohort, answer): placing an assessment is mostly dictionary
look-ups (perf/placement_speed.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .conditions import evaluate
from .models import (
    Assessment,
    CohortFile,
    CohortMembership,
    Figure,
    Placement,
    Question,
    Questionnaire,
    Statement,
    tr,
)

# --- membership --------------------------------------------------------------------------


def _answered(answers: Mapping[str, Any] | Assessment) -> Mapping[str, Any]:
    return answers.answered() if isinstance(answers, Assessment) else answers


def memberships(
    answers: Mapping[str, Any] | Assessment,
    questionnaire: Questionnaire,
    cohort_files: Sequence[CohortFile],
) -> list[CohortMembership]:
    """Every cohort of every file, and whether the company is a member of it.

    `answers` maps the answered question ids to their values (``Assessment.answered()``), or is
    the assessment itself. A cohort without ``member_when`` has every company as a member; a
    condition on an unanswered question is false, so an unknown headquarters puts the company
    in no regional cohort. Files keep their order, cohorts their order within a file.
    """
    values = _answered(answers)
    out = []
    for file in cohort_files:
        for cohort in file.cohorts:
            out.append(
                CohortMembership.model_construct(
                    id=cohort.id,
                    source=file.id,
                    origin=file.origin,
                    label=cohort.label,
                    n=cohort.n,
                    member=evaluate(cohort.member_when, values, questionnaire),
                    always_compared=cohort.always_compared,
                )
            )
    return out


def compared(cohorts: Iterable[CohortMembership]) -> list[CohortMembership]:
    """The cohorts a company is compared with: those it belongs to, and the always-compared."""
    return [m for m in cohorts if m.member or m.always_compared]


def cohort_sources(cohort_files: Sequence[CohortFile]) -> list[dict[str, Any]]:
    """What each cohort file's numbers come from (the survey, or a portfolio's date span), so
    that every output can say so: id, title, origin, n, fieldwork, countries, first, last."""
    return [
        {
            "id": f.id,
            "title": f.title,
            "origin": f.origin,
            "n": f.survey.n,
            "fieldwork": f.survey.fieldwork,
            "countries": f.survey.countries,
            "first": f.survey.first,
            "last": f.survey.last,
        }
        for f in cohort_files
    ]


# --- per-file indexes, computed once -----------------------------------------------------

CohortKey = tuple[str, str]  # (cohort file id, cohort id)


@dataclass
class _Plan:
    """The figures of a set of cohort files against one questionnaire, indexed once.

    `questions` lists the questions some figure cites, in questionnaire order, each with the
    figures of each cohort in file order. `placed` remembers the placements already worked
    out for a (question, cohort, answer): they depend on nothing else.
    """

    files: tuple[CohortFile, ...]
    questionnaire: Questionnaire
    questions: list[tuple[Question, dict[CohortKey, list[Figure]]]]
    statements: list[tuple[str, Statement]]  # (cohort file id, statement)
    labels: dict[CohortKey, dict]
    limits: dict[str, tuple[float, float]]  # cohort file id → (ahead_from, behind_below)
    placed: dict[tuple, list[Placement]] = field(default_factory=dict)


def _build_plan(files: tuple[CohortFile, ...], questionnaire: Questionnaire) -> _Plan:
    by_question: dict[str, dict[CohortKey, list[Figure]]] = {}
    for file in files:
        for fig in file.figures:
            cohorts = by_question.setdefault(fig.question, {})
            cohorts.setdefault((file.id, fig.cohort), []).append(fig)
    questions = [(q, by_question[q.id]) for q in questionnaire.questions if q.id in by_question]
    return _Plan(
        files=files,
        questionnaire=questionnaire,
        questions=questions,
        statements=[(file.id, s) for file in files for s in file.statements],
        labels={(file.id, c.id): c.label for file in files for c in file.cohorts},
        limits={f.id: (f.placement.ahead_from, f.placement.behind_below) for f in files},
    )


# Keyed by the identity of the questionnaire and the files; the plan holds them, so an id cannot
# be reused by another object while its entry lives. Loaded models are not changed after loading.
_PLANS: dict[tuple[int, ...], _Plan] = {}
_MAX_PLANS = 32
_MAX_PLACED = 50_000


def _plan(files: Sequence[CohortFile], questionnaire: Questionnaire) -> _Plan:
    key = (id(questionnaire), *map(id, files))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = _build_plan(tuple(files), questionnaire)
    return plan


# --- words -------------------------------------------------------------------------------

_CMP = {
    "en": {"exact": "", "about": "roughly ", "more_than": "more than ", "less_than": "less than "},
    # "quelque" rather than "environ" after "les": « parmi les quelque 45 % ».
    "fr": {"exact": "", "about": "quelque ", "more_than": "plus de ", "less_than": "moins de "},
}
# The comparator of the rest of the cohort: the other side of "more than 57%" is "less than 43%".
_OTHER_SIDE = {
    "exact": "exact", "about": "about", "more_than": "less_than", "less_than": "more_than"
}


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def _pct(value: float, lang: str) -> str:
    return f"{_num(value, lang)} %" if lang == "fr" else f"{_num(value, lang)}%"


def _ordinal(value: float, lang: str) -> str:
    """A percentile as a whole number: 24.5 → '25th' / '25e', 81.2 → '81st'."""
    n = int(float(value) + 0.5)  # half up: 24.5 → 25 (round() would give 24)
    if lang == "fr":
        return "1er" if n == 1 else f"{n}e"
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _labels(question: Question, options: Iterable[str], lang: str) -> list[str]:
    out = []
    for oid in options:
        option = question.option(oid)
        label = tr(option.label, lang) if option else oid
        out.append(f"« {label} »" if lang == "fr" else f"“{label}”")
    return out


def _either(labels: list[str], lang: str) -> str:
    word = " ou " if lang == "fr" else " or "
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + word + labels[-1]


def _share_words(question: Question, fig: Figure, inside: bool, lang: str, amount: str) -> str:
    """'among the more than 57% who answered “…”', or the other side of it."""
    labels = _labels(question, fig.options or (), lang)
    multi = question.type == "multi"
    if lang == "fr":
        verb = "coché" if multi else "répondu"
        if inside:
            return f"parmi les {amount} qui ont {verb} {_either(labels, 'fr')}"
        if len(labels) == 1:
            return f"parmi les {amount} qui n'ont pas {verb} {labels[0]}"
        return f"parmi les {amount} qui n'ont {verb} ni " + " ni ".join(labels)
    verb = ("selected", "select") if multi else ("answered", "answer")
    if inside:
        return f"among the {amount} who {verb[0]} {_either(labels, 'en')}"
    return f"among the {amount} who did not {verb[1]} {_either(labels, 'en')}"


def _sentence(label: dict, body: str, fig: Figure | None, lang: str) -> str:
    tags = []
    # On a share, `better: lower` says that being among those who chose S is the worse side,
    # which the verdict shows; on a scale (distribution, average) it is worth saying.
    if fig is not None and fig.better == "lower" and fig.options is None:
        tags.append("plus bas vaut mieux" if lang == "fr" else "lower is better")
    if fig is not None and fig.confidence == "figure_ambiguous":
        tags.append("chiffre ambigu" if lang == "fr" else "ambiguous figure")
    tail = f" ({'; '.join(tags)})" if tags else ""
    colon = " : " if lang == "fr" else ": "
    return f"{tr(label, lang)}{colon}{body}{tail}."


def _both(make) -> dict[str, str]:
    return {"en": make("en"), "fr": make("fr")}


# --- placing one figure ------------------------------------------------------------------


def _verdict(position: float, limits: tuple[float, float]) -> str:
    ahead_from, behind_below = limits
    if position >= ahead_from:
        return "ahead"
    if position < behind_below:
        return "behind"
    return "level"


def _chose(question: Question, value: Any, options: Sequence[str]) -> bool:
    if isinstance(value, list):
        return any(v in options for v in value)
    return value in options


def _share_position(s: float, inside: bool, better: str) -> float:
    """Percentile, higher is better, of a company in (or out of) the s% who chose S."""
    if better == "lower":
        inside = not inside
        s = 100 - s
    return (100 - s) + s / 2 if inside else (100 - s) / 2


def _place_distribution(question: Question, fig: Figure, value: Any, limits, label) -> dict:
    dist = fig.distribution or {}
    order = question.option_ids
    rank = order.index(value) if value in order else -1
    at = dist[value].value if value in dist else 0.0
    listed = sum(share.value for share in dist.values())
    remainder = max(0.0, 100 - listed)
    lower = [share.value for o, share in dist.items() if o in order and order.index(o) < rank]
    below = remainder + sum(lower)
    above = listed - at - (below - remainder)
    raw = below + at / 2
    position = raw if fig.better == "higher" else 100 - raw
    about = fig.comparator == "about"

    def words(lang: str) -> str:
        if lang == "fr":
            where = f"{'vers le' if about else 'au'} {_ordinal(position, 'fr')} centile"
            rest = (
                f"{_pct(at, 'fr')} ont donné la même réponse, {_pct(below, 'fr')} une réponse "
                f"inférieure{_unlabelled(remainder, 'fr')}, "
                f"{_pct(above, 'fr')} une réponse supérieure"
            )
        else:
            where = f"at {'about ' if about else ''}the {_ordinal(position, 'en')} percentile"
            rest = (
                f"{_pct(at, 'en')} gave the same answer, {_pct(below, 'en')} a lower one"
                f"{_unlabelled(remainder, 'en')}, {_pct(above, 'en')} a higher one"
            )
        return _sentence(label, f"{where}{' ;' if lang == 'fr' else ';'} {rest}", fig, lang)

    return {
        "position": round(position, 1),
        "verdict": _verdict(position, limits),
        "text": _both(words),
        # The provenance of the share the company's own answer falls in.
        "fact_id": dist[value].fact_id if value in dist else fig.fact_id,
    }


def _unlabelled(remainder: float, lang: str) -> str:
    if remainder <= 0:
        return ""
    if lang == "fr":
        return f" (dont {_pct(remainder, 'fr')} sans libellé)"
    return f" (including {_pct(remainder, 'en')} unlabelled)"


def _place_share(question: Question, fig: Figure, value: Any, limits, label) -> dict:
    inside = _chose(question, value, fig.options or ())
    if isinstance(fig.value, tuple):
        # A share known only as a range: the verdict holds only if both ends agree.
        low, high = fig.value
        ends = {_verdict(_share_position(s, inside, fig.better), limits) for s in (low, high)}
        verdict = ends.pop() if len(ends) == 1 else "level"
        position = None
        lo, hi = (low, high) if inside else (100 - high, 100 - low)

        def amount(lang: str) -> str:
            if lang == "fr":
                return f"{_num(lo, 'fr')} à {_pct(hi, 'fr')}"
            return f"{_num(lo, 'en')} to {_pct(hi, 'en')}"
    else:
        s = float(fig.value)
        position = _share_position(s, inside, fig.better)
        verdict = _verdict(position, limits)
        comparator = fig.comparator if inside else _OTHER_SIDE[fig.comparator]
        share = s if inside else 100 - s

        def amount(lang: str) -> str:
            return _CMP[lang][comparator] + _pct(share, lang)

    def words(lang: str) -> str:
        return _sentence(label, _share_words(question, fig, inside, lang, amount(lang)), fig, lang)

    return {
        "position": None if position is None else round(position, 1),
        "verdict": verdict,
        "text": _both(words),
    }


def _answer_span(question: Question, value: Any) -> tuple[float | None, float | None] | None:
    """The answer as [low, high) in the question's unit: a band's edges, or a number."""
    if question.type == "band":
        option = question.option(value)
        return None if option is None else (option.low, option.high)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    return None


def _place_average(question: Question, fig: Figure, value: Any, limits, label) -> dict:
    # The model allows a range without options only with comparator "range" (a [low, high]).
    low, high = fig.value
    span = _answer_span(question, value)
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
    verdict = "ahead" if side == good else "behind" if side == bad else "level"
    unit = question.unit or "%"

    def span_words(lang: str) -> str:
        def fmt(v: float) -> str:
            return _pct(v, lang) if unit == "%" else f"{_num(v, lang)} {unit}"

        return f"{fmt(low)} {'à' if lang == 'fr' else 'to'} {fmt(high)}"

    def words(lang: str) -> str:
        answer = _labels(question, [value], lang)[0] if question.options else _num(value, lang)
        if lang == "fr":
            where = {"above": "au-dessus", "below": "en dessous", "within": "dans cette fourchette"}
            body = f"en moyenne {span_words('fr')} ; votre réponse ({answer}) est {where[side]}"
        else:
            where = {"above": "above it", "below": "below it", "within": "within it"}
            body = f"on average {span_words('en')}; your answer ({answer}) is {where[side]}"
        return _sentence(label, body, fig, lang)

    return {"position": None, "verdict": verdict, "text": _both(words)}


def _no_benchmark(label: dict) -> dict[str, str]:
    return {
        "en": _sentence(label, "no benchmark for this question", None, "en"),
        "fr": _sentence(label, "pas de référence chiffrée pour cette question", None, "fr"),
    }


_PLACERS = {
    "distribution": _place_distribution,
    "share": _place_share,
    "average": _place_average,
}


def _kind(fig: Figure) -> str:
    if fig.distribution is not None:
        return "distribution"
    return "share" if fig.options else "average"


# --- placement ---------------------------------------------------------------------------


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def place(
    answers: Mapping[str, Any] | Assessment,
    questionnaire: Questionnaire,
    cohort_files: Sequence[CohortFile],
    memberships: Sequence[CohortMembership],
) -> tuple[list[Placement], list[Statement]]:
    """Where the company stands against each compared cohort on each question the figures cite.

    Returns the placements, in questionnaire order, then cohort (in `memberships` order), then
    figure (in file order), and the statements of the compared cohorts, unchanged. A compared
    cohort without a figure on a question some other cohort has one for gets a ``no_benchmark``
    placement; an unanswered question gets none at all: it is missing, not behind.

    Placements are frozen and shared between calls with the same answers.
    """
    values = _answered(answers)
    plan = _plan(cohort_files, questionnaire)
    keys = [(m.source, m.id) for m in compared(memberships)]
    placed = plan.placed
    if len(placed) > _MAX_PLACED:
        placed.clear()
    out: list[Placement] = []
    for question, by_cohort in plan.questions:
        if question.id not in values:
            continue
        value = values[question.id]
        answer = _hashable(value)
        for key in keys:
            memo = (question.id, key, answer)
            found = placed.get(memo)
            if found is None:
                found = placed[memo] = _place_cohort(plan, question, key, by_cohort.get(key), value)
            out.extend(found)
    wanted = set(keys)
    statements = [
        s
        for file_id, s in plan.statements
        if (file_id, s.cohort) in wanted and (s.question is None or s.question in values)
    ]
    return out, statements


def _place_cohort(
    plan: _Plan, question: Question, key: CohortKey, figures: list[Figure] | None, value: Any
) -> list[Placement]:
    label = plan.labels.get(key) or {"en": key[1]}
    if not figures:
        return [
            Placement(
                cohort=key[1],
                question=question.id,
                answer=value,
                verdict="no_benchmark",
                text=_no_benchmark(label),
            )
        ]
    limits = plan.limits[key[0]]
    out = []
    for fig in figures:
        placer = _PLACERS[_kind(fig)]
        out.append(
            Placement(
                cohort=key[1],
                question=question.id,
                answer=value,
                figure=fig.id,
                value=fig.value,
                options=list(fig.options) if fig.options else None,
                comparator=fig.comparator,
                better=fig.better,
                source=fig.source,
                confidence=fig.confidence,
                alternative=fig.alternative,
                **{"fact_id": fig.fact_id, **placer(question, fig, value, limits, label)},
            )
        )
    return out
