"""The column path of `cxmaturity batch` equals the one-assessment pipeline, row for row.

`batch` scores plain documents column by column (cxmaturity/batch/columns.py) and every other
one through `evaluate`. These tests hold the two equal over many generated assessments, with
the answer states, shapes and gaps real files have, and check that a document the column path
must not take (anything `Assessment` or `check_assessment` would refuse, or read otherwise) is
left to the row path, which then says what is wrong as `score` does.
"""

from __future__ import annotations

import json
import random

import pytest
from generate import assessments as generated

from cxmaturity.batch.plain import plain
from cxmaturity.batch.readers import Record
from cxmaturity.batch.rows import Scored, Settings, _by_rows, columns, score_chunk, setup

STATES = ("skipped", "not_applicable", "dont_know")


def _varied(docs: list[dict], seed: int) -> list[dict]:
    """The documents with what real files hold besides: the other answer states, bare values,
    notes, missing answers and times, no AI tool in service (the outcomes gate closed),
    "not applicable" on whole roadmap phases."""
    rng = random.Random(seed)
    out = []
    for doc in docs:
        doc = json.loads(json.dumps(doc))
        answers = doc["answers"]
        for qid in list(answers):
            roll = rng.random()
            if roll < 0.06:
                answers[qid] = {"state": rng.choice(STATES)}
            elif roll < 0.09:
                del answers[qid]
            elif roll < 0.12 and "value" in answers[qid]:
                answers[qid] = answers[qid]["value"]  # the bare form of hand-written files
            elif roll < 0.14:
                answers[qid] = {**answers[qid], "note": "seen on site", "note_private": rng.random() < 0.5}
        if rng.random() < 0.15:  # no AI tool in service
            for qid in list(answers):
                if qid.startswith("tools.") and qid.endswith(".tenure"):
                    answers[qid] = {"state": "answered", "value": "none"}
        if rng.random() < 0.1:
            for qid in list(answers):
                if qid.startswith("practices."):
                    answers[qid] = {"state": "not_applicable"}
        if rng.random() < 0.1:
            doc.pop("updated", None)
        if rng.random() < 0.05:
            doc.pop("created", None)
        if rng.random() < 0.05:
            doc["language"] = "fr"
        out.append(doc)
    return out


def _both(docs: list[dict]) -> tuple[Scored, list]:
    settings = Settings()
    _, dims, cohorts = columns(settings)
    records = [Record("in.jsonl", i + 1, raw=json.dumps(d).encode()) for i, d in enumerate(docs)]
    by_columns = score_chunk(records, settings)
    by_rows = _by_rows(records, setup(settings), settings, dims, cohorts, Scored())
    return by_columns, by_rows


@pytest.mark.parametrize("seed", [3, 11, 2026])
def test_every_column_row_equals_the_row_pipeline_field_by_field(seed):
    docs = _varied(list(generated(250, seed=seed)), seed)
    plan = setup(Settings()).plan({"id": "cx-ai-2018", "version": 1})
    assert plan is not None, "the built-in scorers all add up column by column"
    assert sum(plain(d, plan.codes) is not None for d in docs) == len(docs), "every varied document is plain"
    by_columns, by_rows = _both(docs)
    assert by_columns.count == len(docs) and not by_columns.errors
    for row, expected in zip(by_columns.rows, by_rows, strict=True):
        expected = dict(expected, scored_row_by_row=None)  # no scorer runs row by row here
        differs = {k: (row.get(k), expected.get(k)) for k in expected if row.get(k) != expected.get(k)}
        assert not differs, f"line {row['line']}: {differs}"


