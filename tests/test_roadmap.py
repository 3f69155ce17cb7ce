"""The roadmap recommendation: which playbook, which phase, which next actions, and the
evidence behind them, for the example companies and for playbooks added by a plugin."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

from cxmaturity.evaluation.roadmap import recommend
from cxmaturity.formats import yamlio
from cxmaturity.formats.loader import load, load_assessment, load_questionnaire
from cxmaturity.formats.models import Playbook
from cxmaturity.plugin_host.manager import load_registry

PLAYBOOKS = ROOT / "benchmarks" / "playbooks"
FACTS = ROOT.parent / "shared" / "seed" / "report-facts.yaml"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")


@pytest.fixture(scope="module")
def playbooks() -> list[Playbook]:
    return [load(path, Playbook) for path in sorted(PLAYBOOKS.glob("*.yaml"))]


@pytest.fixture(scope="module")
def registry():
    return load_registry(plugins_dirs=(), strict=True)


def roadmap_of(name, questionnaire, playbooks, registry):
    """recommend() on an example company, with the dimension scores the built-in scorers give."""
    from cxmaturity.evaluation.pipeline import evaluate

    assessment = load_assessment(EXAMPLES / f"{name}.yaml", questionnaire)
    scores = {d.id: d.score for d in evaluate(assessment, questionnaire, registry).dimensions}
    assert scores, "the built-in scorers gave no dimension score"
    skipped = {k for k, a in assessment.answers.items() if a.state == "not_applicable"}
    return recommend(assessment.answered(), questionnaire, scores, playbooks, skipped)


# --- the example companies ---------------------------------------------------------------


def test_online_retailer_early_on_is_in_rakuten_phase_1(questionnaire, playbooks, registry):
    # Acquiring AI, chatbots under two years, 10-25% of requests fully automated.
    roadmap = roadmap_of("sakura-online-2025", questionnaire, playbooks, registry)
    assert roadmap.playbook == "rakuten"
    assert roadmap.completed == []
    assert roadmap.current == "routine-to-chatbots"
    # Chosen on the whole profile, with the points of the next best playbook.
    assert roadmap.because["en"] == (
        "Chosen because it fits the whole profile best (6 points on cxmaturity's scale): "
        'Sales made online is "Over 75%"; Industry is "Consumer goods and retail"; '
        'Personalised recommendations is "In use for more than two years". '
        "Next best: Orange Bank: AI in a regulated sector (2 points)."
    )
    assert roadmap.because["fr"].startswith(
        "Choisi parce qu'il correspond le mieux à l'ensemble du profil (6 points"
    )
    first = roadmap.next_actions[0]
    # Chatbots are already deployed, so the first gap is the automation share.
    assert [a.id for a in roadmap.next_actions][:1] == ["automate-routine-requests"]
    assert "deploy-chatbots" not in [a.id for a in roadmap.next_actions]
    assert first.rank == 1
    assert first.gap["en"] == 'Requests fully automated is "10 to 25%"'
    assert first.gap["fr"] == "Demandes entièrement automatisées : « 10 à 25 % »"
    assert first.answers == {"automation.fully_automated": "10_25"}
    assert {e.fact_id for e in first.evidence} == {
        "rakuten_phase1_calls_automated", "fully_automated_requests_avg",
    }
    assert [k.id for k in roadmap.kpis] == ["share-fully-automated", "handling-time",
                                             "out-of-hours-contacts"]
    assert roadmap.constraints == []
    assert [(p.id, p.status) for p in roadmap.phases] == [
        ("routine-to-chatbots", "current"), ("decision-support", "later"),
        ("cross-unit-ai", "later"),
    ]


def test_bank_with_live_assistant_is_at_orange_bank_step_2(questionnaire, playbooks, registry):
    roadmap = roadmap_of("nordbank", questionnaire, playbooks, registry)
    assert roadmap.playbook == "orange-bank"
    assert "Financial services" in roadmap.because["en"]
    assert roadmap.completed == ["cx-assistant"]
    assert roadmap.current == "kyc-feed"
    # Retention rules and conversation mining are in place already: only the KYC feed is left.
    assert [a.id for a in roadmap.next_actions] == ["plan-kyc-feed", "kyc-feed-in-place"]
    assert roadmap.next_actions[0].gap["en"] == 'Assistant feeds KYC is "Not yet"'
    assert roadmap.next_actions[0].evidence[0].fact_id == "orange_bank_step2"
    assert {c.fact_id for c in roadmap.constraints} >= {"orange_bank_gdpr"}
    assert len(roadmap.constraints) == 2


def test_cx_leader_retailer_has_rakuten_phase_3_next(questionnaire, playbooks, registry):
    roadmap = roadmap_of("maple-mart", questionnaire, playbooks, registry)
    assert roadmap.playbook == "rakuten"
    assert roadmap.completed == ["routine-to-chatbots", "decision-support"]
    assert roadmap.current == "cross-unit-ai"
    # A pilot runs already; taking it to production is what is left.
    assert [a.id for a in roadmap.next_actions] == ["cross-unit-live"]
    assert roadmap.next_actions[0].gap["en"] == 'AI across business units is "In pilot"'


def test_manufacturer_with_basic_automation_starts_rakuten_phase_1(questionnaire, playbooks, registry):
    roadmap = roadmap_of("andes-industrial", questionnaire, playbooks, registry)
    assert roadmap.playbook == "rakuten"
    assert roadmap.current == "routine-to-chatbots"
    assert [a.id for a in roadmap.next_actions][:2] == [
        "deploy-chatbots", "automate-routine-requests",
    ]
    assert [a.rank for a in roadmap.next_actions] == list(range(1, len(roadmap.next_actions) + 1))
    assert roadmap.next_actions[0].gap["fr"] == "Chatbots de messagerie : « Pas déployé »"


def test_health_group_gets_the_health_playbook_not_a_banks(questionnaire, playbooks, registry):
    roadmap = roadmap_of("lumiere-sante", questionnaire, playbooks, registry)
    assert roadmap.playbook == "health-privacy"
    assert "Pharmaceuticals and healthcare" in roadmap.because["en"]
    assert "Pharmacie et santé" in roadmap.because["fr"]
    assert roadmap.current == "privacy-gate"
    # Retention is partly in place: enforcing deletion is left. Personalised recommendations
    # were answered "not applicable", so the no-profiling check is not asked of it.
    assert [a.id for a in roadmap.next_actions] == ["deletion-enforced"]
    # Orange Bank is set aside for a health company, and says on which answer.
    aside = {c.playbook: c for c in roadmap.considered}
    assert aside["orange-bank"].set_aside
    assert "Pharmaceuticals and healthcare" in aside["orange-bank"].because["en"]
    # A French group: the GDPR is its data-protection context.
    assert any("GDPR" in c.text["en"] for c in roadmap.constraints)


def test_the_same_company_a_year_later_has_moved_to_phase_2(questionnaire, playbooks, registry):
    roadmap = roadmap_of("sakura-online-2026", questionnaire, playbooks, registry)
    assert roadmap.completed == ["routine-to-chatbots"]
    assert roadmap.current == "decision-support"


# --- the rules of the recommendation ----------------------------------------------------


def test_a_later_phase_reported_done_is_shown_done_not_upcoming(questionnaire, playbooks):
    answers = {"profile.industry": "consumer_retail", "tools.chatbots.tenure": "none",
               "practices.decision_support": "live", "practices.cross_unit_ai": "live"}
    roadmap = recommend(answers, questionnaire, {}, playbooks)
    assert roadmap.completed == ["decision-support", "cross-unit-ai"]
    assert roadmap.current == "routine-to-chatbots"
    assert [(p.id, p.status) for p in roadmap.phases] == [
        ("routine-to-chatbots", "current"), ("decision-support", "completed"),
        ("cross-unit-ai", "completed"),
    ]


def test_fraud_detection_in_place_shows_orange_bank_step_3_done(questionnaire, playbooks):
    answers = {"profile.industry": "financial_services", "practices.virtual_assistant_live": "pilot",
               "practices.fraud_detection": "in_place"}
    roadmap = recommend(answers, questionnaire, {}, playbooks)
    assert [(p.id, p.status) for p in roadmap.phases] == [
        ("cx-assistant", "current"), ("kyc-feed", "later"), ("risk-and-fraud", "completed"),
    ]


def test_an_action_answered_not_applicable_is_not_recommended(questionnaire, playbooks):
    answers = {"profile.industry": "financial_services", "practices.virtual_assistant_live": "pilot"}
    ids = [a.id for a in recommend(answers, questionnaire, {}, playbooks).next_actions]
    assert "assistant-proposes-products" in ids  # no answer yet: still a gap
    roadmap = recommend(answers, questionnaire, {}, playbooks,
                        not_applicable={"tools.recommendation.tenure"})
    assert "assistant-proposes-products" not in [a.id for a in roadmap.next_actions]


def test_a_phase_resting_only_on_not_applicable_answers_does_not_apply(questionnaire, playbooks):
    answers = {"profile.industry": "consumer_retail", "tools.chatbots.tenure": "over_2y",
               "automation.fully_automated": "over_75"}
    roadmap = recommend(answers, questionnaire, {}, playbooks,
                        not_applicable={"practices.decision_support"})
    assert [(p.id, p.status) for p in roadmap.phases] == [
        ("routine-to-chatbots", "completed"), ("decision-support", "not_applicable"),
        ("cross-unit-ai", "current"),
    ]


def test_every_phase_done_leaves_no_current_phase(questionnaire, playbooks):
    answers = {"tools.chatbots.tenure": "over_2y", "automation.fully_automated": "over_75",
               "practices.decision_support": "live", "practices.cross_unit_ai": "live"}
    roadmap = recommend(answers, questionnaire, {}, playbooks)
    assert roadmap.completed == ["routine-to-chatbots", "decision-support", "cross-unit-ai"]
    assert roadmap.current is None
    assert roadmap.next_actions == [] and roadmap.kpis == []


def test_automation_score_stands_in_for_an_unanswered_automation_share(questionnaire, playbooks):
    answers = {"profile.industry": "consumer_retail", "tools.chatbots.tenure": "under_2y"}
    assert recommend(answers, questionnaire, {"automation": 65.0}, playbooks).completed == [
        "routine-to-chatbots"
    ]
    assert recommend(answers, questionnaire, {"automation": 35.0}, playbooks).completed == []
    assert recommend(answers, questionnaire, {"automation": None}, playbooks).completed == []
    # A low share given by the company wins over a high score.
    low = {**answers, "automation.fully_automated": "10_25"}
    assert recommend(low, questionnaire, {"automation": 90.0}, playbooks).completed == []


def test_no_industry_answered_falls_back_to_rakuten(questionnaire, playbooks):
    roadmap = recommend({}, questionnaire, {}, playbooks)
    assert roadmap.playbook == "rakuten"
    assert roadmap.because["en"].startswith("Chosen as the general roadmap")


def test_a_regulated_flag_sends_any_industry_to_orange_bank(questionnaire, playbooks):
    answers = {"profile.industry": "transport_logistics", "profile.regulated": "regulated"}
    assert recommend(answers, questionnaire, {}, playbooks).playbook == "orange-bank"


def test_no_playbook_applies_gives_no_roadmap(questionnaire, playbooks):
    health = [p for p in playbooks if p.id == "health-privacy"]
    assert recommend({"profile.industry": "manufacturing"}, questionnaire, {}, health) is None


# --- playbooks added by a plugin --------------------------------------------------------

THIRD_PLAYBOOK = """
    format: 1
    id: telco-care
    title: {en: "Telco care", fr: "Service télécom"}
    applies_when: {q: profile.industry, in: [it_telecom]}
    priority: 50
    why: {en: "For operators.", fr: "Pour les opérateurs."}
    source: "Example plugin"
    phases:
      - id: bots-first
        title: {en: "Bots first", fr: "Les bots d'abord"}
        done_when: {q: tools.chatbots.tenure, gte: over_2y}
        actions:
          - id: add-bots
            text: {en: "Add bots.", fr: "Ajouter des bots."}
            needed_unless: {q: tools.chatbots.tenure, gte: under_2y}
