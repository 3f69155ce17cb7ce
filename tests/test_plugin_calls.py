"""plugin_calls: the guard around every call into a plugin, on its own."""

from __future__ import annotations

import sys
import threading

import pytest

from cxmaturity.plugin_host import calls as plugin_calls
from cxmaturity.plugin_host.calls import PluginExit, PluginTimeout, call, call_each


def test_a_call_returns_what_it_returned_and_what_it_printed():
    def chatty(x):
        print("hello", x)
        sys.stdout.write("again\n")
        return x * 2

    assert call(chatty, 21, limit=5) == (42, "hello 21\nagain\n")


def test_sys_exit_becomes_a_failure_with_its_code():
    for code, text in [(0, "called sys.exit(0)"), (3, "called sys.exit(3)"), (None, "called sys.exit()")]:
        with pytest.raises(PluginExit, match=text.replace("(", r"\(").replace(")", r"\)")):
            call(sys.exit, code, limit=5)


def test_exceptions_pass_through_unchanged():
    with pytest.raises(KeyError):
        call(lambda: {}["x"], limit=5)


def test_after_a_call_over_the_limit_the_next_calls_run_and_its_late_prints_are_lost(capsys):
    release, printed = threading.Event(), threading.Event()

    def hangs():
        release.wait(10)
        print("LATE OUTPUT")
        printed.set()

    outcomes = call_each([lambda: 1, hangs, lambda: 3], limit=0.2)
    assert [o.result for o in outcomes] == [1, None, 3]
    assert isinstance(outcomes[1].error, PluginTimeout)
    assert "did not finish within 0.2 s" in str(outcomes[1].error)
    # Let the abandoned call go on and print: nothing of it reaches stdout.
    release.set()
    assert printed.wait(10)
    assert "LATE OUTPUT" not in capsys.readouterr().out
    # Worker threads are daemons: a hung plugin never holds the process up at exit.
    workers = [t for t in threading.enumerate() if t.name == "cxmaturity-plugin"]
    assert workers and all(t.daemon for t in workers)


def test_a_call_from_plugin_code_runs_inline():
    def outer():
        return call(lambda: threading.current_thread().name, limit=5)[0]

    assert call(outer, limit=5)[0] == "cxmaturity-plugin"


def test_the_limit_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv(plugin_calls.TIMEOUT_ENV, "2.5")
    try:
        assert plugin_calls.timeout() == 2.5
        plugin_calls.set_timeout(0)
        assert plugin_calls.timeout() is None  # 0: no limit
        plugin_calls.set_timeout(7)
        assert plugin_calls.timeout() == 7
    finally:
        plugin_calls.set_timeout(None)
    for bad in ("soon", "-1", "nan", "inf"):
        monkeypatch.setenv(plugin_calls.TIMEOUT_ENV, bad)
        with pytest.raises(Exception, match="CXMATURITY_PLUGIN_TIMEOUT"):
            plugin_calls.timeout()
