"""A short run of perf/serve_load.py: a few respondents answer at the same time, the server is
killed with SIGKILL half way and started again, and every answer it acknowledged is in the
database. No timing is asserted (the figures are measured by hand with the full run)."""

from __future__ import annotations

import importlib.util

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web]'")

from conftest import ROOT  # noqa: E402


def load_script():
    spec = importlib.util.spec_from_file_location("serve_load", ROOT / "perf" / "serve_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_concurrent_respondents_lose_no_acknowledged_answer_through_kill_9(tmp_path):
    figures = load_script().run_load(respondents=5, seconds=4, kill_at=2, think=0, folder=tmp_path)
    assert figures["acknowledged"] > 10
    assert figures["restart_s"] is not None
    assert figures["missing"] == []
