"""Calling a plugin's code: under a time limit, with its prints kept off stdout, and with
`SystemExit` caught like any other failure.

Every call into a plugin (importing its module, each hook, each ``score()``) runs on one
daemon worker thread while the command waits for it at most `timeout()` seconds. A call over
the limit raises `PluginTimeout`; Python cannot stop a thread, so the hung call is abandoned:
its thread keeps running in the background until the command ends (daemon threads never hold
the process up), a new worker takes the next call, and whatever the abandoned call prints
later is discarded.

While a plugin runs, ``sys.stdout`` is a proxy that sends the worker's writes to a buffer, so
that a ``print()`` in a plugin cannot corrupt ``--format json``; the command reports what was
printed as a warning. Writes to the file descriptor itself (``os.write(1, …)``) are out of
reach. Only ``KeyboardInterrupt`` (Ctrl-C, which reaches the main thread) is not turned into a
failure.

This module is light (threading only): the root command sets the ``--plugin-timeout`` option
here without loading the plugin machinery.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

TIMEOUT_ENV = "CXMATURITY_PLUGIN_TIMEOUT"
DEFAULT_TIMEOUT = 10.0

_option: float | None = None


def set_timeout(seconds: float | None) -> None:
    """The time limit from the command line (None: the environment's, else the default)."""
    global _option
    _option = seconds


def timeout() -> float | None:
    """Seconds a plugin call may take: ``--plugin-timeout``, else ``CXMATURITY_PLUGIN_TIMEOUT``,
    else 10; None when set to 0 (no limit). A bad environment value is a user error."""
    seconds = _option
    if seconds is None:
        raw = os.environ.get(TIMEOUT_ENV, "").strip()
        if not raw:
            return DEFAULT_TIMEOUT
        try:
            seconds = float(raw)
        except ValueError:
            seconds = float("nan")
        if not seconds >= 0 or seconds == float("inf"):
            from cxmaturity.errors import CxError

            raise CxError(f"{TIMEOUT_ENV}={raw!r}: not a number of seconds (0 for no limit)")
    return seconds or None


class PluginTimeout(Exception):
    """A plugin call took longer than the time limit; the call was abandoned."""

    def __init__(self, seconds: float):
        super().__init__(
            f"did not finish within {seconds:g} s (the plugin time limit); "
            "left running in the background and ignored"
        )
        self.seconds = seconds


class PluginExit(Exception):
    """A plugin called ``sys.exit()`` (or raised `SystemExit`)."""

    def __init__(self, code: Any):
        super().__init__(f"called sys.exit({code!r})" if code is not None else "called sys.exit()")
        self.code = code


# Thread ident → the buffer that thread's stdout writes go to.
_buffers: dict[int, list[str]] = {}


class _StdoutProxy:
    """``sys.stdout`` while plugins run: writes from a plugin thread go to its buffer (or
    nowhere, once abandoned), every other write to the real stream."""

    def __init__(self, real: Any):
        self._real = real

    def write(self, text: str) -> int:
        ident = threading.get_ident()
        if ident in _buffers:
            _buffers[ident].append(text)
            return len(text)
        if ident in _abandoned:
            return len(text)
        return self._real.write(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if threading.get_ident() not in _buffers:
            self._real.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


_abandoned: set[int] = set()


class Outcome:
    """How one plugin call ended: what it returned or raised, and what it printed."""

    __slots__ = ("result", "error", "printed")

    def __init__(self) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.printed: list[str] = []


class _Job:
    """Calls run one after the other on the worker; the command waits for the whole batch and
    wakes only to check the call in progress against the limit (one thread switch a batch,
    not one a call: perf/scoring_speed.py)."""

    def __init__(self, calls: list[Callable[[], Any]]):
        self.calls = calls
        self.outcomes = [Outcome() for _ in calls]
        # (index of the call in progress, when it started): replaced as a whole, so that
        # the waiting thread always reads a consistent pair.
        self.current = (0, time.monotonic())
        self.cancelled = False
        # A bare lock, held until the batch ends: cheaper to wait on than an Event.
        self.done = threading.Lock()
        self.done.acquire()


class _Worker:
    """One daemon thread running batches of plugin calls."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="cxmaturity-plugin", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        ident = threading.get_ident()
        while True:
            job = self.jobs.get()
            for i, fn in enumerate(job.calls):
                if job.cancelled:
                    break
                job.current = (i, time.monotonic())
                outcome = job.outcomes[i]
                _buffers[ident] = outcome.printed
                try:
                    outcome.result = fn()
                except BaseException as exc:  # isolation: SystemExit too; reported by the caller
                    outcome.error = exc
                finally:
                    _buffers.pop(ident, None)
            job.done.release()


_worker: _Worker | None = None
_lock = threading.Lock()


def call_each(calls: list[Callable[[], Any]], limit: float | None = None) -> list[Outcome]:
    """Run each of `calls` as plugin code, in order, each within `limit` seconds (None: no
    limit); one `Outcome` per call. A `SystemExit` becomes `PluginExit`, a call over the limit
    `PluginTimeout` (the calls after it still run, on a new worker). Calls made from plugin
    code (a hook that asks the registry for something) run inline, under the limit of the
    call they are part of."""
    global _worker
    if threading.get_ident() in _buffers:
        return [_inline(fn) for fn in calls]
    outcomes: list[Outcome] = []
    real = sys.stdout
    proxy = real if isinstance(real, _StdoutProxy) else _StdoutProxy(real)
    sys.stdout = proxy
    keep_proxy = False
    try:
        while len(outcomes) < len(calls):
            with _lock:
                if _worker is None:
                    _worker = _Worker()
                worker = _worker
            job = _Job(calls[len(outcomes):])
            worker.jobs.put(job)
            late = _wait(job, limit)
            if late is None:
                outcomes += job.outcomes
                continue
            # The call in progress is over the limit: abandon this worker and go on without it.
            job.cancelled = True
            keep_proxy = True
            _abandon(worker)
            timed_out = Outcome()
            timed_out.error = PluginTimeout(limit or 0)
            outcomes += job.outcomes[:late] + [timed_out]
    finally:
        # After an abandoned call the proxy stays, so that what it prints later is discarded.
        if not keep_proxy and sys.stdout is proxy:
            sys.stdout = real
    for outcome in outcomes:
        if isinstance(outcome.error, SystemExit):
            outcome.error = PluginExit(outcome.error.code)
    return outcomes


def _inline(fn: Callable[[], Any]) -> Outcome:
    outcome = Outcome()
    try:
        outcome.result = fn()
    except SystemExit as exc:
        outcome.error = PluginExit(exc.code)
    except Exception as exc:  # reported by the caller, as on the worker
        outcome.error = exc
    return outcome


def _wait(job: _Job, limit: float | None) -> int | None:
    """Wait for `job`; None when it ended, else the index of the call over the limit."""
    if limit is None:
        job.done.acquire()
        return None
    while True:
        index, started = job.current
        left = limit - (time.monotonic() - started)
        if job.done.acquire(timeout=max(left, 0.0)):
            return None
        if job.done.acquire(blocking=False):  # it ended just now
            return None
        now_index, now_started = job.current
        if (now_index, now_started) == (index, started) and time.monotonic() - started >= limit:
            return index


def _abandon(worker: _Worker) -> None:
    """Give up on `worker` (a call of it is over the limit): the next call gets a new one."""
    global _worker
    with _lock:
        if _worker is worker:
            _worker = None
    if worker.thread.ident is not None:
        _abandoned.add(worker.thread.ident)
        _buffers.pop(worker.thread.ident, None)


def call(fn: Callable[..., Any], *args: Any, limit: float | None = None) -> tuple[Any, str]:
    """``fn(*args)`` run as plugin code: (what it returned, what it printed to stdout).

    Raises what `fn` raised (a `SystemExit` as `PluginExit`), or `PluginTimeout` after `limit`
    seconds (None: no limit)."""
    (outcome,) = call_each([lambda: fn(*args)], limit)
    if outcome.error is not None:
        raise outcome.error
    return outcome.result, "".join(outcome.printed)
