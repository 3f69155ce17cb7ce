"""The report's cohort data: provenance against the fact extraction, ids against the questionnaire.

benchmarks/cohorts/mit-tr-2018.yaml carries every number the 2018 report gives for a cohort on a
question. Each number must equal the value of its `fact_id` in ../shared/seed/report-facts.yaml
(beside the checkout in CI); those checks run whenever that file exists, and must run when `CI`
is set. Everything else here needs only the repository.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
COHORTS = ROOT / "benchmarks" / "cohorts" / "mit-tr-2018.yaml"
QUESTIONNAIRE = ROOT / "questionnaires" / "cx-ai-2018.yaml"
FACTS = ROOT.parent / "shared" / "seed" / "report-facts.yaml"

CONFIDENCES = {"stated", "figure_unambiguous", "figure_ambiguous", "derived"}
COMPARATORS = {"exact", "about", "more_than", "less_than", "range"}

# The extraction's cohort names, and ours.
FACT_COHORTS = {
    "all_respondents": "all",
    "cx_leaders": "cx_leaders",
    "large_enterprises_30k_plus": "large",
    "north_america": "north_america",
    "europe": "europe",
    "asia_pacific": "asia_pacific",
    "latin_america": "latin_america",
    "sentiment_adopters_4of5": "sentiment_adopters",
    "no_sentiment_analysis": "no_sentiment",
}
# Deliberate departures from the extraction's cohort, each explained in docs/cohorts.md.
REMAPPED = {
    # "the rest of respondents" beside the adopters: Figure 13's other series is the non-users.
    "rest_significant_cost_rise_derived": "no_sentiment",
}

_NUM = r"-?\d+(?:\.\d+)?"


def fact_number(value: Any) -> float | tuple[float, float]:
    """A fact value as a number or a (low, high) range: 7, "25-50", "≈27", "≈45-49"."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().lstrip("≈~").strip()
        pair = re.fullmatch(rf"({_NUM})\s*[-–]\s*({_NUM})", text)
        if pair:
            return (float(pair[1]), float(pair[2]))
        if re.fullmatch(_NUM, text):
            return float(text)
    raise ValueError(f"not a number or a range: {value!r}")


def figure_number(value: Any) -> float | tuple[float, float]:
    if isinstance(value, list):
        return (float(value[0]), float(value[1]))
    return float(value)


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data() -> dict:
    return _load(COHORTS)


@pytest.fixture(scope="module")
def questions() -> dict[str, dict]:
    assert QUESTIONNAIRE.exists(), (
        f"{QUESTIONNAIRE} is missing: the cohort figures refer to its ids"
    )
    doc = _load(QUESTIONNAIRE)
    return {q["id"]: q for section in doc["sections"] for q in section["questions"]}


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    if not FACTS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {FACTS} is missing: the figures cannot be checked")
        pytest.skip(
            f"{FACTS} not found (CI has ../shared beside the checkout): figures not checked"
        )
    return {fact["id"]: fact for fact in _load(FACTS)["facts"]}


def _numbers(data: dict):
    """(figure id, where, value, fact_id) for every number in the file."""
    for fig in data["figures"]:
        if "distribution" in fig:
            for option, share in fig["distribution"].items():
                yield fig["id"], f"distribution.{option}", share.get("value"), share.get("fact_id")
        else:
            yield fig["id"], "value", fig.get("value"), fig.get("fact_id")


def _conditions(cond: dict):
    yield cond
    for key in ("all", "any"):
        for sub in cond.get(key, []):
            yield from _conditions(sub)
    if "not" in cond:
        yield from _conditions(cond["not"])


def _texts(data: dict):
    """(where, text) for every text the file shows a user."""
    for c in data["cohorts"]:
        yield f"cohort {c['id']}.label", c.get("label")
        if "definition" in c:
            yield f"cohort {c['id']}.definition", c["definition"]
    for fig in data["figures"]:
        for key in ("alternative", "note"):
            if key in fig:
                yield f"figure {fig['id']}.{key}", fig[key]
    for st in data["statements"]:
        yield f"statement {st['id']}.text", st.get("text")


# --- the parser the provenance checks rely on ---------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (7, 7.0),
        (12.5, 12.5),
        ("25-50", (25.0, 50.0)),
        ("10–25", (10.0, 25.0)),
        ("≈27", 27.0),
        ("≈45-49", (45.0, 49.0)),
    ],
)
def test_fact_number_reads_the_extraction_forms(raw, expected):
    assert fact_number(raw) == expected


@pytest.mark.parametrize("raw", [None, True, "one in ten", "60 min -> 2.5 min", {"europe": 26.2}])
def test_fact_number_refuses_what_is_not_a_number(raw):
    with pytest.raises(ValueError):
        fact_number(raw)


