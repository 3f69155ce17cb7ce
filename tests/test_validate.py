"""`cxmaturity validate`: every bad input gets a located one-line error and exit code 1."""

from __future__ import annotations

import re

import pytest
from conftest import DATA, EXAMPLES, QUESTIONNAIRES

BAD = DATA / "bad"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<field>[^:]*): (?P<msg>.+)$")

# file, line, field, a piece of the message
CASES = [
    ("wrong-types.yaml", 2, "version", "valid integer"),
    ("wrong-types.yaml", 4, "sections", "at least 1"),
    ("typo-field.yaml", 10, "sections.0.questions.0.txet", "unknown field"),
    ("duplicate-id.yaml", 11, "sections.0.questions.1.id", "duplicate question id 'a.one'"),
    ("later-when.yaml", 11, "sections.0.questions.0.when.q", "not asked before this one"),
    ("unknown-when.yaml", 17, "sections.0.questions.1.when.q", "unknown question 'a.ghost'"),
    ("unknown-when.yaml", 21, "sections.0.questions.2.when.in", "option 'maybe' is not defined"),
    ("unknown-answer.yaml", 6, "answers.invest.nonsense", "unknown question id"),
    ("out-of-options.yaml", 5, "answers.invest.front_office.value", "'hugely' is not an option"),
    ("exclusive-mixed.yaml", 5, "answers.brand.uses.value", "excludes the other options"),
    ("wrong-version.yaml", 2, "questionnaire.version", "does not match 'cx-ai-2018' version 1"),
    ("wrong-questionnaire.yaml", 2, "questionnaire", "unknown questionnaire 'no-such-survey'"),
]


@pytest.mark.parametrize("name,line,field,msg", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_bad_file_is_located(cli, name, line, field, msg):
    result = cli("validate", str(BAD / name))
    assert result.exit_code == 1
    problems = [LINE.match(x) for x in result.stderr.splitlines() if x.startswith(str(BAD))]
    assert all(problems), result.stderr
    hits = [p for p in problems if p["field"] == field and msg in p["msg"]]
    assert hits, result.stderr
    assert int(hits[0]["line"]) == line
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "name,msg",
    [
        ("syntax.yaml", "YAML syntax"),
        ("empty.yaml", "the file is empty"),
        ("binary.yaml", "binary data"),
        ("alias-bomb.yaml", "aliases (*name) are not allowed"),
        ("not-a-mapping.yaml", "not a cxmaturity file"),
        ("no-such-file.yaml", "no such file"),
    ],
)
def test_unreadable_file_gets_one_line(cli, name, msg):
    result = cli("validate", str(BAD / name))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(str(BAD / name)) and msg in first, result.stderr
    assert "Traceback" not in result.output


def test_syntax_error_names_its_line(cli):
    result = cli("validate", str(BAD / "syntax.yaml"))
    assert re.match(rf"^{re.escape(str(BAD / 'syntax.yaml'))}:\d+: YAML syntax", result.stderr)


def test_number_out_of_bounds_checked_against_questionnaire_given_beside_it(cli):
    result = cli("validate", str(BAD / "tiny-questionnaire.yaml"), str(BAD / "number-out-of-range.yaml"))
    assert result.exit_code == 1
    assert "number-out-of-range.yaml:5: answers.staff.count.value: 250 is above the maximum 100" in result.stderr


def test_every_problem_is_reported_not_only_the_first(cli):
    result = cli("validate", str(BAD / "unknown-when.yaml"), str(BAD / "duplicate-id.yaml"))
    assert result.exit_code == 1
    assert "a.ghost" in result.stderr and "maybe" in result.stderr and "duplicate" in result.stderr
    assert "3 problem(s) in 2 of 2 file(s)." in result.stderr


def test_bundled_questionnaires_and_examples_validate(cli):
    files = sorted(QUESTIONNAIRES.glob("*.yaml")) + sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 4
    result = cli("validate", *map(str, files))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("ok  ") == len(files)


def test_failed_validate_changes_nothing_on_disk(cli):
    before = {p: p.read_bytes() for p in BAD.iterdir()}
    cli("validate", *map(str, BAD.iterdir()))
    assert {p: p.read_bytes() for p in BAD.iterdir()} == before
