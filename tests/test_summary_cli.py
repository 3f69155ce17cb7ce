# ruff: noqa: E501 -- expected output reads best on one line each
"""`score` shows the summary, `explain` the arithmetic: every example, both languages, 80 columns
and no colour. Snapshots of each whole summary live in tests/snapshots/ (UPDATE_SNAPSHOTS=1
rewrites them; read the diff before committing)."""

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cxmaturity.cli import app
from cxmaturity.render.sources import source_words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "assessments").glob("*.yaml"))
SNAPSHOTS = Path(__file__).parent / "snapshots"
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV, catch_exceptions=False)
    return result


def flat(text):
    return re.sub(r"[\s│╭╮╰╯─]+", " ", text).replace("\u00a0", " ")


def language_of(path):
    return re.search(r"^language: (\w+)", path.read_text(), re.M).group(1)


WORDS = {
    "en": [
        "AI in customer experience: maturity summary",
        "Cohorts compared",
        "Maturity stage",
        "Overall stage",
        "Against the survey cohorts",
        "Roadmap",
        "Playbook:",
        "What is missing",
        "Plugins",
        "the tool's own model",
        "Cohorts:",
    ],
    "fr": [
        "L'IA dans l'expérience client : synthèse de maturité",
        "Cohortes de comparaison",
        "Stade de maturité",
        "Stade global",
        "Face aux cohortes de l'enquête",
        "Feuille de route",
        "Modèle de feuille de route :",
        "Ce qui manque",
        "Extensions",
        "modèle propre de l'outil",
        "Cohortes :",
    ],
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_summary_of_each_example_in_both_languages(path, lang):
    r = run("score", path, "--lang", lang)
    assert r.exit_code == 0, r.output
    out = r.output
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out and "\x1b[" not in out
    text = flat(out)
    for needle in WORDS[lang]:
        assert needle in text, needle
    other = "fr" if lang == "en" else "en"
    for needle in WORDS[other][1:6]:
        assert needle not in text, needle
    doc = json.loads(run("score", path, "--format", "json").output)
    assert doc["company"]["name"] in text
    # every dimension with its score, the overall score, every missing answer's state
    for d in doc["dimensions"]:
        score = "—" if d["score"] is None else f"{d['score']:g}"
        assert (score.replace(".", ",") if lang == "fr" else score) in text
        assert d["label"][lang] in text or d["label"][lang][:20] in text
    counts = {
        s: sum(1 for m in doc["missing"] if m["state"] == s)
        for s in ("skipped", "not_applicable", "dont_know", "unanswered")
    }
    if doc["missing"]:
        word = {
            "en": "Skipped {skipped} · not applicable {not_applicable}",
            "fr": "Passées {skipped} · non applicables {not_applicable}",
        }[lang]
        assert word.format(**counts) in text
    if doc["roadmap"]:
        assert doc["roadmap"]["title"][lang] in text
    for p in doc["placements"]:
        verdict = {
            "en": {"ahead": "ahead", "level": "level", "behind": "behind", "no_benchmark": "no benchmark"},
            "fr": {
                "ahead": "en avance",
                "level": "au niveau",
                "behind": "en retard",
                "no_benchmark": "pas de référence",
            },
        }[lang][p["verdict"]]
        assert verdict in text
        if p["source"]:
            assert source_words(p["source"], lang) in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_snapshot_of_each_summary(path):
    out = run("score", path).output
    snap = SNAPSHOTS / f"{path.stem}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        snap.write_text(out)
    assert snap.exists(), f"no snapshot {snap.name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert out == snap.read_text()


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=lambda p: p.stem)
def test_markdown_has_the_same_sections(path):
    r = run("score", path, "--format", "markdown", "--lang", "en")
    assert r.exit_code == 0
    md = r.output
    for title in (
        "# AI in customer experience: maturity summary",
        "## Cohorts compared",
        "## Maturity stage",
        "## Against the survey cohorts",
        "## Roadmap",
        "## What is missing",
        "## Plugins",
        "| Dimension | Score |",
    ):
        assert title in md, title
    assert "the tool's own model" in md


def test_score_rejects_an_unknown_format():
    r = run("score", EXAMPLES[0], "--format", "pdf")
    assert r.exit_code == 2


# --- explain ---------------------------------------------------------------------------------

NUM = r"-?\d+(?:[.,]\d+)?"


def _n(text):
    return float(text.replace(",", "."))