def test_the_varied_documents_reach_every_branch_of_the_judgement():
    """The generated set is not a toy: it holds every stage, held-back stages, open questions,
    provisional dimensions, every playbook, and each verdict against each cohort."""
    docs = _varied(list(generated(250, seed=11)), 11)
    table = score_chunk([Record("x", i, raw=json.dumps(d).encode()) for i, d in enumerate(docs)], Settings()).columns
    assert len(set(table["stage"])) >= 4
    assert any(table["held_back"]) and any(table["provisional"]) and max(table["open_questions"]) > 0
    assert len({p for p in table["playbook"] if p}) >= 3
    for verdict in ("ahead", "level", "behind"):
        assert sum(sum(v) for k, v in table.items() if k.endswith(f".{verdict}")) > 0, verdict


def _doc(**changes):
    doc = next(iter(generated(1, seed=5)))
    doc.update(changes)
    return doc


def _answer(doc, qid, answer):
    return dict(doc, answers={**doc["answers"], qid: answer})


NOT_PLAIN = {
    "an unknown key": lambda d: dict(d, colour="blue"),
    "format true": lambda d: dict(d, format=True),
    "version as text": lambda d: dict(d, questionnaire={"id": "cx-ai-2018", "version": "1"}),
    "a company id that is not an id": lambda d: dict(d, company={"id": "Acme Corp", "name": "Acme"}),
    "an empty company name": lambda d: dict(d, company={"id": "acme", "name": ""}),
    "an unknown language": lambda d: dict(d, language="de"),
    "an unknown question": lambda d: _answer(d, "invest.quantum", "heavily"),
    "an unknown option": lambda d: _answer(d, "invest.front_office", {"state": "answered", "value": "lavishly"}),
    "a boolean value": lambda d: _answer(d, "invest.front_office", True),
    "a list for one option": lambda d: _answer(d, "invest.front_office", ["heavily"]),
    "an option listed twice": lambda d: _answer(d, "sentiment.uses", ["voice", "voice"]),
    "an answered question without value": lambda d: _answer(d, "invest.front_office", {"state": "answered"}),
    "a skipped question with a value": lambda d: _answer(d, "invest.front_office",
                                                          {"state": "skipped", "value": "heavily"}),
    "an unknown state": lambda d: _answer(d, "invest.front_office", {"state": "maybe"}),
    "an extra answer key": lambda d: _answer(d, "invest.front_office", {"value": "heavily", "why": "x"}),
    "a note that is a number": lambda d: _answer(d, "invest.front_office", {"value": "heavily", "note": 3}),
    "note_private as text": lambda d: _answer(d, "invest.front_office", {"value": "heavily", "note_private": "yes"}),
    "a mapping as value": lambda d: _answer(d, "invest.front_office", {"value": {"a": 1}}),
    "a null answer": lambda d: _answer(d, "invest.front_office", None),
}


@pytest.mark.parametrize("case", sorted(NOT_PLAIN))
def test_what_the_column_path_must_not_take_goes_to_the_row_path(case):
    plan = setup(Settings()).plan({"id": "cx-ai-2018", "version": 1})
    doc = NOT_PLAIN[case](_doc())
    assert plain(doc, plan.codes) is None
    by_columns, by_rows = _both([doc])
    one = Scored()
    expected = _by_rows([Record("in.jsonl", 1, raw=json.dumps(doc).encode())], setup(Settings()), Settings(),
                        *columns(Settings())[1:], one)
    assert by_columns.errors == one.errors
    assert by_columns.rows == [r for r in expected if r is not None]


@pytest.mark.parametrize("stamp, refused", [
    ("2024-02-30T10:00:00Z", True),  # no such day: pydantic refuses it
    ("2024-02-29T10:00:00Z", False),  # a leap day, past the one pattern, read by pydantic
    ("2024-05-01T10:00:00+02:00", False),
    ("yesterday", True),
])
def test_answer_times_are_read_as_pydantic_reads_them(stamp, refused):
    doc = _answer(_doc(), "invest.front_office", {"state": "answered", "value": "heavily", "at": stamp})
    by_columns, by_rows = _both([doc])
    if refused:
        assert by_columns.count == 0 and "at" in by_columns.errors[0]["reason"]
    else:
        assert by_columns.rows[0]["stage"] == by_rows[0]["stage"] and not by_columns.errors