# --- provenance: needs the fact extraction --------------------------------------------------


def test_every_number_equals_its_fact(data, facts):
    wrong = []
    for fig_id, where, value, fact_id in _numbers(data):
        if fact_id not in facts:
            wrong.append(f"{fig_id}.{where}: fact {fact_id!r} not in report-facts.yaml")
            continue
        expected = fact_number(facts[fact_id]["value"])
        if figure_number(value) != expected:
            wrong.append(
                f"{fig_id}.{where}: {value!r}, but fact {fact_id} says {facts[fact_id]['value']!r}"
            )
    assert not wrong, "\n".join(wrong)


def test_every_confidence_equals_its_facts(data, facts):
    """A number the report does not print (a fact marked derived) is never labelled stated."""
    wrong = []
    for fig in data["figures"]:
        ids = [s["fact_id"] for s in fig.get("distribution", {}).values()] or [fig.get("fact_id")]
        for fact_id in ids:
            fact = facts.get(fact_id)
            if fact is not None and fact["confidence"] != fig["confidence"]:
                wrong.append(f"{fig['id']}: {fig['confidence']!r}, but {fact_id} is {fact['confidence']!r}")
    assert not wrong, "\n".join(wrong)


def test_every_figure_is_for_its_facts_cohort(data, facts):
    wrong = []
    for fig in data["figures"]:
        ids = [s["fact_id"] for s in fig.get("distribution", {}).values()] or [fig.get("fact_id")]
        for fact_id in ids:
            fact = facts.get(fact_id)
            if fact is None:
                continue  # reported by test_every_number_equals_its_fact
            expected = REMAPPED.get(fact_id) or FACT_COHORTS.get(fact["cohort"])
            if fig["cohort"] != expected:
                wrong.append(
                    f"{fig['id']}: {fig['cohort']!r}, but {fact_id} is for {fact['cohort']!r}"
                )
    assert not wrong, "\n".join(wrong)


def test_every_statement_fact_exists(data, facts):
    missing = [
        f"{st['id']}: {st.get('fact_id')!r}"
        for st in data["statements"]
        if st.get("fact_id") not in facts
    ]
    assert not missing, "statements whose fact_id is not in report-facts.yaml:\n" + "\n".join(
        missing
    )


# --- the file itself ------------------------------------------------------------------------


def test_every_number_names_its_fact(data):
    missing = [f"{fig_id}.{where}" for fig_id, where, _, fact_id in _numbers(data) if not fact_id]
    assert not missing, "numbers without a fact_id: " + ", ".join(missing)


def test_every_figure_and_statement_has_source_and_confidence(data):
    wrong = []
    for item in data["figures"] + data["statements"]:
        if not isinstance(item.get("source"), str) or not item["source"].strip():
            wrong.append(f"{item['id']}: no source")
        if item.get("confidence") not in CONFIDENCES:
            wrong.append(f"{item['id']}: confidence {item.get('confidence')!r}")
    assert not wrong, "\n".join(wrong)


def test_ambiguous_figures_give_the_other_reading(data):
    bare = [
        fig["id"]
        for fig in data["figures"]
        if fig["confidence"] == "figure_ambiguous" and not (fig.get("alternative") or {}).get("en")
    ]
    assert not bare, "figure_ambiguous without an alternative: " + ", ".join(bare)


def test_every_text_is_in_english_and_french(data):
    wrong = [
        where
        for where, text in _texts(data)
        if not isinstance(text, dict)
        or not all(isinstance(text.get(lang), str) and text[lang].strip() for lang in ("en", "fr"))
    ]
    assert not wrong, "texts missing a language: " + ", ".join(wrong)


def test_figure_shapes_are_consistent(data):
    wrong = []
    for fig in data["figures"]:
        where = fig["id"]
        if fig.get("comparator") not in COMPARATORS:
            wrong.append(f"{where}: comparator {fig.get('comparator')!r}")
        if fig.get("better") not in ("higher", "lower"):
            wrong.append(f"{where}: better {fig.get('better')!r}")
        if ("distribution" in fig) == ("value" in fig):
            wrong.append(f"{where}: needs exactly one of value and distribution")
            continue
        if "distribution" in fig:
            total = sum(share["value"] for share in fig["distribution"].values())
            if total > 100:
                wrong.append(f"{where}: distribution sums to {total}")
            continue
        value = fig["value"]
        if isinstance(value, list):
            if fig["comparator"] != "range" or len(value) != 2 or not value[0] < value[1]:
                wrong.append(f"{where}: a [low, high] value needs comparator range and low < high")
        elif fig["comparator"] == "range" or not fig.get("options"):
            wrong.append(f"{where}: a single share needs its options and a non-range comparator")
        for number in value if isinstance(value, list) else [value]:
            if not 0 <= number <= 100:
                wrong.append(f"{where}: {number} is not a percentage")
    assert not wrong, "\n".join(wrong)