def _step_tables(out):
    """[(steps, sums, (points, max, score))] for each scorer table `explain` prints."""
    tables, steps, inside = [], [], False
    formulas = iter(re.findall(rf"score = 100 × ({NUM}) / ({NUM}) = ({NUM}|—)", out))
    for line in out.splitlines():
        if re.match(r"^\s+─+\s*$", line):
            inside, steps = True, []
            continue
        if not inside:
            continue
        m = re.search(rf"\s({NUM})\s+({NUM})\s*$", line)
        if line.strip().startswith("Sum") and m:
            tables.append((steps, (_n(m.group(1)), _n(m.group(2))), next(formulas)))
            inside = False
        elif m:
            steps.append((_n(m.group(1)), _n(m.group(2))))
    return tables


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_explain_dimension_arithmetic_redone_from_what_it_prints(path):
    doc = json.loads(run("score", path, "--format", "json").output)
    for dim in doc["dimensions"]:
        out = run("explain", path, dim["id"], "--lang", "en").output
        tables = _step_tables(out)
        if dim["score"] is None:
            assert all(f[2] == "—" for _, _, f in tables), out
            continue
        assert tables, out
        scores = []
        for steps, (sum_points, sum_max), (points, most, score) in tables:
            assert steps, out
            # each printed step adds up to the printed sums, which are the formula's inputs
            assert abs(sum(p for p, _ in steps) - sum_points) < 1e-9
            assert abs(sum(m for _, m in steps) - sum_max) < 1e-9
            assert (_n(points), _n(most)) == (sum_points, sum_max)
            assert round(100 * sum_points / sum_max, 1) == _n(score)
            assert all(0 <= p <= m for p, m in steps)
            scores.append(_n(score))
        assert round(sum(scores) / len(scores), 1) == dim["score"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_explain_overall_weighted_mean_redone_from_what_it_prints(path):
    """The guaranteed score and the best case, each redone from the rows explain prints:
    dimension, guaranteed score, weight, weight × score, best, weight × best."""
    out = run("explain", path, "--lang", "en").output
    rows = re.findall(rf"^(.+?)\s+({NUM})\s+({NUM})\s+({NUM})\s+({NUM})\s+({NUM})\s*$", out, re.M)
    body = [tuple(_n(x) for x in row[1:]) for row in rows if row[0].strip() != "Sum"]
    sums = re.findall(rf"^Sum\s+({NUM})\s+({NUM})\s+({NUM})\s*$", out, re.M)
    assert len(sums) == 1 and body, out
    den, num, best = (_n(x) for x in sums[0])
    for s, w, p, b, wb in body:
        assert abs(s * w - p) < 1e-6 and abs(b * w - wb) < 1e-6
        assert s <= b  # the guaranteed score never above the best case
    assert abs(sum(r[1] for r in body) - den) < 1e-9
    assert abs(sum(r[2] for r in body) - num) < 1e-6
    assert abs(sum(r[4] for r in body) - best) < 1e-6
    m = re.search(rf"overall = .* = ({NUM}) / ({NUM}) = ({NUM})", out)
    assert _n(m.group(1)) == num and _n(m.group(2)) == den
    assert round(num / den, 1) == _n(m.group(3))
    b = re.search(rf"best case = .* = ({NUM}) / ({NUM}) = ({NUM})", out)
    assert _n(b.group(1)) == best and round(best / den, 1) == _n(b.group(3))
    doc = json.loads(run("score", path, "--format", "json").output)
    assert _n(m.group(3)) == doc["overall"]["score"] and _n(b.group(3)) == doc["overall"]["high"]
    # each dimension's guaranteed and best scores are the ones the JSON carries
    by = {d["id"]: d for d in doc["dimensions"] if d["weight"] > 0 and d["low"] is not None}
    assert sorted((r[0], r[3]) for r in body) == sorted((d["low"], d["high"]) for d in by.values())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_explain_dimension_worst_and_best_sides_redone(path):
    """A dimension with open questions prints its steps at their worst and best: they add up."""
    doc = json.loads(run("score", path, "--format", "json").output)
    for dim in doc["dimensions"]:
        if not dim["low_steps"] and not dim["high_steps"]:
            continue
        out = run("explain", path, dim["id"], "--lang", "en").output
        for side, key, steps in (("guaranteed", "low", dim["low_steps"]), ("best case", "high", dim["high_steps"])):
            if not steps:
                continue
            m = re.search(rf"^\s+Total\s+({NUM})\s+({NUM})\s*$.*?{side} = 100 × ({NUM}) / ({NUM}) = ({NUM})",
                          out[out.index("worst option" if key == "low" else "best option"):], re.M | re.S)
            assert m, out
            points, most = sum(s["points"] for s in steps), sum(s["max_points"] for s in steps)
            assert (_n(m.group(1)), _n(m.group(2))) == (points, most)
            assert round(100 * points / most, 1) == _n(m.group(5)) == dim[key]


def test_explain_thresholds_and_french():
    path = ROOT / "examples" / "assessments" / "andes-industrial.yaml"
    out = flat(run("explain", path, "investment").output)
    assert "Comment le score" in out and "Seuils des stades (modèle propre de l'outil)" in out
    assert "atteint" in out and "score = 100 ×" in out


def test_explain_unknown_dimension_lists_the_known_ones():
    r = run("explain", EXAMPLES[0], "nope", "--lang", "en")
    assert r.exit_code == 1
    assert re.fullmatch(r"Error: unknown dimension 'nope' \(known: [a-z, ]+\)\n", r.output)
    assert "investment" in r.output
    r = run("explain", EXAMPLES[0], "nope")  # a French assessment: the message is in French
    assert r.exit_code == 1 and r.output.startswith("Error: dimension inconnue « nope »")


def test_assess_ends_with_the_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    example = ROOT / "examples" / "assessments" / "maple-mart.yaml"
    r = run("assess", "--answers", example, "-o", "m.yaml", "--lang", "en")
    assert r.exit_code == 0, r.output
    text = flat(r.output)
    assert "Assessment saved to m.yaml" in text
    assert "AI in customer experience: maturity summary" in text and "Overall stage" in text
    assert "Score it with: cxmaturity score m.yaml" in text
    # the summary is the one `score` gives for the saved file
    assert flat(run("score", tmp_path / "m.yaml").output).split(" Maturity stage ")[1] in text
