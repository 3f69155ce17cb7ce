"""Consistency rules: pairs of answers that cannot both be true. Each rule of the shipped
questionnaire fires on its pair and on nothing else; the rules are checked when the file loads;
the interview asks the consultant to confirm or correct right after the answer that completes a
pair (scripted engine and numbered prompts; the arrow-key asker is in test_interview_pty.py);
every output and an answers file report a pair left standing."""

from __future__ import annotations

import itertools
import json
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import QUESTIONNAIRES
from typer.testing import CliRunner

from cxmaturity.cli import app
from cxmaturity.errors import FileError
from cxmaturity.evaluation.consistency import broken, completed_by, questions_of
from cxmaturity.formats import assessments
from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.loader import load_assessment, load_questionnaire
from cxmaturity.interview.engine import Conflict, Reply, Request, interview

DATA = Path(__file__).parent / "data"
CONTRADICTION = str(DATA / "contradiction.yaml")
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture(scope="module")
def real():
    return load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")


@pytest.fixture(scope="module")
def small():
    return load_questionnaire(CONTRADICTION)


# --- the rules of the shipped questionnaire ----------------------------------------------


def _combinations(questionnaire, qids):
    """Every combination of answers to `qids`: each option, or no answer."""
    choices = [[None, *questionnaire.question(q).option_ids] for q in qids]
    for values in itertools.product(*choices):
        yield {q: v for q, v in zip(qids, values, strict=True) if v is not None}


def test_the_shipped_questionnaire_has_rules_in_both_languages(real):
    assert len(real.consistency) >= 4
    for rule in real.consistency:
        assert set(rule.message) == {"en", "fr"}
        assert len(rule.conflict) == 2


def test_each_rule_fires_on_its_pair_and_not_otherwise(real):
    for rule in real.consistency:
        qids = questions_of(rule)
        fired = 0
        for answers in _combinations(real, qids):
            holds = [evaluate(c, answers, real) for c in rule.conflict]
            fires = rule in broken(real, answers)
            assert fires == all(holds), (rule.id, answers)
            if not all(holds):
                # One side alone, or neither: never a contradiction.
                assert rule.id not in {r.id for r in broken(real, answers)}
            fired += fires
        assert fired, f"{rule.id} can never fire"


def test_the_assistant_pair_of_the_issue_fires(real):
    pair = {"tools.virtual_assistant.tenure": "over_2y", "practices.virtual_assistant_live": "not_yet"}
    assert [r.id for r in broken(real, pair)] == ["assistant-in-use-but-not-serving"]
    assert broken(real, {**pair, "practices.virtual_assistant_live": "pilot"}) == []
    # A pair with one answer missing (skipped, not applicable) is not a contradiction.
    assert broken(real, {"tools.virtual_assistant.tenure": "over_2y"}) == []


def test_a_rule_is_completed_by_the_answer_that_makes_the_pair(real):
    before = {"tools.virtual_assistant.tenure": "over_2y"}
    after = {**before, "practices.virtual_assistant_live": "not_yet"}
    assert [r.id for r in completed_by(real, before, after, "practices.virtual_assistant_live")] == [
        "assistant-in-use-but-not-serving"
    ]
    # Already broken before: not asked again.
    assert completed_by(real, after, after, "practices.virtual_assistant_live") == []
    # An answer outside the pair does not ask about it.
    assert completed_by(real, before, after, "profile.industry") == []


def test_no_example_company_contradicts_itself(real):
    from conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert broken(real, load_assessment(path, real).answered()) == [], path.name


# --- checked when the file loads -----------------------------------------------------------

BAD = """\
id: bad
version: 1
title: {en: "Bad", fr: "Mauvais"}
sections:
  - id: s
    title: {en: "S", fr: "S"}
    questions:
      - id: a
        type: single
        text: {en: "A?", fr: "A ?"}
        options:
          - {id: yes, label: {en: "Yes", fr: "Oui"}}
          - {id: no, label: {en: "No", fr: "Non"}}
consistency:
  - id: r1
    conflict:
      - {q: a, in: [yes]}
      - {q: %s}
    message: %s
"""


@pytest.mark.parametrize("second, message, expected", [
    ("nowhere, in: [yes]", '{en: "x", fr: "x"}', "consistency.0.conflict.1.q: names unknown question 'nowhere'"),
    ("a, in: [maybe]", '{en: "x", fr: "x"}', "consistency.0.conflict.1.in: option 'maybe' is not defined"),
    ("a, in: [no]", '{en: "x"}', "consistency.0.message: missing the fr text"),
])
def test_a_rule_naming_an_unknown_question_or_option_is_an_error(tmp_path, second, message, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD % (second, message), encoding="utf-8")
    with pytest.raises(FileError) as err:
        load_questionnaire(path)
    assert expected in str(err.value)
    assert "bad.yaml:" in str(err.value)


