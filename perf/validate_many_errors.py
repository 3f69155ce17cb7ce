"""`cxmaturity validate` on an assessment with many problems: 400 and 1,600 unknown question ids
(the larger file is about 40 KB), and one answer nested 10,000 levels deep.

Every problem of a file is located from one round-trip parse of it, so the time grows with
the file, not with the number of problems times the file. The aim: under 2 s for 1,600
problems, the whole command included.

Run by hand: ``.venv/bin/python perf/validate_many_errors.py``. Each case is a separate
`cxmaturity validate FILE` process, timed from start to exit; the files are generated into a
temporary folder and removed afterwards.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-m", "cxmaturity"]
HEAD = "format: 1\nquestionnaire: {id: cx-ai-2018, version: 1}\ncompany: {id: many-errors, name: Many Errors}\n"


def unknown_ids(n: int) -> str:
    """An assessment whose `n` answers all name questions the questionnaire does not have."""
    return HEAD + "answers:\n" + "".join(f"  unknown.id_{i:04d}: value\n" for i in range(n))


def deeply_nested(depth: int) -> str:
    """An assessment whose one answer is a list nested `depth` levels deep."""
    return HEAD + "answers:\n  profile.region: " + "[" * depth + "]" * depth + "\n"


def run(path: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run([*CLI, "validate", str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - start
    last = (proc.stdout + proc.stderr).strip().splitlines()[-1]
    return wall, proc.returncode, last


def main() -> None:
    cases = [
        ("400 unknown ids", unknown_ids(400)),
        ("1,600 unknown ids", unknown_ids(1_600)),
        ("an answer nested 10,000 deep", deeply_nested(10_000)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for label, text in cases:
            path = Path(folder) / "case.yaml"
            path.write_text(text, encoding="utf-8")
            wall, rc, last = run(path)
            print(f"{label:32} {len(text) / 1024:6.1f} KB  {wall:6.2f} s  exit {rc}  {last[:70]}")


if __name__ == "__main__":
    main()
