"""A small headless-Chromium driver over the DevTools protocol, for tests that open a page the
way a person would: it records failed requests, console errors, exceptions and dialogs."""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """The path of Debian's chromium (or another Chromium build on PATH), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium with a fresh profile, driven over one websocket."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        import websocket  # websocket-client

        self.profile = tempfile.mkdtemp(prefix="cx-chromium-")
        self.proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             "--window-size=1100,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        url = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                url = match.group(1)
                break
        if url is None:
            self.close()
            raise RuntimeError("chromium did not start its DevTools endpoint")
        # Keep draining stderr so that chromium never blocks on a full pipe.
        import threading

        threading.Thread(target=self.proc.stderr.read, daemon=True).start()
        self.ws = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self.timeout = timeout
        self._ids = itertools.count(1)
        self.events: list[dict] = []

    def send(self, method: str, session: str | None = None, **params) -> dict:
        """Call a DevTools method and return its result; events met meanwhile are kept."""
        msg_id = next(self._ids)
        message = {"id": msg_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def wait_for(self, method: str) -> dict:
        """The first event called `method` (already received or coming)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            event = json.loads(self.ws.recv())
            self.events.append(event)
            if event.get("method") == method:
                return event
        raise TimeoutError(method)

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


class PageVisit:
    """What happened while one page loaded: requests, failures, errors, dialogs."""

    def __init__(self, events: list[dict]) -> None:
        self.requests = [e["params"]["request"]["url"] for e in events
                         if e.get("method") == "Network.requestWillBeSent"]
        self.failed = [e["params"] for e in events if e.get("method") == "Network.loadingFailed"]
        self.console_errors = [
            e["params"] for e in events
            if (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
        ]
        self.exceptions = [e["params"] for e in events if e.get("method") == "Runtime.exceptionThrown"]
        self.dialogs = [e["params"] for e in events if e.get("method") == "Page.javascriptDialogOpening"]


def visit(browser: Browser, path: Path, screenshot: Path | None = None,
          probe: str = "null") -> tuple[PageVisit, object]:
    """Open `path` in a new tab, wait for the load event, evaluate `probe` (a JavaScript
    expression whose value is returned as JSON) and save a full-page screenshot."""
    target = browser.send("Target.createTarget", url="about:blank")["targetId"]
    session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    try:
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.send(f"{domain}.enable", session=session)
        browser.events.clear()
        browser.send("Page.navigate", session=session, url=path.resolve().as_uri())
        browser.wait_for("Page.loadEventFired")
        value = browser.send("Runtime.evaluate", session=session, expression=probe,
                             returnByValue=True)["result"].get("value")
        if screenshot is not None:
            size = browser.send("Runtime.evaluate", session=session, returnByValue=True,
                                expression="[document.documentElement.scrollWidth,"
                                "document.documentElement.scrollHeight]")["result"]["value"]
            browser.send("Emulation.setDeviceMetricsOverride", session=session, width=size[0],
                         height=min(size[1], 16000), deviceScaleFactor=1, mobile=False)
            shot = browser.send("Page.captureScreenshot", session=session, format="png",
                                captureBeyondViewport=True)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        return PageVisit([e for e in browser.events if e.get("sessionId") == session]), value
    finally:
        browser.send("Target.closeTarget", targetId=target)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
