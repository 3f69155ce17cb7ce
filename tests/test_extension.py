"""Questionnaire extension (``extend:``) and what applies to a questionnaire: a plugin dimension
joins the main interview, and a plugin questionnaire that stands alone gets none of the 2018
survey's output."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import DATA, EXAMPLES

from cxmaturity.errors import FileError, PluginError
from cxmaturity.evaluation.applies import cohort_files_for, playbooks_for, scorers_for
from cxmaturity.plugin_host.manager import load_registry

EXTENSION = DATA / "plugins" / "extension"
STANDALONE = DATA / "plugins" / "standalone"
NO_PACKAGES = {"CXMATURITY_LOAD_PLUGINS": ""}

CARE = """\
questionnaire: {id: acme-care, version: 1}
company: {id: acme, name: Acme}
language: en
answers:
  profile.region: europe
  tools.chatbots.tenure: over_2y
  care.effort: planned
  care.callback: "yes"
"""

ALONE = """\
questionnaire: {id: acme-alone, version: 1}
company: {id: acme, name: Acme}
language: en
answers:
  effort.measured: planned
  effort.acted: in_place
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def _ext_plugin(tmp_path, yaml_text):
    """A plugin folder registering one extension questionnaire written from `yaml_text`."""
    folder = tmp_path / "ext"
    folder.mkdir()
    (folder / "acme-x.yaml").write_text(textwrap.dedent(yaml_text))
    (folder / "acme_x.py").write_text(textwrap.dedent("""\
        from pathlib import Path

        from cxmaturity import hookimpl


        @hookimpl
        def register_questionnaires(register):
            register(Path(__file__).parent / "acme-x.yaml")
        """))
    return folder


# --- extension -----------------------------------------------------------------------------


def test_an_extension_is_the_base_with_its_own_questions_after():
    registry = load_registry([EXTENSION])
    by_key = {f"{q.id}@{q.version}": q for q in registry.questionnaires}
    base, care = by_key["cx-ai-2018@1"], by_key["acme-care@1"]
    ids = [q.id for q in care.questions]
    assert ids == [q.id for q in base.questions] + ["care.effort", "care.callback"]
    assert [s.id for s in care.sections] == [s.id for s in base.sections] + ["care"]
    assert care.extend.id == "cx-ai-2018" and registry.warnings == []
    # Every survey scorer and cohort file still applies, and the plugin's scorer joins them.
    assert {s.name for s in scorers_for(care, registry)} == {s.name for s in scorers_for(base, registry)} | {
        "acme-care"
    }
    assert [c.id for c in cohort_files_for(care, registry)] == [c.id for c in cohort_files_for(base, registry)]


def test_an_extension_adds_a_dimension_with_its_label_to_the_main_summary(cli, tmp_path):
    path = _write(tmp_path, "care.yaml", CARE)
    result = cli("score", str(path), "--plugins-dir", str(EXTENSION), env=NO_PACKAGES)
    assert result.exit_code == 0, result.stderr
    assert "Customer care (apart)" in result.stdout
    assert "All respondents" in result.stdout  # the survey's cohorts still apply
    assert "Against the survey cohorts" in result.stdout
    doc = json.loads(cli("score", str(path), "--plugins-dir", str(EXTENSION), "--format", "json",
                         env=NO_PACKAGES).stdout)
    dims = {d["id"]: d for d in doc["dimensions"]}
    assert dims["care"]["label"] == {"en": "Customer care", "fr": "Service client"}
    assert dims["care"]["coverage"] == {"answered": 2, "asked": 2}
    assert {"investment", "tools"} <= set(dims)


def test_the_interview_of_an_extension_asks_the_base_then_the_plugin_questions(cli, tmp_path):
    answers = _write(tmp_path, "partial.yaml", CARE.replace("  care.effort: planned\n", ""))
    out = tmp_path / "done.yaml"
    result = cli("assess", "--answers", str(answers), "-o", str(out), "--plain", "--plugins-dir", str(EXTENSION),
                 input="s\n" * 200, env=NO_PACKAGES)
    assert "Do you measure customer effort?" in result.stdout
    assert out.exists()


