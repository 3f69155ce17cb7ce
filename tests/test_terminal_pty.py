"""The first hour at a real terminal, through a pseudo-terminal: what a new user sees when the
terminal cannot draw menus, when Enter is pressed on an empty checkbox, after a checkbox answer
in French, after a skip, and where the answers are being saved."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from cxmaturity.formats.loader import load_assessment  # noqa: E402 -- after the skip

DATA = Path(__file__).parent / "data"
BRANCHING = str(DATA / "branching.yaml")
EXE = str(Path(sys.executable).with_name("cxmaturity"))
DOWN = "\x1b[B"


def spawn(args, cwd, term="xterm"):
    env = {**os.environ, "TERM": term, "LANG": "C.UTF-8", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("LC_ALL", None)
    child = pexpect.spawn(EXE, args, cwd=str(cwd), env=env, encoding="utf-8", dimensions=(40, 80), timeout=15)
    child.delaybeforesend = 0.01
    return child


def _assess(lang, tmp_path, term="xterm"):
    return spawn(["assess", "--questionnaire", BRANCHING, "--company", "Acme", "--lang", lang, "-o", "t.yaml"],
                 tmp_path, term)


@pytest.mark.parametrize("term", ["dumb", ""])
def test_a_dumb_terminal_gets_numbered_prompts(tmp_path, term):
    child = _assess("en", tmp_path, term)
    child.expect_exact("Question 1 of 6")
    child.expect_exact("  1. Small")
    child.expect_exact("Type the number of your answer: ")
    seen = child.before
    child.sendline("2")
    child.expect_exact("Question 2 of 6")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert "\x1b[" not in seen  # no cursor movement or colour codes
    assert load_assessment(tmp_path / "t.yaml").answers["demo.size"].value == "medium"


def test_the_autosave_file_is_named_before_the_first_question(tmp_path):
    child = _assess("en", tmp_path)
    child.expect_exact("Every answer is saved as you go to t.yaml")
    child.expect_exact("Question 1 of 6")
    child.send("q")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_enter_on_an_empty_checkbox_says_what_to_do(tmp_path, lang):
    child = _assess(lang, tmp_path)
    child.expect_exact("Question 1 ")
    child.send("\r")
    child.expect_exact("Question 2 ")
    child.send("\r")  # nothing ticked
    if lang == "en":
        child.expect_exact("Tick at least one answer with Space, or press s to skip")
    else:
        child.expect_exact("Cochez au moins une réponse avec Espace, ou p pour passer")
    child.send(" ")
    child.send("\r")
    child.expect_exact("Question 3 ")
    child.send("q")
    child.expect(pexpect.EOF)


def test_a_french_checkbox_answer_reads_french(tmp_path):
    child = _assess("fr", tmp_path)
    child.expect_exact("Question 1 sur 6")
    child.send("\r")
    child.expect_exact("Question 2 sur 6")
    child.send(" ")
    child.send(DOWN * 2)
    child.send(" ")
    child.send("\r")
    child.expect_exact("Question 3 sur 5")
    transcript = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert "Messagerie, Courriel" in transcript
    assert "selections" not in transcript and "done" not in transcript


@pytest.mark.parametrize("lang,key,word", [("en", "s", "skipped"), ("en", "d", "don't know"),
                                           ("fr", "p", "passée"), ("fr", "j", "je ne sais pas")])
def test_a_skip_or_dont_know_shows_in_the_transcript(tmp_path, lang, key, word):
    child = _assess(lang, tmp_path)
    child.expect_exact("Question 1 ")
    child.send(key)
    child.expect_exact("Question 2 ")
    transcript = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert re.search(rf"→ {re.escape(word)}(\x1b|\s)", transcript), transcript
