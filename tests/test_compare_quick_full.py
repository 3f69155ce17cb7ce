"""`compare` a quick check with a later full assessment: they share their question ids, so the
shared questions are compared, and the header says the questionnaires differ."""

from __future__ import annotations

import json

from conftest import EXAMPLES, QUESTIONNAIRES

from cxmaturity.documents.comparison import question_map, shared_questions
from cxmaturity.formats.loader import load_questionnaire, read


def _quick_copy(tmp_path):
    """Sakura's 2025 answers to the questions of the quick check, as a quick assessment."""
    from cxmaturity.formats.yamlio import write_atomic

    quick = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    data, _ = read(EXAMPLES / "sakura-online-2025.yaml")
    data["questionnaire"] = {"id": quick.id, "version": quick.version}
    data["answers"] = {k: v for k, v in data["answers"].items() if quick.question(k) is not None}
    path = tmp_path / "sakura-quick.yaml"
    write_atomic(path, json.dumps(data, default=str))  # JSON is YAML
    return path, len(data["answers"])


def test_quick_and_full_share_their_questions():
    quick = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    full = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    shared = shared_questions(quick, full)
    assert shared == [q.id for q in quick.questions]  # every question of the quick check
    assert question_map(quick, full) == {q: q for q in shared}
    assert question_map(full, quick) == {q: q for q in shared_questions(full, quick)}


def test_compare_a_quick_check_with_a_full_assessment(cli, tmp_path):
    quick, answered = _quick_copy(tmp_path)
    assert answered > 5
    result = cli("compare", str(quick), str(EXAMPLES / "sakura-online-2026.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["old_questionnaire"] == "cx-ai-2018-quick v1"
    assert data["new_questionnaire"] == "cx-ai-2018 v1"
    quick_ids = {q.id for q in load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml").questions}
    assert data["answers"] and all(a["question"] in quick_ids for a in data["answers"])
    text = cli("compare", str(quick), str(EXAMPLES / "sakura-online-2026.yaml")).output
    assert "cx-ai-2018-quick v1" in text and "cx-ai-2018 v1" in text