def test_a_condition_of_an_extension_may_name_a_base_question(tmp_path):
    registry = load_registry([EXTENSION])
    care = next(q for q in registry.questionnaires if q.id == "acme-care")
    assert care.question("care.callback").when.q == "tools.chatbots.tenure"


def test_an_extension_may_add_questions_to_a_base_section(tmp_path):
    folder = _ext_plugin(tmp_path, """\
        id: acme-x
        version: 1
        title: {en: "X", fr: "X"}
        extend: {id: cx-ai-2018, version: 1}
        sections:
          - id: profile
            questions:
              - id: profile.callcentre
                type: number
                text: {en: "How many agents?", fr: "Combien de conseillers ?"}
        """)
    registry = load_registry([folder], strict=True)
    x = next(q for q in registry.questionnaires if q.id == "acme-x")
    assert x.section_of("profile.callcentre").id == "profile"
    base = next(q for q in registry.questionnaires if q.id == "cx-ai-2018")
    base_profile = [q.id for q in base.sections[0].questions]
    assert [q.id for q in x.sections[0].questions] == [*base_profile, "profile.callcentre"]


@pytest.mark.parametrize(
    ("sections", "line", "message"),
    [
        ("""\
          - id: more
            title: {en: "More", fr: "Plus"}
            questions:
              - id: invest.front_office
                type: number
                text: {en: "Again?", fr: "Encore ?"}
        """, 9, "sections.0.questions.0.id: question 'invest.front_office' is already in 'cx-ai-2018' "
                "version 1 (an extension adds questions, it cannot redefine one)"),
        ("""\
          - id: profile
            title: {en: "Profile", fr: "Profil"}
            questions:
              - id: profile.agents
                type: number
                text: {en: "Agents?", fr: "Conseillers ?"}
        """, 7, "sections.0.title: section 'profile' is the base's: its questions are added under the "
                "base's title (leave the title out)"),
        ("""\
          - id: more
            title: {en: "More", fr: "Plus"}
            questions:
              - id: more.agents
                type: number
                when: {q: tools.chatbots.tenure, in: [forever]}
                text: {en: "Agents?", fr: "Conseillers ?"}
        """, 11, "sections.0.questions.0.when.in: option 'forever' is not defined in question "
                 "'tools.chatbots.tenure'"),
    ],
    ids=["question-id-clash", "title-on-a-base-section", "wrong-option-in-a-condition"],
)
def test_a_wrong_extension_is_located_in_its_file_and_named(tmp_path, sections, line, message):
    head = """\
        id: acme-x
        version: 1
        title: {en: "X", fr: "X"}
        extend: {id: cx-ai-2018, version: 1}
        sections:
        """
    folder = _ext_plugin(tmp_path, textwrap.dedent(head) + textwrap.indent(textwrap.dedent(sections), "  "))
    registry = load_registry([folder])
    assert "acme-x" not in [q.id for q in registry.questionnaires]
    path = folder / "acme-x.yaml"
    assert registry.warnings == [f"plugin 'acme-x' failed in register_questionnaires: {path}:{line}: {message}"]
    with pytest.raises(PluginError, match="plugin 'acme-x'"):
        _ = load_registry([folder], strict=True).questionnaires


def test_an_extension_of_an_unknown_questionnaire_is_named(tmp_path):
    folder = _ext_plugin(tmp_path, """\
        id: acme-x
        version: 1
        title: {en: "X", fr: "X"}
        extend: {id: cx-ai-2019, version: 1}
        sections:
          - id: more
            title: {en: "More", fr: "Plus"}
            questions:
              - {id: more.x, type: number, text: {en: "X?", fr: "X ?"}}
        """)
    registry = load_registry([folder])
    assert "acme-x" not in [q.id for q in registry.questionnaires]
    [warning] = registry.warnings
    assert warning == (f"plugin 'acme-x' failed in register_questionnaires: {folder / 'acme-x.yaml'}:4: "
                       "extend: extends 'cx-ai-2019' version 1, which no plugin registers (registered: "
                       "cx-ai-2018-quick@1, cx-ai-2018@1)")


