"""`--help` and `--version` stay light: no pydantic, ruamel.yaml, pluggy or prompt library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# markdown_it and pygments: rich's Markdown and Traceback, which typer's help imports and
# --help does not draw (cxmaturity/cli/lazy_rich.py); weasyprint: only a PDF pays for it.
HEAVY = ("pydantic", "ruamel", "questionary", "prompt_toolkit", "pluggy", "jsonschema", "markdown_it", "pygments",
         "weasyprint")

PROBE = """
import json, sys
sys.argv = ["cxmaturity", *json.loads(sys.argv[1])]
try:
    from cxmaturity.cli import main
    main()
except SystemExit:
    pass
print("MODULES:" + json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["assess", "--help"], ["score", "--help"], ["questionnaires", "show", "--help"]]
)
def test_light_startup(args):
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True,
                         text=True, check=True).stdout
    modules = json.loads(out.split("MODULES:")[-1])
    loaded = sorted({m.split(".")[0] for m in modules if m.split(".")[0] in HEAVY})
    assert loaded == [], f"{args} imported {loaded}"


def test_version_prints_the_version():
    from cxmaturity import __version__

    out = subprocess.run([sys.executable, "-m", "cxmaturity", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == f"cxmaturity {__version__}"


def test_rich_markdown_still_draws_after_help_stand_ins(cli):
    """The stand-ins hand over to rich's real Markdown: the outline is drawn as before."""
    result = cli("questionnaires", "show", "cx-ai-2018-quick")
    assert result.exit_code == 0
    assert "cx-ai-2018-quick · version 1 · 14 questions" in result.output
    assert "# " not in result.output  # headings drawn, not shown as Markdown source


# The project's own modules that --help and --version load: the command line, its two helpers
# and the text guard. A new one here is a module every command pays for at start-up.
START_UP = {"cxmaturity", "cxmaturity._version", "cxmaturity.cli", "cxmaturity.cli.lazy_rich",
            "cxmaturity.cli.one_line_errors", "cxmaturity.text_safety"}


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_no_more_of_the_package(args):
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True,
                         text=True, check=True).stdout
    ours = {m for m in json.loads(out.split("MODULES:")[-1]) if m.split(".")[0] == "cxmaturity"}
    assert ours <= START_UP, sorted(ours - START_UP)
