"""Fuzzed assessment documents through `validate` and `score`: never a traceback.

Documents are generated as YAML text: a real assessment's shape with fields dropped, added
or replaced by any kind of value, answers of every question given values of every type, and
explicit YAML tags (valid, mismatched, unknown) and tricky plain scalars anywhere. Whatever
the document, both commands end with exit 0 or with `Error:`/located lines and exit 1.

300 examples a run; set CXMATURITY_FUZZ_EXAMPLES to run more by hand (5,000, say).
"""

from __future__ import annotations

import json
import math
import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402 - after the importorskip above
from hypothesis import strategies as st  # noqa: E402 - after the importorskip above

EXAMPLES = int(os.environ.get("CXMATURITY_FUZZ_EXAMPLES", "300"))
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}

TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary", "!!set", "!!omap",
        "!!map", "!!seq", "!local", "!!python/object:os.system", "!"]
# Plain scalars YAML reads in surprising ways.
TRICKY = ["yes", "no", "on", "~", "null", "0x1F", "0o17", "1e400", "-1e400", ".nan", ".inf", "-.inf",
          "2026-13-45", "2026-01-01", "2026-01-01T10:00:00Z", "10_25", "1_000", "0", "-0", "00",
          "99999999999999999999999", "'quoted'", '"x\\ty"', "''", "[]", "{}", "&a x", "*a", "<<",
          "|", ">", "@", "`", "%", "- x", "? x", ": x", "#", "x #y", "\\u0000"]


class Raw:
    """Text emitted as it is (a plain scalar or a tagged one), not as a JSON string."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def emit(value) -> str:
    """YAML flow text for `value`: JSON, plus `Raw` pieces as they are."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{emit(k) if isinstance(k, Raw) else json.dumps(str(k))}: {emit(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(emit(v) for v in value) + "]"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    return json.dumps(value)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(), st.text(max_size=20), st.sampled_from(TRICKY).map(Raw),
    st.sampled_from(["europe", "heavily", "acquiring", "over_30000", "1001_3000", "agree", "en", "fr",
                     "answered", "skipped", "not_applicable", "dont_know", "cx-ai-2018"]),
)
tagged = st.builds(lambda tag, v: Raw(f"{tag} {emit(v)}"), st.sampled_from(TAGS), scalars)
leaf = st.one_of(scalars, tagged)
values = st.recursive(
    leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                  st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


def fitting(question) -> st.SearchStrategy:
    """A value that fits `question` (an option, options, a number in range, text)."""
    ids = question.option_ids
    if question.type in ("single", "band"):
        return st.sampled_from(ids)
    if question.type == "multi":
        return st.lists(st.sampled_from(ids), max_size=len(ids), unique=True)
    if question.type in ("scale", "number"):
        low = int(question.min) if question.min is not None else -10
        high = int(question.max) if question.max is not None else 10_000
        return st.integers(low, high)
    return st.text(max_size=30)


@st.composite
def answers(draw, questions, rough: bool):
    out = {}
    for question in draw(st.lists(st.sampled_from(questions), max_size=len(questions), unique_by=lambda q: q.id)):
        kind = draw(st.integers(0, 5 if rough else 1))
        if kind == 0:  # a bare value that fits
            out[question.id] = draw(fitting(question))
        elif kind == 1:  # a full answer that fits, or a state without a value
            state = draw(st.sampled_from(["answered", "answered", "skipped", "not_applicable", "dont_know"]))
            answer = {"state": state}
            if state == "answered":
                answer["value"] = draw(fitting(question))
            if draw(st.booleans()):
                answer["note"] = draw(st.text(max_size=20))
                answer["note_private"] = draw(st.booleans())
            out[question.id] = answer
        elif kind == 2:  # any value at all
            out[question.id] = draw(values)
        elif kind == 3:  # a full answer, each field any value
            fields = {"state": draw(st.one_of(st.sampled_from(["answered", "skipped", "not_applicable",
                                                                "dont_know"]), values)),
                      "value": draw(values)}
            for extra in draw(st.lists(st.sampled_from(["note", "note_private", "at", "junk"]), max_size=3)):
                fields[extra] = draw(values)
            out[question.id] = fields
        else:  # a value of the wrong kind, but a plausible one
            out[question.id] = draw(st.one_of(st.sampled_from(["europe", "heavily", "over_2y", "agree", "up"]),
                                              st.lists(st.sampled_from(["align_strategy", "formal_metrics"]),
                                                       max_size=3),
                                              st.integers(-5, 200), st.floats(allow_nan=True)))
    if rough:
        for _ in range(draw(st.integers(0, 2))):  # ids the questionnaire does not have
            out[draw(st.text(max_size=12))] = draw(values)
    return out


@st.composite
def documents(draw, questions):
    # A third of the documents are well formed, so that scoring itself is fuzzed too.
    rough = draw(st.integers(0, 2)) > 0
    doc = {
        "format": 1,
        "tool_version": "0.1.0",
        "questionnaire": {"id": "cx-ai-2018", "version": 1},
        "company": {"id": "fuzz-co", "name": draw(st.text(min_size=1, max_size=20)) if rough else "Fuzz Co"},
        "language": draw(st.sampled_from(["en", "fr"])),
        "created": Raw("2026-01-01T10:00:00Z"),
        "answers": draw(answers(questions, rough)),
    }
    for _ in range(draw(st.integers(0, 3)) if rough else 0):  # break the structure somewhere
        path = draw(st.sampled_from([("format",), ("tool_version",), ("questionnaire",), ("questionnaire", "id"),
                                     ("questionnaire", "version"), ("company",), ("company", "id"),
                                     ("company", "name"), ("language",), ("created",), ("answers",),
                                     ("extra",)]))
        target = doc
        for part in path[:-1]:
            target = target.setdefault(part, {}) if isinstance(target.get(part), dict) else target
        if draw(st.booleans()) and path[-1] in target:
            del target[path[-1]]
        else:
            target[path[-1]] = draw(values)
    text = emit(doc)
    if draw(st.booleans()):  # the block style hand-written files use, for the top level
        text = "\n".join(f"{json.dumps(k)}: {emit(v)}" for k, v in doc.items()) + "\n"
    return text


@pytest.fixture(scope="module")
def setup():
    from cxmaturity import cli
    from cxmaturity.plugin_host import catalog
    from cxmaturity.plugin_host.manager import load_registry

    registry = load_registry([])
    questionnaire = catalog.find("cx-ai-2018", registry=registry)
    return registry, questionnaire.questions, cli


def test_fuzzed_assessments_never_crash_validate_or_score(setup, tmp_path_factory, monkeypatch):
    from typer.testing import CliRunner

    from cxmaturity.cli.options import Sources

    registry, questions, cli = setup
    # The plugins are not what is fuzzed: load them once, not once per example.
    monkeypatch.setattr(Sources, "registry", lambda self: registry)
    folder = tmp_path_factory.mktemp("fuzz")
    runner = CliRunner()

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(documents(questions))
    def check(text):
        path = folder / "fuzzed.yaml"
        path.write_text(text, encoding="utf-8")
        for command in (["validate", str(path)], ["score", str(path)], ["score", str(path), "--format", "json"]):
            result = runner.invoke(cli.app, command, env=ENV, catch_exceptions=False)
            assert result.exit_code in (0, 1), (command, text, result.output)
            if result.exit_code == 1:
                lines = [ln for ln in result.output.split("\n") if ln.strip()]  # a control character is no line break
                assert lines, (command, text)
                assert "Traceback" not in result.output
                if command[0] == "score":
                    assert all(ln.startswith(f"Error: {path}") for ln in lines), (text, result.output)

    check()
