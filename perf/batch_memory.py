"""Peak memory of `cxmaturity batch` at two sizes (10,000 and 1,000,000 rows by default): the
ratio should stay within 1.5, since only one chunk is held at a time.

Run by hand: ``.venv/bin/python perf/batch_memory.py [SMALL] [LARGE]``. The input is written
by cycling the same generated lines (tests/generate.py) up to the size, so that writing a
million lines costs seconds; each size runs as its own `cxmaturity batch` process and its peak
RSS is read with resource.getrusage(RUSAGE_CHILDREN) in a fresh child, as `/usr/bin/time -v`
would show it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - t, "peak_kb": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime, "rc": proc.returncode, "err": proc.stderr[-300:]}))
"""


def run(n: int, tmp: Path, lines: list[str]) -> dict:
    source = tmp / f"in-{n}.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        f.writelines(islice(cycle(lines), n))
    cmd = [sys.executable, "-m", "cxmaturity", "batch", str(source), "-o", str(tmp / f"out-{n}.csv")]
    out = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(cmd)], capture_output=True, text=True, check=True)
    source.unlink()
    return json.loads(out.stdout)


def main() -> int:
    import generate

    sizes = [int(a) for a in sys.argv[1:3]] or [10_000, 1_000_000]
    lines = [json.dumps(d) + "\n" for d in generate.assessments(5_000, seed=2026)]
    with tempfile.TemporaryDirectory() as tmp:
        found = {n: run(n, Path(tmp), lines) for n in sizes}
    for n, m in found.items():
        print(f"{n:>9,} rows: peak {m['peak_kb'] / 1024:,.0f} MB, {m['cpu']:,.1f} s CPU, {m['wall']:,.1f} s wall, "
              f"exit {m['rc']}")
    small, large = (found[n]["peak_kb"] for n in sizes)
    print(f"peak at {sizes[1]:,} / peak at {sizes[0]:,}: {large / small:.2f} (target at most 1.5)")
    return 0 if large / small <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
