"""How long `cxmaturity report` takes as a whole command, HTML beside Markdown, and its peak memory.

Run by hand: `.venv/bin/python perf/report_speed.py [--runs N] [--pdf]`. Each run is a fresh
process (start-up, plugin loading, scoring, charts and writing included), as a user would run
it. The formats are run in turn, Markdown then HTML, for each example, so that both see the
same machine load; the best of N runs is compared. Goals: HTML within 2x of Markdown, a peak
resident memory under 60 MiB for either, and every report under 2 s. The load average is
printed because this machine is shared. Exit code 1 if a goal is missed. With --pdf, the PDF
report is timed too (shown, not held to the goals: it lays out pages).
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
RATIO = 2.0
PEAK_MIB = 60.0


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="time the PDF report too")
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("cxmaturity")
    formats = ["md", "html"] + (["pdf"] if args.pdf else [])
    examples = sorted((ROOT / "examples" / "assessments").glob("*.yaml"))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'example':22} " + "  ".join(f"{f + ' best':>9} {'peak':>8}" for f in formats) + "   html/md")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for path in examples:
            times: dict[str, list[float]] = {f: [] for f in formats}
            peaks: dict[str, float] = {f: 0.0 for f in formats}
            for _ in range(args.runs):
                for fmt in formats:
                    out = Path(tmp) / f"{path.stem}.{fmt}"
                    elapsed, peak = run([str(exe), "report", str(path), "-o", str(out), "--force"])
                    times[fmt].append(elapsed)
                    peaks[fmt] = max(peaks[fmt], peak)
            best = {f: min(t) for f, t in times.items()}
            ratio = best["html"] / best["md"]
            ok = (ratio <= RATIO and max(peaks["md"], peaks["html"]) < PEAK_MIB
                  and max(best["md"], best["html"]) < BUDGET)
            failed |= not ok
            cells = "  ".join(f"{best[f]:7.2f} s {peaks[f]:5.1f} MiB" for f in formats)
            print(f"{path.stem:22} {cells}   {ratio:5.2f}x  {'OK' if ok else 'OVER'}")
    print(f"goals: html/md <= {RATIO}x, peak < {PEAK_MIB:g} MiB, each < {BUDGET:g} s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
