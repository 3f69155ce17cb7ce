"""Hostile text from every source a document shows, through every output.

The sources: the company's name and notes (tests/data/hostile/text-assessment.yaml), and a
plugin (tests/data/hostile/text-plugin, copied here under a hostile file name so that its
name is hostile too) whose questionnaire, cohort labels, playbook and finding all carry
terminal escapes, HTML that runs script, a Markdown link to script and an attribute
break-out. Every output must show them as text: no control character reaches a terminal,
Markdown renders no HTML, link or emphasis of theirs, HTML and JSON hold them escaped, and
the private note never appears.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import DATA

HOSTILE = DATA / "hostile"
ASSESSMENT = HOSTILE / "text-assessment.yaml"
PLUGIN = HOSTILE / "text-plugin" / "text_hostile.py"
PLUGIN_NAME = "evil<script>\x1b[31mx"
ENV = {"CXMATURITY_LOAD_PLUGINS": ""}

# What may reach a terminal: text, newlines and tabs, nothing that drives the terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def plugins_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plugins")
    shutil.copy(PLUGIN, folder / f"{PLUGIN_NAME}.py")
    return folder


@pytest.fixture
def run(cli, plugins_dir):
    def run(*args, input=None):
        result = cli(*args, "--plugins-dir", str(plugins_dir), input=input, env=ENV)
        assert "Traceback" not in result.output
        return result

    return run


def assert_terminal_safe(text: str) -> None:
    found = CONTROL.search(text)
    where = text[max(found.start() - 40, 0):found.end() + 40] if found else ""
    assert found is None, f"control character {found.group()!r} at: {where!r}"
    assert "PRIVATE-NOTE" not in text


def assert_markdown_safe(text: str) -> None:
    """Nothing of the hostile text becomes markup once a viewer renders the Markdown."""
    from markdown_it import MarkdownIt

    assert_terminal_safe(text)
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)
    for markup in ("<script", "<img", "<b>", 'href="javascript:', "<em>em</em>", "<code>code</code>"):
        assert markup not in html, f"{markup} rendered from: {text[:200]!r}"
    assert "alert(1)" in html or "evil&lt;script&gt;x" in html  # the text is there, as text


def _check_hostile_shown(text: str) -> None:
    # The hostile text is shown (stripped of its escapes), not dropped.
    assert "alert(1)" in text


# --- the terminal ---------------------------------------------------------------------------


def test_score_summary(run):
    result = run("score", str(ASSESSMENT))
    assert result.exit_code == 0, result.output
    assert_terminal_safe(result.output)
    _check_hostile_shown(result.stdout)


def test_explain(run):
    for dimension in ([], ["hostile"], ["investment"]):
        result = run("explain", str(ASSESSMENT), *dimension)
        assert result.exit_code == 0, result.output
        assert_terminal_safe(result.output)
    _check_hostile_shown(result.stdout)


def test_compare_text_and_markdown(run, tmp_path):
    old, new = _two_assessments(tmp_path)
    text = run("compare", str(old), str(new))
    assert text.exit_code == 0, text.output
    assert_terminal_safe(text.output)
    _check_hostile_shown(text.stdout)
    markdown = run("compare", str(old), str(new), "--format", "markdown")
    assert_markdown_safe(markdown.stdout)
    run("compare", str(old), str(new), "-o", str(tmp_path / "c.md"))
    assert_markdown_safe((tmp_path / "c.md").read_text())


def test_portfolio_text_markdown_and_json(run, tmp_path):
    _two_assessments(tmp_path)
    text = run("portfolio", str(tmp_path))
    assert text.exit_code == 0, text.output
    assert_terminal_safe(text.output)
    assert "evil<script>x" in text.stdout  # the plugin's name, its escape gone
    assert_markdown_safe(run("portfolio", str(tmp_path), "--format", "markdown").stdout)
    doc = json.loads(run("portfolio", str(tmp_path), "--format", "json").stdout)
    assert doc


def test_questionnaires_list_and_show(run, tmp_path):
    listing = run("questionnaires")
    assert_terminal_safe(listing.output)
    shown = run("questionnaires", "show", "cx-ai-2018")
    assert shown.exit_code == 0, shown.output
    assert_terminal_safe(shown.output)
    _check_hostile_shown(shown.stdout)
    blank = tmp_path / "blank.md"
    run("questionnaires", "show", "cx-ai-2018", "-o", str(blank))
    assert_markdown_safe(blank.read_text())


def test_plugins_list(run):
    result = run("plugins")
    assert_terminal_safe(result.output)
    assert "evil<script>x" in result.stdout


def test_assess_plain(run, tmp_path):
    # The hostile questionnaire is the latest version: its title, help and option labels.
    result = run("assess", "--questionnaire", "cx-ai-2018", "--plain", "--company", "Acme", "--lang", "en",
                 "-o", str(tmp_path / "a.yaml"), input="?\n1\n")
    assert result.exit_code == 1  # end of input: saved, resumable
    assert_terminal_safe(result.output)
    assert result.stdout.count("alert(1)") >= 3  # question, help, options


def test_warnings_and_errors_are_stripped(cli, tmp_path):
    # A plugin's failure message holds its exception's text: hostile too.
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "raiser.py").write_text(
        "from cxmaturity import hookimpl\n\n@hookimpl\ndef register_scorers(register):\n"
        "    raise ValueError('\\x1b]0;pwned\\x07\\x1b[2J boom')\n")
    result = cli("score", str(DATA.parent.parent / "examples" / "assessments" / "maple-mart.yaml"),
                 "--plugins-dir", str(folder), env=ENV)
    assert "Warning: plugin 'raiser' failed in register_scorers: ValueError:" in result.stderr
    assert_terminal_safe(result.stderr)
    strict = cli("score", str(DATA.parent.parent / "examples" / "assessments" / "maple-mart.yaml"),
                 "--plugins-dir", str(folder), "--strict", env=ENV)
    assert strict.exit_code == 1 and strict.stderr.startswith("Error: plugin 'raiser'")
    assert_terminal_safe(strict.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_score_under_a_pseudo_terminal(plugins_dir):
    """On a real terminal rich writes colours: its own sequences only, none of the file's."""
    pexpect = pytest.importorskip("pexpect")
    exe = str(Path(sys.executable).with_name("cxmaturity"))
    env = {**os.environ, "TERM": "xterm-256color", "CXMATURITY_LOAD_PLUGINS": ""}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(exe, ["score", str(ASSESSMENT), "--plugins-dir", str(plugins_dir)], env=env,
                          encoding="utf-8", dimensions=(50, 120), timeout=60)
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    assert "\x1b[" in output  # colours: it did think it was on a terminal
    assert "alert(1)" in output
    for hostile in ("\x07", "\x1b]", "\x1b[2J", "\x1b[31m<script>"):
        assert hostile not in output


