"""`pip install .` into a new virtual environment works from a folder outside the repository:
the questionnaires, benchmarks and built-in plugins travel inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv

import pytest
from conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    env_dir = tmp_path_factory.mktemp("wheel-venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
                   check=True, timeout=600)
    return env_dir


def _run(env_dir, *args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(env_dir / "bin" / "cxmaturity"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_installed_wheel_carries_its_data(installed, tmp_path):
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import cxmaturity.formats.bundled as b; print(b.bundled('questionnaires'))"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    assert str(installed) in where and where.endswith("cxmaturity/data/questionnaires")


def test_validate_and_list_from_outside_the_repository(installed, tmp_path):
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for path in examples:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    result = _run(installed, "validate", *[p.name for p in examples], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("ok  ") == len(examples)
    listing = _run(installed, "questionnaires", cwd=tmp_path)
    assert listing.returncode == 0 and "cx-ai-2018-quick" in listing.stdout
    assert sys.prefix not in listing.stdout


def test_a_new_plugin_installs_passes_its_tests_and_is_listed(installed, tmp_path):
    # `plugin new` as an author runs it, then the distribution installed beside cxmaturity.
    made = _run(installed, "plugin", "new", "acme-demo", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "cxmaturity-acme-demo"
    python = installed / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{folder}[test]"],
                   check=True, timeout=600, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CXMATURITY_LOAD_PLUGINS")}
    tests = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=folder, env=env,
                           capture_output=True, text=True, timeout=300)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "5 passed" in tests.stdout
    listing = _run(installed, "plugins", "--json", "--strict", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    [plugin] = [p for p in json.loads(listing.stdout) if p["name"] == "acme-demo"]
    assert plugin["origin"] == "package" and plugin["source"] == "cxmaturity-acme-demo 0.1.0"
    assert plugin["scorers"] == [{"name": "acme-demo", "dimension": "acme_demo", "in_overall": "apart",
                                  "label": {"en": "Acme demo", "fr": "Acme demo"}}]
    assert plugin["errors"] == []


def test_serve_without_the_web_extra_says_what_to_install(installed, tmp_path):
    result = _run(installed, "serve", "--db", "s.db", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: serve needs the web extra") and "cxmaturity[web]" in result.stderr
    # The templates travel in the wheel, for an installation with the extra.
    listing = ("import pathlib, cxmaturity.web as w; "
               "print(sorted(p.name for p in (pathlib.Path(w.__file__).parent / 'templates').iterdir()))")
    templates = subprocess.run([str(installed / "bin" / "python"), "-c", listing],
                               cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert "question.html" in templates and "result.html" in templates
