"""Shared test helpers: the repository's paths and a command-line runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples" / "assessments"
QUESTIONNAIRES = ROOT / "questionnaires"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def cli():
    """Run the command line in-process at 80 columns without colour; return the result."""
    from cxmaturity.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict | None = None):
        base = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
        return runner.invoke(app, list(args), input=input, env={**base, **(env or {})},
                             catch_exceptions=False)

    return run


def pytest_configure(config):
    # Keep rich from guessing a terminal size or colours from the developer's shell.
    os.environ.setdefault("COLUMNS", "80")
    # Parsed-file cache of this run only, shared with the commands the tests start.
    import tempfile

    os.environ["CXMATURITY_CACHE_DIR"] = tempfile.mkdtemp(prefix="cxmaturity-cache-")
