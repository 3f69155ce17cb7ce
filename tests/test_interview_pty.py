"""The real interactive interview, driven through a pseudo-terminal: arrow keys, checkboxes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from cxmaturity.formats.loader import load_assessment, load_questionnaire  # noqa: E402 -- after the skip

DATA = Path(__file__).parent / "data"
BRANCHING = str(DATA / "branching.yaml")
EXE = str(Path(sys.executable).with_name("cxmaturity"))
DOWN = "\x1b[B"

WORDS = {
    "en": {"progress": "Question {n} of {total}", "note": "Note", "review": "Review", "saved": "Assessment saved to"},
    "fr": {
        "progress": "Question {n} sur {total}",
        "note": "Remarque",
        "review": "Relecture",
        "saved": "Évaluation enregistrée dans",
    },
}
KEYS = {"en": {"back": "b", "na": "n", "dk": "d"}, "fr": {"back": "r", "na": "n", "dk": "j"}}


def spawn(args, cwd):
    # pexpect does not answer the cursor-position requests prompt_toolkit makes (a real terminal
    # does); without this it would wait for each answer in vain.
    env = {**os.environ, "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("LC_ALL", None)
    child = pexpect.spawn(EXE, args, cwd=str(cwd), env=env, encoding="utf-8", dimensions=(40, 120), timeout=15)
    child.delaybeforesend = 0.01
    return child


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_interactive_interview(tmp_path, lang):
    w, k = WORDS[lang], KEYS[lang]
    child = spawn(
        ["assess", "--questionnaire", BRANCHING, "--company", "Acme", "--lang", lang, "-o", "t.yaml"], tmp_path
    )

    def at(n, total):
        child.expect_exact(w["progress"].format(n=n, total=total))

    # Six questions could be asked until the channels answer decides the voice follow-up.
    at(1, 6)
    child.send(DOWN)  # arrow to the second size, Enter
    child.send("\r")
    at(2, 6)
    child.send(" ")  # tick the first channel, then the second (voice): the branch opens
    child.send(DOWN)
    child.send(" ")
    child.send("\r")
    at(3, 6)
    child.send(k["back"])  # back across the branch to the checkboxes...
    at(2, 6)
    child.send(DOWN)
    child.send(" ")  # ... and untick voice: the branch closes
    child.send("\r")
    at(3, 5)
    child.send(k["na"])  # not applicable, with a note
    child.expect_exact(w["note"])
    child.sendline("no agents")
    at(4, 5)
    child.send(k["dk"])  # don't know
    at(5, 5)
    child.sendline("hello")
    child.expect_exact(w["review"])
    child.send(DOWN)  # on the review screen, change the first answer (size) to the third option
    child.send("\r")
    at(1, 5)
    child.send(DOWN)
    child.send("\r")
    child.expect_exact(w["review"])
    child.send("\r")  # finish
    child.expect_exact(w["saved"])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    a = load_assessment(tmp_path / "t.yaml", load_questionnaire(BRANCHING))
    assert a.language == lang
    assert {q: (x.state, x.value, x.note) for q, x in a.answers.items()} == {
        "demo.size": ("answered", "large", None),
        "demo.tools": ("answered", ["chat"], None),
        "demo.staff": ("not_applicable", None, "no agents"),
        "demo.kpi": ("dont_know", None, None),
        "demo.comment": ("answered", "hello", None),
    }


def test_the_exclusive_option_clears_the_others(tmp_path):
    child = spawn(
        ["assess", "--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", "-o", "t.yaml"], tmp_path
    )
    child.expect_exact("Question 1 of 6")
    child.send("\r")
    child.expect_exact("Question 2 of 6")
    child.send(" ")  # chat
    child.send(DOWN * 3)
    child.send(" ")  # none: clears chat
    child.send("\r")
    child.expect_exact("Question 3 of 5")
    child.send("q")
    child.expect(pexpect.EOF)
    a = load_assessment(tmp_path / "t.yaml")
    assert a.answers["demo.tools"].value == ["none"]


def test_ctrl_c_saves_and_exits_130(tmp_path):
    child = spawn(
        ["assess", "--questionnaire", BRANCHING, "--company", "Acme", "--lang", "en", "-o", "t.yaml"], tmp_path
    )
    child.expect_exact("Question 1 of 6")
    child.send("\r")
    child.expect_exact("Question 2 of 6")
    child.sendintr()
    child.expect_exact("Interrupted: the answers so far are saved in t.yaml.")
    # The hint names the command as it was typed: this path, which is not on PATH.
    child.expect_exact(f"Resume with: {EXE} assess --resume t.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(load_assessment(tmp_path / "t.yaml").answers) == ["demo.size"]


def test_ctrl_c_in_plain_mode(tmp_path):
    child = spawn(
        ["assess", "--questionnaire", BRANCHING, "--company", "Acme", "--lang", "fr", "-o", "t.yaml", "--plain"],
        tmp_path,
    )
    child.expect_exact("Question 1 sur 6")
    child.expect_exact("Tapez le numéro de votre réponse")
    child.sendline("2")
    child.expect_exact("Question 2 sur 6")
    child.sendintr()
    child.expect_exact("Interrompu : les réponses données sont enregistrées dans t.yaml.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert load_assessment(tmp_path / "t.yaml").answers["demo.size"].value == "medium"


def test_the_real_questionnaire_first_question_on_a_terminal(tmp_path):
    from cxmaturity.api import find_questionnaire
    from cxmaturity.formats.models import tr

    first = find_questionnaire("cx-ai-2018").questions[0]
    child = spawn(["assess", "--lang", "fr"], tmp_path)
    child.expect_exact("Nom de l'entreprise")
    child.sendline("Lumière")
    child.expect_exact("Question 1 sur ")
    child.expect_exact(tr(first.text, "fr"))
    child.expect_exact(tr(first.options[0].label, "fr"))
    child.send(DOWN)
    child.send("\r")
    child.expect_exact("Question 2 sur ")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = tmp_path.glob("lumiere-*.yaml")
    assert load_assessment(saved).answers[first.id].value == first.options[1].id


CONTRADICTION = str(DATA / "contradiction.yaml")


@pytest.mark.parametrize("lang, choice, live", [("en", "correct", "pilot"), ("fr", "confirm", "not_yet")])
def test_a_contradiction_is_confirmed_or_corrected_with_arrow_keys(tmp_path, lang, choice, live):
    w = WORDS[lang]
    said = {
        "en": ("These answers contradict each other", "Confirm: keep both answers"),
        "fr": ("Ces réponses se contredisent", "Confirmer : garder les deux réponses"),
    }[lang]
    child = spawn(
        ["assess", "--questionnaire", CONTRADICTION, "--company", "Acme", "--lang", lang, "-o", "t.yaml"], tmp_path
    )
    child.expect_exact(w["progress"].format(n=1, total=3))
    child.send(DOWN * 2)  # in use for over two years
    child.send("\r")
    child.expect_exact(w["progress"].format(n=2, total=3))
    child.send("\r")  # serving customers: not yet, which contradicts it
    child.expect_exact(said[0])
    child.expect_exact(said[1])
    if choice == "correct":
        child.send(DOWN)
        child.send("\r")
        child.expect_exact(w["progress"].format(n=2, total=3))  # the same question again
        child.send(DOWN)  # from its current answer (not yet) to "in pilot"
        child.send("\r")
    else:
        child.send("\r")
    child.expect_exact(w["progress"].format(n=3, total=3))
    child.sendline("ok")
    child.expect_exact(w["review"])
    child.send("\r")  # finish
    child.expect_exact(w["saved"])
    child.expect(pexpect.EOF)
    a = load_assessment(tmp_path / "t.yaml")
    assert a.answers["demo.assistant_years"].value == "over_2y"
    assert a.answers["demo.assistant_live"].value == live
