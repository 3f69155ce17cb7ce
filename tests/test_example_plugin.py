"""The example third-party distribution, installed for real and found through its entry point.

`pip install --target` puts the built wheel (code and dist-info, entry point included) in a
folder of its own; adding that folder to the import path is what installing it into the
environment would do, without touching the test environment (about 8 s, once per session).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT

from cxmaturity.plugins import load_registry

NPS = ROOT / "examples" / "plugins" / "cxmaturity-nps"


@pytest.fixture(scope="session")
def nps_target(tmp_path_factory):
    target = tmp_path_factory.mktemp("cxmaturity-nps")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
         "--target", str(target), str(NPS)],
        check=True, timeout=300, capture_output=True,
    )
    return target


@pytest.fixture
def nps_installed(nps_target, monkeypatch):
    monkeypatch.syspath_prepend(str(nps_target))
    monkeypatch.delenv("CXMATURITY_LOAD_PLUGINS", raising=False)
    yield nps_target
    sys.modules.pop("cxmaturity_nps", None)


def test_seen_through_its_entry_point_in_plugins_json(cli, nps_installed):
    result = cli("plugins", "--json")
    assert result.exit_code == 0, result.stderr
    [nps] = [p for p in json.loads(result.stdout) if p["name"] == "nps"]
    assert nps == {
        "name": "nps", "version": "0.1.0", "origin": "package", "source": "cxmaturity-nps 0.1.0",
        "hooks": ["register_scorers"], "registered": {"scorers": ["nps"]}, "error": None,
        "scorers": [{"name": "nps", "dimension": "nps", "in_overall": "apart",
                     "label": {"en": "Net Promoter Score", "fr": "Net Promoter Score (NPS)"}}],
        "errors": [],
    }
    assert load_registry().owner("scorers", "nps") == "nps"


def test_its_findings_appear_in_score(cli, nps_installed):
    # Nordbank: NPS up 5-10 points (5 of 6), measuring it at each step
    # planned (1 of 2): 6 of 8 points.
    result = cli("score", str(EXAMPLES / "nordbank.yaml"), "--format", "json", "--strict")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    [finding] = [f for f in doc["findings"] if f["scorer"] == "nps"]
    assert finding["dimension"] == "nps" and finding["score"] == 75.0
    assert finding["values"] == {"kpi.nps.change": "up_5_10", "practices.nps_each_step": "planned"}
    assert {"name": "nps", "version": "0.1.0", "origin": "package", "error": None} in doc["plugins"]
    text = cli("score", str(EXAMPLES / "nordbank.yaml")).stdout
    # the summary's dimension table: the plugin's dimension by its label, shown apart from
    # the overall stage, its score and coverage
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Net Promoter Score "))
    assert lines[at].split()[4] == "75" and lines[at].rstrip().endswith("2 of 2")
    assert lines[at + 1].strip() == "(apart)"
    assert "Overall stage" in text and "% of the weighted dimensions scored" in text


def test_the_allow_list_hides_it(cli, nps_installed):
    for allow in ("", "someone-else"):
        result = cli("plugins", "--json", env={"CXMATURITY_LOAD_PLUGINS": allow})
        assert [p["name"] for p in json.loads(result.stdout)] == []
        score = cli("score", str(EXAMPLES / "nordbank.yaml"), "--format", "json",
                    env={"CXMATURITY_LOAD_PLUGINS": allow})
        assert "nps" not in {f["scorer"] for f in json.loads(score.stdout)["findings"]}
    shown = cli("plugins", "--json", env={"CXMATURITY_LOAD_PLUGINS": "nps"})
    assert [p["name"] for p in json.loads(shown.stdout)] == ["nps"]


def test_its_own_tests_pass(nps_target):
    env = {**os.environ, "PYTHONPATH": str(nps_target)}
    env.pop("CXMATURITY_LOAD_PLUGINS", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(NPS / "tests")],
        cwd=NPS, env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "7 passed" in run.stdout


def test_it_imports_only_the_public_api():
    import ast

    tree = ast.parse((NPS / "cxmaturity_nps" / "__init__.py").read_text())
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert imported == ["cxmaturity"]
