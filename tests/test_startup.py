"""`--help` and `--version` stay light: no pydantic, ruamel.yaml, pluggy or prompt library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pydantic", "ruamel", "questionary", "prompt_toolkit", "pluggy", "jsonschema")

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
