"""Commands that read an assessment locate every problem in it, its questionnaire included."""

from __future__ import annotations

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
