"""Commands that read an assessment locate every problem in it, its questionnaire included."""

from __future__ import annotations

import pytest
from conftest import DATA


def test_unknown_questionnaire_is_located(cli):
    result = cli("score", str(DATA / "bad" / "wrong-questionnaire.yaml"))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {DATA / 'bad' / 'wrong-questionnaire.yaml'}:2: questionnaire: unknown questionnaire 'no-such-survey'"
    )


def test_answer_outside_the_options_is_located(cli, tmp_path):
    out = tmp_path / "r.html"
    result = cli("report", str(DATA / "bad" / "out-of-options.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert "out-of-options.yaml:5: answers.invest.front_office.value: 'hugely' is not an option" in result.stderr
    assert not out.exists()


# Every command reads an assessment through the workspace's one loading function: the same
# file gets the same located problems, whichever command opened it.
SAME_FILE_COMMANDS = [["validate"], ["score"], ["explain"], ["assess", "--plain", "--resume"]]


@pytest.mark.parametrize("command", SAME_FILE_COMMANDS, ids=lambda c: c[0])
def test_an_unknown_questionnaire_reads_the_same_in_every_command(cli, tmp_path, command):
    path = tmp_path / "wrong.yaml"
    path.write_text((DATA / "bad" / "wrong-questionnaire.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(*command, str(path), input="")
    assert result.exit_code == 1
    assert f"{path}:2: questionnaire: unknown questionnaire 'no-such-survey'" in result.stderr


@pytest.mark.parametrize("command", SAME_FILE_COMMANDS, ids=lambda c: c[0])
def test_a_misspelled_id_gets_the_closest_one_in_every_command(cli, tmp_path, command):
    path = tmp_path / "typo.yaml"
    path.write_text(
        "format: 1\nquestionnaire: {id: cx-ai-2018, version: 1}\ncompany: {id: acme, name: Acme}\n"
        "language: en\nanswers:\n  invest.front_ofice: heavily\n  invest.front_office: heavly\n",
        encoding="utf-8",
    )
    result = cli(*command, str(path), input="")
    assert result.exit_code == 1
    assert (f"{path}:6: answers.invest.front_ofice: unknown question id 'invest.front_ofice' in 'cx-ai-2018' "
            "(did you mean 'invest.front_office'?)") in result.stderr
    assert f"{path}:7: answers.invest.front_office.value: 'heavly'" in result.stderr
    assert "(did you mean 'heavily'?)" in result.stderr
