"""`cxmaturity serve` in headless Chromium, as people would use it: a respondent answers the
quick questionnaire in French with the keyboard alone (Tab, Space, arrows, Enter), reopens
the link half way and goes on, while a second respondent answers differently; the consultant
sees both, the disagreements flagged, consolidates, and the result shows the stage and the
roadmap that `cxmaturity score` gives for the downloaded consolidated file. Once with
JavaScript, once with it disabled. Screenshots go to tests/out/serve-*.png (not committed).
"""

from __future__ import annotations

import base64
import json
import time

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web]'")

from chromium import Browser, find_chromium, in_ci  # noqa: E402
from conftest import ROOT  # noqa: E402
from web_server import ServerProcess, csrf, page_text, seed  # noqa: E402

OUT = ROOT / "tests" / "out"
CHROMIUM = find_chromium()
if CHROMIUM is None:
    if in_ci():
        pytest.fail("Chromium is required under CI (apt-get install chromium)", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

KEYS = {
    "Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "Space": {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32, "text": " "},
    "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "ArrowDown": {"key": "ArrowDown", "code": "ArrowDown", "windowsVirtualKeyCode": 40},
}
FOCUSED = """JSON.stringify((() => { const e = document.activeElement; return {
  tag: e.tagName, type: e.type || null, name: e.name || null, value: e.value || null,
  text: e.textContent.trim(), index: e.name === 'value'
    ? Array.from(document.querySelectorAll('input[name=value]')).indexOf(e) : -1,
  checked: !!e.checked}; })())"""


class Tab:
    """One tab of the browser, driven over its own DevTools session."""

    def __init__(self, browser: Browser, javascript: bool = True):
        self.b = browser
        self.target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = browser.send("Target.attachToTarget", targetId=self.target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        if not javascript:
            self.send("Emulation.setScriptExecutionDisabled", value=True)
        self.loads = 0

    def send(self, method, **params):
        return self.b.send(method, session=self.session, **params)

    def _load_count(self) -> int:
        return sum(1 for e in self.b.events
                   if e.get("method") == "Page.loadEventFired" and e.get("sessionId") == self.session)

    def _wait_load(self, before: int) -> None:
        deadline = time.monotonic() + 30
        while self._load_count() <= before:
            if time.monotonic() > deadline:
                raise TimeoutError("page load")
            self.b.events.append(json.loads(self.b.ws.recv()))

    def goto(self, url: str) -> None:
        before = self._load_count()
        self.send("Page.navigate", url=url)
        self._wait_load(before)

    def reload(self) -> None:
        before = self._load_count()
        self.send("Page.reload")
        self._wait_load(before)

    def eval(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def html(self) -> str:
        root = self.send("DOM.getDocument")["root"]["nodeId"]
        return self.send("DOM.getOuterHTML", nodeId=root)["outerHTML"]

    def text(self) -> str:
        return page_text(self.html())

    def url(self) -> str:
        return self.send("Page.getNavigationHistory")["entries"][-1]["url"]

    def key(self, name: str) -> None:
        spec = KEYS[name]
        self.send("Input.dispatchKeyEvent", type="keyDown", **spec)
        self.send("Input.dispatchKeyEvent", type="keyUp", **{k: v for k, v in spec.items() if k != "text"})

    def press_and_load(self, name: str) -> None:
        before = self._load_count()
        self.key(name)
        self._wait_load(before)

    def focused(self) -> dict:
        return json.loads(self.eval(FOCUSED))

    def tab_to(self, wanted, limit: int = 60) -> dict:
        for _ in range(limit):
            self.key("Tab")
            now = self.focused()
            if wanted(now):
                return now
        raise AssertionError(f"Tab never reached the element (last: {now})")

    def screenshot(self, name: str, width: int = 1100, mobile: bool = False) -> None:
        height = self.eval("document.documentElement.scrollHeight") or 900
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=min(int(height), 12000),
                  deviceScaleFactor=1, mobile=mobile)
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
        self.send("Emulation.clearDeviceMetricsOverride")

    def close(self) -> None:
        self.b.send("Target.closeTarget", targetId=self.target)


def choice_for(question, end: str):
    """Which options to pick: indexes among the question's inputs."""
    if question.type == "multi":
        ids = [i for i, o in enumerate(question.option_ids) if o != question.exclusive]
        return [ids[-1]] if end == "high" else [ids[0]]
    if question.options:
        return [len(question.options) - 1] if end == "high" else [0]
    return [int(question.max - question.min)] if end == "high" else [0]


def keyboard_answer(tab: Tab, question, end: str) -> None:
    """Answer the question on screen with the keyboard only, and send it with Enter."""
    wanted = choice_for(question, end)
    first = tab.tab_to(lambda f: f["name"] == "value")
    if question.type == "multi":
        position = first["index"]
        for index in wanted:
            while position < index:
                tab.key("Tab")
                position = tab.focused()["index"]
            if not tab.focused()["checked"]:
                tab.key("Space")
    else:
        if not first["checked"]:
            tab.key("Space")  # a radio group's first option, ticked
        index = tab.focused()["index"]
        while index < wanted[0]:
            tab.key("ArrowDown")  # moves through the group, ticking as it goes
            index = tab.focused()["index"]
        assert tab.focused()["checked"]
    tab.tab_to(lambda f: f["tag"] == "BUTTON" and f["value"] == "answer")
    tab.press_and_load("Enter")


def http_answer(http, token: str, questionnaire, end: str) -> bool:
    """The second respondent answers one question over plain HTTP; False once at the review."""
    _, location, _ = http.get(f"/r/{token}")
    if location.endswith("/review"):
        return False
    _, _, html = http.get(location)
    question = questionnaire.question(location.rsplit("/", 1)[1])
    ids = question.option_ids
    values = [ids[i] for i in choice_for(question, end)] if ids else [str(int(question.min))]
    status, _, _ = http.post(location, {"csrf": csrf(html), "action": "answer", "value": values})
    assert status == 303
    return True


@pytest.fixture(scope="module")
def browser():
    b = Browser(CHROMIUM)
    yield b
    b.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_two_respondents_and_the_consultant_in_chromium(browser, tmp_path, javascript, cli):
    from cxmaturity.api import find_questionnaire as find
    from cxmaturity.evaluation.stages import load_stage_model

    tag = "js" if javascript else "nojs"
    db = tmp_path / "serve.db"
    eid, (claire, paul) = seed(db, "Lumière Santé", [("Claire Martin", "directrice CX"), ("Paul Durand", "DSI")])
    questionnaire = find("cx-ai-2018-quick")
    server = ServerProcess(db, "--lang", "fr")
    base = f"http://{server.host}:{server.port}"
    tab = Tab(browser, javascript)
    http = server.client()
    try:
        tab.goto(f"{base}/r/{claire}")
        assert tab.eval("document.documentElement.lang") == "fr"
        for n in range(1, 40):
            url = tab.url()
            if url.endswith("/review"):
                break
            question = questionnaire.question(url.rsplit("/", 1)[1])
            assert f"Question {n} sur" in tab.text()
            if n == 1:
                tab.screenshot(f"serve-{tag}-question")
                tab.screenshot(f"serve-{tag}-question-phone", width=390, mobile=True)
            keyboard_answer(tab, question, "high")
            http_answer(http, paul, questionnaire, "low")  # the other respondent, meanwhile
            if n == 6:
                # Half way: reload, then open the link again as on another device.
                tab.reload()
                tab.goto(f"{base}/r/{claire}")
                assert tab.url().endswith(f"/q/{questionnaire.questions[6].id}")
                assert "Question 7 sur" in tab.text()
        assert tab.url().endswith("/review")
        tab.screenshot(f"serve-{tag}-review")
        tab.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"] == "Terminer")
        tab.press_and_load("Enter")
        assert tab.url().endswith("/done") and "Merci" in tab.text()
        tab.screenshot(f"serve-{tag}-done")
        while http_answer(http, paul, questionnaire, "low"):
            pass
        # The consultant.
        tab.goto(f"{base}/c/{server.admin}")
        assert "Lumière Santé" in tab.text()
        tab.screenshot(f"serve-{tag}-engagements")
        tab.goto(f"{base}/c/{server.admin}/e/{eid}")
        seen = tab.text()
        assert "Claire Martin" in seen and "Paul Durand" in seen and "Désaccord" in seen
        assert tab.eval("document.querySelectorAll('tr.disagree').length") >= 5
        tab.screenshot(f"serve-{tag}-engagement")
        # One question decided by hand (keyboard): the option after the proposal.
        tab.goto(f"{base}/c/{server.admin}/e/{eid}/decide/profile.headcount")
        tab.screenshot(f"serve-{tag}-decide")
        start = tab.tab_to(lambda f: f["name"] == "keep" and f["checked"])
        tab.key("ArrowDown")
        picked = tab.focused()
        assert picked["checked"] and picked["value"] != start["value"]
        tab.tab_to(lambda f: f["tag"] == "BUTTON")
        tab.press_and_load("Enter")
        assert "/consolidate" in tab.url() and "choisie par le consultant" in tab.text()
        tab.screenshot(f"serve-{tag}-consolidate")
        tab.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"].startswith("Confirmer"), limit=200)
        tab.press_and_load("Enter")
        assert tab.url().endswith("/result")
        tab.screenshot(f"serve-{tag}-result")
        result_text = tab.text()
        # The downloaded consolidated file, scored by the command line: same stage and roadmap.
        status, _, yaml_text = http.get(f"/c/{server.admin}/e/{eid}/download/consolidated.yaml")
        assert status == 200
        path = tmp_path / "consolidated.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        scored = cli("score", str(path), "--format", "json")
        assert scored.exit_code == 0, scored.output
        expected = json.loads(scored.output)
        stage = next(s for s in load_stage_model().stages if s.id == expected["overall"]["stage"])
        assert f"Stade global: {stage.label['fr']}" in result_text or f"Stade global : {stage.label['fr']}" \
            in result_text
        assert expected["roadmap"]["title"]["fr"] in result_text
        assert tab.eval("document.querySelectorAll('script').length") == 0
    finally:
        http.close()
        tab.close()
        server.stop()


def test_a_hostile_company_name_shows_as_text_and_nothing_runs(browser, tmp_path):
    hostile = "<script>alert(1)</script>"
    db = tmp_path / "serve.db"
    eid, (token,) = seed(db, hostile, [("<img src=x onerror=alert(1)>", "")])
    server = ServerProcess(db)
    tab = Tab(browser)
    try:
        base = f"http://{server.host}:{server.port}"
        for url in (f"{base}/c/{server.admin}/e/{eid}", f"{base}/r/{token}", f"{base}/c/{server.admin}/e/{eid}/result"):
            tab.goto(url)
            # The respondent's question page names the company in its title only.
            assert hostile in tab.eval("document.body.innerText + document.title")
            assert tab.eval("document.querySelectorAll('script, img').length") == 0
        tab.screenshot("serve-hostile-result")
        dialogs = [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
        assert dialogs == []
    finally:
        tab.close()
        server.stop()
