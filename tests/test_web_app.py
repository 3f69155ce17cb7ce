"""The server's pages over HTTP (in process): two respondents of one company, what the
consultant sees, the consolidation, the result against `cxmaturity score`, and the downloads."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web]'")

from web_helpers import answer, core, create_engagement, csrf, make_client, respondent_links, text  # noqa: E402

core = core  # the session fixture, used by name


def pick(questionnaire, end):
    def choose(qid):
        q = questionnaire.question(qid)
        if q.type == "multi":
            ids = [o for o in q.option_ids if o != q.exclusive]
            return [ids[0]] if end == "low" else ids[-2:]
        if q.options:
            return q.option_ids[0] if end == "low" else q.option_ids[-1]
        return str(int(q.min or 0) if end == "low" else int(q.max or 10))
    return choose


def complete(client, token, choose):
    for _ in range(100):
        location = answer(client, token, choose)
        if location.endswith("/review"):
            return
    raise AssertionError("the form never reached the review")


@pytest.fixture
def client(tmp_path, core):
    c = make_client(tmp_path, core, "fr")
    yield c
    c.store.close()


def test_two_respondents_disagree_and_the_consolidated_result_is_what_score_says(client, core, tmp_path, cli):
    eid = create_engagement(client)
    claire, paul = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    complete(client, claire, pick(q, "high"))
    complete(client, paul, pick(q, "low"))
    page = client.get(f"/c/{client.admin}/e/{eid}")
    seen = text(page.text)
    assert "Claire Martin" in seen and "Paul Durand" in seen and "Désaccord" in seen
    assert page.text.count('class="disagree"') >= 5
    # Confirm every proposal; the lower answer of two is the one proposed on an ordered question.
    page = client.get(f"/c/{client.admin}/e/{eid}/consolidate")
    r = client.post(f"/c/{client.admin}/e/{eid}/consolidate", data={"csrf": csrf(page.text)})
    assert r.status_code == 303 and r.headers["location"].endswith("/result")
    result = client.get(r.headers["location"])
    assert result.status_code == 200
    downloaded = client.get(f"/c/{client.admin}/e/{eid}/download/consolidated.yaml")
    assert downloaded.status_code == 200 and "attachment" in downloaded.headers["content-disposition"]
    path = tmp_path / "consolidated.yaml"
    path.write_text(downloaded.text, encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0
    scored = cli("score", str(path), "--format", "json")
    assert scored.exit_code == 0, scored.output
    expected = json.loads(scored.output)
    got = json.loads(client.get(f"/c/{client.admin}/e/{eid}/download/report.json").text)
    assert got["overall"] == expected["overall"] and got["roadmap"] == expected["roadmap"]
    # The result page is the HTML report of that file.
    report = tmp_path / "report.html"
    assert cli("report", str(path), "-o", str(report)).exit_code == 0
    from cxmaturity.web.app import report_parts

    assert text(report_parts(report.read_text(encoding="utf-8"))[1]).strip() in text(result.text)


def test_the_consultant_picks_another_answer_and_the_choice_is_recorded(client, core):
    eid = create_engagement(client)
    claire, paul = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    complete(client, claire, pick(q, "high"))
    complete(client, paul, pick(q, "low"))
    headcount = q.question("profile.headcount")
    page = client.get(f"/c/{client.admin}/e/{eid}/decide/profile.headcount")
    assert page.status_code == 200
    keep = json.dumps(["answered", headcount.option_ids[-1]], sort_keys=True)
    assert f'value="{keep.replace(chr(34), "&#34;")}"' in page.text
    r = client.post(f"/c/{client.admin}/e/{eid}/decide/profile.headcount",
                    data={"csrf": csrf(page.text), "keep": keep})
    assert r.status_code == 303
    decision = client.store.decisions(eid)["profile.headcount"]
    assert decision.value == headcount.option_ids[-1] and decision.proposed is False
    assert "choisie par le consultant" in text(client.get(f"/c/{client.admin}/e/{eid}/consolidate").text)
    downloaded = client.get(f"/c/{client.admin}/e/{eid}/download/consolidated.yaml").text
    assert f"profile.headcount: {{state: answered, value: {headcount.option_ids[-1]}" in downloaded


def test_each_answer_is_saved_when_given_and_the_link_resumes_there(client, core):
    eid = create_engagement(client)
    claire, _ = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    for _ in range(3):
        answer(client, claire, pick(q, "high"))
    assert len(client.store.answers(client.store.respondents(eid)[0].id)) == 3
    r = client.get(f"/r/{claire}")
    assert r.headers["location"].endswith(f"/q/{q.questions[3].id}")
    page = client.get(r.headers["location"])
    assert "Question 4 sur" in text(page.text)


def test_back_skip_not_applicable_and_dont_know(client, core):
    eid = create_engagement(client)
    claire, _ = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    first, second = q.questions[0].id, q.questions[1].id
    answer(client, claire, pick(q, "low"))
    url = f"/r/{claire}/q/{second}"
    page = client.get(url)
    r = client.post(url, data={"csrf": csrf(page.text), "action": "back"})
    assert r.headers["location"].endswith(f"/q/{first}")
    assert 'checked' in client.get(r.headers["location"]).text  # the answer given is the default
    for action, state in (("dont_know", "dont_know"), ("not_applicable", "not_applicable"), ("skip", "skipped")):
        r = client.post(url, data={"csrf": csrf(page.text), "action": action})
        assert r.status_code == 303
        stored = {a.question_id: a.state for a in client.store.answers(client.store.respondents(eid)[0].id)}
        assert stored[second] == state


def test_an_empty_or_invalid_answer_is_asked_again_with_the_reason(client, core):
    eid = create_engagement(client)
    claire, _ = respondent_links(client, eid)
    url = client.get(f"/r/{claire}").headers["location"]
    page = client.get(url)
    r = client.post(url, data={"csrf": csrf(page.text), "action": "answer"})
    assert r.status_code == 400 and "Choisissez une réponse." in text(r.text)
    r = client.post(url, data={"csrf": csrf(page.text), "action": "answer", "value": "mars"})
    assert r.status_code == 400 and "'mars' is not an option" in text(r.text)
    assert client.store.answers(client.store.respondents(eid)[0].id) == []


def test_a_self_assessment_shows_the_summary_at_the_end(client, core):
    eid = create_engagement(client, respondents="Claire Martin, directrice CX", language="en")
    (claire,) = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    complete(client, claire, pick(q, "high"))
    review = client.get(f"/r/{claire}/review")
    assert "Finish" in text(review.text)
    r = client.post(f"/r/{claire}/finish", data={"csrf": csrf(review.text)})
    done = client.get(r.headers["location"])
    seen = text(done.text)
    assert "Overall stage" in seen and "599" in seen
    assert client.store.respondents(eid)[0].finished is not None
    assert "/c/" not in done.text  # a respondent sees no link to the consultant pages


def test_pages_are_french_or_english_and_phone_ready(client, core):
    eid = create_engagement(client, language="en", company="Acme")
    claire, _ = respondent_links(client, eid)
    page = client.get(client.get(f"/r/{claire}").headers["location"])
    assert '<html lang="en">' in page.text and 'name="viewport"' in page.text
    assert "Question 1 of" in text(page.text) and "Don't know" in text(page.text)
    assert "<fieldset>" in page.text and "<legend>" in page.text
    home = client.get(f"/c/{client.admin}")
    assert '<html lang="fr">' in home.text and "Nouvelle mission" in text(home.text)


def test_every_plugin_questionnaire_is_offered(client, core):
    home = text(client.get(f"/c/{client.admin}").text)
    for q in core.registry.questionnaires:
        assert f"{q.id} v{q.version}" in home


def test_export_and_import_move_engagements_through_assessment_files(client, core, tmp_path, cli):
    from cxmaturity.web.store import Store
    from cxmaturity.web.transfer import export, import_files

    eid = create_engagement(client)
    claire, paul = respondent_links(client, eid)
    q = core.questionnaire(client.store.engagement(eid))
    complete(client, claire, pick(q, "high"))
    answer(client, paul, pick(q, "low"))
    written = export(client.store, core, tmp_path / "out")
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in written)
    assert names == ["nordbank-1/consolidated.yaml", "nordbank-1/respondents/claire-martin.yaml",
                     "nordbank-1/respondents/paul-durand.yaml"]
    for path in written:
        assert cli("validate", str(path)).exit_code == 0
    other = Store(tmp_path / "other.db")
    try:
        (new,) = import_files(other, core, sorted((tmp_path / "out/nordbank-1/respondents").glob("*.yaml")))
        people = other.respondents(new)
        assert [p.name for p in people] == ["claire-martin", "paul-durand"]
        assert len(other.answers(people[0].id)) == len(client.store.answers(client.store.respondents(eid)[0].id))
        assert len(other.answers(people[1].id)) == 1
        assert other.engagement(new).company == "Nordbank"
    finally:
        other.close()


def test_serve_export_and_import_on_the_command_line(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "a.db"
    example = tmp_path / "nordbank.yaml"
    from conftest import EXAMPLES

    source = sorted(EXAMPLES.glob("*.yaml"))[0]
    example.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    r = cli("serve", "--db", str(db), "--import", str(example))
    assert r.exit_code == 0, r.output
    assert "Imported 1 file(s) into 1 engagement(s)" in r.output
    r = cli("serve", "--db", str(db), "--export", str(tmp_path / "out"))
    assert r.exit_code == 0 and "Wrote 2 file(s)" in r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers: 3\n", encoding="utf-8")
    r = cli("serve", "--db", str(db), "--import", str(bad))
    assert r.exit_code == 1 and r.output.startswith("Error: ")


def _post_answer(client, token, qid, value):
    url = f"/r/{token}/q/{qid}"
    page = client.get(url)
    assert page.status_code == 200, (qid, page.status_code)
    return client.post(url, data={"csrf": csrf(page.text), "action": "answer", "value": value})


@pytest.mark.parametrize("lang, says", [("en", "A virtual assistant is said to be in use"),
                                        ("fr", "Un assistant virtuel serait en service")])
def test_two_answers_that_disagree_are_confirmed_or_answered_again(tmp_path, core, lang, says):
    """As in the terminal interview: the answer that completes a contradiction is saved, then
    the respondent keeps both answers or answers again; the review lists those kept."""
    client = make_client(tmp_path, core, lang)
    try:
        eid = create_engagement(client, questionnaire="cx-ai-2018", language=lang, respondents="Claire")
        [token] = respondent_links(client, eid)
        first = _post_answer(client, token, "tools.virtual_assistant.tenure", "over_2y")
        assert "/check/" not in first.headers["location"]
        r = _post_answer(client, token, "practices.virtual_assistant_live", "not_yet")
        assert r.status_code == 303 and r.headers["location"] == f"/r/{token}/check/practices.virtual_assistant_live"
        stored = {x.question_id: x for x in client.store.answers(client.store.respondent_by_token(token).id)}
        assert stored["practices.virtual_assistant_live"].value == "not_yet"  # saved before the question
        check = text(client.get(r.headers["location"]).text)
        assert says in check
        assert f'href="/r/{token}/q/practices.virtual_assistant_live"' in client.get(r.headers["location"]).text
        assert says in text(client.get(f"/r/{token}/review").text)  # kept: the review says so
        # answered again without the contradiction: straight on, and the review is clear
        again = _post_answer(client, token, "practices.virtual_assistant_live", "live")
        assert "/check/" not in again.headers["location"]
        assert says not in text(client.get(f"/r/{token}/review").text)
        assert client.get(f"/r/{token}/check/practices.virtual_assistant_live").status_code == 303
    finally:
        client.store.close()
