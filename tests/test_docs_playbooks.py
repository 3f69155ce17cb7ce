"""docs/playbooks.md cannot drift: its example is a valid playbook that matches the shipped
Rakuten file, every field of the format is documented, and its table of outcomes is true."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

from cxmaturity.formats import loader, yamlio
from cxmaturity.formats.loader import load, load_assessment, load_questionnaire
from cxmaturity.formats.models import Action, Constraint, Evidence, Fit, Kpi, Phase, Playbook
from cxmaturity.plugin_host.manager import load_registry

DOC = ROOT / "docs" / "playbooks.md"
BLOCK = re.compile(r"```yaml\n(# playbook\b.*?)```", re.S)


@pytest.fixture(scope="module")
def example() -> Playbook:
    text = BLOCK.search(DOC.read_text(encoding="utf-8")).group(1)
    return loader.validate_data(Playbook, yamlio.parse(text, "docs/playbooks.md"), "docs", text)


def test_doc_example_matches_the_shipped_rakuten_playbook(example):
    shipped = load(ROOT / "benchmarks" / "playbooks" / "rakuten.yaml", Playbook)
    assert (example.id, example.priority, example.applies_when, example.fit) == (
        shipped.id, shipped.priority, shipped.applies_when, shipped.fit
    )
    assert [p.id for p in example.phases] == [p.id for p in shipped.phases]
    for mine, real in zip(example.phases, shipped.phases, strict=True):
        assert mine.done_when == real.done_when, mine.id
        actions = {a.id: a for a in real.actions}
        for action in mine.actions:
            assert action.id in actions, f"{mine.id}: {action.id} is not in rakuten.yaml"
            assert action.needed_unless == actions[action.id].needed_unless
        assert {e.fact_id for e in mine.evidence} <= {e.fact_id for e in real.evidence}


@pytest.mark.parametrize("model", [Playbook, Phase, Action, Kpi, Evidence, Constraint, Fit])
def test_every_field_of_the_format_is_documented(model):
    text = DOC.read_text(encoding="utf-8")
    for name, field in model.model_fields.items():
        documented = field.alias or name
        assert f"| `{documented}` |" in text, f"{model.__name__}.{documented} is not in the doc"


def test_doc_table_of_example_outcomes_is_true():
    from cxmaturity.evaluation.pipeline import evaluate

    questionnaire = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    registry = load_registry(plugins_dirs=(), strict=True)
    rows = re.findall(
        r"^\| ([a-z0-9-]+) \([^)]*\) \| ([a-z-]+) \| ([^|]+) \| ([a-z-]+) \| ([a-z-]+) \(`([^`]+)`\) \|$",
        DOC.read_text(encoding="utf-8"),
        re.M,
    )
    assert len(rows) == 5
    for company, playbook, completed, current, action, gap in rows:
        assessment = load_assessment(EXAMPLES / f"{company}.yaml", questionnaire)
        roadmap = evaluate(assessment, questionnaire, registry).roadmap
        done = [] if completed.strip() == "none" else [c.strip() for c in completed.split(",")]
        assert (roadmap.playbook, roadmap.completed, roadmap.current) == (playbook, done, current)
        assert (roadmap.next_actions[0].id, roadmap.next_actions[0].gap["en"]) == (action, gap)
