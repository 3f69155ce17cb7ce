"""The web application: the respondents' form, the consultant's pages, the downloads.

Plain HTML forms, one question a page, POST-redirect-GET: it works without JavaScript. The
question logic is the interview engine's (cxmaturity.interview.engine), step by step; the result is
the `score` pipeline's, shown as the HTML report shows it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from cxmaturity.errors import CxError
from cxmaturity.evaluation.consistency import broken, completed_by, questions_of
from cxmaturity.formats import assessments
from cxmaturity.formats.models import Answer, Question, tr
from cxmaturity.interview.engine import first_to_ask, request_for
from cxmaturity.web import engagements as eng
from cxmaturity.web.forms import reply_of
from cxmaturity.web.security import csrf_ok, csrf_token, same_token
from cxmaturity.web.store import Decision, Store
from cxmaturity.web.words import words

TEMPLATES = Path(__file__).parent / "templates"
HEADERS = {
    # No script, no outside resource, no framing; forms post only here; links leak no token.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
LANGS = ("en", "fr")


def answer_text(question: Question | None, answer: Answer | None, lang: str) -> str:
    """An answer as a person reads it: option labels, the number, or the state."""
    W = words(lang)
    if answer is None:
        return W["no_reply"]
    if answer.state != "answered":
        return {"skipped": W["skipped"], "not_applicable": W["answer_not_applicable"],
                "dont_know": W["answer_dont_know"]}.get(answer.state, answer.state)
    value = answer.value
    if question is not None and question.options:
        def label(v):
            option = question.option(v)
            return tr(option.label, lang) if option else str(v)
        return ", ".join(label(v) for v in value) if isinstance(value, list) else label(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {question.unit}" if question is not None and question.unit else str(value)


def report_parts(html: str) -> tuple[str, str]:
    """(style, body) of a report document, to show it inside a page of the server."""
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    body = re.search(r"<body>(.*)</body>", html, re.S)
    inner = body.group(1) if body else html
    # The page has its own <main>: the report's becomes a plain block inside it.
    inner = inner.replace("<main>", '<div class="report-main">').replace("</main>", "</div>")
    return (style.group(1) if style else ""), inner


class Server:
    """The application's state: the database, the core, the consultant's token, the secret."""

    def __init__(self, store: Store, core: eng.Core, lang: str = "en"):
        self.store = store
        self.core = core
        self.lang = lang
        self.admin = store.setting("consultant_token", _token)
        self.secret = store.setting("csrf_secret", _token)
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals["tr"] = tr
        self.env.globals["answer_text"] = answer_text

    # -- helpers --------------------------------------------------------------------------

    def page(self, name: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(W=words(lang), lang=lang, **context)
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def error(self, lang: str, key: str, status: int) -> HTMLResponse:
        return self.page("message.html", lang, status, title=words(lang)[key], text=words(lang)[key])

    @staticmethod
    def redirect(url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers=HEADERS)

    async def form(self, request: Request, link_token: str) -> Any:
        """The posted form, or None when its CSRF token is missing or wrong."""
        form = await request.form()
        if not csrf_ok(self.secret, link_token, form.get("csrf")):
            return None
        return form

    def respondent(self, token: str):
        r = self.store.respondent_by_token(token)
        if r is None:
            return None, None, None, None
        engagement = self.store.engagement(r.engagement_id)
        assessment, questionnaire = eng.respondent_assessment(self.store, self.core, r)
        return r, engagement, assessment, questionnaire

    # -- the respondent's pages -----------------------------------------------------------

    async def r_start(self, request: Request) -> Response:
        token = request.path_params["token"]
        r, e, a, q = self.respondent(token)
        if r is None:
            return self.error(self.lang, "not_found", 404)
        nxt = first_to_ask(q, a)
        if nxt is None:
            return self.redirect(f"/r/{token}/review")
        return self.redirect(f"/r/{token}/q/{nxt.id}")

    async def r_question(self, request: Request) -> Response:
        token, qid = request.path_params["token"], request.path_params["qid"]
        if self.store.respondent_by_token(token) is None:
            return self.error(self.lang, "not_found", 404)
        form = None
        if request.method == "POST":
            started = time.perf_counter()
            form = await self.form(request, token)
        # From here to the commit nothing awaits: no other request of this respondent (a second
        # device) can change the answers between reading them and saving them.
        r, e, a, q = self.respondent(token)
        error = None
        if request.method == "POST":
            if form is None:
                return self.error(e.language, "forbidden", 403)
            question = q.question(qid)
            if question is None or request_for(q, a, qid) is None:
                return self.redirect(f"/r/{token}")
            try:
                reply = reply_of(question, form.get("action", "answer"), form.getlist("value"))
            except ValueError:
                return self.error(e.language, "bad_request", 400)
            if reply.action == "answer" and reply.value in (None, []):
                error = words(e.language)["choose_many" if question.type == "multi" else "choose_one"
                                          if question.options else "value_number"]
            else:
                before = a.answered()
                done = eng.apply_reply(self.store, q, r, a, qid, reply)
                if done.error is None:
                    following = f"/r/{token}/q/{done.next.id}" if done.next else f"/r/{token}/review"
                    if reply.action != "back" and completed_by(q, before, a.answered(), qid):
                        # The answer is saved; as in the terminal interview, the respondent
                        # confirms both answers or answers again before going on.
                        following = f"/r/{token}/check/{qid}"
                    response = self.redirect(following)
                    # How long reading, checking and committing the answer took (perf/serve_load.py).
                    response.headers["Server-Timing"] = f"save;dur={(time.perf_counter() - started) * 1000:.2f}"
                    return response
                error = done.error
        ask = request_for(q, a, qid)
        if ask is None:
            return self.redirect(f"/r/{token}")
        return self.page("question.html", e.language, 400 if error else 200, ask=ask, error=error,
                         csrf=csrf_token(self.secret, token), token=token, engagement=e,
                         respondent=r, lang_q=e.language)

    async def r_check(self, request: Request) -> Response:
        """The consistency rules the answer to a question breaks, with the two answers: keep
        both (go on) or answer again."""
        token, qid = request.path_params["token"], request.path_params["qid"]
        r, e, a, q = self.respondent(token)
        if r is None:
            return self.error(self.lang, "not_found", 404)
        question = q.question(qid)
        rules = [rule for rule in broken(q, a.answered()) if qid in questions_of(rule)]
        if question is None or not rules:
            return self.redirect(f"/r/{token}")
        return self.page("check.html", e.language, question=question, token=token, engagement=e,
                         respondent=r, conflicts=self._conflicts(rules, q, a))

    @staticmethod
    def _conflicts(rules: list, q: Any, a: Any) -> list[tuple[Any, list[tuple[Any, Any]]]]:
        """Each rule with its questions and their answers, in the rule's order."""
        return [(rule, [(q.question(x), a.answers.get(x)) for x in questions_of(rule) if q.question(x)])
                for rule in rules]

    async def r_review(self, request: Request) -> Response:
        token = request.path_params["token"]
        r, e, a, q = self.respondent(token)
        if r is None:
            return self.error(self.lang, "not_found", 404)
        from cxmaturity.interview.engine import applicable

        items = [(q.section_of(x.id), x, a.answers.get(x.id)) for x in applicable(q, a.answers)]
        left = sum(1 for _, _, ans in items if ans is None)
        return self.page("review.html", e.language, items=items, left=left, token=token,
                         csrf=csrf_token(self.secret, token), engagement=e, respondent=r, questionnaire=q,
                         conflicts=self._conflicts(broken(q, a.answered()), q, a))

    async def r_finish(self, request: Request) -> Response:
        token = request.path_params["token"]
        r, e, a, q = self.respondent(token)
        if r is None:
            return self.error(self.lang, "not_found", 404)
        if await self.form(request, token) is None:
            return self.error(e.language, "forbidden", 403)
        self.store.finish(r.id)
        return self.redirect(f"/r/{token}/done")

    async def r_done(self, request: Request) -> Response:
        token = request.path_params["token"]
        r, e, a, q = self.respondent(token)
        if r is None:
            return self.error(self.lang, "not_found", 404)
        style = body = None
        if len(self.store.respondents(e.id)) == 1:
            # A self-assessment: the one respondent sees the summary, as the report shows it.
            style, body = report_parts(eng.evaluate_report(self.core, a, q, "html"))
        return self.page("done.html", e.language, engagement=e, respondent=r, token=token,
                         report_style=style, report_body=body)

    # -- the consultant's pages -------------------------------------------------------------

    def consultant(self, request: Request) -> bool:
        return same_token(self.admin, request.path_params["admin"])

    def engagement(self, request: Request):
        e = self.store.engagement(int(request.path_params["eid"]))
        return e, (self.core.questionnaire(e) if e else None)

    def consultant_engagement(self, request: Request):
        """The engagement of a consultant's page and its questionnaire; (None, None) when the
        link is not the consultant's or names no engagement (both answer 404, so a wrong
        token learns nothing)."""
        return self.engagement(request) if self.consultant(request) else (None, None)

    async def c_home(self, request: Request) -> Response:
        if not self.consultant(request):
            return self.error(self.lang, "not_found", 404)
        lang = request.query_params.get("lang", self.lang)
        lang = lang if lang in LANGS else self.lang
        error = None
        if request.method == "POST":
            form = await self.form(request, self.admin)
            if form is None:
                return self.error(lang, "forbidden", 403)
            company = (form.get("company") or "").strip()
            language = form.get("language") if form.get("language") in LANGS else lang
            people = [line.split(",", 1) for line in (form.get("respondents") or "").splitlines() if line.strip()]
            people = [(p[0].strip(), p[1].strip() if len(p) > 1 else "") for p in people]
            try:
                questionnaire = eng.catalog.find(form.get("questionnaire") or "", registry=self.core.registry)
            except CxError:
                questionnaire = None
            if not company or questionnaire is None or not people:
                W = words(lang)
                missing = W["company"] if not company else W["questionnaire"] if questionnaire is None \
                    else W["respondents"]
                error = W["field_needed"].format(field=missing)
            else:
                eid = self.store.create_engagement(company, assessments.slugify(company), questionnaire.id,
                                                   questionnaire.version, language, people)
                return self.redirect(f"/c/{self.admin}/e/{eid}")
        listing = [(e, self.store.respondents(e.id)) for e in self.store.engagements()]
        return self.page("home.html", lang, 400 if error else 200, listing=listing, error=error,
                         questionnaires=eng.catalog.available(self.core.registry), admin=self.admin,
                         csrf=csrf_token(self.secret, self.admin))

    async def c_engagement(self, request: Request) -> Response:
        e, q = self.consultant_engagement(request)
        if e is None:
            return self.error(self.lang, "not_found", 404)
        if request.method == "POST":
            form = await self.form(request, self.admin)
            if form is None:
                return self.error(e.language, "forbidden", 403)
            name = (form.get("name") or "").strip()
            if name:
                self.store.add_respondent(e.id, name, (form.get("role") or "").strip())
            return self.redirect(f"/c/{self.admin}/e/{e.id}")
        from cxmaturity.interview.engine import applicable

        pairs, rows, decided = eng.consolidation(self.store, e, q)
        progress = []
        for r, a in pairs:
            asked = applicable(q, a.answers)
            progress.append((r, sum(1 for x in asked if x.id in a.answers), len(asked)))
        base = str(request.base_url).rstrip("/")
        return self.page("engagement.html", e.language, engagement=e, questionnaire=q, progress=progress,
                         rows=rows, respondents=[r for r, _ in pairs], decided=decided, admin=self.admin,
                         base=base, csrf=csrf_token(self.secret, self.admin), kept=self._kept(e, q))

    async def c_consolidate(self, request: Request) -> Response:
        e, q = self.consultant_engagement(request)
        if e is None:
            return self.error(self.lang, "not_found", 404)
        if request.method == "POST":
            if await self.form(request, self.admin) is None:
                return self.error(e.language, "forbidden", 403)
            eng.confirm_proposals(self.store, e, q)
            return self.redirect(f"/c/{self.admin}/e/{e.id}/result")
        pairs, rows, decided = eng.consolidation(self.store, e, q)
        return self.page("consolidate.html", e.language, engagement=e, questionnaire=q, rows=rows,
                         respondents=[r for r, _ in pairs], decided=decided, admin=self.admin,
                         csrf=csrf_token(self.secret, self.admin), kept=self._kept(e, q))

    def _kept(self, e, q) -> set[str]:
        """The questions that apply given the answers kept (the others are left out)."""
        from cxmaturity.interview.engine import applicable

        return {x.id for x in applicable(q, eng.consolidated(self.store, e, q).answers)}

    async def c_decide(self, request: Request) -> Response:
        e, q = self.consultant_engagement(request)
        question = q.question(request.path_params["qid"]) if q else None
        if e is None or question is None:
            return self.error(self.lang, "not_found", 404)
        pairs, rows, decided = eng.consolidation(self.store, e, q)
        row = next((x for x in rows if x.question.id == question.id), None)
        choices = self._choices(question, row, [r for r, _ in pairs], e.language)
        if request.method == "POST":
            form = await self.form(request, self.admin)
            if form is None:
                return self.error(e.language, "forbidden", 403)
            picked = next((c for c in choices if c["key"] == form.get("keep")), None)
            if picked is None:
                return self.error(e.language, "bad_request", 400)
            self.store.decide(e.id, [Decision(question.id, picked["state"], picked["value"],
                                              picked["proposed"], assessments.now().isoformat())])
            return self.redirect(f"/c/{self.admin}/e/{e.id}/consolidate#q-{question.id}")
        current = decided.get(question.id)
        for c in choices:
            c["checked"] = (c["state"], c["value"]) == (current.state, current.value) if current \
                else c["proposed"]
        return self.page("decide.html", e.language, engagement=e, question=question, row=row,
                         respondents=[r for r, _ in pairs], choices=choices, admin=self.admin,
                         csrf=csrf_token(self.secret, self.admin))

    @staticmethod
    def _choices(question: Question, row, respondents: list, lang: str) -> list[dict]:
        """Every answer the consultant may keep, each with who gave it: the options in the
        questionnaire's order (for a multiple choice, number or text: the proposal and the
        answers given), then not applicable, don't know, skipped."""
        import json

        proposal = row.proposal if row else None
        seen: dict[str, dict] = {}

        def add(state: str, value: Any) -> None:
            key = json.dumps([state, value], sort_keys=True)
            if key not in seen:
                answer = Answer.model_construct(state=state, value=value)
                seen[key] = {"key": key, "state": state, "value": value, "who": [],
                             "label": answer_text(question, answer, lang),
                             "proposed": proposal is not None and (proposal.state, proposal.value) == (state, value)}

        if question.type in ("single", "band"):
            for o in question.option_ids:
                add("answered", o)
        elif question.type == "scale":
            for n in range(int(question.min), int(question.max) + 1):
                add("answered", n)
        if proposal is not None:
            add(proposal.state, proposal.value)
        given = [(r, a) for r, a in zip(respondents, row.answers if row else [], strict=False) if a is not None]
        for _, a in given:
            add(a.state, a.value)
        for state in ("not_applicable", "dont_know", "skipped"):
            add(state, None)
        for r, a in given:
            seen[json.dumps([a.state, a.value], sort_keys=True)]["who"].append(r.name)
        return list(seen.values())

    def _consolidated(self, request: Request):
        e, q = self.engagement(request)
        return e, q, (eng.consolidated(self.store, e, q) if e else None)

    async def c_result(self, request: Request) -> Response:
        if not self.consultant(request):
            return self.error(self.lang, "not_found", 404)
        e, q, a = self._consolidated(request)
        if e is None:
            return self.error(self.lang, "not_found", 404)
        style, body = report_parts(eng.evaluate_report(self.core, a, q, "html"))
        return self.page("result.html", e.language, engagement=e, admin=self.admin,
                         respondents=self.store.respondents(e.id), report_style=style, report_body=body)

    async def c_download(self, request: Request) -> Response:
        e, q = self.consultant_engagement(request)
        if e is None:
            return self.error(self.lang, "not_found", 404)
        what = request.path_params["what"]
        media = {"yaml": "application/yaml", "html": "text/html", "md": "text/markdown", "json": "application/json"}
        match = re.fullmatch(r"(consolidated|report|respondent-(\d+))\.(yaml|html|md|json)", what)
        if match is None:
            return self.error(e.language, "not_found", 404)
        kind, rid, suffix = match.groups()
        if kind.startswith("respondent"):
            r = next((x for x in self.store.respondents(e.id) if x.id == int(rid)), None)
            if r is None or suffix != "yaml":
                return self.error(e.language, "not_found", 404)
            a = eng.assessment_of(e, q, self.store.answers(r.id))
            text = eng.assessment_yaml(a, q)
            name = f"{e.company_id}-{assessments.slugify(r.name)}.yaml"
        else:
            a = eng.consolidated(self.store, e, q)
            if kind == "consolidated" and suffix == "yaml":
                text = eng.assessment_yaml(a, q)
            elif kind == "report" and suffix != "yaml":
                text = eng.evaluate_report(self.core, a, q, suffix)
            else:
                return self.error(e.language, "not_found", 404)
            name = f"{e.company_id}-{kind}.{suffix}"
        headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
        return Response(text, media_type=f"{media[suffix]}; charset=utf-8", headers=headers)

    async def home(self, request: Request) -> Response:
        return self.page("message.html", self.lang, title=words(self.lang)["app"], text=words(self.lang)["home"])

    async def not_found(self, request: Request, exc: Exception) -> Response:
        return self.error(self.lang, "not_found", 404)


