"""The server's security: a link shows only its own respondent, forms need their CSRF token,
every text is escaped, tokens are long and random, and leaving loopback is warned about."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web]'")

from web_helpers import answer, core, create_engagement, csrf, make_client, respondent_links, text  # noqa: E402

core = core  # the session fixture, used by name
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def client(tmp_path, core):
    c = make_client(tmp_path, core, "en")
    yield c
    c.store.close()


def first_option(client, eid):
    q = client.app.state.server.core.questionnaire(client.store.engagement(eid))

    def choose(qid):
        question = q.question(qid)
        return [question.option_ids[0]] if question.type == "multi" else question.option_ids[0]

    return choose


def test_a_respondents_link_cannot_read_or_change_anothers_answers(client):
    eid = create_engagement(client)
    claire, paul = respondent_links(client, eid)
    answer(client, claire, first_option(client, eid))
    claire_id, paul_id = (r.id for r in client.store.respondents(eid))
    # Paul's pages show only Paul's (empty) answers.
    review = text(client.get(f"/r/{paul}/review").text)
    assert "Claire" not in review and "Afrique" not in review
    # A form of Claire's page, sent to Paul's link, is refused: the token is tied to the link.
    url = client.get(f"/r/{claire}").headers["location"]
    page = client.get(url)
    qid = url.rsplit("/", 1)[1]
    r = client.post(f"/r/{paul}/q/{qid}", data={"csrf": csrf(page.text), "action": "skip"})
    assert r.status_code == 403
    assert client.store.answers(paul_id) == []
    # A respondent's token opens no consultant page, and no download.
    for path in (f"/c/{claire}", f"/c/{claire}/e/{eid}", f"/c/{claire}/e/{eid}/result",
                 f"/c/{claire}/e/{eid}/download/consolidated.yaml",
                 f"/c/{claire}/e/{eid}/download/respondent-{paul_id}.yaml"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "Claire" not in r.text and "Nordbank" not in r.text
    assert len(client.store.answers(claire_id)) == 1


def test_an_unknown_token_finds_nothing(client):
    eid = create_engagement(client)
    for path in ("/r/" + "x" * 43, "/r/" + "x" * 43 + "/review", "/c/" + "x" * 43):
        r = client.get(path)
        assert r.status_code == 404 and "Nordbank" not in r.text
    assert eid == 1


@pytest.mark.parametrize("sent", [None, "", "0" * 64])
def test_a_form_without_its_csrf_token_is_refused(client, sent):
    eid = create_engagement(client)
    claire, _ = respondent_links(client, eid)
    url = client.get(f"/r/{claire}").headers["location"]
    data = {"action": "answer", "value": "europe"}
    if sent is not None:
        data["csrf"] = sent
    forms = [
        (url, data),
        (f"/r/{claire}/finish", {"csrf": sent} if sent is not None else {}),
        (f"/c/{client.admin}", {"company": "X", "questionnaire": "cx-ai-2018-quick", "respondents": "A"}),
        (f"/c/{client.admin}/e/{eid}", {"name": "Mallory"}),
        (f"/c/{client.admin}/e/{eid}/consolidate", {}),
        (f"/c/{client.admin}/e/{eid}/decide/profile.region", {"keep": '["answered", "europe"]'}),
    ]
    for path, form in forms:
        if sent is not None:
            form = {**form, "csrf": sent}
        r = client.post(path, data=form)
        assert r.status_code == 403, path
    assert client.store.answers(client.store.respondents(eid)[0].id) == []
    assert len(client.store.engagements()) == 1 and len(client.store.respondents(eid)) == 2
    assert client.store.decisions(eid) == {} and client.store.respondents(eid)[0].finished is None


def test_the_consultants_csrf_token_is_not_a_respondents(client):
    eid = create_engagement(client)
    claire, _ = respondent_links(client, eid)
    consultant_page = client.get(f"/c/{client.admin}/e/{eid}")
    url = client.get(f"/r/{claire}").headers["location"]
    r = client.post(url, data={"csrf": csrf(consultant_page.text), "action": "skip"})
    assert r.status_code == 403


def test_a_hostile_company_and_respondent_show_as_text(client):
    eid = create_engagement(client, company=HOSTILE, respondents=f"{HOSTILE}, <img src=x onerror=alert(1)>")
    (token,) = respondent_links(client, eid)
    pages = [client.get(f"/c/{client.admin}"), client.get(f"/c/{client.admin}/e/{eid}"),
             client.get(client.get(f"/r/{token}").headers["location"]), client.get(f"/r/{token}/done"),
             client.get(f"/c/{client.admin}/e/{eid}/result")]
    for page in pages:
        assert page.status_code == 200
        assert "<script>" not in page.text and "<img" not in page.text
        assert HOSTILE in text(page.text) or "onerror" in text(page.text) or "Question 1" in text(page.text)
    assert HOSTILE in text(pages[1].text) and "<img src=x onerror=alert(1)>" in text(pages[1].text)


def test_every_page_forbids_scripts_and_leaks_no_token_in_referrers(client):
    create_engagement(client)
    r = client.get(f"/c/{client.admin}")
    assert "script-src" not in r.headers["content-security-policy"]
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["referrer-policy"] == "no-referrer" and r.headers["cache-control"] == "no-store"


def test_tokens_carry_at_least_128_random_bits(client):
    eid = create_engagement(client, respondents="\n".join(f"P{i}" for i in range(20)))
    tokens = [client.admin, *respondent_links(client, eid)]
    assert len(set(tokens)) == len(tokens)
    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # token_urlsafe(32): 256 bits


def test_loopback_and_other_addresses():
    from cxmaturity.web.security import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.10", "::", "example.org"))
