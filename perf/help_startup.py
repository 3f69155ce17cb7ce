"""`cxmaturity --help` against importing its five libraries, side by side in one run.

Run by hand: `.venv/bin/python perf/help_startup.py [--runs N]`. Each run is a fresh process;
the two commands alternate so that both see the same machine load, and the best of N runs is
compared. The goal: `--help` (rich help included) within 1.2x of
`python -c "import typer, rich, pluggy, pydantic, ruamel.yaml"`, the floor any command of a
tool built on those libraries pays. Exit code 1 if it is over. `--imports` prints what
`--help` imports, slowest first (python -X importtime).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

GOAL = 1.2
LIBRARIES = "import typer, rich, pluggy, pydantic, ruamel.yaml"


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--imports", action="store_true", help="list the slowest imports of --help")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("cxmaturity"))
    env = {**os.environ, "COLUMNS": "80"}
    if args.imports:
        out = subprocess.run([sys.executable, "-X", "importtime", "-m", "cxmaturity", "--help"],
                             capture_output=True, text=True, env=env).stderr
        rows = [line.split("|") for line in out.splitlines() if line.startswith("import time:") and "|" in line]
        rows = [(int(r[1]), r[2].rstrip()) for r in rows[1:] if r[1].strip().isdigit()]
        for cumulative, name in sorted(rows, reverse=True)[:25]:
            print(f"{cumulative / 1000:8.1f} ms  {name}")
        return 0
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    libs, helps = [], []
    for _ in range(args.runs):
        libs.append(timed([sys.executable, "-c", LIBRARIES], env))
        helps.append(timed([exe, "--help"], env))
    best_libs, best_help = min(libs), min(helps)
    ratio = best_help / best_libs
    for label, times in (("import the five libraries", libs), ("cxmaturity --help", helps)):
        median = sorted(times)[len(times) // 2]
        print(f"{label:26} best {min(times) * 1000:6.1f} ms  median {median * 1000:6.1f} ms")
    print(f"ratio {ratio:.2f}x (goal <= {GOAL}x) {'OK' if ratio <= GOAL else 'OVER'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
