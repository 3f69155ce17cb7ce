"""How long `cxmaturity report` takes as a whole command, per example and format.

Run by hand: `.venv/bin/python perf/report_speed.py [--runs N]`. Each run is a fresh process
(start-up, plugin loading, scoring, charts and writing included), as a user would run it; the
best of N runs is compared with the 2 s budget, and the load average is printed because this
machine is shared. Exit code 1 if an example goes over budget.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="html", choices=["html", "md", "json"])
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("cxmaturity")
    examples = sorted((ROOT / "examples" / "assessments").glob("*.yaml"))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in examples:
            out = Path(tmp) / f"{path.stem}.{args.format}"
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run([str(exe), "report", str(path), "-o", str(out)], check=True,
                               stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            best = min(times)
            over += best >= BUDGET
            size = out.stat().st_size
            print(f"{path.stem:22} best {best:5.2f} s  median {sorted(times)[len(times) // 2]:5.2f} s"
                  f"  {size / 1024:7.1f} KiB  {'OK' if best < BUDGET else 'OVER'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
