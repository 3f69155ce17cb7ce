"""docs/writing-a-scorer.md shows the example plugin's real code: each block marked
`<!-- file: PATH -->` is a verbatim piece of PATH, and the pieces of the module come in order
and make up the whole file."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = ROOT / "docs" / "writing-a-scorer.md"
MODULE = "examples/plugins/cxmaturity-nps/cxmaturity_nps.py"
BLOCK = re.compile(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", re.S)


def _blocks():
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_every_marked_block_is_in_its_file():
    blocks = _blocks()
    assert {path for path, _ in blocks} >= {MODULE, "examples/plugins/cxmaturity-nps/pyproject.toml"}
    for path, code in blocks:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert code.strip() in text, f"a block of docs/writing-a-scorer.md no longer matches {path}"


def test_the_tutorial_shows_the_whole_module_in_order():
    rest = (ROOT / MODULE).read_text(encoding="utf-8")
    for path, code in _blocks():
        if path != MODULE:
            continue
        before, found, rest = rest.partition(code.strip())
        assert found, "the module's pieces are out of order in the tutorial"
        assert before.strip() == "", f"the tutorial skips this part of the module: {before.strip()[:80]}"
    assert rest.strip() == "", f"the tutorial leaves out the end of the module: {rest.strip()[:80]}"
