"""The roadmap's judgement, as properties: over every action of every shipped playbook and over
generated assessments (tests/generate.py), a 'not applicable' answer never calls for an action,
a step reported done is never shown as to come, and a health company never gets a bank's step."""

from __future__ import annotations

import random

import generate
import pytest
from conftest import QUESTIONNAIRES, ROOT

from cxmaturity.evaluation.roadmap import recommend
from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.loader import load, load_questionnaire
from cxmaturity.formats.models import Assessment, Playbook

PLAYBOOKS = sorted((ROOT / "benchmarks" / "playbooks").glob("*.yaml"))
#: The questions behind the bank's steps (know-your-customer, fraud): never for a health company.
BANKING = {"practices.kyc_feed", "practices.fraud_detection"}


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")


@pytest.fixture(scope="module")
def playbooks() -> list[Playbook]:
    return [load(path, Playbook) for path in PLAYBOOKS]


@pytest.fixture(scope="module")
def generated(questionnaire):
    """300 generated assessments, each as (answers, not-applicable ids, assessment); a random
    tenth of each one's answered questions are turned into 'not applicable'."""
    rng = random.Random(13)
    out = []
    for data in generate.assessments(300, seed=1313):
        assessment = Assessment.model_validate(data)
        for qid, answer in list(assessment.answers.items()):
            if answer.state == "answered" and not qid.startswith("profile.") and rng.random() < 0.1:
                assessment.answers[qid] = answer.model_copy(update={"state": "not_applicable", "value": None})
        skipped = {k for k, a in assessment.answers.items() if a.state == "not_applicable"}
        out.append((assessment.answered(), skipped, assessment))
    return out


def _industry_for(playbook: Playbook, questionnaire) -> str:
    """An industry whose companies may be given `playbook` (its gate holds)."""
    for option in questionnaire.question("profile.industry").option_ids:
        if evaluate(playbook.applies_when, {"profile.industry": option}, questionnaire):
            return option
    raise AssertionError(f"{playbook.id} applies to no industry")


def _cases(playbooks_files=PLAYBOOKS):
    for path in playbooks_files:
        playbook = load(path, Playbook)
        for i, phase in enumerate(playbook.phases):
            for action in phase.actions:
                yield pytest.param(path, i, action.id, id=f"{playbook.id}/{phase.id}/{action.id}")


@pytest.mark.parametrize("path, index, action_id", list(_cases()))
def test_an_action_whose_trigger_is_not_applicable_is_never_recommended(
    questionnaire, path, index, action_id
):
    playbook = load(path, Playbook)
    phase = playbook.phases[index]
    action = next(a for a in phase.actions if a.id == action_id)
    answers = {"profile.industry": _industry_for(playbook, questionnaire)}
    # The playbook from this phase on, so that with no answers this phase is the current one.
    playbook = playbook.model_copy(update={"phases": playbook.phases[index:]})
    roadmap = recommend(answers, questionnaire, {}, [playbook])
    assert roadmap.current == phase.id
    # With no answer, the action is a gap to close...
    assert action_id in [a.id for a in roadmap.next_actions]
    # ... and once its trigger is answered "not applicable", it is not recommended.
    for qid in action.needed_unless.questions():
        roadmap = recommend(answers, questionnaire, {}, [playbook], {qid})
        assert action_id not in [a.id for a in roadmap.next_actions], qid


def test_not_applicable_answers_never_trigger_an_action_in_generated_assessments(
    questionnaire, playbooks, generated
):
    checked = 0
    for answers, skipped, _ in generated:
        roadmap = recommend(answers, questionnaire, {}, playbooks, skipped)
        by_id = {p.id: p for p in playbooks}[roadmap.playbook]
        actions = {a.id: a for ph in by_id.phases for a in ph.actions}
        for step in roadmap.next_actions:
            read = set(actions[step.id].needed_unless.questions())
            assert not read & skipped, (roadmap.playbook, step.id, read & skipped)
            checked += 1
    assert checked > 300


