"""`batch --engine dask`: the same rows on a local cluster of two worker processes."""

from __future__ import annotations

import json

import pytest
from generate import assessments as generated

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # Loopback only, two worker processes; every wait bounded so that a stuck cluster fails.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, death_timeout=60) as c:
        yield c


def test_dask_rows_equal_the_local_engine(cli, tmp_path, cluster):
    docs = list(generated(30, seed=5))
    docs.insert(7, {"format": 1, "company": {"id": "x"}})  # a row that fails, wherever it runs
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    local = cli("batch", str(source), "-o", str(tmp_path / "local.jsonl"), "--chunk", "4")
    remote = cli("batch", str(source), "-o", str(tmp_path / "dask.jsonl"), "--chunk", "4",
                 "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 1
    assert (tmp_path / "dask.jsonl").read_text() == (tmp_path / "local.jsonl").read_text()
    assert (tmp_path / "dask.errors.csv").read_text() == (tmp_path / "local.errors.csv").read_text()
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")


def test_an_unreachable_scheduler_is_one_error_line(cli, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(next(generated(1))) + "\n", encoding="utf-8")
    result = cli("batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1 and result.stderr.startswith("Error: cannot reach the Dask scheduler")
