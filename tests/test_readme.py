"""The README opens with the two commands, and CI runs the second one verbatim."""

from __future__ import annotations

import re

from conftest import ROOT


def _commands():
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_readme_opens_with_setup_and_test_commands():
    first, second = _commands()[:2]
    assert "pip install" in first and first.rstrip().endswith("cxmaturity assess")
    assert "pip install" in second and "pytest" in second


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text().splitlines()
    assert _commands()[1] in script
