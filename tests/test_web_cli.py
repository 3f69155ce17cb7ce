"""`cxmaturity serve` as a process: it prints the consultant's link, warns when it leaves
loopback, keeps every answer through a kill -9, and the terminal tool never loads the web stack."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web]'")

from web_server import ServerProcess, csrf, page_text, seed  # noqa: E402

WEB = ("starlette", "jinja2", "uvicorn", "multipart", "python_multipart", "httpx", "anyio")


def test_serve_prints_the_consultants_link_and_serves_it(tmp_path):
    server = ServerProcess(tmp_path / "s.db")
    try:
        assert server.link.startswith("http://127.0.0.1:") and len(server.admin) == 43
        assert not any(stream == "stderr" and "Warning" in line for stream, line in server.out)
        status, _, html = server.client().get(f"/c/{server.admin}")
        assert status == 200 and ("Engagements" in page_text(html) or "Missions" in page_text(html))
    finally:
        server.stop()


def test_a_non_loopback_host_prints_the_no_tls_warning(tmp_path):
    server = ServerProcess(tmp_path / "s.db", host="0.0.0.0")
    try:
        warnings = [line for stream, line in server.out if stream == "stderr"]
        assert any("Warning: listening on 0.0.0.0" in line and "no TLS" in line for line in warnings)
    finally:
        server.stop()


def test_every_acknowledged_answer_survives_kill_9_and_the_link_resumes(tmp_path):
    db = tmp_path / "s.db"
    eid, (token,) = seed(db, "Acme", [("Ann", "CIO")])
    server = ServerProcess(db)
    try:
        http = server.client()
        acknowledged = []
        for _ in range(5):
            _, location, _ = http.get(f"/r/{token}")
            _, _, html = http.get(location)
            qid = location.rsplit("/", 1)[1]
            status, _, _ = http.post(location, {"csrf": csrf(html), "action": "dont_know"})
            assert status == 303
            acknowledged.append(qid)
        server.kill()
    finally:
        server.stop()
    server = ServerProcess(db)
    try:
        http = server.client()
        _, location, _ = http.get(f"/r/{token}")
        status, _, html = http.get(f"/r/{token}/review")
        assert status == 200 and page_text(html).count("don't know") + page_text(html).count("je ne sais pas") == 5
        from cxmaturity.web.store import Store

        store = Store(db)
        stored = {a.question_id for a in store.answers(store.respondents(eid)[0].id)}
        store.close()
        assert stored == set(acknowledged)
        assert location.endswith(f"/q/{qid}") is False  # it resumes after the last answer
    finally:
        server.stop()


PROBE = """
import json, sys
sys.argv = ["cxmaturity", *json.loads(sys.argv[1])]
sys.stdin = open("/dev/null")
try:
    from cxmaturity.cli import main
    main()
except SystemExit:
    pass
print("MODULES:" + json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("args", [["--help"], ["serve", "--help"], ["assess", "--help"], "interview"])
def test_the_terminal_tool_does_not_import_the_web_stack(args, tmp_path):
    if args == "interview":  # the terminal interview's start-up, up to the first question
        args = ["assess", "--questionnaire", "cx-ai-2018-quick", "--company", "Acme", "--lang", "en",
                "-o", str(tmp_path / "a.yaml")]
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    out = run.stdout
    if args[0] == "assess" and "--help" not in args:
        assert (tmp_path / "a.yaml").exists() and "End of input" in run.stderr
    modules = json.loads(out.split("MODULES:")[-1])
    assert sorted({m.split(".")[0] for m in modules} & set(WEB)) == []
    assert not any(m.startswith("cxmaturity.web") for m in modules)
