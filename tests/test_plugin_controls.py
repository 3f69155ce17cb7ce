"""Debugging and control for plugin authors, one test per mistake that used to pass silently:
each failure names the plugin and the file:line, --traceback shows the rest, a plugin can be
blocked by name, and a development copy stands in for an installed plugin with a notice."""

from __future__ import annotations

import importlib.metadata
import json
import textwrap

import pytest
from conftest import DATA, EXAMPLES

from cxmaturity.errors import PluginError
from cxmaturity.plugin_host.checks import shown_path
from cxmaturity.plugin_host.manager import load_registry

ASSESSMENT = EXAMPLES / "andes-industrial.yaml"
NO_PACKAGES = {"CXMATURITY_LOAD_PLUGINS": ""}
FLAKY = DATA / "plugins" / "raises_in_score"

SCORER = """\
from cxmaturity import Finding, Scorer, hookimpl


class {cls}(Scorer):
    name = "{name}"
    dimension = "{name}"

    def score(self, ctx):
        return [Finding(dimension=self.dimension, scorer=self.name, score=50, text={{"en": "x", "fr": "x"}})]


@hookimpl
def register_scorers(register):
    register({cls}())
"""


def _plugin(folder, module, code):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(textwrap.dedent(code))
    return folder


def _installed(monkeypatch, tmp_path, name, module, code):
    """An installed plugin: `module` importable, and an entry point `name` pointing at it."""
    _plugin(tmp_path / "site", module, code)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    ep = importlib.metadata.EntryPoint(name=name, value=module, group="cxmaturity")
    real = importlib.metadata.entry_points

    def entry_points(**params):
        return [ep] if params.get("group") == "cxmaturity" else real(**params)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.delenv("CXMATURITY_LOAD_PLUGINS", raising=False)


# --- a hook function without @hookimpl ------------------------------------------------------


UNMARKED = """\
from cxmaturity import Scorer


def register_scorers(register):
    register(Scorer())
"""


def test_a_hook_without_hookimpl_is_reported_with_its_file_and_line(cli, tmp_path):
    folder = _plugin(tmp_path / "p", "forgot", UNMARKED)
    result = cli("plugins", "--plugins-dir", str(folder), env=NO_PACKAGES)
    assert result.exit_code == 0
    where = f"{shown_path(str(folder / 'forgot.py'))}:4"
    assert (f"Warning: plugin 'forgot' function register_scorers at {where} has no @hookimpl, so it is "
            f"never called (decorate it with @hookimpl from cxmaturity)") in result.stderr.splitlines()
    strict = cli("plugins", "--plugins-dir", str(folder), "--strict", env=NO_PACKAGES)
    assert strict.exit_code == 1
    assert strict.stderr.startswith("Error: plugin 'forgot' function register_scorers at ")


def test_a_near_miss_of_a_hook_name_without_hookimpl_is_reported(tmp_path):
    folder = _plugin(tmp_path / "p", "near", UNMARKED.replace("register_scorers", "register_scorer"))
    [warning] = load_registry([folder]).warnings
    assert "function register_scorer (like the hook register_scorers) at " in warning


def test_a_helper_function_is_not_taken_for_a_hook(tmp_path):
    code = SCORER.format(cls="Fine", name="fine") + "\n\ndef points(x):\n    return x\n"
    folder = _plugin(tmp_path / "p", "helper", code)
    assert load_registry([folder], strict=True).warnings == []


# --- a scorer's exception: file, line, and the traceback on request ---------------------------


@pytest.mark.parametrize("how", ["option", "environment"])
def test_traceback_shows_where_a_scorer_failed(cli, how):
    args = ["score", str(ASSESSMENT), "--format", "json", "--plugins-dir", str(FLAKY)]
    env = dict(NO_PACKAGES)
    if how == "option":
        args.append("--traceback")
    else:
        env["CXMATURITY_TRACEBACK"] = "1"
    result = cli(*args, env=env)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == (f"Warning: plugin 'flaky' failed in score (flaky): KeyError: 'kpi.nps.change' "
                        f"(at {shown_path(str(FLAKY / 'flaky.py'))}:11)")
    assert lines[1] == "Traceback (most recent call last):"
    assert f'File "{FLAKY / "flaky.py"}", line 11, in score' in result.stderr
    assert lines[-1] == "KeyError: 'kpi.nps.change'"


def test_without_traceback_a_failure_is_one_line(cli):
    result = cli("score", str(ASSESSMENT), "--format", "json", "--plugins-dir", str(FLAKY), env=NO_PACKAGES)
    assert len(result.stderr.splitlines()) == 1


def test_traceback_under_strict_comes_before_the_error(cli):
    result = cli("score", str(ASSESSMENT), "--plugins-dir", str(FLAKY), "--strict", "--traceback", env=NO_PACKAGES)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1].startswith("Error: plugin 'flaky' failed in score (flaky): KeyError")


# --- the plugins table and --hook -------------------------------------------------------------