def test_a_rule_needs_exactly_two_conditions(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD.replace("      - {q: %s}\n", "") % ('{en: "x", fr: "x"}',), encoding="utf-8")
    with pytest.raises(FileError) as err:
        load_questionnaire(path)
    assert "consistency.0.conflict" in str(err.value)


# --- the interview asks to confirm or correct --------------------------------------------


class Script:
    """An asker that replays replies and records what it was asked."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.asked = []

    def __call__(self, request):
        self.asked.append(request)
        if not self.replies:
            raise EOFError
        return self.replies.pop(0)

    @property
    def kinds(self):
        return [
            r.question.id if isinstance(r, Request) else "CONFLICT" if isinstance(r, Conflict) else "REVIEW"
            for r in self.asked
        ]


def _run(questionnaire, script, tmp_path, assessment=None):
    path = tmp_path / "a.yaml"
    assessment = assessment or assessments.new(
        questionnaire, "Acme", "en", when=datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    )
    outcome = interview(questionnaire, script, assessment, lambda a: assessments.save(path, a, questionnaire))
    return outcome, load_assessment(path, questionnaire)


def test_confirm_keeps_both_answers_and_asks_once(small, tmp_path):
    script = Script(Reply("answer", "over_2y"), Reply("answer", "not_yet"), Reply("confirm"),
                    Reply("answer", "ok"), Reply("done"))
    outcome, saved = _run(small, script, tmp_path)
    assert outcome.status == "done"
    assert script.kinds == ["demo.assistant_years", "demo.assistant_live", "CONFLICT", "demo.comment", "REVIEW"]
    conflict = script.asked[2]
    assert conflict.rule.id == "in-use-but-not-serving"
    assert conflict.message == "An assistant is said to be in use, yet none serves customers."
    assert conflict.question.id == "demo.assistant_live"  # the answer that completed the pair
    assert [(q.id, a.value) for q, a in conflict.answers] == [
        ("demo.assistant_years", "over_2y"), ("demo.assistant_live", "not_yet"),
    ]
    assert saved.answers["demo.assistant_years"].value == "over_2y"
    assert saved.answers["demo.assistant_live"].value == "not_yet"


def test_correct_goes_back_to_the_question(small, tmp_path):
    script = Script(Reply("answer", "over_2y"), Reply("answer", "not_yet"), Reply("correct"),
                    Reply("answer", "pilot"), Reply("answer", "ok"), Reply("done"))
    _, saved = _run(small, script, tmp_path)
    assert script.kinds == [
        "demo.assistant_years", "demo.assistant_live", "CONFLICT", "demo.assistant_live",
        "demo.comment", "REVIEW",
    ]
    # Asked again with the contradicting answer as the default.
    assert script.asked[3].current.value == "not_yet"
    assert saved.answers["demo.assistant_live"].value == "pilot"


def test_keeping_the_answer_after_correct_does_not_ask_again(small, tmp_path):
    script = Script(Reply("answer", "over_2y"), Reply("answer", "not_yet"), Reply("correct"),
                    Reply("answer", "not_yet"), Reply("answer", "ok"), Reply("done"))
    _, saved = _run(small, script, tmp_path)
    assert script.kinds.count("CONFLICT") == 1
    assert saved.answers["demo.assistant_live"].value == "not_yet"


def test_a_change_on_the_review_screen_is_checked_too(small, tmp_path):
    script = Script(Reply("answer", "none"), Reply("answer", "not_yet"), Reply("answer", "ok"),
                    Reply("change", "demo.assistant_years"), Reply("answer", "under_2y"),
                    Reply("correct"), Reply("answer", "none"), Reply("done"))
    _, saved = _run(small, script, tmp_path)
    assert script.kinds == [
        "demo.assistant_years", "demo.assistant_live", "demo.comment", "REVIEW",
        "demo.assistant_years", "CONFLICT", "demo.assistant_years", "REVIEW",
    ]
    assert saved.answers["demo.assistant_years"].value == "none"


def test_an_asker_that_answers_a_conflict_with_something_else_is_a_bug(small, tmp_path):
    script = Script(Reply("answer", "over_2y"), Reply("answer", "not_yet"), Reply("skip"))
    with pytest.raises(ValueError, match="conflict"):
        _run(small, script, tmp_path)


# --- the numbered (plain) asker ------------------------------------------------------------


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assess(*args, input=None):
    return CliRunner().invoke(app, ["assess", *args], input=input, env=ENV, catch_exceptions=False)


def test_plain_asker_confirm(here, small):
    r = assess("--questionnaire", CONTRADICTION, "--company", "Acme", "--lang", "en", "-o", "a.yaml",
               input="3\n1\n1\nok\n\n")
    assert r.exit_code == 0, r.output
    assert "These answers contradict each other: An assistant is said to be in use, yet none" in r.output
    assert "  - Assistant in use: Over two years" in r.output
    assert "  - Assistant serving customers: Not yet" in r.output
    assert "1. Confirm: keep both answers" in r.output
    assert '2. Correct: answer "Assistant serving customers" again' in r.output
    saved = load_assessment(here / "a.yaml", small)
    assert (saved.answers["demo.assistant_years"].value, saved.answers["demo.assistant_live"].value) == (
        "over_2y", "not_yet"
    )
    # The pair is left standing: the summary lists it.
    assert "Answers that contradict each other" in r.output


def test_plain_asker_correct_in_french(here, small):
    r = assess("--questionnaire", CONTRADICTION, "--company", "Acme", "--lang", "fr", "-o", "a.yaml",
               input="3\n1\nx\n2\n2\nok\n\n")
    assert r.exit_code == 0, r.output
    assert "Ces réponses se contredisent : Un assistant serait en service" in r.output
    assert "2. Corriger : répondre de nouveau à « Assistant au service des clients »" in r.output
    assert "Tapez 1 pour confirmer ou 2 pour corriger." in r.output  # "x" is not a choice
    saved = load_assessment(here / "a.yaml", small)
    assert saved.answers["demo.assistant_live"].value == "pilot"
    assert "Réponses qui se contredisent" not in r.output


# --- every output, and answers files -------------------------------------------------------

STANDING = """\
format: 1
questionnaire: {id: cx-ai-2018, version: 1}
company: {id: contra, name: Contra}
language: en
answers:
  profile.industry: manufacturing
  tools.virtual_assistant.tenure: over_2y
  practices.virtual_assistant_live: not_yet
