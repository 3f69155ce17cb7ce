"""Shared by the server's tests: a server over a fresh database, and reading its pages."""

from __future__ import annotations

import re
from html import unescape

import pytest


@pytest.fixture(scope="session")
def core():
    from cxmaturity.evaluation.stages import load_stage_model
    from cxmaturity.plugin_host.manager import load_registry
    from cxmaturity.web.engagements import Core

    return Core(load_registry(), load_stage_model())


def make_client(tmp_path, core, lang="en"):
    from starlette.testclient import TestClient

    from cxmaturity.web.app import create_app
    from cxmaturity.web.store import Store

    store = Store(tmp_path / "serve.db")
    app = create_app(store, core, lang)
    client = TestClient(app, follow_redirects=False)
    client.admin = app.state.server.admin
    client.store = store
    return client


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def text(html: str) -> str:
    """The page's text, tags removed and entities decoded, spaces collapsed."""
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def create_engagement(client, company="Nordbank", questionnaire="cx-ai-2018-quick", language="fr",
                      respondents="Claire Martin, directrice CX\nPaul Durand, DSI") -> int:
    page = client.get(f"/c/{client.admin}")
    r = client.post(f"/c/{client.admin}", data={
        "csrf": csrf(page.text), "company": company, "questionnaire": questionnaire,
        "language": language, "respondents": respondents})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def respondent_links(client, eid: int) -> list[str]:
    return [r.token for r in client.store.respondents(eid)]


def answer(client, token: str, pick) -> str:
    """Answer the question the respondent's link leads to with `pick(question)` (a value, a
    list, or an action name prefixed with '!'); return the next location."""
    r = client.get(f"/r/{token}")
    if r.headers["location"].endswith("/review"):
        return r.headers["location"]
    url = r.headers["location"]
    page = client.get(url)
    qid = url.rsplit("/", 1)[1]
    choice = pick(qid)
    data = {"csrf": csrf(page.text)}
    if isinstance(choice, str) and choice.startswith("!"):
        data["action"] = choice[1:]
    else:
        data["action"] = "answer"
        data["value"] = choice
    r = client.post(url, data=data)
    assert r.status_code == 303, (qid, r.status_code, text(r.text)[:400])
    return r.headers["location"]
