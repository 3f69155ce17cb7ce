"""The executive summary: first in every output, on one 80x24 screen, chosen once from the result;
the client edition keeps the internals in its method appendix; the consultant's conclusions; a
cohort without figures said once; the blank form's conditions in words."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, ROOT
from generate import assessments

from cxmaturity.formats.loader import load_questionnaire
from cxmaturity.formats.models import Assessment

PATHS = sorted(EXAMPLES.glob("*.yaml"))
TITLE = {"en": "Executive summary", "fr": "Synthèse"}
METHOD = {"en": "Method and sources", "fr": "Méthode et sources"}
PLUGINS = {"en": "Plugins", "fr": "Extensions"}
FACT_IDS = {m for f in (ROOT / "benchmarks").rglob("*.yaml")
            for m in re.findall(r"fact_id: ([a-z0-9_]+)", f.read_text(encoding="utf-8"))}


def _facts_in(text: str) -> list[str]:
    return [f for f in FACT_IDS if re.search(rf"\b{f}\b", text)]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_opens_with_the_executive_summary_on_one_screen(cli, path, lang):
    r = cli("score", str(path), "--lang", lang)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith(f"{TITLE[lang]} · ")
    first_screen = lines[: lines.index("")]  # the executive summary ends at the first blank line
    assert len(first_screen) <= 24, "\n".join(first_screen)
    assert max(len(line) for line in first_screen) <= 80
    doc = json.loads(cli("score", str(path), "--format", "json").output)
    words = " ".join(" ".join(first_screen).split())
    for action in doc["executive"]["actions"]:
        assert " ".join(action["text"][lang].split())[:30] in words


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_client_edition_keeps_internals_in_the_appendix(cli, path, lang, tmp_path):
    text = cli("score", str(path), "--lang", lang).output
    assert METHOD[lang] in text and not re.search(rf"^{PLUGINS[lang]} ─", text, re.M)
    assert "explain`" not in text and not _facts_in(text)
    md = cli("score", str(path), "--lang", lang, "--format", "markdown").output
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings[0].startswith(TITLE[lang]) and METHOD[lang] in headings
    assert PLUGINS[lang] not in headings and not _facts_in(md)
    out = tmp_path / "r.html"
    assert cli("report", str(path), "-o", str(out), "--lang", lang).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.index("id='executive'") < page.index("<h2>", page.index("</section>"))
    assert not _facts_in(page) and "<code>" not in page


@pytest.mark.parametrize("path", PATHS[:3], ids=lambda p: p.stem)
def test_consultant_edition_shows_plugins_fact_ids_and_other_readings(cli, path, tmp_path):
    text = cli("score", str(path), "--audience", "consultant", "--lang", "en").output
    assert re.search(r"^Plugins ─", text, re.M) and METHOD["en"] not in text
    assert "shown by `explain`" in text
    md = cli("score", str(path), "--format", "markdown", "--audience", "Consultant", "--lang", "en").output
    assert "## Plugins" in md
    out = tmp_path / "r.html"
    assert cli("report", str(path), "-o", str(out), "--audience", "consultant", "--lang", "en").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert _facts_in(page) and ">Plugins</h2>" in page and "Other reading" in page


def test_an_unknown_audience_is_a_usage_error(cli):
    r = cli("score", str(PATHS[0]), "--audience", "board")
    assert r.exit_code == 2 and "client or consultant" in r.output


def test_a_cohort_without_figures_is_said_once(cli):
    """Nordbank is European: the report has no European figure on any question it answers."""
    text = cli("score", str(EXAMPLES / "nordbank.yaml")).output
    placed = text.split("Against the survey cohorts")[1].split("What the report says")[0]
    assert "no benchmark     Europe" not in placed
    assert placed.count("Europe: the report gives no figure for this cohort") == 1
    assert "Europeans are even more convinced" in placed  # its statements come with it
    assert text.count("Europeans are even more convinced") == 1


CONCLUSIONS = "Start with the KYC mapping.\n\n<script>alert(1)</script> **Board** review in June."


def test_consultant_conclusions_have_their_own_section(cli, tmp_path):
    src = (EXAMPLES / "nordbank.yaml").read_text(encoding="utf-8")
    path = tmp_path / "with-conclusions.yaml"
    path.write_text(src + "conclusions: |\n" + "".join(f"  {line}\n" for line in CONCLUSIONS.splitlines()),
                    encoding="utf-8")
    text = cli("score", str(path)).output
    assert "The consultant's conclusions" in text and "Start with the KYC mapping." in text
    assert text.index("The consultant's conclusions") > text.index("Next actions")
    out = tmp_path / "r.html"
    assert cli("report", str(path), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert page.index("id='executive'") < page.index("id='conclusions'")
    notes = tmp_path / "notes.md"
    notes.write_text("Priority: the data-retention audit.", encoding="utf-8")
    out_md = tmp_path / "r.md"
    assert cli("report", str(path), "-o", str(out_md), "--notes", str(notes)).exit_code == 0
    md = out_md.read_text(encoding="utf-8")
    assert "## The consultant's conclusions\n\nPriority: the data-retention audit." in md
    assert "Start with the KYC mapping." not in md
    missing = cli("score", str(path), "--notes", str(tmp_path / "nope.md"))
    assert missing.exit_code == 1 and "Error:" in missing.output


@pytest.fixture(scope="module")
def generated():
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.plugin_host.manager import load_registry

    questionnaire = load_questionnaire(ROOT / "questionnaires" / "cx-ai-2018.yaml")
    registry = load_registry()
    return [evaluate(Assessment.model_validate(d), questionnaire, registry) for d in assessments(120, seed=7)]


def test_strengths_and_gaps_are_the_strongest_verdicts_one_a_question(generated):
    for result in generated:
        ex = result.executive
        for items, verdict, side in ((ex.strengths, "ahead", "worse"), (ex.gaps, "behind", "better")):
            assert len(items) <= 3 and len({h.question for h in items}) == len(items)
            placed = {(p.question, p.cohort): p for p in result.placements}
            candidates = [p for p in result.placements if p.verdict == verdict and p.shares is not None]
            assert len(items) == min(3, len({p.question for p in candidates}))
            for h in items:
                p = placed[(h.question, h.cohort)]
                assert p.verdict == verdict and h.share == getattr(p.shares, side)
                # no placement on the same question is stronger than the one chosen
                rivals = [q for q in candidates if q.question == h.question]
                assert all((not q.certain, -getattr(q.shares, side)[0]) >= (not h.certain, -h.share[0])
                           for q in rivals)
            keys = [(not h.certain, -h.share[0]) for h in items]
            assert keys == sorted(keys)  # certain first, then the larger share
        ranks = [a.rank for a in ex.actions]
        assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) <= 3


def test_the_blank_form_says_conditions_in_words(cli, tmp_path):
    # The form names the earlier question by the number printed beside it, never by its id.
    for lang, words in (("en", "Asked depending on the answer to question "),
                        ("fr", "Posée selon la réponse à la question ")):
        out = tmp_path / f"form-{lang}.md"
        assert cli("questionnaires", "show", "cx-ai-2018", "--lang", lang, "-o", str(out)).exit_code == 0
        form = out.read_text(encoding="utf-8").replace("\u00a0", " ")
        assert words in form
        assert not re.search(r"(Asked only if|Posée seulement si)\s*:\s*[a-z_]+\.[a-z_.]+", form)


def test_the_executive_summary_fits_one_screen_for_generated_companies(generated):
    from cxmaturity.documents.summary import Content
    from cxmaturity.evaluation.stages import load_stage_model
    from cxmaturity.renderers.terminal import render_text
    from cxmaturity.renderers.terminal_executive import SCREEN, executive

    questionnaire = load_questionnaire(ROOT / "questionnaires" / "cx-ai-2018.yaml")
    model = load_stage_model()
    for result in generated[:60]:
        for lang in ("en", "fr"):
            content = Content(result, questionnaire, model, lang)
            lines = render_text(executive(content), width=80).rstrip("\n").splitlines()
            assert len(lines) <= SCREEN and max(len(line) for line in lines) <= 80, "\n".join(lines)
            # the range of the stage, when there is one, never gives way
            if result.overall.open and result.overall.best_stage not in (None, result.overall.stage):
                best = content.stage(result.overall.best_stage)
                assert best in " ".join(" ".join(lines).split())
