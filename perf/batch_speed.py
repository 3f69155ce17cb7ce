"""`cxmaturity batch` on N generated assessments in JSON Lines, one core, side by side with
`json.loads` over the same lines: assessments per second and the CPU ratio.

Run by hand: ``.venv/bin/python perf/batch_speed.py [N] [--chunk C]`` (N = 100,000 by default).
The lines are generated once into a temporary file by tests/generate.py. Both measures are CPU
time of this process (time.process_time), best of three, the batch run in-process with the local engine, so
that start-up and a busy machine's waiting do not count. Targets: 15,000 a second, and at most
3 times the CPU of json.loads.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def cpu(run) -> float:
    """The CPU time of this process while `run` runs."""
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import generate

    from cxmaturity.batch.rows import Settings, setup
    from cxmaturity.batch.run import batch

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for doc in generate.assessments(args.n, seed=2026):
                f.write(json.dumps(doc) + "\n")

        def parse() -> None:
            with open(source, "rb") as f:
                for line in f:
                    json.loads(line)

        def score() -> None:
            outcome.append(batch([str(source)], str(Path(tmp) / "out.csv"), Settings(), chunk=args.chunk))

        outcome: list = []
        setup(Settings())  # plugins and model loaded once, as a long run amortises them
        # Side by side, the best of three of each: a busy machine only ever adds time.
        parsing, scoring = [], []
        for _ in range(args.repeat):
            parsing.append(cpu(parse))
            scoring.append(cpu(score))
        parsed, scored, summary = min(parsing), min(scoring), outcome[-1]
    rate = summary.rows / scored
    print(f"json.loads over {args.n:,} lines: {parsed:.2f} s CPU ({args.n / parsed:,.0f} lines/s)")
    print(f"batch, one core, built-in scorers: {scored:.2f} s CPU, {rate:,.0f} assessments/s "
          f"(target 15,000), {scored / parsed:.1f}x the CPU of json.loads (target 3x)")
    return 0 if rate >= 15_000 and scored / parsed <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
