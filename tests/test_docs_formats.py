"""Every example in docs/formats.md is valid, so the docs cannot drift from the code."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from cxmaturity.api import find_questionnaire as find
from cxmaturity.formats import loader, yamlio
from cxmaturity.formats.models import Assessment, Condition, Questionnaire

DOC = ROOT / "docs" / "formats.md"
BLOCK = re.compile(r"```yaml\n(# (questionnaire extension|questionnaire|assessment|condition|cohorts)\n.*?)```", re.S)


def _blocks():
    return [(m.group(2), m.group(1)) for m in BLOCK.finditer(DOC.read_text())]


def test_doc_has_an_example_of_each_format():
    kinds = {kind for kind, _ in _blocks()}
    assert {"questionnaire", "questionnaire extension", "assessment", "condition", "cohorts"} <= kinds


@pytest.mark.parametrize("kind,text", _blocks(), ids=[f"{k}-{i}" for i, (k, _) in enumerate(_blocks())])
def test_doc_example_is_valid(kind, text):
    data = yamlio.parse(text, "docs/formats.md")
    if kind == "questionnaire":
        q = loader.validate_data(Questionnaire, data, "docs", text)
        assert loader.check_questionnaire(q) == []
    elif kind == "questionnaire extension":
        from cxmaturity.formats.extension import merge

        ext = loader.validate_data(Questionnaire, data, "docs", text)
        assert loader.check_questionnaire(ext) == []
        merged, problems = merge(ext, find(ext.extend.id, ext.extend.version))
        assert problems == []
        assert len(merged.questions) > len(find(ext.extend.id).questions)
    elif kind == "cohorts":
        from cxmaturity.formats.cohort_files import check_cohort_file
        from cxmaturity.formats.models import CohortFile

        cohort_file = loader.validate_data(CohortFile, data, "docs", text)
        assert check_cohort_file(cohort_file, find(cohort_file.questionnaire)) == []
    elif kind == "assessment":
        a = loader.validate_data(Assessment, data, "docs", text)
        q = find(a.questionnaire.id)
        assert loader.check_assessment(a, q) == []
    else:
        cond = Condition.model_validate(data)
        assert loader.check_condition(cond, ("when",), find("cx-ai-2018")._by_id) == []
