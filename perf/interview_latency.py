"""How fast the interview reacts, measured through a pseudo-terminal (run by hand).

    .venv/bin/python perf/interview_latency.py [--runs 5] [--answers 15]

Prints, for the arrow-key interview and for --plain, the time from starting the command to
the first question on screen (target: 0.5 s) and from an answer to the next question on
screen, autosave included (target: 50 ms): median and max over the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

EXE = str(Path(sys.executable).with_name("cxmaturity"))


def measure(plain: bool, answers: int) -> tuple[float, list[float]]:
    env = {
        **os.environ,
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        # pexpect does not answer prompt_toolkit's cursor-position requests as a terminal does
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("LC_ALL", None)
    with tempfile.TemporaryDirectory() as folder:
        args = ["assess", "--company", "Acme", "--lang", "en", "-o", "p.yaml"] + (["--plain"] if plain else [])
        t0 = time.perf_counter()
        child = pexpect.spawn(EXE, args, cwd=folder, env=env, encoding="utf-8", timeout=20, dimensions=(50, 120))
        child.delaybeforesend = None
        child.expect_exact("Question 1 of ")
        child.expect_exact("1. " if plain else "North America")
        first = time.perf_counter() - t0
        steps = []
        for n in range(2, answers + 2):
            t = time.perf_counter()
            child.send("1\r" if plain else "\r")
            child.expect_exact(f"Question {n} of ")
            steps.append(time.perf_counter() - t)
            # let the prompt settle before the next key, as a person would
            child.expect_exact("1. " if plain else "(")
        child.send("q\r" if plain else "q")
        child.expect(pexpect.EOF)
        return first, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--answers", type=int, default=15)
    args = parser.parse_args()
    for plain in (False, True):
        firsts, steps = [], []
        for _ in range(args.runs):
            first, s = measure(plain, args.answers)
            firsts.append(first)
            steps.extend(s)
        name = "--plain" if plain else "arrow keys"
        print(
            f"{name:10}  first question: median {statistics.median(firsts) * 1000:6.0f} ms, "
            f"max {max(firsts) * 1000:6.0f} ms  (target 500 ms, {args.runs} runs)"
        )
        print(
            f"{'':10}  next question:  median {statistics.median(steps) * 1000:6.1f} ms, "
            f"max {max(steps) * 1000:6.1f} ms  (target 50 ms, {len(steps)} answers)"
        )


if __name__ == "__main__":
    main()
