"""The import rules (pyproject.toml, [tool.importlinter]) hold, and they catch a back-edge.

The second test copies the package to a temporary folder, adds one import that points up
(the core importing a renderer), and shows that `lint-imports` fails there: the rules are
not merely kept because they check nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

LINT = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (the dev extra)")


def _lint(where: Path) -> subprocess.CompletedProcess:
    # The copy's folder first on the path, so that the copy is the one analysed.
    env = {"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin", "HOME": str(where), "LANG": "C.UTF-8"}
    return subprocess.run([str(LINT), "--no-cache"], cwd=where, capture_output=True, text=True, env=env)


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "checkout"
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("cxmaturity", "plugins"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    # plugins/ is a namespace package, which the editable install's path would extend with the
    # checkout's own folder: a regular package here keeps the analysis on the copy alone.
    (dest / "plugins" / "__init__.py").write_text("", encoding="utf-8")
    return dest


def test_the_tree_keeps_every_import_rule(tmp_path):
    result = _lint(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("cxmaturity/formats/conditions.py", "import cxmaturity.renderers.html", "The core never imports a renderer"),
        ("cxmaturity/words/tr.py", "import cxmaturity.formats.models", "Data flows down"),
        ("plugins/cohorts.py", "import cxmaturity.formats.loader", "The built-in plugins use only the public API"),
        ("cxmaturity/formats/yamlio.py", "import cxmaturity.formats.loader", "No import cycles"),
    ],
)
def test_a_back_edge_breaks_the_rules(tmp_path, module, line, contract):
    copy = _copy(tmp_path)
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # a deliberate back-edge\n", encoding="utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts")[-1]
    assert contract in broken, result.stdout
