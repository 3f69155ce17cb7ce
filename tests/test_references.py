"""References checked at registration: a question or option id that a plugin's scorer, cohort
figure or playbook condition names, and that the questionnaire it applies to does not have, is
a warning naming the plugin and the file:line (an error under --strict)."""

from __future__ import annotations

import textwrap

import pytest
from conftest import EXAMPLES

from cxmaturity.errors import PluginError
from cxmaturity.plugin_host.manager import load_registry

NO_PACKAGES = {"CXMATURITY_LOAD_PLUGINS": ""}

PLAYBOOK = """\
format: 1
id: data-first
title: {en: "Data first", fr: "Les données d'abord"}
priority: 20
applies_when: {q: profile.industry, answered: true}
why: {en: "Data before AI.", fr: "Les données avant l'IA."}
source: "our own practice"
phases:
  - id: records
    title: {en: "One customer record", fr: "Un dossier client unique"}
    done_when: {q: practices.kyc_feed, in: [in_place]}
    actions:
      - id: feed
        text: {en: "Feed the record.", fr: "Alimenter le dossier."}
        needed_unless: {CONDITION}
"""

COHORTS = """\
format: 1
id: our-clients
title: {en: "Our clients", fr: "Nos clients"}
origin: portfolio
questionnaire: cx-ai-2018
survey: {n: 12}
cohorts:
  - id: our_clients
    label: {en: "Our clients", fr: "Nos clients"}
figures:
  - id: fo
    cohort: our_clients
    question: QUESTION
    options: [heavily]
    value: 40
    source: "our 2026 assessments"
    confidence: portfolio
"""

HOOK = """
    from pathlib import Path

    from cxmaturity import hookimpl


    @hookimpl
    def {hook}(register):
        register(Path(__file__).parent / "{file}")
    """


def _yaml_plugin(folder, hook, file, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_text(text)
    (folder / "acme_data.py").write_text(textwrap.dedent(HOOK.format(hook=hook, file=file)))
    return folder


def _only_warning(folder):
    registry = load_registry([folder])
    assert registry.plugins  # every hook called
    [warning] = registry.warnings
    return registry, warning


def test_a_playbook_option_id_that_does_not_exist(tmp_path):
    # The action would be recommended to every company, even one whose record is fed.
    text = PLAYBOOK.replace("{CONDITION}", "{q: practices.kyc_feed, in: [in_plcae]}")
    folder = _yaml_plugin(tmp_path, "register_playbooks", "data-first.yaml", text)
    registry, warning = _only_warning(folder)
    assert warning == (
        f"plugin 'acme-data' names an unknown id: {folder / 'data-first.yaml'}:15: "
        "phases.0.actions.0.needed_unless.in: option 'in_plcae' is not defined in question 'practices.kyc_feed'"
    )
    assert [p.id for p in registry.playbooks if p.id == "data-first"] == ["data-first"]  # kept, but said
    with pytest.raises(PluginError, match="plugin 'acme-data' names an unknown id: .*data-first.yaml:15"):
        assert load_registry([folder], strict=True).playbooks


def test_a_playbook_question_id_that_does_not_exist(tmp_path):
    text = PLAYBOOK.replace("{CONDITION}", "{q: practices.kyc_fed, in: [in_place]}")
    folder = _yaml_plugin(tmp_path, "register_playbooks", "data-first.yaml", text)
    _, warning = _only_warning(folder)
    assert warning.endswith("data-first.yaml:15: phases.0.actions.0.needed_unless.q: "
                            "names unknown question 'practices.kyc_fed'")


def test_a_cohort_figure_on_a_question_that_does_not_exist(cli, tmp_path):
    folder = _yaml_plugin(tmp_path, "register_cohorts", "clients.yaml",
                          COHORTS.replace("QUESTION", "invest.front_ofice"))
    _, warning = _only_warning(folder)
    assert warning == (f"plugin 'acme-data' names an unknown id: {folder / 'clients.yaml'}:13: "
                       "figures.0.question: unknown question 'invest.front_ofice' in 'cx-ai-2018'")
    strict = cli("score", str(EXAMPLES / "nordbank.yaml"), "--plugins-dir", str(folder), "--strict",
                 env=NO_PACKAGES)
    assert strict.exit_code == 1
    assert "Error: plugin 'acme-data' names an unknown id:" in strict.stderr and "clients.yaml:13" in strict.stderr


def test_a_correct_cohort_file_says_nothing(tmp_path):
    folder = _yaml_plugin(tmp_path, "register_cohorts", "clients.yaml",
                          COHORTS.replace("QUESTION", "invest.front_office"))
    registry = load_registry([folder], strict=True)
    assert "our-clients" in [c.id for c in registry.cohort_files] and registry.warnings == []


def test_a_scorer_question_that_no_questionnaire_asks(tmp_path):
    (tmp_path / "acme_owner.py").write_text(textwrap.dedent('''
        from cxmaturity import Finding, Scorer, hookimpl


        class Owner(Scorer):
            name = "owner"
            dimension = "owner"
            questions = ("datagov.ownr",)

            def score(self, ctx):
                return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[], asked=0)]


        @hookimpl
        def register_scorers(register):
            register(Owner())
        '''))
    registry = load_registry([tmp_path])
    assert [s.name for s in registry.scorers if s.name == "owner"] == ["owner"]
    assert registry.warnings == [
        f"plugin 'acme-owner' names an unknown id: {tmp_path / 'acme_owner.py'}:8: scorer 'owner' reads "
        "question 'datagov.ownr', which no registered questionnaire asks"
    ]


def test_the_built_in_plugins_name_only_ids_that_exist():
    registry = load_registry([], strict=True)
    assert registry.plugins and registry.warnings == []
