"""`cxmaturity batch`: many assessments from one file, each row equal to what `score` gives it."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
from conftest import DATA
from generate import assessments as generated
from generate import to_yaml

N = 40


@pytest.fixture(scope="module")
def docs():
    return list(generated(N, seed=11))


@pytest.fixture(scope="module")
def expected(docs, tmp_path_factory):
    """The single-assessment pipeline's result of every generated assessment, read from its
    YAML file as `score` reads it."""
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.formats.loader import load_assessment
    from cxmaturity.plugin_host.manager import load_registry

    folder = tmp_path_factory.mktemp("yaml")
    registry = load_registry()
    questionnaire = find("cx-ai-2018")
    out = []
    for i, doc in enumerate(docs):
        path = folder / f"{i:03d}.yaml"
        path.write_text(to_yaml(doc), encoding="utf-8")
        out.append(evaluate(load_assessment(path, questionnaire), questionnaire, registry))
    return out


def _jsonl(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _same_as_result(row, result):
    """Every field of the batch row against the result document, field by field."""
    o = result.overall
    assert row["company_id"] == result.company.id and row["company_name"] == result.company.name
    assert row["stage"] == o.stage
    assert row["best_stage"] == (o.best_stage or o.stage)
    assert row["score"] == o.score and row["score_high"] == (o.high if o.high is not None else o.score)
    assert row["coverage"] == o.coverage and row["open_questions"] == o.open
    assert row["held_back"] == (o.held_back.stage if o.held_back else None)
    assert row["weakest"] == o.weakest
    assert (row["provisional"] or "") == "|".join(o.provisional)
    for d in result.dimensions:
        assert row[f"dim.{d.id}"] == d.score, d.id
        assert row[f"dim.{d.id}.low"] == d.low and row[f"dim.{d.id}.high"] == d.high, d.id
        assert row[f"dim.{d.id}.answered"] == d.coverage.answered and row[f"dim.{d.id}.asked"] == d.coverage.asked
    assert row["playbook"] == (result.roadmap.playbook if result.roadmap else None)
    assert row["phase"] == (result.roadmap.current if result.roadmap else None)
    counts = Counter((p.cohort, p.verdict) for p in result.placements)
    members = {m.id for m in result.cohorts}
    for key, value in row.items():
        if key.startswith("cohort."):
            _, cohort, verdict = key.split(".")
            assert value == (counts.get((cohort, verdict), 0) if cohort in members else None), key


def test_every_row_equals_the_single_assessment_pipeline(cli, tmp_path, docs, expected):
    source = _jsonl(tmp_path / "in.jsonl", docs)
    result = cli("batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--chunk", "7")
    assert result.exit_code == 0, result.stderr
    rows = _rows(tmp_path / "out.jsonl")
    assert [r["line"] for r in rows] == list(range(1, N + 1))
    for row, res in zip(rows, expected, strict=True):
        _same_as_result(row, res)
    assert not (tmp_path / "out.errors.csv").exists()
    assert f"Scored {N} assessments into" in result.stderr


def test_placements_in_long_form_match_the_result(cli, tmp_path, docs, expected):
    source = _jsonl(tmp_path / "in.jsonl", docs[:5])
    assert cli("batch", str(source), "-o", str(tmp_path / "out.csv"), "--placements",
               str(tmp_path / "p.jsonl")).exit_code == 0
    long = _rows(tmp_path / "p.jsonl")
    for i, res in enumerate(expected[:5], start=1):
        mine = [(p["cohort"], p["question"], p["verdict"]) for p in long if p["line"] == i]
        assert mine == [(p.cohort, p.question, p.verdict) for p in res.placements]


def test_a_bad_row_goes_to_the_errors_file_and_the_batch_goes_on(cli, tmp_path, docs):
    broken = dict(docs[1], answers={**docs[1]["answers"], "invest.front_office": {"state": "answered",
                                                                                   "value": "lavishly"}})
    lines = [json.dumps(docs[0]), "{not json", json.dumps(broken), json.dumps([1, 2]), json.dumps(docs[2])]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    with open(tmp_path / "out.csv", encoding="utf-8") as f:
        assert [r["line"] for r in csv.DictReader(f)] == ["1", "5"]
    with open(tmp_path / "out.errors.csv", encoding="utf-8") as f:
        errors = list(csv.DictReader(f))
    assert [e["line"] for e in errors] == ["2", "3", "4"]
    assert "not valid JSON" in errors[0]["reason"]
    assert "invest.front_office" in errors[1]["reason"] and "lavishly" in errors[1]["reason"]
    assert "3 rows failed" in result.stderr and "out.errors.csv" in result.stderr
    french = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "fr.csv"), "--lang", "fr")
    assert "3 lignes en erreur" in french.stderr and "2 évaluations notées" in french.stderr


def test_french_survey_export_scores_every_row_through_the_map(cli, tmp_path):
    result = cli("batch", str(DATA / "survey-export-fr.csv"), "--map", str(DATA / "survey-export-fr.map.yaml"),
                 "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1  # the one malformed line
    rows = _rows(tmp_path / "out.jsonl")
    assert len(rows) == 12 and all(r["stage"] and r["score"] is not None for r in rows)
    assert all(r["company_id"].startswith("rep-") and r["assessed"] for r in rows)
    with open(tmp_path / "out.errors.csv", encoding="utf-8") as f:
        [error] = list(csv.DictReader(f))
    assert error["line"] == "9" and "52 cells where the header has 50" in error["reason"]


def test_the_export_gives_the_same_rows_as_the_assessments_it_came_from(cli, tmp_path):
    # The sample export was made from these generated assessments (seed 7), labels in French.
    docs = list(generated(12, seed=7, repeat_share=0))
    for d in docs:
        d["company"]["id"] = d["company"]["id"].replace("gen", "rep")
    _jsonl(tmp_path / "in.jsonl", docs)
    assert cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "a.jsonl")).exit_code == 0
    cli("batch", str(DATA / "survey-export-fr.csv"), "--map", str(DATA / "survey-export-fr.map.yaml"),
        "-o", str(tmp_path / "b.jsonl"))
    keep = lambda r: {k: v for k, v in r.items() if k not in ("source", "line", "assessed")}  # noqa: E731
    assert [keep(r) for r in _rows(tmp_path / "b.jsonl")] == [keep(r) for r in _rows(tmp_path / "a.jsonl")]


def test_a_map_naming_an_unknown_option_is_a_located_error(cli, tmp_path):
    bad = tmp_path / "map.yaml"
    bad.write_text('columns:\n  "Q": invest.front_office\nanswers:\n  invest.front_office:\n    "Beaucoup": lots\n')
    result = cli("batch", str(DATA / "survey-export-fr.csv"), "--map", str(bad), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 1 and f"Error: {bad}:5" in result.stderr and "'lots' is no option" in result.stderr


def test_wide_csv_spelling_of_multi_and_states(cli, tmp_path):
    (tmp_path / "w.csv").write_text(
        "company.id,invest.front_office,tools.sentiment.tenure,sentiment.uses,strategy.proximity\n"
        "acme,heavily,over_2y,structured|voice,#dont_know\n", encoding="utf-8")
    assert cli("batch", str(tmp_path / "w.csv"), "-o", str(tmp_path / "o.jsonl"),
               "--placements", str(tmp_path / "p.jsonl")).exit_code == 0
    [row] = _rows(tmp_path / "o.jsonl")
    assert row["company_id"] == "acme" and row["dim.sentiment.answered"] >= 1
    uses = [p for p in _rows(tmp_path / "p.jsonl") if p["question"] == "sentiment.uses"]
    assert uses, "the multi answer was read"


def test_parquet_in_and_out_and_stdin(cli, tmp_path, docs):
    pq = pytest.importorskip("pyarrow.parquet")
    source = _jsonl(tmp_path / "in.jsonl", docs[:6])
    assert cli("batch", str(source), "-o", str(tmp_path / "out.parquet")).exit_code == 0
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 6 and table.schema.field("score").type == "double"
    piped = cli("batch", "-", "--input-format", "jsonl", "-o", "-", input=source.read_text())
    assert piped.exit_code == 0
    from_stdin = [json.loads(line) for line in piped.stdout.splitlines()]
    assert [r["score"] for r in from_stdin] == table.column("score").to_pylist()
    # Wide Parquet in: the rows of a CSV export, saved as Parquet, score the same.
    import pyarrow.csv as pcsv

    wide = pcsv.read_csv(DATA / "survey-export-fr.csv", parse_options=pcsv.ParseOptions(
        invalid_row_handler=lambda row: "skip"))
    pq.write_table(wide, tmp_path / "export.parquet")
    assert cli("batch", str(tmp_path / "export.parquet"), "--map", str(DATA / "survey-export-fr.map.yaml"),
               "-o", str(tmp_path / "w.jsonl")).exit_code == 0
    assert len(_rows(tmp_path / "w.jsonl")) == 12


def test_a_plugin_scorer_without_batch_method_runs_row_by_row_with_the_same_numbers(cli, tmp_path, docs):
    source = _jsonl(tmp_path / "in.jsonl", docs[:8])
    result = cli("batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--plugins-dir",
                 str(DATA / "plugins" / "good"))
    assert result.exit_code == 0, result.stderr
    assert "Scored row by row (no batch method): echo" in result.stderr
    for i, row in enumerate(_rows(tmp_path / "out.jsonl")):
        assert "echo" in row["scored_row_by_row"].split("|")
        (tmp_path / "one.yaml").write_text(to_yaml(docs[i]), encoding="utf-8")
        single = json.loads(cli("score", str(tmp_path / "one.yaml"), "--format", "json", "--plugins-dir",
                                str(DATA / "plugins" / "good")).stdout)
        [echo] = [d for d in single["dimensions"] if d["id"] == "echo"]
        assert row["dim.echo"] == echo["score"] and row["score"] == single["overall"]["score"]


def test_batch_method_equals_score_for_every_builtin_question_scorer(docs):
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.formats.models import Assessment
    from cxmaturity.plugin_host.manager import load_registry
    from cxmaturity.plugin_host.scorer_contract import ScoringContext

    registry, q = load_registry(), find("cx-ai-2018")
    contexts = [ScoringContext(assessment=Assessment.model_validate(d), questionnaire=q) for d in docs]
    batched = 0
    for scorer in registry.scorers:
        got = scorer.score_batch(contexts) if hasattr(scorer, "score_batch") else [None] * len(contexts)
        for ctx, found in zip(contexts, got, strict=True):
            if found is not None:
                batched += 1
                assert [f.model_dump() for f in found] == [f.model_dump() for f in scorer.score(ctx)]
    assert batched >= 5 * len(contexts)


def test_cohorts_build_from_batch_input_equals_the_yaml_folder(cli, tmp_path, docs):
    folder = tmp_path / "yaml"
    folder.mkdir()
    for i, d in enumerate(docs):
        (folder / f"{i:03d}.yaml").write_text(to_yaml(d), encoding="utf-8")
    _jsonl(tmp_path / "all.jsonl", docs)
    a = cli("cohorts", "build", str(folder), "-o", str(tmp_path / "a.yaml"), "--min-size", "5")
    b = cli("cohorts", "build", str(tmp_path / "all.jsonl"), "-o", str(tmp_path / "b.yaml"), "--min-size", "5")
    assert a.exit_code == 0 and b.exit_code == 0, b.stderr
    assert (tmp_path / "a.yaml").read_text() == (tmp_path / "b.yaml").read_text()
    text = (tmp_path / "b.yaml").read_text()
    assert not any(d["company"]["name"] in text for d in docs)


def test_unknown_output_suffix_and_engine_are_user_errors(cli, tmp_path, docs):
    source = _jsonl(tmp_path / "in.jsonl", docs[:1])
    bad = cli("batch", str(source), "-o", str(tmp_path / "out.xlsx"))
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: ") and ".csv, .jsonl or .parquet" in bad.stderr
    engine = cli("batch", str(source), "-o", str(tmp_path / "o.csv"), "--engine", "spark")
    assert engine.exit_code == 1 and "unknown engine 'spark'" in engine.stderr


def _blocks(kind):
    import re

    from conftest import ROOT

    text = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    return re.findall(rf"```{kind}\n(.*?)```", text, re.S)


def test_the_docs_map_is_a_valid_map_and_agrees_with_the_sample(tmp_path):
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.batch.column_map import load
    from cxmaturity.formats.yamlio import parse

    [block] = _blocks("yaml")
    (tmp_path / "m.yaml").write_text(block, encoding="utf-8")
    shown = load(tmp_path / "m.yaml", find("cx-ai-2018"))
    sample = parse((DATA / "survey-export-fr.map.yaml").read_text(encoding="utf-8"), "sample")
    assert all(sample["columns"][k] == v for k, v in shown.columns.items())
    assert shown.answers == sample["answers"] and shown.states == sample["states"]


def test_the_docs_wide_csv_scores(cli, tmp_path):
    [block] = _blocks("csv")
    (tmp_path / "w.csv").write_text(block, encoding="utf-8")
    assert cli("batch", str(tmp_path / "w.csv"), "-o", str(tmp_path / "o.jsonl")).exit_code == 0
    [row] = _rows(tmp_path / "o.jsonl")
    assert row["company_name"] == "Acme"


def test_a_survey_export_on_standard_input(cli, tmp_path):
    result = cli("batch", "-", "--input-format", "csv", "--map", str(DATA / "survey-export-fr.map.yaml"),
                 "-o", str(tmp_path / "o.csv"), "--errors", str(tmp_path / "e.csv"),
                 input=(DATA / "survey-export-fr.csv").read_text(encoding="utf-8"))
    assert result.exit_code == 1
    with open(tmp_path / "e.csv", encoding="utf-8") as f:
        assert [(e["source"], e["line"]) for e in csv.DictReader(f)] == [("<stdin>", "9")]
    with open(tmp_path / "o.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 12
    no_format = cli("batch", "-", "-o", str(tmp_path / "x.csv"), input="")
    assert no_format.exit_code == 1 and "--input-format" in no_format.stderr


def test_a_failing_plugin_is_fatal_under_strict_and_named_otherwise(cli, tmp_path, docs):
    source = _jsonl(tmp_path / "in.jsonl", docs[:3])
    plugins = str(DATA / "plugins" / "raises_in_score")
    strict = cli("batch", str(source), "-o", str(tmp_path / "s.jsonl"), "--plugins-dir", plugins, "--strict")
    assert strict.exit_code == 1 and strict.stderr.startswith("Error: ") and "failed in score" in strict.stderr
    lenient = cli("batch", str(source), "-o", str(tmp_path / "l.jsonl"), "--plugins-dir", plugins)
    assert lenient.exit_code == 0 and len(_rows(tmp_path / "l.jsonl")) == 3
    assert "Warning: plugin" in lenient.stderr and "failed in score" in lenient.stderr


def test_csv_lines_stay_right_across_many_blocks_with_bad_rows(tmp_path):
    import random

    from cxmaturity.batch.readers import _csv_rows

    rng = random.Random(1)
    lines, bad = ["company.id,invest.front_office"], set()
    for n in range(2, 3000):
        if rng.random() < 0.05:
            lines.append(f"c{n},heavily,extra")
            bad.add(n)
        else:
            lines.append(f"c{n},heavily")
    (tmp_path / "m.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(_csv_rows(tmp_path / "m.csv", 4096))  # small blocks: dozens of record batches
    assert [n for n, _ in got] == list(range(2, 3000))
    for n, cells in got:
        assert isinstance(cells, str) if n in bad else cells["company.id"] == f"c{n}"


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_spans_read_on_workers_give_the_lines_read_gives(tmp_path, size):
    """`--engine dask` has the workers read their own runs of a JSON Lines file: the same
    records, numbered the same, blank lines and a last line without its end included."""
    from cxmaturity.api import find_questionnaire
    from cxmaturity.batch.readers import read, spans

    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"a": 1}\n\n{"b": 2}\r\n' * 7 + b'{"c": 3}')
    runs = list(spans(str(path), size))
    mine = [(r.line, r.raw.rstrip()) for run in runs for r in run.records()]
    theirs = [(r.line, r.raw.rstrip()) for chunk in read(str(path), find_questionnaire("cx-ai-2018"), size=size)
              for r in chunk]
    assert mine == theirs and mine[-1] == (22, b'{"c": 3}')
    assert all(run.end - run.start > 0 for run in runs)


def test_an_existing_output_is_replaced_only_with_force(cli, tmp_path, docs):
    source = _jsonl(tmp_path / "in.jsonl", docs[:2])
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")
    refused = cli("batch", str(source), "-o", str(out))
    assert refused.exit_code == 1 and "already exists; add --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "kept\n"
    (tmp_path / "out.errors.csv").write_text("old\n", encoding="utf-8")
    assert "out.errors.csv already exists" in cli("batch", str(source), "-o", str(tmp_path / "new.csv"),
                                                  "--errors", str(tmp_path / "out.errors.csv")).stderr
    assert cli("batch", str(source), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith('"source"')


def test_a_missing_input_leaves_no_output_behind(cli, tmp_path):
    out = tmp_path / "out.csv"
    result = cli("batch", str(tmp_path / "missing.jsonl"), "-o", str(out))
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "no such file" in result.stderr
    assert not out.exists()
    unknown = cli("batch", str(tmp_path / "in.txt"), "-o", str(out))
    assert unknown.exit_code == 1 and "cannot tell the format" in unknown.stderr and not out.exists()
