"""docs/cli.md is the command-line reference generated from the commands themselves.

Regenerate it with:
    python -m typer cxmaturity.cli utils docs --name cxmaturity --output docs/cli.md
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_cli_reference_is_up_to_date(tmp_path):
    out = tmp_path / "cli.md"
    subprocess.run([sys.executable, "-m", "typer", "cxmaturity.cli", "utils", "docs", "--name", "cxmaturity",
                    "--output", str(out)], check=True, capture_output=True, env={"COLUMNS": "80", "PATH": ""})
    assert (ROOT / "docs" / "cli.md").read_text() == out.read_text(), (
        "docs/cli.md is out of date: regenerate it (command in this test's docstring)"
    )
