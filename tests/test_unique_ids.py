"""An id given twice in one list of a file is reported on the line of the second, for every list
that needs unique ids: sections and consistency rules of a questionnaire; cohorts, figures and
statements of a cohort file."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from cxmaturity.formats import yamlio

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<field>[^:]+): (?P<msg>.*)$")

CASES = [
    # (file, list, what the message calls an item)
    ("questionnaires/cx-ai-2018.yaml", "sections", "section"),
    ("questionnaires/cx-ai-2018.yaml", "consistency", "consistency rule"),
    ("benchmarks/cohorts/mit-tr-2018.yaml", "cohorts", "cohort"),
    ("benchmarks/cohorts/mit-tr-2018.yaml", "figures", "figure"),
    ("benchmarks/cohorts/mit-tr-2018.yaml", "statements", "statement"),
]


@pytest.mark.parametrize("source,key,what", CASES, ids=[c[1] for c in CASES])
def test_an_id_given_twice_is_located_on_its_second_use(cli, tmp_path, source, key, what):
    data = yamlio.parse((ROOT / source).read_text(encoding="utf-8"), source)
    items = data[key]
    twin = dict(items[-1], id=items[0]["id"])  # the last item of the list takes the first one's id
    data[key] = [*items[:-1], twin]
    path = tmp_path / "twice.yaml"
    path.write_text(yamlio.dump(data), encoding="utf-8")
    if key in ("sections", "consistency"):
        result = cli("validate", str(path))
    else:  # a cohort file is checked against its questionnaire where a command adds it
        result = cli("score", str(ROOT / "examples" / "assessments" / "nordbank.yaml"), "--cohorts", str(path))
    assert result.exit_code == 1
    found = [m for m in map(LINE.match, result.stderr.splitlines()) if m and "duplicate" in m["msg"]]
    assert [(m["field"], m["msg"]) for m in found] == [
        (f"{key}.{len(items) - 1}.id", f"duplicate {what} id '{items[0]['id']}'")
    ]
    line = int(found[0]["line"])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].lstrip("- ").startswith("id:")