def test_file_has_no_yaml_anchors_or_aliases():
    """The project's loader refuses aliases (alias bombs), so shared text is written out."""
    anchored = []

    def walk(node):
        if node.anchor:
            anchored.append(f"line {node.start_mark.line + 1}: &{node.anchor}")
        children = node.value if isinstance(node.value, list) else []
        for child in children:
            for sub in child if isinstance(child, tuple) else (child,):
                walk(sub)

    walk(YAML().compose(COHORTS.read_text(encoding="utf-8")))
    assert not anchored, "anchors or aliases: " + ", ".join(anchored)


def test_ids_are_unique(data):
    for kind in ("cohorts", "figures", "statements"):
        ids = [item["id"] for item in data[kind]]
        assert len(ids) == len(set(ids)), (
            f"duplicate {kind} ids: {sorted({i for i in ids if ids.count(i) > 1})}"
        )


def test_referenced_cohorts_are_declared(data):
    declared = {c["id"] for c in data["cohorts"]}
    unknown = [
        f"{item['id']}: {item['cohort']!r}"
        for item in data["figures"] + data["statements"]
        if item["cohort"] not in declared
    ]
    assert not unknown, "undeclared cohorts: " + ", ".join(unknown)


def test_header_agrees_with_the_cohorts(data):
    assert data["questionnaire"] == _load(QUESTIONNAIRE)["id"]
    everyone = [c for c in data["cohorts"] if c["member_when"] is None]
    assert [c["id"] for c in everyone] == ["all"]
    assert everyone[0]["n"] == data["survey"]["n"]
    # A clear majority on each side: no answer can be both ahead and behind.
    assert 0 <= data["placement"]["behind_below"] < 50 < data["placement"]["ahead_from"] <= 100


# --- ids against the questionnaire ----------------------------------------------------------


def test_figures_and_statements_use_questionnaire_ids(data, questions):
    wrong = []
    for item in data["figures"] + data["statements"]:
        qid = item.get("question")
        if qid is None and item in data["statements"]:
            continue
        if qid not in questions:
            wrong.append(f"{item['id']}: no question {qid!r}")
            continue
        known = [o["id"] for o in questions[qid].get("options", [])]
        used = list(item.get("options") or []) + list(item.get("distribution") or {})
        # A non-string id (unquoted 50_75 reads as the integer 5075) fails here too.
        wrong += [f"{item['id']}: {qid} has no option {o!r}" for o in used if o not in known]
    assert not wrong, "\n".join(wrong)


def test_single_shares_take_one_end_of_an_ordered_scale(data, questions):
    """In or out of the counted options must mean better or worse: a prefix or suffix."""
    wrong = []
    for fig in data["figures"]:
        q = questions.get(fig["question"], {})
        ordered = q.get("type") == "band" or (q.get("type") == "single" and q.get("ordered"))
        if not fig.get("options") or not ordered:
            continue
        scale = [o["id"] for o in q["options"]]
        chosen = [o for o in scale if o in fig["options"]]
        if chosen not in (scale[: len(chosen)], scale[-len(chosen) :]):
            wrong.append(f"{fig['id']}: {fig['options']} is not one end of {scale}")
    assert not wrong, "\n".join(wrong)


def test_membership_conditions_use_questionnaire_ids(data, questions):
    wrong = []
    for cohort in data["cohorts"]:
        if cohort["member_when"] is None:
            continue
        for cond in _conditions(cohort["member_when"]):
            if "q" not in cond:
                continue
            q = questions.get(cond["q"])
            if q is None:
                wrong.append(f"{cohort['id']}: no question {cond['q']!r}")
                continue
            known = {o["id"] for o in q.get("options", [])}
            wrong += [
                f"{cohort['id']}: {cond['q']} has no option {o!r}"
                for o in cond.get("in", [])
                if o not in known
            ]
            if "gte" in cond and q["type"] == "multi" and not isinstance(cond["gte"], int):
                wrong.append(f"{cohort['id']}: a count of options must be an integer")
    assert not wrong, "\n".join(wrong)


def test_a_figure_set_aside_says_why_in_both_languages(data):
    """`matches: false` marks a number that measures something else than its question."""
    aside = [f for f in data["figures"] if f.get("matches") is False]
    assert [f["id"] for f in aside] == ["tools-ivr-all"]
    for fig in aside:
        assert fig["mismatch"]["en"] and fig["mismatch"]["fr"]
