"""The plugin author's kit: `plugin new`, the public API and its version, dimension labels and
roles, `plugins --json`, and the pytest fixtures of `cxmaturity.testing`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from conftest import DATA, EXAMPLES

import cxmaturity
from cxmaturity.errors import PluginError
from cxmaturity.plugin_host.checks import shown_path
from cxmaturity.plugin_host.manager import load_registry

NO_PACKAGES = {"CXMATURITY_LOAD_PLUGINS": ""}


def _plugin(folder, name, code):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(code))
    return folder


SCORER = """
    from cxmaturity import Finding, Scorer, Step, hookimpl
    {head}

    class S(Scorer):
        name = "effort"
        dimension = "effort"
        {attrs}
        questions = ("invest.front_office",)

        def score(self, ctx):
            value = ctx.value("invest.front_office")
            steps = [] if value is None else [Step(question="invest.front_office", answer=value,
                                                     points=2 if value == "heavily" else 0, max_points=2)]
            return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=steps, asked=1)]

    @hookimpl
    def register_scorers(register):
        register(S())
    """


def _scorer_plugin(tmp_path, head="", attrs=""):
    return _plugin(tmp_path / "p", "effort_plugin", SCORER.format(head=head, attrs=attrs))


# --- `plugin new` ------------------------------------------------------------------------------


@pytest.mark.parametrize("flags, passed", [
    ([], 5),
    (["--with-questionnaire", "--with-cohorts", "--with-playbook"], 8),
    (["--with-cohorts", "--with-playbook"], 7),
])
def test_plugin_new_makes_a_distribution_whose_tests_pass(cli, tmp_path, flags, passed):
    result = cli("plugin", "new", "acme-demo", "--dir", str(tmp_path), *flags)
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "cxmaturity-acme-demo"
    assert f"Wrote {folder}" in result.stdout
    assert 'acme-demo = "cxmaturity_acme_demo"' in (folder / "pyproject.toml").read_text()
    # Its tests, run as its author would (the module importable, not installed).
    env = {**os.environ, "PYTHONPATH": str(folder)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=folder, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{passed} passed" in run.stdout


def test_plugin_new_files_are_valid_for_validate(cli, tmp_path):
    cli("plugin", "new", "acme-demo", "--dir", str(tmp_path), "--with-questionnaire")
    q = tmp_path / "cxmaturity-acme-demo" / "cxmaturity_acme_demo" / "questionnaire.yaml"
    result = cli("validate", str(q))
    assert result.exit_code == 0, result.stderr


def test_plugin_new_refuses_a_bad_name_and_an_existing_folder(cli, tmp_path):
    result = cli("plugin", "new", "Acme Demo", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "Error: 'Acme Demo' is not a plugin name" in result.stderr
    assert cli("plugin", "new", "cxmaturity-acme", "--dir", str(tmp_path)).exit_code == 0
    assert (tmp_path / "cxmaturity-acme" / "cxmaturity_acme" / "__init__.py").exists()
    again = cli("plugin", "new", "acme", "--dir", str(tmp_path))
    assert again.exit_code == 1 and "already exists" in again.stderr


# --- the public API ----------------------------------------------------------------------------


def test_public_names_are_exported_and_documented():
    from conftest import ROOT

    doc = (ROOT / "docs" / "plugin-hooks.md").read_text(encoding="utf-8")
    for name in cxmaturity.__all__:
        if name == "__version__":
            continue
        assert getattr(cxmaturity, name) is not None
        assert re.search(rf"`{name}[`(]", doc), f"docs/plugin-hooks.md does not list {name}"


def test_load_and_evaluate_through_the_public_api():
    from conftest import ROOT

    q = cxmaturity.load_questionnaire(ROOT / "questionnaires" / "cx-ai-2018.yaml")
    assessment = cxmaturity.load_assessment(EXAMPLES / "nordbank.yaml", q)
    result = cxmaturity.evaluate_assessment(assessment, q, registry=load_registry(plugins_dirs=[]))
    assert result.overall.stage == "customer_proximity"
    playbook = cxmaturity.load_playbook(ROOT / "benchmarks" / "playbooks" / "rakuten.yaml")
    assert playbook.id == "rakuten"
    cohorts = cxmaturity.load_cohort_file(sorted((ROOT / "benchmarks" / "cohorts").glob("*.yaml"))[0], q)
    assert cohorts.cohorts


def test_words_helpers():
    assert cxmaturity.tr({"en": "Yes", "fr": "Oui"}, "fr") == "Oui"
    assert cxmaturity.num(45.25, "fr") == "45,2" or cxmaturity.num(45.25, "fr") == "45,3"
    assert (cxmaturity.percent(45, "en"), cxmaturity.percent(12.5, "fr")) == ("45%", "12,5 %")


def test_a_plugin_needing_another_api_version_is_named(cli, tmp_path):
    folder = _scorer_plugin(tmp_path, head='CXMATURITY_API = "2"')
    registry = load_registry([folder])
    assert "effort" not in [s.name for s in registry.scorers]
    [warning] = registry.warnings
    assert warning == (f"plugin 'effort-plugin' failed to load: needs cxmaturity plugin API '2' "
                       f"(CXMATURITY_API = '2'); cxmaturity {cxmaturity.__version__} provides API '1'")
    with pytest.raises(PluginError, match="plugin 'effort-plugin' failed to load: needs cxmaturity plugin API"):
        load_registry([folder], strict=True)
    ok = load_registry([_scorer_plugin(tmp_path / "ok", head=f'CXMATURITY_API = "{cxmaturity.API_VERSION}"')])
    assert "effort" in [s.name for s in ok.scorers] and ok.warnings == []


# --- plugin dimensions: label and role ----------------------------------------------------------


LABEL = 'dimension_label = {"en": "Customer effort", "fr": "Effort client"}'


def test_a_dimension_label_needs_both_languages(tmp_path):
    registry = load_registry([_scorer_plugin(tmp_path, attrs='dimension_label = {"en": "Customer effort"}')])
    assert "effort" not in [s.name for s in registry.scorers]
    [warning] = registry.warnings
    assert re.fullmatch(
        r"plugin 'effort-plugin' failed in register_scorers: scorer 'effort': dimension_label has no fr text "
        r"\(every label is given in English and French\) \(at .*effort_plugin\.py:\d+\)", warning
    )


def test_the_summary_shows_the_label_and_the_role(cli, tmp_path):
    folder = _scorer_plugin(tmp_path, attrs=LABEL)
    wide = {**NO_PACKAGES, "COLUMNS": "120"}  # the label on one line
    text = cli("score", str(EXAMPLES / "nordbank.yaml"), "--plugins-dir", str(folder), "--strict", env=wide).stdout
    assert "Customer effort (no weight)" in text and "\neffort " not in text
    french = cli("score", str(EXAMPLES / "nordbank.yaml"), "--plugins-dir", str(folder), "--lang", "fr",
                 env=wide).stdout
    assert "Effort client (sans pondération)" in french


def test_weighted_counts_once_weights_name_it_and_apart_never(cli, tmp_path):
    from conftest import ROOT

    weights = tmp_path / "weights.yaml"
    weights.write_text((ROOT / "benchmarks" / "model" / "stages.yaml").read_text()
                       + "  - id: effort\n    weight: 1000\n    label: {en: Effort, fr: Effort}\n")
    args = ["score", str(EXAMPLES / "nordbank.yaml"), "--format", "json", "--strict", "--weights", str(weights)]
    weighted = json.loads(cli(*args, "--plugins-dir", str(_scorer_plugin(tmp_path / "w", attrs=LABEL)),
                              env=NO_PACKAGES).stdout)
    apart = json.loads(cli(*args, "--plugins-dir",
                           str(_scorer_plugin(tmp_path / "a", attrs=LABEL + '\n        in_overall = "apart"')),
                           env=NO_PACKAGES).stdout)
    plain = json.loads(cli(*args, env=NO_PACKAGES).stdout)
    # nordbank invests heavily in front-office AI: effort scores 100, and with a large weight
    # it lifts the overall score when weighted, never when apart.
    assert weighted["overall"]["score"] > plain["overall"]["score"]
    assert apart["overall"] == plain["overall"]
    [dim] = [d for d in apart["dimensions"] if d["id"] == "effort"]
    assert dim["in_overall"] == "apart" and dim["weight"] == 0 and dim["score"] == 100.0


def test_only_plugin_dimensions_do_not_read_as_zero_percent_of_the_weighted_ones(cli, tmp_path):
    cli("plugin", "new", "acme-demo", "--dir", str(tmp_path), "--with-questionnaire")
    sys.path.insert(0, str(tmp_path / "cxmaturity-acme-demo"))
    try:
        import cxmaturity_acme_demo

        from cxmaturity.testing import make_assessment, make_registry

        registry = make_registry([cxmaturity_acme_demo])
        assessment = make_assessment({"acme_demo.measured": "planned", "acme_demo.acted_on": "in_place"},
                                     "acme-demo", registry=registry)
        result = cxmaturity.evaluate_assessment(assessment, registry=registry)
    finally:
        sys.path.remove(str(tmp_path / "cxmaturity-acme-demo"))
        sys.modules.pop("cxmaturity_acme_demo", None)
    from cxmaturity.documents.summary import Content

    score, stage, words = Content(result, lang="en").overall()
    assert score is None and words == "no dimension of the stage model applies to this questionnaire"
    assert "0%" not in words
    [dim] = [d for d in result.dimensions if d.id == "acme_demo"]
    assert dim.score == 75.0 and dim.label == {"en": "Acme demo", "fr": "Acme demo"}


# --- plugins --json ----------------------------------------------------------------------------


def test_plugins_json_gives_scorers_and_structured_errors(cli):
    result = cli("plugins", "--json", "--plugins-dir", str(DATA / "plugins" / "good"), "--plugins-dir",
                 str(DATA / "plugins" / "raises_in_register"), env=NO_PACKAGES)
    listing = {p["name"]: p for p in json.loads(result.stdout)}
    assert listing["echo-scorer"]["scorers"] == [
        {"name": "echo", "dimension": "echo", "label": None, "in_overall": "weighted"}
    ]
    assert listing["nps-zero"]["errors"] == [
        {"where": "hook", "hook": "register_scorers", "scorer": None, "message": "ZeroDivisionError: division by zero",
         "at": f"{shown_path(DATA / 'plugins' / 'raises_in_register' / 'nps_zero.py')}:17"}
    ]
    assert listing["nps-zero"]["scorers"] == []


# --- cxmaturity.testing --------------------------------------------------------------------------


def test_the_fixtures_plugin_is_registered_with_pytest(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("cxmaturity")


def test_cx_assessment_rejects_a_misspelled_question(cx_assessment):
    with pytest.raises(cxmaturity.CxError, match="unknown question id 'invest.front_ofice'"):
        cx_assessment({"invest.front_ofice": "heavily"})


def test_cx_registry_is_isolated_from_installed_plugins(cx_registry, tmp_path):
    folder = _scorer_plugin(tmp_path, attrs=LABEL)
    registry = cx_registry(folder)
    assert {p.origin for p in registry.plugins} == {"built-in", "folder"}
    assert "effort" in [s.name for s in registry.scorers]


def test_cx_evaluate_and_cx_cli_see_the_plugins_of_cx_plugins(cx_plugins, cx_evaluate, cx_cli, tmp_path):
    cx_plugins.append(_scorer_plugin(tmp_path, attrs=LABEL) / "effort_plugin.py")
    result = cx_evaluate({"invest.front_office": "heavily"})
    [dim] = [d for d in result.dimensions if d.id == "effort"]
    assert dim.score == 100.0 and dim.label["fr"] == "Effort client"
    listing = json.loads(cx_cli("plugins", "--json", "--strict").stdout)
    assert [(p["name"], p["origin"]) for p in listing] == [("effort-plugin", "folder")]
    text = cx_cli("score", str(EXAMPLES / "nordbank.yaml"), "--strict", env={"COLUMNS": "120"}).stdout
    assert "Customer effort (no weight)" in text


def test_the_examples_of_testing_your_plugin_run(cli, tmp_path):
    from conftest import ROOT

    doc = (ROOT / "docs" / "testing-your-plugin.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    conftest, examples = blocks[0], blocks[1:]
    assert "def cx_plugins" in conftest and len(examples) == 3
    cli("plugin", "new", "acme", "--dir", str(tmp_path))
    folder = tmp_path / "cxmaturity-acme"
    (folder / "tests" / "conftest.py").write_text(conftest)
    for i, code in enumerate(examples):
        (folder / "tests" / f"test_doc_{i}.py").write_text(code)
    env = {**os.environ, "PYTHONPATH": str(folder)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=folder,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "9 passed" in run.stdout  # the scaffold's 5 tests and the page's 4
