"""`cxmaturity portfolio` over the six hand-written examples copied 200 times (1,200 files), and
over the same assessments saved by `assess` (1,200 files): CPU of each, side by side in one run
(target: the hand-written files within 2 times of the saved ones).

Run by hand: ``.venv/bin/python perf/portfolio_examples.py [COPIES]``. Each run is its own
`cxmaturity portfolio … --format json -o FILE` process; CPU (user + system, the command and its
workers) is read with resource.getrusage(RUSAGE_CHILDREN), as `/usr/bin/time -v` shows it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - t, "cpu": u.ru_utime + u.ru_stime, "rc": proc.returncode}))
"""


def measure(folder: Path, out: Path) -> dict:
    cmd = [sys.executable, "-m", "cxmaturity", "portfolio", str(folder), "--format", "json", "-o", str(out), "--force"]
    got = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(cmd)], capture_output=True, text=True, check=True)
    return json.loads(got.stdout)


def main() -> int:
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.formats.assessments import to_yaml
    from cxmaturity.formats.loader import load_assessment

    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    examples = sorted((ROOT / "examples" / "assessments").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        hand, saved = Path(tmp) / "hand", Path(tmp) / "saved"
        hand.mkdir()
        saved.mkdir()
        for path in examples:
            text = to_yaml(load_assessment(path, find("cx-ai-2018")))
            for i in range(copies):
                shutil.copy(path, hand / f"{path.stem}-{i:03d}.yaml")
                (saved / f"{path.stem}-{i:03d}.yaml").write_text(text, encoding="utf-8")
        a = measure(hand, Path(tmp) / "a.json")
        b = measure(saved, Path(tmp) / "b.json")
    n = len(examples) * copies
    print(f"hand-written examples x{copies} ({n:,} files): {a['cpu']:.1f} s CPU, {a['wall']:.1f} s wall")
    print(f"saved by assess ({n:,} files): {b['cpu']:.1f} s CPU, {b['wall']:.1f} s wall")
    print(f"ratio: {a['cpu'] / b['cpu']:.2f} (target at most 2)")
    return 0 if a["cpu"] / b["cpu"] <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
