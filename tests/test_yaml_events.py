"""The event reader of yamlio.parse gives exactly what the full loader gives, or steps aside."""

from __future__ import annotations

import pytest
from conftest import ROOT
from generate import assessments as generated
from generate import to_yaml

from cxmaturity.formats import yaml_events, yamlio

REPO_FILES = sorted(
    p for folder in ("questionnaires", "benchmarks", "examples", "tests/data")
    for p in (ROOT / folder).rglob("*.y*ml")
)

ODD = {
    "scalars": 'a: 10_25\nb: 0x1F\nc: .inf\nd: ~\ne: yes\nf: 1e3\ng: "1"\nh: |\n  block\n'
               "i: 2026-03-02T10:00:00Z\nj: -0\nk: 0o17\nl: ''\nm:\n",
    "nested": "a: [[1, {b: [2]}], {}]\nc: []\n",
    "sequence": "- 1\n- two\n- 3.5\n- null\n- true\n- 2024-01-01\n",
    "root scalar": "just text\n",
}
STEPS_ASIDE = {
    "duplicate key": "a: 1\na: 2\n",
    "tag": "a: !!str 1\n",
    "anchor": "a: &x 1\nb: 2\n",
    "merge": "a: {b: 1}\n<<: {c: 2}\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "complex key": "? [a, b]\n: 1\n",
    "comment only": "# nothing\n",
}


def _full(text: str):
    try:
        return repr(yaml_events.fast_loader().load(text))
    except Exception as exc:  # the comparison is about outcomes, errors included
        return f"error {type(exc).__name__}"


@pytest.mark.parametrize("path", REPO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_data_as_the_full_loader_on_every_repository_file(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    try:
        got = repr(yaml_events.from_events(text))
    except yaml_events.Unusual:
        return  # the full loader reads it, as before
    except Exception as exc:
        got = f"error {type(exc).__name__}"
    assert got == _full(text)


def test_same_data_on_generated_assessments():
    for data in generated(40, seed=9):
        text = to_yaml(data)
        assert repr(yaml_events.from_events(text)) == _full(text)


@pytest.mark.parametrize("name", sorted(ODD))
def test_same_data_on_odd_scalars_and_shapes(name):
    text = ODD[name]
    try:
        got = repr(yaml_events.from_events(text))
    except Exception as exc:
        got = f"error {type(exc).__name__}"
    assert got == _full(text)


@pytest.mark.parametrize("name", sorted(STEPS_ASIDE))
def test_steps_aside_for_what_only_the_full_loader_handles(name):
    with pytest.raises(yaml_events.Unusual):
        yaml_events.from_events(STEPS_ASIDE[name])


def test_duplicate_key_still_a_located_error():
    from cxmaturity.errors import FileError

    with pytest.raises(FileError) as info:
        yamlio.parse("a: 1\nb: 2\na: 3\n", "dup.yaml")
    assert str(info.value).startswith('dup.yaml:3: YAML syntax: while constructing a mapping: found duplicate key "a"')


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "assessments").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_reads_on_the_c_parser_with_the_same_data(path, monkeypatch):
    # A plain timestamp inside a flow mapping (`{…, at: 2026-01-27T13:02:15Z}`) is YAML 1.2 that
    # libyaml stops at; it is tagged for libyaml instead of falling to the pure-Python parser.
    from ruamel.yaml import YAML

    text = path.read_text(encoding="utf-8")
    expected = YAML(typ="safe", pure=True).load(text)

    def no_pure(*args, **kwargs):
        raise AssertionError("fell back to the pure-Python parser")

    monkeypatch.setattr(yamlio, "YAML",
                        lambda *a, typ=None, pure=False, **k: no_pure() if pure else YAML(typ=typ, pure=False))
    got = yamlio.parse(text, str(path))
    assert got == expected and repr(got) == repr(expected)


@pytest.mark.parametrize("stamp", ["2026-01-27T13:02:15Z", "2026-01-27T13:02:15+01:00", "2026-01-27 13:02:15",
                                   "2026-01-27T13:02:15.25-05:00"])
def test_flow_timestamps_keep_value_and_zone(stamp):
    from ruamel.yaml import YAML

    text = f"answers:\n  a: {{state: answered, at: {stamp}}}\n"
    got, expected = yamlio.parse(text, "t.yaml"), YAML(typ="safe", pure=True).load(text)
    assert got == expected and repr(got) == repr(expected)


def test_json_files_are_read_as_json(tmp_path):
    import json

    from cxmaturity.errors import FileError

    data = {"format": 1, "answers": {"a": {"state": "answered", "value": ["x", "y"]}}}
    assert yamlio.parse(json.dumps(data), "a.json") == data
    with pytest.raises(FileError) as err:
        yamlio.parse('{\n  "format": 1,\n  oops\n}', "b.json")
    assert "b.json:3" in str(err.value.problems[0]) and "not valid JSON" in str(err.value.problems[0])