"""

PLUGIN = '''
from pathlib import Path

from cxmaturity import hookimpl


@hookimpl
def register_playbooks(register):
    register(Path(__file__).with_name("telco-care.yaml"))
'''


@pytest.fixture
def registry_with_third_playbook(tmp_path):
    (tmp_path / "telco-care.yaml").write_text(textwrap.dedent(THIRD_PLAYBOOK), encoding="utf-8")
    (tmp_path / "telco_care_plugin.py").write_text(PLUGIN, encoding="utf-8")
    return load_registry(plugins_dirs=[tmp_path], strict=True)


def test_built_in_plugin_registers_the_three_playbooks():
    registry = load_registry(plugins_dirs=(), strict=True)
    assert [p.id for p in registry.playbooks] == ["health-privacy", "orange-bank", "rakuten"]


def test_plugin_playbook_is_chosen_when_it_fits(questionnaire, registry_with_third_playbook):
    answers = {"profile.industry": "it_telecom", "tools.chatbots.tenure": "none"}
    roadmap = recommend(answers, questionnaire, {}, registry_with_third_playbook.playbooks)
    assert roadmap.playbook == "telco-care"
    assert roadmap.current == "bots-first"
    assert [a.id for a in roadmap.next_actions] == ["add-bots"]


def test_plugin_playbook_is_passed_over_when_it_does_not_fit(
    questionnaire, registry_with_third_playbook
):
    ids = [p.id for p in registry_with_third_playbook.playbooks]
    assert "telco-care" in ids
    others = (("consumer_retail", "rakuten"), ("financial_services", "orange-bank"))
    for industry, expected in others:
        answers = {"profile.industry": industry}
        roadmap = recommend(answers, questionnaire, {}, registry_with_third_playbook.playbooks)
        assert roadmap.playbook == expected


# --- the playbook files themselves ------------------------------------------------------


def test_every_question_a_playbook_reads_is_in_the_questionnaire(questionnaire, playbooks):
    # profile.regulated is the one exception: an optional flag a questionnaire may add.
    optional = {"profile.regulated"}
    for playbook in playbooks:
        conditions = [playbook.applies_when] + [f.when for f in playbook.fit] + [
            c.when for c in playbook.constraints
        ] + [
            c for phase in playbook.phases
            for c in [phase.done_when] + [a.needed_unless for a in phase.actions]
        ]
        for cond in filter(None, conditions):
            for leaf in cond.walk():
                if leaf.q is None or leaf.q in optional:
                    continue
                question = questionnaire.question(leaf.q)
                assert question is not None, f"{playbook.id}: unknown question {leaf.q}"
                for option in (leaf.in_ or []) + [
                    b for b in (leaf.gte, leaf.lte) if isinstance(b, str)
                ]:
                    assert option in question.option_ids, f"{playbook.id}: {leaf.q} has no {option}"


def test_every_action_and_phase_carries_its_reason_and_evidence(playbooks):
    for playbook in playbooks:
        assert playbook.phases and playbook.why["en"] and playbook.why["fr"]
        for phase in playbook.phases:
            assert phase.evidence, f"{playbook.id}/{phase.id} has no evidence"
            assert phase.kpis, f"{playbook.id}/{phase.id} has no KPI"
            for action in phase.actions:
                assert action.needed_unless is not None, f"{action.id} has no trigger"
                assert action.reason and set(action.reason) == {"en", "fr"}
            for kpi in phase.kpis:
                assert kpi.source and set(kpi.text) == {"en", "fr"}


def test_an_action_citing_a_fact_outside_its_phase_is_refused(tmp_path):
    from cxmaturity.errors import FileError

    bad = textwrap.dedent(THIRD_PLAYBOOK.replace(
        "needed_unless: {q: tools.chatbots.tenure, gte: under_2y}",
        "needed_unless: {q: tools.chatbots.tenure, gte: under_2y}\n"
        "            facts: [made_up_fact]",
    ))
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(FileError) as err:
        load(path, Playbook)
    assert "made_up_fact" in str(err.value)
    assert "bad.yaml:" in str(err.value)


def test_every_evidence_fact_id_is_in_the_report_facts(playbooks):
    if not FACTS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {FACTS} is missing: the evidence cannot be checked")
        pytest.skip(
            f"{FACTS} not found (CI has ../shared beside the checkout): evidence not checked"
        )
    data = yamlio.parse(Path(FACTS).read_text(encoding="utf-8"), str(FACTS))
    known = {fact["id"] for fact in data["facts"]}
    cited = {
        (playbook.id, e.fact_id)
        for playbook in playbooks
        for e in [*playbook.constraints, *(e for ph in playbook.phases for e in ph.evidence)]
        if e.fact_id
    }
    assert cited, "the playbooks cite no fact at all"
    missing = sorted(c for c in cited if c[1] not in known)
    assert not missing, f"fact ids not in {FACTS.name}: {missing}"


# --- through evaluate() and the command line --------------------------------------------


@pytest.mark.parametrize(
    "name, playbook, completed, current",
    [
        ("sakura-online-2025", "rakuten", [], "routine-to-chatbots"),
        ("nordbank", "orange-bank", ["cx-assistant"], "kyc-feed"),
        ("maple-mart", "rakuten", ["routine-to-chatbots", "decision-support"], "cross-unit-ai"),
        ("andes-industrial", "rakuten", [], "routine-to-chatbots"),
    ],
)
def test_evaluate_puts_the_roadmap_in_the_result(questionnaire, registry, name, playbook,
                                                 completed, current):
    from cxmaturity.evaluation.pipeline import evaluate

    assessment = load_assessment(EXAMPLES / f"{name}.yaml", questionnaire)
    roadmap = evaluate(assessment, questionnaire, registry).roadmap
    assert (roadmap.playbook, roadmap.completed, roadmap.current) == (playbook, completed, current)


def test_score_json_includes_the_roadmap(cli):
    import json

    result = cli("score", str(EXAMPLES / "nordbank.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    roadmap = json.loads(result.output)["roadmap"]
    assert roadmap["playbook"] == "orange-bank"
    assert roadmap["current"] == "kyc-feed"
    first = roadmap["next_actions"][0]
    assert first["id"] == "plan-kyc-feed"
    assert first["answers"] == {"practices.kyc_feed": "not_yet"}
    assert first["evidence"][0] == {
        "text": first["evidence"][0]["text"],
        "source": "Case study: Orange Bank",
        "confidence": "stated",
        "fact_id": "orange_bank_step2",
    }
    assert [c["fact_id"] for c in roadmap["constraints"]] == ["orange_bank_gdpr", None]


def test_a_plugin_cannot_replace_a_shipped_playbook(tmp_path, questionnaire):
    (tmp_path / "rakuten.yaml").write_text(
        textwrap.dedent(THIRD_PLAYBOOK).replace("id: telco-care", "id: rakuten"), encoding="utf-8"
    )
    (tmp_path / "copycat.py").write_text(PLUGIN.replace("telco-care.yaml", "rakuten.yaml"),
                                         encoding="utf-8")
    registry = load_registry(plugins_dirs=[tmp_path], strict=False)
    rakuten = next(p for p in registry.playbooks if p.id == "rakuten")
    assert rakuten.source == "Case study: Rakuten"
    assert any("playbook 'rakuten' is already registered by plugin 'playbooks'" in w
               for w in registry.warnings), registry.warnings