# --- documents ------------------------------------------------------------------------------


def test_score_markdown_and_json(run):
    markdown = run("score", str(ASSESSMENT), "--format", "markdown")
    assert markdown.exit_code == 0, markdown.output
    assert_markdown_safe(markdown.stdout)
    doc = json.loads(run("score", str(ASSESSMENT), "--format", "json").stdout)
    assert doc["company"]["name"].startswith("\x1b]0;pwned")  # data keeps its text, JSON-escaped
    assert any(p["name"] == PLUGIN_NAME for p in doc["plugins"])


def test_report_markdown(run, tmp_path):
    out = tmp_path / "r.md"
    assert run("report", str(ASSESSMENT), "-o", str(out)).exit_code == 0
    assert_markdown_safe(out.read_text())


def test_report_json(run, tmp_path):
    out = tmp_path / "r.json"
    assert run("report", str(ASSESSMENT), "-o", str(out)).exit_code == 0
    text = out.read_text()
    assert not CONTROL.search(text.replace("\n", ""))  # JSON escapes control characters
    assert json.loads(text)["company"]["id"] == "hostile-text"
    assert "PRIVATE-NOTE" not in text


def test_report_html(run, tmp_path):
    out = tmp_path / "r.html"
    assert run("report", str(ASSESSMENT), "-o", str(out)).exit_code == 0
    page = out.read_text()
    for markup in ("<script>alert", "<img src=x", '"><b>', "<b>bold</b>"):
        assert markup not in page
    assert "PRIVATE-NOTE" not in page
    assert not CONTROL.search(page.replace("\n", ""))
    # The cohort labels reach the charts' aria-label, escaped: the break-out stays inside.
    labels = re.findall(r'aria-label="([^"]*)"', page)
    assert any("h-" in label or "alert(1)" in label for label in labels)
    assert all("<" not in label for label in labels)


# --- helpers --------------------------------------------------------------------------------


def _two_assessments(folder: Path) -> tuple[Path, Path]:
    """The hostile assessment and a later one of the same company with another answer."""
    text = ASSESSMENT.read_text()
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(text)
    new.write_text(text.replace("updated: 2026-02-10T15:59:00Z", "updated: 2026-08-10T15:59:00Z")
                   .replace("strategy.efficiency: agree", "strategy.efficiency: strongly_agree"))
    return old, new