def _token() -> str:
    from cxmaturity.web.store import new_token

    return new_token()


def create_app(store: Store, core: eng.Core, lang: str = "en") -> Starlette:
    """The ASGI application over `store`; the consultant's token is `app.state.server.admin`."""
    s = Server(store, core, lang)
    both = ["GET", "POST"]
    routes = [
        Route("/", s.home),
        Route("/r/{token}", s.r_start),
        Route("/r/{token}/q/{qid}", s.r_question, methods=both),
        Route("/r/{token}/check/{qid}", s.r_check),
        Route("/r/{token}/review", s.r_review),
        Route("/r/{token}/finish", s.r_finish, methods=["POST"]),
        Route("/r/{token}/done", s.r_done),
        Route("/c/{admin}", s.c_home, methods=both),
        Route("/c/{admin}/e/{eid:int}", s.c_engagement, methods=both),
        Route("/c/{admin}/e/{eid:int}/consolidate", s.c_consolidate, methods=both),
        Route("/c/{admin}/e/{eid:int}/decide/{qid}", s.c_decide, methods=both),
        Route("/c/{admin}/e/{eid:int}/result", s.c_result),
        Route("/c/{admin}/e/{eid:int}/download/{what}", s.c_download),
    ]
    app = Starlette(routes=routes, exception_handlers={404: s.not_found})
    app.state.server = s
    return app
