"""`cxmaturity compare`: the Sakura pair, two questionnaire versions, different companies."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA, EXAMPLES

OLD = str(EXAMPLES / "sakura-online-2025.yaml")
NEW = str(EXAMPLES / "sakura-online-2026.yaml")
MINI = DATA / "compare"
MINI_PLUGINS = str(MINI / "plugins")


def test_sakura_progress_in_text(cli):
    result = cli("compare", OLD, NEW)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Progress of Sakura Online KK: 2025-04-14 → 2026-04-20" in out
    assert "Scores and stages" in out
    overall = next(line for line in out.splitlines() if line.startswith("Overall"))
    assert "32.4" in overall and "50.8" in overall and "+18.4" in overall
    # Both years reach the calibrated threshold of AI at scale (27); a dimension's stage moves.
    assert "AI at scale for efficiency" in overall and "→" not in overall
    assert "Acquiring AI → AI at scale" in out
    # Answers that changed, with the question and both labels in the assessment's language.
    assert "Answers that changed (17)" in out
    assert "Basic automation only" in out and "Acquiring AI tools now" in out
    # The roadmap phase Sakura completed in the year.
    assert "Phases completed since 2025-04-14: Phase 1: chatbots take the routine requests." in out
    assert "the tool's own" in out and "599 executives" in out


def test_sakura_json_agrees_with_scoring_each(cli):
    data = json.loads(cli("compare", OLD, NEW, "--format", "json").output)
    old = json.loads(cli("score", OLD, "--format", "json").output)
    new = json.loads(cli("score", NEW, "--format", "json").output)
    assert data["overall"]["old_score"] == old["overall"]["score"]
    assert data["overall"]["new_score"] == new["overall"]["score"]
    assert data["overall"]["change"] == round(new["overall"]["score"] - old["overall"]["score"], 1)
    dims = {d["id"]: d for d in data["dimensions"]}
    for d in new["dimensions"]:
        assert dims[d["id"]]["new_score"] == d["score"]
        assert dims[d["id"]]["new_stage"] == d["stage"]
    changed = {a["question"]: a for a in data["answers"]}
    assert changed["invest.analytics"]["old_value"] == "basic"
    assert changed["invest.analytics"]["new_value"] == "acquiring"
    assert changed["practices.kyc_feed"]["old"]["en"] == "not answered"  # newly asked (its `when`)
    assert "invest.front_office" not in changed  # unchanged answers are not listed
    # A multi answer is a set: same options in another order is no change; more options is.
    assert changed["brand.uses"]["new_value"] == ["align_strategy", "conversation_review"]
    completed = [p["id"] for p in data["phases_completed"]]
    assert completed and set(completed) <= set(new["roadmap"]["completed"])
    assert not set(completed) & set(old["roadmap"]["completed"])
    # Private notes never reach the comparison.
    assert "scoring add-on" not in json.dumps(data)


def test_french_and_markdown_file(cli, tmp_path):
    out = tmp_path / "progress.md"
    result = cli("compare", OLD, NEW, "--lang", "fr", "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("# Progression de Sakura Online KK : 2025-04-14 → 2026-04-20")
    assert "## Réponses modifiées (17)" in text
    assert "| IA dans l'analytique client | Automatisation de base uniquement |" in text
    assert "Phases achevées depuis le 2025-04-14" in text


def test_different_companies_refused_unless_forced(cli):
    other = str(EXAMPLES / "nordbank.yaml")
    refused = cli("compare", OLD, other)
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "Error: OLD is company 'sakura-online' and NEW is company 'nordbank': "
        "use --force to compare two different companies"
    )
    forced = cli("compare", OLD, other, "--force")
    assert forced.exit_code == 0
    assert "two different companies (sakura-online and nordbank)" in forced.output


def test_two_questionnaire_versions_through_replaces(cli):
    result = cli("compare", str(MINI / "old-v1.yaml"), str(MINI / "new-v2.yaml"),
                 "--plugins-dir", MINI_PLUGINS, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["old_questionnaire"], data["new_questionnaire"]) == ("mini-cx v1", "mini-cx v2")
    changed = {(a["old_question"], a["question"]): a for a in data["answers"]}
    # The renamed question is matched through the mapping: old id → new id, labels of each.
    renamed = changed[("invest.front_office", "invest.front_office_ai")]
    assert (renamed["old"]["en"], renamed["new"]["en"]) == ("Basic automation", "Heavily invested")
    assert changed[("", "invest.chatbots")]["old"]["en"] == "not answered"  # new in v2
    assert changed[("legacy.budget", "")]["new"]["fr"] == "plus posée"  # dropped in v2
    assert ("invest.analytics", "invest.analytics") not in changed  # same id, same answer


def test_no_replaces_mapping_is_a_one_line_error(cli):
    backwards = cli("compare", str(MINI / "new-v2.yaml"), str(MINI / "old-v1.yaml"), "--plugins-dir", MINI_PLUGINS)
    assert backwards.exit_code == 1
    assert backwards.output.count("\n") == 1
    assert "declares no `replaces:` mapping" in backwards.output
    assert "give the older assessment first" in backwards.output
    unrelated = cli("compare", OLD, str(MINI / "new-v2.yaml"), "--plugins-dir", MINI_PLUGINS, "--force")
    assert unrelated.exit_code == 1
    assert unrelated.output.startswith("Error: cannot compare 'cx-ai-2018' v1 with 'mini-cx' v2")


def test_bad_file_is_a_located_error(cli, tmp_path):
    broken = Path(tmp_path / "broken.yaml")
    broken.write_text((DATA / "bad" / "out-of-options.yaml").read_text())
    result = cli("compare", OLD, str(broken))
    assert result.exit_code == 1
    assert "broken.yaml:5: answers.invest.front_office.value: 'hugely' is not an option" in result.output
