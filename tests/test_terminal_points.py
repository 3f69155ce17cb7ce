"""The first hour at the terminal: what a new user types and reads, command by command."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

FRENCH = sorted(p for p in EXAMPLES.glob("*.yaml") if "language: fr" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("spelling", ["FR", "Fr", "fr"])
def test_lang_is_case_insensitive(cli, spelling):
    result = cli("score", str(EXAMPLES / "maple-mart.yaml"), "--lang", spelling)
    assert result.exit_code == 0, result.output
    assert "Stade global" in result.output


def test_an_unknown_language_is_still_refused(cli):
    result = cli("score", str(EXAMPLES / "maple-mart.yaml"), "--lang", "de")
    assert result.exit_code == 2
    assert "'de' is not a supported language" in result.output


@pytest.mark.parametrize("width", [40, 53, 61, 72, 80, 97])
def test_no_french_line_ends_with_an_opening_or_starts_with_a_closing_guillemet(cli, width):
    assert FRENCH, "a French example is needed"
    for path in FRENCH:
        result = cli("score", str(path), env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.output
        assert "«" in result.output
        for line in result.output.splitlines():
            text = line.strip(" │┃|")
            assert not re.search(r"«\s*$", text), (width, line)
            assert not re.match(r"^[»:;]", text.strip()), (width, line)


def test_hints_name_the_command_as_it_was_typed(monkeypatch, tmp_path):
    import sys

    from cxmaturity.cli import invoked_as

    exe = tmp_path / "bin" / "cxmaturity"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(exe), "assess"])
    monkeypatch.setenv("PATH", str(exe.parent))
    assert invoked_as() == "cxmaturity"  # what PATH finds: the short name
    monkeypatch.setenv("PATH", "/nonexistent")
    assert invoked_as() == str(exe)  # not on PATH: the path that was used
    monkeypatch.setattr(sys, "argv", ["/somewhere/cxmaturity/__main__.py"])
    assert invoked_as().endswith(" -m cxmaturity")


def test_resume_hint_in_plain_mode_uses_the_path_typed(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from conftest import DATA

    exe = str(Path(sys.executable).with_name("cxmaturity"))
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb"}
    r = subprocess.run([exe, "assess", "--questionnaire", str(DATA / "branching.yaml"), "--company", "Acme",
                        "--lang", "en", "-o", "a.yaml"], cwd=tmp_path, input="1\n", capture_output=True,
                       text=True, env=env)
    assert r.returncode == 1
    assert "Every answer is saved as you go to a.yaml" in r.stdout
    assert f"Resume with: {exe} assess --resume a.yaml" in r.stderr
