"""The cost of one autosave: the plain writer, and the writer that keeps a hand-written file's
comments (used when `assess --resume` continues a file that has comments).

Run by hand: ``.venv/bin/python perf/save_speed.py [--repeat 50]``. For each example
assessment, prints the median time to build the file's text each way (the write itself,
the same for both, is left out). The interview saves after every answer: the target for a
whole step, save included, is 50 ms (perf/interview_latency.py measures that).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from cxmaturity.api import find_questionnaire
from cxmaturity.formats import assessments
from cxmaturity.formats.loader import load_assessment

ROOT = Path(__file__).resolve().parent.parent


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    questionnaire = find_questionnaire("cx-ai-2018")
    for path in sorted((ROOT / "examples" / "assessments").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assessment = load_assessment(path, questionnaire)
        keeper = assessments.CommentKeeper(text)
        plain = median_ms(lambda a=assessment: assessments.to_yaml(a, questionnaire), args.repeat)
        kept = median_ms(lambda a=assessment, k=keeper: k.to_yaml(a, questionnaire), args.repeat)
        has = "comments" if assessments.has_comments(text) else "no comments"
        print(f"{path.name:28} {has:12} plain {plain:6.2f} ms   keeping comments {kept:6.2f} ms")


if __name__ == "__main__":
    main()