def test_an_extension_file_is_validated_and_shown_merged_onto_the_registered_base(cli):
    path = EXTENSION / "acme-care.yaml"
    result = cli("validate", str(path), env=NO_PACKAGES)
    assert result.exit_code == 0, result.stderr
    shown = cli("questionnaires", "show", str(path), env=NO_PACKAGES)
    assert shown.exit_code == 0
    assert "Customer care" in shown.stdout and "Company profile" in shown.stdout


# --- what applies to a questionnaire ---------------------------------------------------------


def test_a_standalone_plugin_questionnaire_gets_none_of_the_survey_output(cli, tmp_path):
    path = _write(tmp_path, "alone.yaml", ALONE)
    result = cli("score", str(path), "--plugins-dir", str(STANDALONE), env=NO_PACKAGES)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Customer effort (apart)" in text
    for survey in ("599", "2018", "All respondents", "CX leaders", "survey", "0 of 0", "Rakuten",
                   "What the report says"):
        assert survey not in text, survey
    assert "Against the cohorts" in text and "Our clients" in text
    doc = json.loads(cli("score", str(path), "--plugins-dir", str(STANDALONE), "--format", "json",
                         env=NO_PACKAGES).stdout)
    assert [d["id"] for d in doc["dimensions"]] == ["effort"]
    assert [c["id"] for c in doc["cohorts"]] == ["acme_clients"]
    assert doc["statements"] == [] and doc["roadmap"] is None
    assert [s["id"] for s in doc["cohort_sources"]] == ["acme-clients"]
    assert [p["name"] for p in doc["plugins"]] == ["acme-alone"]  # the survey's plugins took no part


def test_a_plugin_cohort_file_does_not_apply_to_the_survey_questionnaire(cli):
    result = cli("score", str(EXAMPLES / "andes-industrial.yaml"), "--plugins-dir", str(STANDALONE),
                 "--format", "json", env=NO_PACKAGES)
    doc = json.loads(result.stdout)
    assert "acme_clients" not in [c["id"] for c in doc["cohorts"]]
    assert "effort" not in [d["id"] for d in doc["dimensions"]]


def test_what_applies_holds_for_every_registered_questionnaire():
    registry = load_registry([EXTENSION, STANDALONE])
    for q in registry.questionnaires:
        asked = {question.id for question in q.questions}
        for scorer in scorers_for(q, registry):
            assert not scorer.questions or asked & set(scorer.questions), (q.id, scorer.name)
        for cohort_file in cohort_files_for(q, registry):
            assert any(f.question in asked for f in cohort_file.figures), (q.id, cohort_file.id)
        for playbook in playbooks_for(q, registry):
            named = set(playbook.applies_when.questions()) if playbook.applies_when else set()
            named |= {qid for p in playbook.phases for qid in p.done_when.questions()}
            assert not named or asked & named, (q.id, playbook.id)
    # The survey's variants keep the survey's cohorts; a standalone one gets only its own.
    by_id = {q.id: q for q in registry.questionnaires}
    for qid in ("cx-ai-2018", "cx-ai-2018-quick", "acme-care"):
        assert "mit-tr-2018" in [c.id for c in cohort_files_for(by_id[qid], registry)], qid
    assert [c.id for c in cohort_files_for(by_id["acme-alone"], registry)] == ["acme-clients"]


def test_an_extension_given_as_a_file_needs_its_base_registered(tmp_path):
    from cxmaturity.plugin_host.catalog import find_or_open

    path = _write(tmp_path, "x.yaml", """\
        id: acme-x
        version: 1
        title: {en: "X", fr: "X"}
        extend: {id: nowhere, version: 2}
        sections:
          - id: more
            title: {en: "More", fr: "Plus"}
            questions:
              - {id: more.x, type: number, text: {en: "X?", fr: "X ?"}}
        """)
    with pytest.raises(FileError, match=r"x\.yaml:4: extend: unknown questionnaire 'nowhere' version 2"):
        find_or_open(str(path), registry=load_registry())
