"""`cxmaturity assess` with piped input: numbered prompts, exit codes, messages, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cxmaturity.cli import app
from cxmaturity.formats.loader import load_assessment, load_questionnaire

DATA = Path(__file__).parent / "data"
BRANCHING = str(DATA / "branching.yaml")
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture(autouse=True)
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assess(*args, input=None, env=None):
    runner = CliRunner()
    return runner.invoke(app, ["assess", *args], input=input, env={**ENV, **(env or {})}, catch_exceptions=False)


def saved(path):
    return load_assessment(path, load_questionnaire(BRANCHING))


# size, tools (chat+voice opens the branch), voice years, staff, kpi, comment, review: finish
FULL = "2\n1,2\n2\n40\n3\nAll good\n\n"


def test_piped_interview_to_the_end(here):
    r = assess("--questionnaire", BRANCHING, "--company", "Acme Corp", "--lang", "en", input=FULL)
    assert r.exit_code == 0, r.output
    (path,) = here.iterdir()
    name = path.name
    assert name == f"acme-corp-{_created(path)}.yaml"
    assert f"Assessment saved to {name}" in r.output
    assert f"Score it with: cxmaturity score {name}" in r.output
    assert "Question 1 of 6 · Basics" in r.output
    assert "Question 3 of 6 · Basics" in r.output  # the branch opened
    assert "  2. Medium" in r.output
    assert "Review: every answer, by number" in r.output
    a = saved(here / name)
    assert a.company.name == "Acme Corp" and a.language == "en"
    assert a.answered() == {
        "demo.size": "medium",
        "demo.tools": ["chat", "voice"],
        "demo.voice_years": "over_2y",
        "demo.staff": 40,
        "demo.kpi": "up",
        "demo.comment": "All good",
    }


def test_controls_back_skip_not_applicable_dont_know_and_help(here):
    script = "?\n1\n2\nb\n1\ns\nn No agents\nd\nx\n\n"
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", "-o", "a.yaml", input=script)
    assert r.exit_code == 0, r.output
    assert "Count every employee." in r.output
    assert "(current answer: Voice; press Enter to keep it)" in r.output
    assert "b Back · s Skip · n Not applicable · d Don't know · q Save and quit" in r.output
    a = saved(here / "a.yaml")
    assert {k: (v.state, v.value, v.note) for k, v in a.answers.items()} == {
        "demo.size": ("answered", "small", None),
        "demo.tools": ("answered", ["chat"], None),
        "demo.staff": ("skipped", None, None),
        "demo.kpi": ("not_applicable", None, "No agents"),
        "demo.comment": ("dont_know", None, None),
    }


def test_invalid_input_is_asked_again_in_french(here):
    script = "9\n1\n1,4\n4\n-5\n3\nr\n"
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "fr", "-o", "a.yaml", input=script)
    assert "Tapez un numéro de 1 à 3, ou l'un de : p, n, j, ?, q" in r.output
    assert "« Aucun » ne peut pas être combiné avec d'autres réponses." in r.output
    assert "La réponse doit être comprise entre 0 et 100000." in r.output
    assert "Question 1 sur 6 · Bases" in r.output
    assert r.exit_code == 1  # input ended at the kpi question
    assert saved(here / "a.yaml").answered() == {"demo.size": "small", "demo.tools": ["none"], "demo.staff": 3}


def test_end_of_input_saves_and_prints_how_to_resume(here):
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", "-o", "a.yaml", input="3\n")
    assert r.exit_code == 1
    assert "End of input: the answers so far are saved in a.yaml." in r.stderr
    assert "Resume with: cxmaturity assess --resume a.yaml" in r.stderr
    assert saved(here / "a.yaml").answered() == {"demo.size": "large"}
    # ... and the resumed interview starts where it stopped, in the assessment's language.
    r = assess("--resume", "a.yaml", "--questionnaire", BRANCHING, input="4\n\n\n\n\n")
    assert "Question 2 of 6" in r.output and "Question 1 of" not in r.output
    assert r.exit_code == 1  # the empty lines are not answers: input ends at the number


def test_resume_in_french_finishes(here):
    assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "fr", "-o", "a.yaml", input="3\n")
    r = assess("--resume", "a.yaml", "--questionnaire", BRANCHING, input="4\n12\n1\nok\n\n")
    assert r.exit_code == 0, r.output
    assert "Évaluation enregistrée dans a.yaml" in r.output
    assert "Pour la noter : cxmaturity score a.yaml" in r.output
    assert len(saved(here / "a.yaml").answered()) == 5


def test_save_and_quit_exits_0_with_the_resume_command(here):
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", "-o", "a.yaml", input="1\nq\n")
    assert r.exit_code == 0
    assert "Saved for later in a.yaml." in r.output
    assert "Resume with: cxmaturity assess --resume a.yaml" in r.output


def test_the_company_name_is_asked_first_without_company(here):
    r = assess("--questionnaire", BRANCHING, "--lang", "en", input="\nLumière Santé\n1\nq\n")
    assert "Company name: " in r.output and "Type the company's name." in r.output
    (path,) = here.iterdir()
    assert path.name == f"lumiere-sante-{_created(path)}.yaml"
    assert saved(path).company.name == "Lumière Santé"


def test_end_of_input_before_the_company_name_saves_nothing(here):
    r = assess("--questionnaire", BRANCHING, "--lang", "en", input="")
    assert r.exit_code == 1
    assert "Error: end of input before the company's name; nothing was saved" in r.stderr
    assert list(here.iterdir()) == []


def test_the_default_file_never_overwrites_another_assessment(here):
    names: list[str] = []
    for _ in range(3):
        r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", input="1\nq\n")
        assert r.exit_code == 0
        (new,) = set(here.iterdir()) - {here / n for n in names}
        # Named after the day it was created (a run may fall on either side of midnight),
        # numbered after the files of that day already there.
        day = _created(new)
        same_day = sum(1 for n in names if n.startswith(f"acme-{day}"))
        assert new.name == f"acme-{day}{f'-{same_day + 1}' if same_day else ''}.yaml"
        assert new.name in r.output
        names.append(new.name)
    assert len(set(names)) == 3


def test_out_refuses_an_existing_file(here):
    (here / "a.yaml").write_text("keep me\n")
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "-o", "a.yaml", input="1\n")
    assert r.exit_code == 1
    assert "Error: a.yaml already exists; continue it with --resume a.yaml, or choose another file" in r.stderr
    assert (here / "a.yaml").read_text() == "keep me\n"


def test_language_from_the_locale(here):
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", input="1\nq\n", env={"LANG": "fr_FR.UTF-8"})
    assert "Question 1 sur 6" in r.output
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", input="1\nq\n", env={"LANG": "de_DE.UTF-8"})
    assert "Question 1 of 6" in r.output


def test_bad_options(here):
    r = assess("--lang", "de", "--company", "Acme")
    assert r.exit_code == 2 and "'de' is not a supported language" in r.output
    r = assess("--resume", "a.yaml", "-o", "b.yaml")
    assert r.exit_code == 2 and "--resume continues its FILE in place" in r.stderr
    r = assess("--questionnaire", "nope", "--company", "Acme")
    assert r.exit_code == 1 and "Error: unknown questionnaire 'nope'" in r.stderr
    r = assess("--resume", "missing.yaml")
    assert r.exit_code == 1 and "Error: missing.yaml: no such file" in r.stderr


def test_answers_complete_without_a_terminal(here):
    (here / "in.yaml").write_text(
        "company: {id: acme, name: Acme}\nanswers:\n  demo.size: large\n  demo.tools: [email]\n"
        "  demo.staff: {state: not_applicable, note: none}\n  demo.kpi: up\n  demo.comment: done\n"
    )
    r = assess("--questionnaire", BRANCHING, "--answers", "in.yaml", "-o", "out.yaml", input="")
    assert r.exit_code == 0, r.output
    assert "Assessment saved to out.yaml" in r.output
    a = saved(here / "out.yaml")
    assert a.company.name == "Acme" and a.answered()["demo.size"] == "large"
    assert a.answers["demo.staff"].note == "none"


def test_answers_partial_without_a_terminal_lists_what_is_missing(here):
    (here / "in.yaml").write_text("answers:\n  demo.size: large\n  demo.tools: [voice]\n")
    r = assess("--questionnaire", BRANCHING, "--answers", "in.yaml", "--company", "Acme", "-o", "out.yaml")
    assert r.exit_code == 1
    assert "Still to answer: demo.voice_years, demo.staff, demo.kpi, demo.comment" in r.stderr
    assert "Resume with: cxmaturity assess --resume out.yaml" in r.stderr
    assert saved(here / "out.yaml").answered() == {"demo.size": "large", "demo.tools": ["voice"]}
    # Resuming asks only the missing questions.
    r = assess("--resume", "out.yaml", "--questionnaire", BRANCHING, input="1\n5\n2\nz\n\n")
    assert r.exit_code == 0, r.output
    assert "Question 3 of 6" in r.output and "Question 1 of" not in r.output


def test_answers_with_a_bad_value_are_located(here):
    (here / "in.yaml").write_text("answers:\n  demo.size: large\n  demo.tools: [chat, vocie]\n  demo.nope: 1\n")
    r = assess("--questionnaire", BRANCHING, "--answers", "in.yaml", "--company", "Acme")
    assert r.exit_code == 1
    assert "Error: in.yaml:3: answers.demo.tools.value: 'vocie' not among the options" in r.stderr
    assert "Error: in.yaml:4: answers.demo.nope: unknown question id 'demo.nope' in 'branching'" in r.stderr
    assert list(p.name for p in here.iterdir()) == ["in.yaml"]


def test_an_example_assessment_as_answers_picks_its_questionnaire(here):
    example = Path(__file__).parent.parent / "examples" / "assessments" / "nordbank.yaml"
    r = assess("--answers", str(example), "-o", "n.yaml", "--lang", "en")
    assert r.exit_code in (0, 1), r.output
    a = load_assessment(here / "n.yaml")
    assert a.questionnaire.id == "cx-ai-2018" and a.company.name == "Nordbank AB"


def test_the_real_questionnaire_starts_with_the_region(here):
    r = assess("--company", "Acme", "--lang", "en", input="q\n")
    from cxmaturity.api import find_questionnaire
    from cxmaturity.formats.models import tr
    from cxmaturity.interview.engine import could_be_asked

    q = find_questionnaire("cx-ai-2018")
    first = q.questions[0]
    # Before any answer, every question could be asked: the count can only go down from here.
    assert len(could_be_asked(q, {})) == len(q.questions)
    assert f"Question 1 of {len(q.questions)} · {tr(q.sections[0].title, 'en')}" in r.output
    assert tr(first.text, "en") in r.output
    assert f"  1. {tr(first.options[0].label, 'en')}" in r.output
    assert r.exit_code == 0


def _created(path) -> str:
    """The day an assessment file was created, as its default name carries it: read from the
    file, never from the clock after the command ran (which may be the next day)."""
    return saved(path).created.date().isoformat()


def test_plain_prompts_use_french_punctuation(here):
    # French puts a space before ':' and ';' — "réponse: " read as a typo to a French client.
    script = "2\nb\n\nq\n"
    r = assess("--questionnaire", BRANCHING, "--company", "Acme", "--lang", "fr", "-o", "a.yaml", input=script)
    assert "Tapez le numéro de votre réponse : " in r.output
    assert "réponse: " not in r.output
    assert " ; appuyez sur Entrée pour la garder)" in r.output


def test_answers_file_keeps_its_language_without_lang(here):
    # A French client's complete answers, under an English locale: the new assessment and
    # its summary stay French; --lang still decides when given.
    french = Path(__file__).resolve().parent.parent / "examples" / "assessments" / "andes-industrial.yaml"
    r = assess("--answers", str(french), "-o", "fr.yaml")
    assert r.exit_code == 0, r.output
    assert "language: fr" in (here / "fr.yaml").read_text(encoding="utf-8")
    assert "synthèse de maturité" in r.output
    r = assess("--answers", str(french), "--lang", "en", "-o", "en.yaml")
    assert "language: en" in (here / "en.yaml").read_text(encoding="utf-8")
    assert "maturity summary" in r.output


def test_answers_partial_with_piped_input_asks_only_what_is_missing(here):
    (here / "in.yaml").write_text("answers:\n  demo.size: large\n  demo.tools: [voice]\n")
    # voice years, staff, kpi, comment, then Enter at the review
    r = assess("--questionnaire", BRANCHING, "--answers", "in.yaml", "--company", "Acme", "-o", "out.yaml",
               "--plain", input="1\n5\n2\nz\n\n")
    assert r.exit_code == 0, r.output
    assert "Question 3 of 6" in r.output and "Question 1 of" not in r.output
    assert "Assessment saved to out.yaml" in r.output
    assert saved(here / "out.yaml").answered() == {
        "demo.size": "large", "demo.tools": ["voice"], "demo.voice_years": "under_2y", "demo.staff": 5,
        "demo.kpi": "flat", "demo.comment": "z",
    }


def test_answers_partial_with_input_ending_early_saves_and_lists_the_rest(here):
    (here / "in.yaml").write_text("answers:\n  demo.size: large\n  demo.tools: [voice]\n")
    r = assess("--questionnaire", BRANCHING, "--answers", "in.yaml", "--company", "Acme", "-o", "out.yaml",
               "--plain", input="1\n")
    assert r.exit_code == 1
    assert "Still to answer: demo.staff, demo.kpi, demo.comment" in r.stderr
    assert saved(here / "out.yaml").answered()["demo.voice_years"] == "under_2y"
