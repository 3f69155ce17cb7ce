"""A percentile is said as a whole number with the right suffix, in English and French."""

from __future__ import annotations

import re

import pytest

from cxmaturity.words.numbers import ordinal


@pytest.mark.parametrize("helper", [ordinal])
def test_every_percentile_reads_as_a_whole_ordinal(helper):
    for tenth in range(0, 1001):
        value = tenth / 10
        en, fr = helper(value, "en"), helper(value, "fr")
        assert re.fullmatch(r"\d+(st|nd|rd|th)", en), en
        assert re.fullmatch(r"\d+(er|e)", fr), fr
        assert abs(int(en[:-2]) - value) <= 0.5


@pytest.mark.parametrize("helper", [ordinal])
def test_examples_from_reports(helper):
    assert helper(24.5, "en") == "25th" and helper(24.5, "fr") == "25e"
    assert helper(81.2, "en") == "81st" and helper(81.2, "fr") == "81e"
    assert [helper(v, "en") for v in (1, 2, 3, 11, 12, 13, 22, 100)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "22nd", "100th"]
    assert helper(1, "fr") == "1er" and helper(0.6, "fr") == "1er"


def test_no_report_says_a_decimal_percentile(cli, tmp_path):
    from conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.yaml")):
        out = tmp_path / f"{path.stem}.md"
        assert cli("report", str(path), "-o", str(out)).exit_code == 0
        text = out.read_text(encoding="utf-8")
        assert not re.search(r"\d[.,]\d+(th|st|nd|rd|e) (percentile|centile)", text), path.name
