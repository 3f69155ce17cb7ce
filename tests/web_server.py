"""A `cxmaturity serve` process on loopback for the tests and perf/serve_load.py, and a small
HTTP client that fills its forms as a browser without JavaScript would."""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit


class ServerProcess:
    """`python -m cxmaturity serve --db DB --port 0` on 127.0.0.1; the link it prints is read."""

    def __init__(self, db: Path, *args: str, timeout: float = 60.0, host: str = "127.0.0.1", port: int = 0):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cxmaturity", "serve", "--db", str(db), "--host", host,
             "--port", str(port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.out: list[tuple[str, str]] = []
        for name in ("stdout", "stderr"):
            threading.Thread(target=self._drain, args=(name,), daemon=True).start()
        deadline = time.monotonic() + timeout
        self.link = None
        while time.monotonic() < deadline and self.link is None:
            try:
                stream, line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            self.out.append((stream, line))
            match = re.search(r"(http://\S+/c/(\S+))", line)
            if match:
                self.link, self.admin = match.groups()
        if self.link is None:
            self.stop()
            raise RuntimeError(f"the server did not print its link: {self.out}")
        parts = urlsplit(self.link)
        self.host, self.port = parts.hostname, parts.port

    def _drain(self, name: str) -> None:
        for line in getattr(self.proc, name):
            self.lines.put((name, line))

    def client(self) -> Http:
        return Http(self.host, self.port)

    def kill(self) -> None:
        """kill -9: no chance to flush or close anything."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


class Http:
    """One keep-alive connection; no redirect followed (the tests look at each)."""

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        body = urlencode(form, doseq=True) if form is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if form is not None else {}
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (ConnectionError, http.client.HTTPException):
            self.conn.close()  # reconnect once: the server may have closed an idle connection
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode("utf-8")
        self.last_headers = {k.lower(): v for k, v in response.getheaders()}
        return response.status, response.getheader("location") or "", text

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, form: dict):
        return self.request("POST", path, form)

    def close(self) -> None:
        self.conn.close()


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def page_text(html: str) -> str:
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def seed(db: Path, company: str, respondents: list[tuple[str, str]], language: str = "fr",
         questionnaire: str = "cx-ai-2018-quick") -> tuple[int, list[str]]:
    """Create an engagement directly in the database (before or while the server runs);
    (its id, the respondents' tokens)."""
    from cxmaturity.formats.assessments import slugify
    from cxmaturity.web.store import Store

    store = Store(db)
    try:
        eid = store.create_engagement(company, slugify(company), questionnaire, 1, language, respondents)
        return eid, [r.token for r in store.respondents(eid)]
    finally:
        store.close()
