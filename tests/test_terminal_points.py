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

    from cxmaturity.cli.assess import invoked_as

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


@pytest.mark.parametrize("args,expected", [
    (["scor", "x.yaml"], "Error: No such command 'scor'. Did you mean 'score'?"),
    (["score", "--fromat", "json", "x.yaml"], "Error: No such option: --fromat. Did you mean --format?"),
    (["questionnaires", "shwo"], "Error: No such command 'shwo'. Did you mean 'show'?"),
    (["score"], "Error: Missing argument"),
])
def test_usage_errors_are_one_error_line_with_a_suggestion(cli, args, expected):
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(expected) and "--help'" in lines[0]
    assert "╭" not in result.output and "│" not in result.output


def test_help_still_shows_when_a_group_is_called_alone(cli):
    result = cli("cohorts")
    assert "Usage: cxmaturity cohorts" in result.output and "build" in result.output


@pytest.mark.parametrize("args", [["assess"], ["cohorts", "build"], ["portfolio"], ["explain"]])
def test_help_paragraphs_are_not_broken_mid_phrase(cli, args):
    """Each paragraph of a command's description is one flowing text: at a wide terminal it
    is one line, at 80 columns its lines are full (only the last one of a paragraph short)."""
    import typer

    from cxmaturity.cli import app

    wide = cli(*args, "--help", env={"COLUMNS": "400"}).output
    command = typer.main.get_command(app)
    for name in args:
        command = command.get_command(typer.Context(command), name)
    from cxmaturity.cli.one_line_errors import reflow

    for paragraph in reflow(command.help).split("\n\n"):
        assert " ".join(paragraph.split()) in " ".join(line.strip() for line in wide.splitlines()), paragraph
    narrow = cli(*args, "--help").output.split("╭")[0]
    lines = [line.rstrip() for line in narrow.splitlines()]
    for line, after in zip(lines, lines[1:], strict=False):
        if line.strip() and after.strip():  # within a paragraph: a line ends only when full
            assert len(line) + len(after.split()[0]) + 1 > 78, (line, after)


def test_cohorts_build_speaks_french(cli, tmp_path):
    from generate import write

    write(tmp_path / "in", 12, seed=5, repeat_share=0)
    out = tmp_path / "c.yaml"
    result = cli("cohorts", "build", str(tmp_path / "in"), "-o", str(out), "--lang", "fr", "--min-size", "11")
    assert result.exit_code == 0, result.output
    assert "écarté : " in result.stderr and "left out" not in result.stderr
    assert result.stdout.startswith(f"{out} écrit : 12 entreprises, du ")
    few = cli("cohorts", "build", str(EXAMPLES), "-o", str(out), "--lang", "fr", "--force")
    assert few.exit_code == 1
    assert few.output.strip().splitlines()[-1].startswith("Error: seulement 5 entreprises ont pu être lues ;")
