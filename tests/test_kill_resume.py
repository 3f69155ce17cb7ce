"""Killing the interview with SIGKILL at seeded points loses nothing already answered.

The interview runs in plain mode through a pseudo-terminal on the real questionnaire. An
answer counts as given once the next question is on screen; after each kill the file must
hold every answer given, and resuming must lead to exactly the answers of a run that was
never interrupted (answers compared, not timestamps).
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from cxmaturity.api import find_questionnaire  # noqa: E402 -- after the skip
from cxmaturity.formats.loader import load_assessment  # noqa: E402
from cxmaturity.formats.models import tr  # noqa: E402

EXE = str(Path(sys.executable).with_name("cxmaturity"))
SEED = 20181107
KILLS = 10
SCREEN = re.compile(r"Question (\d+) of (\d+) · [^\r\n]*\r\n([^\r\n]+)\r\n|Review: every answer")


@pytest.fixture(scope="module")
def questionnaire():
    return find_questionnaire("cx-ai-2018")


def policy(questionnaire):
    """The line typed for each question: a fixed, varied mix of answers and controls."""
    rng = random.Random(SEED)
    lines = {}
    for q in questionnaire.questions:
        roll = rng.random()
        if q.id == "tools.sentiment.tenure":
            lines[q.id] = "2"  # under two years: opens the sentiment branch
        elif roll < 0.06:
            lines[q.id] = "s"
        elif roll < 0.12:
            lines[q.id] = "d"
        elif roll < 0.18:
            lines[q.id] = f"n not for us ({q.id})"
        elif q.type == "multi":
            others = [i for i, o in enumerate(q.options, 1) if o.id != q.exclusive]
            lines[q.id] = ",".join(str(i) for i in sorted(rng.sample(others, rng.randint(1, 3))))
        else:
            lines[q.id] = str(rng.randint(1, len(q.options)))
    return lines


def spawn(args, cwd):
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": "dumb"}
    env.pop("LC_ALL", None)
    child = pexpect.spawn(
        EXE, ["assess", "--plain", "--lang", "en", *args], cwd=str(cwd), env=env, encoding="utf-8", timeout=20
    )
    child.delaybeforesend = None
    return child


def next_screen(child, by_text):
    """The question id now on screen, or 'REVIEW'."""
    child.expect(SCREEN)
    if child.match.group(1) is None:
        return "REVIEW"
    return by_text[child.match.group(3)]


def comparable(path):
    return {k: (a.state, a.value, a.note) for k, a in load_assessment(path).answers.items()}


def test_kill_9_at_ten_points_then_resume(tmp_path, questionnaire):
    lines = policy(questionnaire)
    by_text = {tr(q.text, "en"): q.id for q in questionnaire.questions}

    # The run that is never interrupted.
    child = spawn(["--company", "Acme", "-o", "base.yaml"], tmp_path)
    screen = next_screen(child, by_text)
    while screen != "REVIEW":
        child.sendline(lines[screen])
        screen = next_screen(child, by_text)
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    expected = comparable(tmp_path / "base.yaml")
    assert "sentiment.uses" in expected and len(expected) > 40

    rng = random.Random(SEED)
    child = spawn(["--company", "Acme", "-o", "k.yaml"], tmp_path)
    given: dict[str, str] = {}  # question id → line, for the answers whose next question was shown
    for kill in range(KILLS):
        screen = next_screen(child, by_text)
        for _ in range(rng.randint(1, 5)):
            if screen == "REVIEW":
                break
            child.sendline(lines[screen])
            answered, screen = screen, next_screen(child, by_text)
            given[answered] = lines[answered]
        if screen != "REVIEW" and rng.random() < 0.5:
            # Kill while the answer is being saved: it may or may not have reached the file.
            child.sendline(lines[screen])
        child.kill(signal.SIGKILL)
        child.close(force=True)
        on_disk = comparable(tmp_path / "k.yaml")  # still a valid, complete file
        assert set(given) <= set(on_disk), f"kill {kill}: answers lost"
        assert all(on_disk[k] == expected[k] for k in given)
        child = spawn(["--resume", "k.yaml"], tmp_path)
    screen = next_screen(child, by_text)
    while screen != "REVIEW":
        child.sendline(lines[screen])
        screen = next_screen(child, by_text)
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert comparable(tmp_path / "k.yaml") == expected