def test_a_step_reported_done_is_never_upcoming(questionnaire, playbooks, generated):
    done_seen = 0
    for answers, skipped, _ in generated:
        roadmap = recommend(answers, questionnaire, {}, playbooks, skipped)
        playbook = {p.id: p for p in playbooks}[roadmap.playbook]
        status = {p.id: p.status for p in roadmap.phases}
        for phase in playbook.phases:
            if evaluate(phase.done_when, answers, questionnaire):
                assert status[phase.id] == "completed", (roadmap.playbook, phase.id)
                assert phase.id in roadmap.completed and roadmap.current != phase.id
                done_seen += 1
            else:
                assert status[phase.id] != "completed"
        # No action of a done step is proposed.
        assert not {a.phase for a in roadmap.next_actions} & set(roadmap.completed)
    assert done_seen > 50


def test_a_health_company_never_gets_a_banking_step(questionnaire, playbooks, generated):
    health = 0
    for answers, skipped, _ in generated:
        for industry in ("pharma_health",):
            profile = {**answers, "profile.industry": industry}
            roadmap = recommend(profile, questionnaire, {}, playbooks, skipped)
            assert roadmap.playbook == "health-privacy"
            playbook = {p.id: p for p in playbooks}[roadmap.playbook]
            read = {
                q for ph in playbook.phases
                for c in [ph.done_when, *(a.needed_unless for a in ph.actions)]
                for q in c.questions()
            }
            assert not read & BANKING
            assert not {a.id for a in roadmap.next_actions} & {
                "plan-kyc-feed", "kyc-feed-in-place", "study-fraud-models", "fraud-detection-in-place"
            }
            # The reason is given, in both languages, naming the sector.
            assert "Pharmaceuticals and healthcare" in roadmap.because["en"]
            assert "Pharmacie et santé" in roadmap.because["fr"]
            health += 1
    assert health == len(generated)


def test_the_gdpr_is_a_constraint_only_in_europe(questionnaire, playbooks, generated):
    outside = 0
    for answers, skipped, _ in generated:
        for industry in ("financial_services", "pharma_health"):
            roadmap = recommend(
                {**answers, "profile.industry": industry}, questionnaire, {}, playbooks, skipped
            )
            gdpr = [c for c in roadmap.constraints if "GDPR" in c.text["en"]]
            assert all("RGPD" in c.text["fr"] for c in gdpr)
            if answers.get("profile.region") == "europe":
                assert gdpr
            else:
                assert not gdpr, "outside Europe the constraint is the local data-protection rules"
                outside += 1
    assert outside > 100


def test_every_playbook_has_a_reason_in_both_languages(questionnaire, playbooks, generated):
    for answers, skipped, _ in generated[:100]:
        roadmap = recommend(answers, questionnaire, {}, playbooks, skipped)
        assert roadmap.because["en"].startswith("Chosen")
        assert roadmap.because["fr"].startswith("Choisi")


def test_a_brazilian_company_is_not_shown_the_gdpr(questionnaire, playbooks):
    answers = {"profile.region": "latin_america", "profile.country": "brazil",
               "profile.industry": "financial_services"}
    roadmap = recommend(answers, questionnaire, {}, playbooks)
    texts = [c.text["en"] for c in roadmap.constraints]
    assert any("data-protection rules where the company operates" in t for t in texts)
    assert not any(t.startswith("Personal data may be kept no longer") for t in texts)


@pytest.mark.parametrize("lang, words", [
    ("en", ("Takeda and Sutter Health", "Chosen because it fits the whole profile best",
            'Industry is "Pharmaceuticals and healthcare"')),
    ("fr", ("Takeda et Sutter Health", "Choisi parce qu'il correspond le mieux",
            "Secteur : « Pharmacie et santé »")),
])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_health_groups_summary_shows_the_playbook_and_its_reason(cli, lang, words, fmt):
    import re

    from conftest import EXAMPLES

    out = cli("score", str(EXAMPLES / "lumiere-sante.yaml"), "--lang", lang, "--format", fmt).output
    flat = re.sub(r"[\s│╭╮╰╯─]+", " ", out)
    for w in words:
        assert w in flat
