"""Words a client reads in the report: no double negatives, grid rows with their question."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_other_group_is_said_by_what_it_answered(cli, example, lang):
    """'among the other 60% who did not choose A or B or C' becomes what those 60% answered."""
    result = cli("score", str(EXAMPLES / example), "--lang", lang, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert not re.search(r"did not choose [^()]* or ", text), text
    assert not re.search(r"n'ont pas choisi [^()]* ou ", text), text


def test_a_grid_row_is_shown_with_its_question(cli, tmp_path):
    out = tmp_path / "maple.html"
    assert cli("report", str(EXAMPLES / "maple-mart.yaml"), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "How has each of these indicators changed over the last 12 months? — Revenue" in html
    assert "<td>Revenue</td>" not in html
