"""`cxmaturity cohorts build`: a portfolio's own cohort file, its limits, and its round trip."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA, EXAMPLES
from generate import write

from cxmaturity.loader import load, load_assessment, load_questionnaire
from cxmaturity.models import CohortFile


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """80 generated assessments (some companies twice or three times) and one broken file."""
    root = tmp_path_factory.mktemp("clients")
    write(root, 80, seed=21)
    shutil.copy(DATA / "bad" / "syntax.yaml", root / "zz-broken.yaml")
    return root


@pytest.fixture(scope="module")
def built(portfolio, tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "acme.yaml"
    from typer.testing import CliRunner

    from cxmaturity.cli import app

    result = CliRunner().invoke(
        app, ["cohorts", "build", str(portfolio), "-o", str(out), "--name", "Acme Advisory"],
        env={"COLUMNS": "80", "NO_COLOR": "1"}, catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out, result.output


def _latest_per_company(folder):
    q = load_questionnaire("questionnaires/cx-ai-2018.yaml")
    latest = {}
    for path in sorted(folder.glob("gen-*.yaml")):
        a = load_assessment(path, q)
        if a.company.id not in latest or a.updated >= latest[a.company.id].updated:
            latest[a.company.id] = a
    return latest


def test_built_file_has_the_report_format_and_no_names(built, portfolio):
    out, messages = built
    cohort_file = load(out, CohortFile)
    text = out.read_text()
    latest = _latest_per_company(portfolio)
    assert cohort_file.origin == "portfolio"
    assert cohort_file.survey.n == len(latest)  # each company once, by its latest assessment
    dates = sorted(a.updated.date().isoformat() for a in latest.values())
    assert (cohort_file.survey.first, cohort_file.survey.last) == (dates[0], dates[-1])
    assert "Acme Advisory" in cohort_file.title["en"] and "own cohort" in cohort_file.title["en"]
    assert all(f.confidence == "portfolio" for f in cohort_file.figures)
    assert all("(your portfolio)" in c.label["en"] and "(votre portefeuille)" in c.label["fr"]
               for c in cohort_file.cohorts)
    for a in latest.values():
        assert a.company.id not in text and a.company.name not in text
    assert "Skipped 1 file that could not be read as an assessment:" in messages
    assert "zz-broken.yaml:3: YAML syntax" in messages


def test_cohorts_and_member_rules_follow_the_report(built, portfolio):
    out, messages = built
    cohort_file = load(out, CohortFile)
    report = load("benchmarks/cohorts/mit-tr-2018.yaml", CohortFile)
    rules = {c.id: c.member_when for c in report.cohorts}
    latest = _latest_per_company(portfolio)
    europe = [a for a in latest.values() if a.answers["profile.region"].value == "europe"]
    by_id = {c.id: c for c in cohort_file.cohorts}
    assert by_id["acme-advisory-all"].n == len(latest) and by_id["acme-advisory-all"].always_compared
    assert by_id["acme-advisory-europe"].n == len(europe)
    for cohort in cohort_file.cohorts:
        base = cohort.id.removeprefix("acme-advisory-")
        if base != "all":
            assert cohort.member_when == rules[base]
    # A region with fewer than 10 companies is left out, and said so.
    latam = [a for a in latest.values() if a.answers["profile.region"].value == "latin_america"]
    assert len(latam) < 10
    assert "acme-advisory-latin_america" not in by_id
    assert f"left out cohort 'acme-advisory-latin_america': {len(latam)} companies, fewer than 10" in messages


def test_shares_are_the_counts_of_the_latest_assessments(built, portfolio):
    out, _ = built
    cohort_file = load(out, CohortFile)
    latest = _latest_per_company(portfolio)
    figures = {f.id: f for f in cohort_file.figures}
    # An ordered question: a whole distribution adding up to exactly 100.
    dist = figures["acme-advisory-all-invest-front-office"]
    values = [a.answers["invest.front_office"] for a in latest.values()]
    answered = [v.value for v in values if v.state == "answered"]
    for option, share in dist.distribution.items():
        assert share.value == pytest.approx(100 * answered.count(option) / len(answered), abs=0.1)
    assert sum(s.value for s in dist.distribution.values()) == pytest.approx(100, abs=1e-9)
    assert f"{len(answered)} of the {len(latest)} companies" in dist.note["en"]
    # A multi question: one share per option; "none of these" is the worse side.
    chatnlp = figures["acme-advisory-all-sentiment-uses-chat-nlp"]
    uses = [a.answers["sentiment.uses"].value for a in latest.values()
            if "sentiment.uses" in a.answers and a.answers["sentiment.uses"].state == "answered"]
    assert chatnlp.value == pytest.approx(100 * sum("chat_nlp" in u for u in uses) / len(uses), abs=0.1)
    assert figures["acme-advisory-all-sentiment-uses-none"].better == "lower"
    # Questions without an order give no figure (a share would have no better side).
    assert not any(f.question == "profile.industry" for f in cohort_file.figures)


def test_too_few_assessments_refused(cli, tmp_path):
    write(tmp_path / "few", 6, seed=5, repeat_share=0)
    out = tmp_path / "few.yaml"
    result = cli("cohorts", "build", str(tmp_path / "few"), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.startswith("Error: only 6 companies could be read; a cohort needs at least 10")
    assert not out.exists()
    lower = cli("cohorts", "build", str(tmp_path / "few"), "-o", str(out), "--min-size", "5")
    assert lower.exit_code == 0 and out.exists()


def test_examples_alone_are_too_few(cli, tmp_path):
    result = cli("cohorts", "build", str(EXAMPLES), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1
    assert "only 5 companies" in result.output  # six files, Sakura twice


def _expected_percentile(cohort_file: CohortFile, figure_id: str, answer) -> tuple[float, float] | None:
    """Where the built file says a member stands on an ordered question: from the share below
    its option to that plus the share at it. None for a multi question (several figures)."""
    fig = next(f for f in cohort_file.figures if f.id == figure_id)
    if fig.distribution is None:
        return None
    options = list(fig.distribution)
    below = sum(fig.distribution[o].value for o in options[: options.index(answer)])
    return below, below + fig.distribution[answer].value


def _check(cohort_file: CohortFile, p) -> None:
    get = (lambda k: p[k]) if isinstance(p, dict) else (lambda k: getattr(p, k))
    shares = get("shares")
    percentile = shares["percentile"] if isinstance(shares, dict) else shares.percentile
    expected = _expected_percentile(cohort_file, get("figure"), get("answer"))
    if expected is not None:
        assert tuple(percentile) == pytest.approx(expected, abs=0.051)
    else:
        # A multi question: every option's share of the cohort is combined into one picture.
        ids = [f["id"] if isinstance(f, dict) else f.id for f in get("figures")]
        on_question = [f.id for f in cohort_file.figures
                       if f.question == get("question") and f.cohort == get("cohort")]
        assert ids == on_question
        assert 0 <= percentile[0] <= percentile[1] <= 100


def test_round_trip_members_placed_by_the_shares_the_file_holds(cli, built, portfolio):
    """Each company of the portfolio, scored with the built file as --cohorts, is placed at the
    percentile interval the file's own shares give for its answer, in exactly the cohorts it
    belongs to."""
    from cxmaturity.evaluate import evaluate
    from cxmaturity.plugins import load_registry

    out, _ = built
    cohort_file = load(out, CohortFile)
    mine = {c.id for c in cohort_file.cohorts}
    q = load_questionnaire("questionnaires/cx-ai-2018.yaml")
    registry = load_registry(cohorts=[out])  # what --cohorts FILE does
    checked = 0
    for assessment in _latest_per_company(portfolio).values():
        result = evaluate(assessment, q, registry)
        region = assessment.answers["profile.region"].value
        members = {c.id for c in result.cohorts if c.member and c.id in mine}
        expected = {"acme-advisory-all"} | ({f"acme-advisory-{region}"} & mine)
        if assessment.answers["profile.headcount"].value == "over_30000":
            expected.add("acme-advisory-large")
        assert members == expected
        assert all(c.origin == "portfolio" for c in result.cohorts if c.id in mine)
        for p in result.placements:
            if p.cohort not in mine or p.verdict == "no_benchmark":
                continue
            assert p.cohort in members  # never placed in a cohort it is not part of
            assert p.confidence == "portfolio"
            _check(cohort_file, p)
            checked += 1
    assert checked > 1000
    # And through the command line, for one member: the same placements in the JSON result.
    one = sorted(portfolio.glob("gen-*.yaml"))[0]
    data = json.loads(cli("score", str(one), "--cohorts", str(out), "--format", "json").output)
    placed = [p for p in data["placements"] if p["cohort"] == "acme-advisory-all" and p["shares"] is not None]
    assert placed
    for p in placed:
        assert p["shares"]["derived"] is True
        _check(cohort_file, p)
        assert "Acme Advisory: all clients (your portfolio)" in p["text"]["en"]


def test_compare_with_the_built_cohorts_names_them_as_your_portfolio(cli, built):
    out, _ = built
    n = load(out, CohortFile).survey.n
    result = cli("compare", str(EXAMPLES / "sakura-online-2025.yaml"), str(EXAMPLES / "sakura-online-2026.yaml"),
                 "--cohorts", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    mine = [v for v in data["verdicts"] if v["cohort"].startswith("acme-advisory-")]
    assert mine, "the year's progress moves some verdicts against the portfolio's cohorts"
    assert all(v["cohort_label"]["en"].endswith("(your portfolio)") for v in mine)
    text = cli("compare", str(EXAMPLES / "sakura-online-2025.yaml"), str(EXAMPLES / "sakura-online-2026.yaml"),
               "--cohorts", str(out)).output
    flat = " ".join(text.split())
    assert f"(your portfolio, n={n})" in flat
    assert "MIT Technology Review Insights survey, July 2018 (599 executives)" in flat


def test_summary_and_report_name_the_portfolio_cohorts_in_french(cli, built, tmp_path):
    out, _ = built
    path = str(EXAMPLES / "andes-industrial.yaml")
    text = " ".join(cli("score", path, "--cohorts", str(out)).output.replace("│", " ").split())
    # the footer: the survey and the consultancy's own cohort, never the survey alone
    assert "Cohortes : enquête de juillet 2018 auprès de 599 dirigeants. Acme Advisory : la cohorte propre" in text
    # each portfolio figure's source in French
    assert "portefeuille Acme Advisory, " in text and " entreprises, du " in text
    assert "companies" not in text and " portfolio, " not in text
    html_out = tmp_path / "andes.html"
    assert cli("report", path, "--cohorts", str(out), "-o", str(html_out)).exit_code == 0
    footer = html_out.read_text(encoding="utf-8").split("<footer>", 1)[1]
    assert "Acme Advisory : la cohorte propre du cabinet" in footer