def test_the_plugins_table_folds_a_long_error_instead_of_cutting_it(cli):
    result = cli("plugins", "--plugins-dir", str(FLAKY), "--plugins-dir", str(DATA / "plugins" / "import_error"),
                 env=NO_PACKAGES)
    assert "…" not in result.stdout
    folded = "".join(line.strip() for line in result.stdout.splitlines())
    assert "cxmaturity_no_such_module" in folded.replace(" ", "")
    assert "broken.py:3)" in folded.replace(" ", "")


def test_plugins_hook_lists_only_the_plugins_of_that_hook(cli):
    result = cli("plugins", "--all", "--json", "--hook", "questionnaires", env=NO_PACKAGES)
    assert [p["name"] for p in json.loads(result.stdout)] == ["questionnaires"]
    full = cli("plugins", "--all", "--json", "--hook", "register_scorers", env=NO_PACKAGES)
    assert all("register_scorers" in p["hooks"] for p in json.loads(full.stdout))
    wrong = cli("plugins", "--hook", "register_scorer", env=NO_PACKAGES)
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("Error: --hook register_scorer: no such hook (the hooks are: register_cohorts")


# --- a development copy and an installed plugin ----------------------------------------------------


def test_a_development_copy_stands_in_for_the_installed_plugin_item_by_item(monkeypatch, tmp_path):
    two = SCORER.format(cls="Nps", name="nps") + "\n" + textwrap.dedent("""\
        class Other(Nps):
            name = "nps-other"
            dimension = "nps-other"


        @hookimpl(specname="register_scorers")
        def register_more(register):
            register(Other())
        """)
    _installed(monkeypatch, tmp_path, "nps", "cxmaturity_nps_installed", two)
    dev = _plugin(tmp_path / "dev", "nps_dev", SCORER.format(cls="Nps", name="nps"))
    registry = load_registry([dev], strict=True)  # a notice, not a failure
    assert {s.name: registry.owner("scorers", s) for s in registry.scorers if "nps" in s.name} == {
        "nps": "nps-dev", "nps-other": "nps"
    }
    assert registry.warnings == ["scorer 'nps' of plugin 'nps' is shadowed by plugin 'nps-dev' from --plugins-dir"]


def test_a_development_copy_of_the_same_name_shadows_the_installed_plugin(monkeypatch, tmp_path):
    _installed(monkeypatch, tmp_path, "nps", "cxmaturity_nps_installed2", SCORER.format(cls="Nps", name="nps"))
    dev = _plugin(tmp_path / "dev", "nps", SCORER.format(cls="Nps", name="nps"))
    registry = load_registry([dev], strict=True)
    assert registry.plugin("nps").origin == "folder"
    [notice] = registry.warnings
    assert notice == (f"plugin 'nps' from cxmaturity_nps_installed2 is shadowed by the copy in "
                      f"--plugins-dir {dev / 'nps.py'}")


# --- the allow-list and the block-list -------------------------------------------------------------


def test_a_typo_in_the_allow_list_warns_without_strict(cli):
    result = cli("score", str(ASSESSMENT), "--format", "json", env={"CXMATURITY_LOAD_PLUGINS": "npss"})
    assert result.exit_code == 0
    assert "Warning: CXMATURITY_LOAD_PLUGINS names 'npss', which matches no plugin" in result.stderr.splitlines()


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_built_in_plugin_can_be_blocked_by_name(cli, how):
    args = ["score", str(ASSESSMENT), "--format", "json"]
    env = dict(NO_PACKAGES)
    if how == "option":
        args += ["--block", "score-brand", "--block", "score-tools"]
    else:
        env["CXMATURITY_BLOCK_PLUGINS"] = "score-brand, score-tools"
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    dims = [d["id"] for d in json.loads(result.stdout)["dimensions"]]
    assert "brand" not in dims and "tools" not in dims and "investment" in dims


def test_a_folder_plugin_and_an_installed_one_can_be_blocked(monkeypatch, tmp_path):
    _installed(monkeypatch, tmp_path, "boom", "cxmaturity_boom_installed", "raise RuntimeError('never imported')\n")
    folder = _plugin(tmp_path / "p", "flaky", (FLAKY / "flaky.py").read_text())
    registry = load_registry([folder], strict=True, block=["boom", "flaky"])
    names = [p.name for p in registry.plugins]
    assert "boom" not in names and "flaky" not in names
    assert registry.warnings == []


def test_a_block_list_name_that_matches_nothing_warns(tmp_path):
    registry = load_registry(block=["no-such-plugin"])
    assert registry.warnings == ["the block-list names 'no-such-plugin', which matches no plugin"]


def test_strict_still_fails_on_a_real_failure_after_a_notice(monkeypatch, tmp_path):
    with pytest.raises(PluginError, match="plugin 'flaky' failed in score"):
        from cxmaturity.api import evaluate_assessment, load_assessment

        evaluate_assessment(load_assessment(ASSESSMENT), registry=load_registry([FLAKY], strict=True))


def test_portfolio_honours_block(cli):
    result = cli("portfolio", str(ASSESSMENT), "--format", "json", "--block", "score-brand", env=NO_PACKAGES)
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)["assessments"]
    assert "brand" not in row["dimensions"] and "investment" in row["dimensions"]
