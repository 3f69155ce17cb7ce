"""`validate` reports every problem of a file in one run, with "did you mean" for ids and
options."""

from __future__ import annotations

ANSWERS = """\
answers:
  invest.front_ofice: heavily
  invest.front_office: heavly
  brand.uses: [formal_metric]
"""
HEADER = ("format: 1\nquestionnaire: {{id: cx-ai-2018, version: 1}}\ncompany: {{id: acme, name: Acme}}\n"
          "language: {lang}\n")


def _validate(cli, tmp_path, lang):
    path = tmp_path / "a.yaml"
    path.write_text(HEADER.format(lang=lang) + ANSWERS, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    return [line.removeprefix(f"{path}:") for line in result.stderr.splitlines() if line.startswith(str(path))]


def test_every_answer_problem_with_the_closest_id_or_option(cli, tmp_path):
    lines = _validate(cli, tmp_path, "en")
    assert len(lines) == 3, lines
    assert lines[0].startswith("6: answers.invest.front_ofice: unknown question id")
    assert lines[0].endswith("(did you mean 'invest.front_office'?)")
    assert lines[1].startswith("7: answers.invest.front_office.value:") and "did you mean 'heavily'?" in lines[1]
    assert lines[2].startswith("8: answers.brand.uses.value:") and "did you mean 'formal_metrics'?" in lines[2]


def test_a_broken_header_does_not_hide_the_answers_problems(cli, tmp_path):
    lines = _validate(cli, tmp_path, "de")
    fields = [": ".join(line.split(": ")[:2]) for line in lines]
    assert fields == ["4: language", "6: answers.invest.front_ofice", "7: answers.invest.front_office.value",
                      "8: answers.brand.uses.value"]
