"""Load on `cxmaturity serve`, on loopback only (run by hand; a short run is a test).

    .venv/bin/python perf/serve_load.py [--respondents 50] [--seconds 60] [--kill-at 30] [--think 0.5]

N respondents (threads, one keep-alive connection each) answer the full questionnaire at the
same time for the given seconds, each waiting --think seconds between answers (a person takes
several seconds to read and answer; 0.5 s keeps the load about ten times a real group's, and 0
measures the server saturated); a respondent at the end of the questionnaire changes earlier
answers, so that every one keeps saving until the end. At --kill-at seconds the server is
killed with SIGKILL and started again on the same port (0: never). Then every acknowledged
answer (a 303 received) is looked up in the database: none may be missing. Prints the
answers acknowledged; the time to save an answer as a respondent sees it (from the form sent
to its acknowledgement, p50, p95, max; target p95 < 50 ms) and inside the server (from the
request read to the answer committed, the Server-Timing header); a request that saves nothing
timed meanwhile (what the machine and the HTTP stack alone cost); and the time the server
took to come back. The clients run on the same machine, so they take CPU from the server.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_server import Http, ServerProcess, csrf, seed  # noqa: E402

QUESTIONNAIRE = "cx-ai-2018"


def choose(question, token: str) -> list[str]:
    """The respondent's answer to `question`: always the same for the same respondent, so that
    no later answer closes a branch and drops an acknowledged one."""
    n = int(hashlib.sha256(f"{token}{question.id}".encode()).hexdigest(), 16)
    if question.type == "multi":
        ids = [o for o in question.option_ids if o != question.exclusive]
        return [ids[n % len(ids)]]
    if question.options:
        return [question.option_ids[n % len(question.option_ids)]]
    if question.type == "text":
        return [f"text {n % 1000}"]
    low, high = int(question.min or 0), int(question.max if question.max is not None else 100)
    return [str(low + n % (high - low + 1))]


class Respondent(threading.Thread):
    def __init__(self, host: str, port: int, token: str, questionnaire, stop: threading.Event,
                 think: float = 0.0):
        super().__init__(daemon=True)
        self.think = think
        self.host, self.port, self.token, self.q, self.stop = host, port, token, questionnaire, stop
        self.acked: dict[str, list[str]] = {}  # question id → the value acknowledged last
        self.times: list[float] = []
        self.server_times: list[float] = []
        self.failures = 0

    def run(self) -> None:
        http = Http(self.host, self.port, timeout=30)
        form_token = None
        order = [q.id for q in self.q.questions]
        turn = 0
        while not self.stop.is_set():
            try:
                _, location, _ = http.get(f"/r/{self.token}")
                if location.endswith("/review"):
                    answered = [qid for qid in order if qid in self.acked]
                    location = f"/r/{self.token}/q/{answered[turn % len(answered)]}"
                    turn += 1
                if form_token is None:
                    _, _, html = http.get(location)
                    form_token = csrf(html)
                qid = location.rsplit("/", 1)[1]
                value = choose(self.q.question(qid), self.token)
                t0 = time.perf_counter()
                status, _, _ = http.post(location, {"csrf": form_token, "action": "answer", "value": value})
                elapsed = time.perf_counter() - t0
                if status == 303:
                    self.acked[qid] = value
                    self.times.append(elapsed)
                    timing = http.last_headers.get("server-timing", "")
                    if "dur=" in timing:
                        self.server_times.append(float(timing.split("dur=")[1]) / 1000)
                    if self.think:
                        self.stop.wait(self.think)
                elif status != 400:
                    self.failures += 1
            except Exception:  # noqa: BLE001  (the server is down: it was killed; try again shortly)
                self.failures += 1
                http.close()
                time.sleep(0.05)
                http = Http(self.host, self.port, timeout=30)
        http.close()


class Baseline(threading.Thread):
    """A request that saves nothing (the home page), every 0.1 s: what the machine and the HTTP
    stack alone cost at the same moment, to read the save times against."""

    def __init__(self, host: str, port: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.host, self.port, self.stop = host, port, stop
        self.times: list[float] = []

    def run(self) -> None:
        http = Http(self.host, self.port, timeout=30)
        while not self.stop.wait(0.1):
            try:
                t0 = time.perf_counter()
                status, _, _ = http.get("/")
                if status == 200:
                    self.times.append(time.perf_counter() - t0)
            except Exception:  # noqa: BLE001  (the server is down: it was killed)
                http.close()
                http = Http(self.host, self.port, timeout=30)
        http.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def run_load(respondents: int = 50, seconds: float = 60, kill_at: float = 30, think: float = 0.5,
             folder: Path | None = None) -> dict:
    """Run the load; the figures as a dict (`missing` lists acknowledged answers not stored)."""
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.web.store import Store

    folder = Path(folder or tempfile.mkdtemp(prefix="cx-serve-load-"))
    db = folder / "load.db"
    people = [(f"Respondent {i}", "") for i in range(respondents)]
    _, tokens = seed(db, "Load Test", people, questionnaire=QUESTIONNAIRE)
    questionnaire = find(QUESTIONNAIRE)
    server = ServerProcess(db)
    host, port = server.host, server.port
    stop = threading.Event()
    workers = [Respondent(host, port, t, questionnaire, stop, think) for t in tokens]
    baseline = Baseline(host, port, stop)
    restart = None
    try:
        start = time.monotonic()
        baseline.start()
        for w in workers:
            w.start()
        if kill_at and kill_at < seconds:
            time.sleep(kill_at)
            server.kill()
            t0 = time.monotonic()
            server = ServerProcess(db, port=port)
            restart = time.monotonic() - t0
        time.sleep(max(0.0, seconds - (time.monotonic() - start)))
        stop.set()
        for w in workers:
            w.join(60)
    finally:
        stop.set()
        server.stop()
    store = Store(db)
    try:
        missing = []
        by_token = {r.token: r.id for r in store.respondents(1)}
        for w in workers:
            stored = {a.question_id: a.value for a in store.answers(by_token[w.token])}
            for qid, value in w.acked.items():
                expected = value if questionnaire.question(qid).type == "multi" else _typed(questionnaire, qid, value)
                if stored.get(qid) != expected:
                    missing.append((w.token[:6], qid, value, stored.get(qid)))
    finally:
        store.close()
    times = [t for w in workers for t in w.times]
    inside = [t for w in workers for t in w.server_times]
    return {
        "respondents": respondents, "seconds": seconds, "think_s": think, "killed_at": kill_at or None,
        "acknowledged": len(times), "per_second": round(len(times) / seconds, 1),
        "distinct_answers_checked": sum(len(w.acked) for w in workers),
        "save_ms_p50": round(percentile(times, 50) * 1000, 1),
        "save_ms_p95": round(percentile(times, 95) * 1000, 1),
        "save_ms_max": round(max(times) * 1000, 1) if times else None,
        "server_save_ms_p50": round(percentile(inside, 50) * 1000, 2),
        "server_save_ms_p95": round(percentile(inside, 95) * 1000, 2),
        "noop_ms_p50": round(percentile(baseline.times, 50) * 1000, 1),
        "noop_ms_p95": round(percentile(baseline.times, 95) * 1000, 1),
        "restart_s": round(restart, 2) if restart is not None else None,
        "failed_requests": sum(w.failures for w in workers),
        "missing": missing,
    }


def _typed(questionnaire, qid: str, value: list[str]):
    question = questionnaire.question(qid)
    raw = value[0]
    if question.type in ("scale", "number"):
        number = float(raw)
        return int(number) if number.is_integer() else number
    return raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-at", type=float, default=30, help="seconds; 0: never kill the server")
    parser.add_argument("--think", type=float, default=0.5, help="seconds each respondent waits between answers")
    args = parser.parse_args()
    figures = run_load(args.respondents, args.seconds, args.kill_at, args.think)
    print(json.dumps({k: v for k, v in figures.items() if k != "missing"}, indent=2))
    print(f"acknowledged answers missing from the database: {len(figures['missing'])}")
    for item in figures["missing"][:20]:
        print("  ", item)
    sys.exit(1 if figures["missing"] else 0)


if __name__ == "__main__":
    main()
