"""A file of another format where one is expected gets one line saying what it is."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

ASSESSMENT = str(EXAMPLES / "andes-industrial.yaml")
COHORTS = str(ROOT / "benchmarks" / "cohorts" / "mit-tr-2018.yaml")
STAGES = str(ROOT / "benchmarks" / "model" / "stages.yaml")
PLAYBOOK = str(ROOT / "benchmarks" / "playbooks" / "rakuten.yaml")
QUESTIONNAIRE = str(QUESTIONNAIRES / "cx-ai-2018.yaml")


@pytest.mark.parametrize(
    ("args", "wrong", "message"),
    [
        (("score", QUESTIONNAIRE), QUESTIONNAIRE, "this is a questionnaire, not an assessment"),
        (("explain", PLAYBOOK), PLAYBOOK, "this is a playbook, not an assessment"),
        (("score", ASSESSMENT, "--weights", COHORTS), COHORTS, "this is a cohort file, not a stage model"),
        (("score", ASSESSMENT, "--cohorts", STAGES), STAGES, "this is a stage model, not a cohort file"),
        (("score", ASSESSMENT, "--cohorts", ASSESSMENT), ASSESSMENT,
         "this is an assessment, not a cohort file"),
    ],
    ids=["score-questionnaire", "explain-playbook", "weights-cohorts", "cohorts-stages", "cohorts-assessment"],
)
def test_a_file_of_another_format_is_named_in_one_line(cli, args, wrong, message):
    result = cli(*args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {wrong}:1: {message}"]
