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
