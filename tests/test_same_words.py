"""The answer-state and verdict words are the same in every output, in both languages.

One assessment with a not-applicable, a skipped and a don't-know answer is rendered as the
terminal summary, Markdown, the HTML report and a comparison with its earlier answers; each
output says every state with the words of the one table (words/labels.py), and never with a
word another copy of the table used to have.
"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

from cxmaturity.words.labels import labels

STATES = ("not_applicable", "skipped", "dont_know")
# Words that copies of the table used to say: they must not come back.
RETIRED = {"en": ("not answered",), "fr": ("sans objet",)}


@pytest.fixture
def pair(tmp_path):
    old = EXAMPLES / "nordbank.yaml"
    text = old.read_text(encoding="utf-8")
    for qid, state in (("invest.analytics", "not_applicable"), ("strategy.proximity", "skipped"),
                       ("tools.ivr.tenure", "dont_know")):
        text = re.sub(rf"^(  {re.escape(qid)}): \{{.*\}}$", rf"\1: {{state: {state}}}", text, flags=re.M)
    new = tmp_path / "nordbank-later.yaml"
    new.write_text(text, encoding="utf-8")
    return old, new


def _outputs(cli, old, new, tmp_path, lang):
    out = {}
    out["summary"] = cli("score", str(new), "--lang", lang).output
    out["markdown"] = cli("score", str(new), "--format", "markdown", "--lang", lang).output
    html = tmp_path / f"report-{lang}.html"
    assert cli("report", str(new), "-o", str(html), "--lang", lang).exit_code == 0
    out["html"] = html.read_text(encoding="utf-8").replace("&#x27;", "'").replace("&#39;", "'")
    out["compare"] = cli("compare", str(old), str(new), "--format", "markdown", "--lang", lang).output
    out["compare-text"] = cli("compare", str(old), str(new), "--lang", lang).output
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_output_says_the_states_with_the_same_words(cli, pair, tmp_path, lang):
    old, new = pair
    words = labels(lang)
    flat = {name: " ".join(text.split()) for name, text in _outputs(cli, old, new, tmp_path, lang).items()}
    for name, text in flat.items():
        for state in STATES:
            assert words[f"state.{state}"] in text, f"{name} ({lang}) lacks '{words[f'state.{state}']}'"
        for retired in RETIRED[lang]:
            assert retired not in text, f"{name} ({lang}) says '{retired}'"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_verdict_words_come_from_the_one_table(cli, pair, tmp_path, lang):
    old, new = pair
    words = labels(lang)
    verdicts = {words[f"verdict.{v}"] for v in ("ahead", "level", "behind")}
    flat = {name: " ".join(text.split()) for name, text in _outputs(cli, old, new, tmp_path, lang).items()}
    for name in ("summary", "markdown", "html"):
        assert any(v in flat[name] for v in verdicts), f"{name} ({lang}) names no verdict"
