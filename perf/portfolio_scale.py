"""`cxmaturity portfolio` over 1,000, 5,000 and 10,000 generated assessments: wall time and peak
memory of the whole command, to show that it stays under 30 s at 10,000 and that its memory
does not grow with the number of files beyond the table it prints.

Run by hand: ``.venv/bin/python perf/portfolio_scale.py [--keep DIR]``. The assessments are
generated once (into DIR with --keep, reused on the next run) by tests/generate.py. Each run
is a separate `cxmaturity portfolio … --format json -o FILE` process; its peak RSS is read
with resource.getrusage(RUSAGE_CHILDREN) in a fresh child per size, so sizes do not mask
each other. The workers' peak is reported as well (the largest of the pool's processes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SIZES = (1_000, 5_000, 10_000)
CLI = [sys.executable, "-m", "cxmaturity"]

# Runs the command as a grandchild and prints its wall time and the peak RSS of the command
# process and of its largest worker (RUSAGE_CHILDREN keeps the largest of the waited-for
# descendants; the pool's workers are waited for by the command itself).
MEASURE = r"""
import resource, subprocess, sys, time, json
cmd = json.loads(sys.argv[1])
t = time.perf_counter()
proc = subprocess.run(cmd, capture_output=True, text=True)
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "peak_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime,
                  "rc": proc.returncode, "err": proc.stderr[-500:]}))
"""


def generate(folder: Path, n: int) -> None:
    from generate import write

    have = len(list(folder.glob("*.yaml"))) if folder.is_dir() else 0
    if have == n:
        return
    t = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    write(folder, n, seed=2026)
    print(f"generated {n} assessments in {time.perf_counter() - t:.1f} s", flush=True)


def run(folder: Path, out: Path) -> dict:
    cmd = [*CLI, "portfolio", str(folder), "--format", "json", "-o", str(out), "--force"]
    done = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(cmd)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    stats = json.loads(done.stdout)
    if stats["rc"] != 0:
        raise SystemExit(f"portfolio failed: {stats['err']}")
    rows = json.loads(out.read_text())
    stats["rows"] = len(rows["assessments"])
    stats["skipped"] = len(rows["skipped"])
    stats["out_kb"] = out.stat().st_size // 1024
    return stats


def main() -> None:
    keep = None
    if "--keep" in sys.argv:
        keep = Path(sys.argv[sys.argv.index("--keep") + 1])
    base = keep or Path(tempfile.mkdtemp(prefix="cxm-portfolio-"))
    print(f"cores: {os.cpu_count()}; data in {base}")
    results = []
    for n in SIZES:
        folder = base / str(n)
        generate(folder, n)
        stats = run(folder, base / f"portfolio-{n}.json")
        results.append((n, stats))
        print(f"{n:>6} assessments: {stats['wall']:6.1f} s wall, {stats['cpu']:6.1f} s CPU (all processes), "
              f"load {os.getloadavg()[0]:.1f}, peak RSS {stats['peak_kb'] / 1024:6.1f} MB "
              f"(largest process), {stats['rows']} rows, {stats['skipped']} skipped, output {stats['out_kb']} KB",
              flush=True)
    (n0, s0), (n1, s1) = results[0], results[-1]
    growth = (s1["peak_kb"] - s0["peak_kb"]) / 1024
    print(f"memory from {n0} to {n1} assessments: {growth:+.1f} MB "
          f"({growth * 1024 / (n1 - n0):.2f} KB per extra assessment, the rows kept for the table)")
    print("under 30 s at 10,000:", "yes" if s1["wall"] < 30 else "NO",
          f"(CPU {s1['cpu']:.1f} s over {os.cpu_count()} cores: {s1['cpu'] / (os.cpu_count() or 1):.1f} s "
          "on an otherwise idle machine)")


if __name__ == "__main__":
    main()
