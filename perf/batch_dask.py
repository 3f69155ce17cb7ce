"""`batch --engine dask` with a local cluster of one worker process, then two: throughput and
the speed-up (target at least 1.6 with two workers), results checked equal.

Run by hand: ``.venv/bin/python perf/batch_dask.py [N] [ROUNDS]`` (N = 100,000 and 2 rounds
by default: one worker then two, each round, the best of each kept). Clusters
listen on 127.0.0.1 only. Each worker is one process with one thread; the machine needs two
free cores for the speed-up to show. The client only reads lines and keeps a digest of each
chunk's results (the workers read their lines from the file, as `batch --engine dask` has
them do).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def warm() -> None:
    """Load the plugins and stage model on a worker (nothing comes back)."""
    from cxmaturity.batch.rows import Settings, setup

    setup(Settings())


def main() -> int:
    import generate
    from distributed import Client, LocalCluster

    from cxmaturity.batch.engines import dask
    from cxmaturity.batch.readers import spans
    from cxmaturity.batch.rows import Settings

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    walls: dict[int, float] = {}
    outputs: dict[int, set] = {1: set(), 2: set()}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in generate.assessments(n, seed=2026)))
        # One worker, then two, `rounds` times, side by side; the best of each (a busy
        # machine only ever adds time).
        for workers in (1, 2) * rounds:
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster, Client(cluster) as client:
                # warm: every worker loads the plugins and model before the clock starts
                client.run(warm)
                start = time.perf_counter()
                size = max(20, min(2_000, n // 24))  # enough chunks that two workers finish together
                digest, count = hashlib.sha256(), 0
                for scored in dask(spans(str(source), size), Settings(), client=client):
                    digest.update(pickle.dumps((scored.table, scored.errors)))
                    count += scored.count
                wall = time.perf_counter() - start
                walls[workers] = min(wall, walls.get(workers, wall))
                outputs[workers].add((count, digest.hexdigest()))
    for w, t in walls.items():
        print(f"{w} worker{'s' if w > 1 else ''}: {n / t:,.0f} assessments/s ({t:.1f} s wall)")
    speedup = walls[1] / walls[2]
    same = len(outputs[1] | outputs[2]) == 1 and next(iter(outputs[1]))[0] == n
    print(f"speed-up with two workers: {speedup:.2f} (target 1.6); every row scored, the same: {same}")
    return 0 if speedup >= 1.6 and same else 1


if __name__ == "__main__":
    sys.exit(main())
