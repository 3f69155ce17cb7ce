"""Plugins that try to take a run down or lie: each case in tests/data/hostile/plugin-*/.

For every case, through the real commands: the run completes (exit 0), the plugin is named on
stderr, ``--strict`` exits 1 with one ``Error:`` line, ``score --format json`` prints valid
JSON and nothing else, and ``report`` still writes its file.
"""

from __future__ import annotations

import json

import pytest
from conftest import DATA, EXAMPLES

HOSTILE = DATA / "hostile"
ASSESSMENT = EXAMPLES / "maple-mart.yaml"
# Installed plugins stay out; a short limit (still far above what a hook or a scorer of the
# tool takes) so that the hanging plugin costs two seconds, not ten.
ENV = {"CXMATURITY_LOAD_PLUGINS": "", "CXMATURITY_PLUGIN_TIMEOUT": "2"}

# case folder → (the plugin named, what the warning says)
CASES = {
    "plugin-exit-import": ("exit-at-import", "failed to load: called sys.exit(0)"),
    "plugin-exit-hook": ("exit-in-hook", "failed in register_scorers: called sys.exit(3)"),
    "plugin-exit-score": ("exit-in-score", "failed in score (quitter): called sys.exit(0)"),
    "plugin-hang": ("sleeper", "failed in score (sleeper): did not finish within 2 s"),
    "plugin-print": ("chatty", "printed to stdout at import"),
    "plugin-mutates": ("aaa-mutator", "changed the assessment it was given"),
    "plugin-impossible": ("liar", "coverage says 1007 answered of 8 asked"),
}


def _run(cli, command, case, *extra):
    return cli(command, str(ASSESSMENT), "--plugins-dir", str(HOSTILE / case), *extra, env=ENV)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """`score --format json` of the assessment without any hostile plugin."""
    from typer.testing import CliRunner

    from cxmaturity.cli import app

    result = CliRunner().invoke(app, ["score", str(ASSESSMENT), "--format", "json"], env=ENV,
                                catch_exceptions=False)
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_plugin_is_named_and_the_run_completes(cli, case, plain):
    plugin, message = CASES[case]
    result = _run(cli, "score", case, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)  # valid JSON, nothing printed around it
    assert f"Warning: plugin '{plugin}' " in result.stderr
    assert message in result.stderr
    # What the built-in scorers found is what they find without the hostile plugin.
    builtin = {d["id"]: d["score"] for d in plain["dimensions"]}
    assert {d["id"]: d["score"] for d in doc["dimensions"] if d["id"] in builtin} == builtin
    assert doc["company"] == plain["company"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_plugin_is_fatal_under_strict(cli, case):
    plugin, message = CASES[case]
    result = _run(cli, "score", case, "--format", "json", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: plugin '{plugin}' ")
    assert message in lines[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_report_still_writes_its_file(cli, case, tmp_path):
    out = tmp_path / "report.html"
    result = _run(cli, "report", case, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file() and "</html>" in out.read_text()
    assert f"plugin '{CASES[case][0]}'" in result.stderr


def test_every_impossible_finding_is_rejected_with_its_reason(cli):
    result = _run(cli, "score", "plugin-impossible", "--format", "json")
    doc = json.loads(result.stdout)
    assert not [f for f in doc["findings"] if f["scorer"].startswith("liar")]
    for scorer, reason in [
        ("liar-coverage", "coverage says 1007 answered of 8 asked"),
        ("liar-points", "1e+09 points out of at most 1"),
        ("liar-sum", "score 90 does not follow from its steps (25.0)"),
        ("liar-nan", "score"),
    ]:
        assert f"plugin 'liar' failed in score ({scorer}): " in result.stderr
        line = next(x for x in result.stderr.splitlines() if f"({scorer})" in x)
        assert reason in line


def test_what_a_plugin_prints_is_reported_not_mixed_into_stdout(cli):
    result = _run(cli, "score", "plugin-print", "--format", "json")
    assert "chatty imported" not in result.stdout and "not" not in json.loads(result.stdout)
    for where in ("at import", "in register_scorers", "in score (chatty)"):
        assert f"Warning: plugin 'chatty' printed to stdout {where}" in result.stderr
    # Printing is not a failure: its finding is kept.
    assert any(f["scorer"] == "chatty" for f in json.loads(result.stdout)["findings"])


def test_a_mutating_scorer_changes_nothing_the_others_or_the_output_see(cli):
    result = _run(cli, "score", "plugin-mutates", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["company"]["name"] == "Maple Mart Inc."
    assert not any(f["coverage"]["answered"] == 0 and f["score"] is None for f in doc["findings"])
    assert doc["cohorts"]


@pytest.fixture
def restore_timeout():
    from cxmaturity.plugin_host import calls as plugin_calls

    yield
    plugin_calls.set_timeout(None)


def test_the_time_limit_is_an_option_and_an_environment_variable(cli, restore_timeout):
    args = ["score", str(ASSESSMENT), "--format", "json", "--plugins-dir", str(HOSTILE / "plugin-hang")]
    by_option = cli("--plugin-timeout", "1.5", *args, env=ENV)  # the option wins over the variable
    assert "did not finish within 1.5 s" in by_option.stderr
    by_env = cli(*args, env={"CXMATURITY_LOAD_PLUGINS": "", "CXMATURITY_PLUGIN_TIMEOUT": "2.5"})
    assert "did not finish within 2.5 s" in by_env.stderr
    bad = cli(*args, env={"CXMATURITY_PLUGIN_TIMEOUT": "soon"})
    assert bad.exit_code == 1
    assert bad.stderr == "Error: CXMATURITY_PLUGIN_TIMEOUT='soon': not a number of seconds (0 for no limit)\n"


def test_the_default_time_limit_is_documented(monkeypatch, restore_timeout):
    from conftest import ROOT

    from cxmaturity.plugin_host import calls as plugin_calls

    monkeypatch.delenv(plugin_calls.TIMEOUT_ENV, raising=False)
    plugin_calls.set_timeout(None)
    assert plugin_calls.timeout() == plugin_calls.DEFAULT_TIMEOUT == 10
    doc = (ROOT / "docs" / "safety.md").read_text()
    assert "10 seconds" in doc and plugin_calls.TIMEOUT_ENV in doc and "--plugin-timeout" in doc