"""


def test_every_output_lists_a_pair_left_standing(cli, tmp_path):
    path = tmp_path / "contra.yaml"
    path.write_text(STANDING, encoding="utf-8")
    doc = json.loads(cli("score", str(path), "--format", "json").output)
    assert [c["rule"] for c in doc["conflicts"]] == ["assistant-in-use-but-not-serving"]
    assert doc["conflicts"][0]["answers"] == {
        "tools.virtual_assistant.tenure": "over_2y", "practices.virtual_assistant_live": "not_yet",
    }
    text = cli("score", str(path)).output
    assert "Answers that contradict each other" in text
    assert "A virtual assistant is said to be in use, yet none serves customers" in text
    md = cli("score", str(path), "--format", "markdown").output
    assert "## Answers that contradict each other" in md
    assert "  - Virtual assistant in service: Not yet" in md
    fr = cli("score", str(path), "--format", "markdown", "--lang", "fr").output
    assert "## Réponses qui se contredisent" in fr
    html = tmp_path / "contra.html"
    assert cli("report", str(path), "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "<h2>Answers that contradict each other</h2>" in page
    # Without a contradiction, no such section.
    clean = tmp_path / "clean.yaml"
    clean.write_text(STANDING.replace("not_yet", "live"), encoding="utf-8")
    assert "contradict" not in cli("score", str(clean)).output
    assert json.loads(cli("score", str(clean), "--format", "json").output)["conflicts"] == []


def test_an_answers_file_reports_its_contradictions(here):
    (here / "answers.yaml").write_text(STANDING, encoding="utf-8")
    r = CliRunner().invoke(
        app, ["assess", "--answers", "answers.yaml", "-o", "out.yaml", "--lang", "en"], input="",
        env=ENV, catch_exceptions=False,
    )
    assert (
        "Warning: in the answers file, A virtual assistant is said to be in use, yet none serves "
        "customers, not even in pilot. (Virtual assistant: In use for more than two years; "
        "Virtual assistant in service: Not yet)"
    ) in r.output


def test_the_documented_rule_is_valid_and_shipped(real):
    from cxmaturity.formats import yamlio
    from cxmaturity.formats.loader import check_condition
    from cxmaturity.formats.models import ConsistencyRule

    text = (Path(__file__).parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    block = textwrap.dedent(text.split("```yaml\n# consistency", 1)[1].split("```", 1)[0])
    (rule,) = [ConsistencyRule.model_validate(r) for r in yamlio.parse(block, "docs/formats.md")]
    for i, cond in enumerate(rule.conflict):
        assert check_condition(cond, ("conflict", i), real._by_id) == []
    assert rule in real.consistency
