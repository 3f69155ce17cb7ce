"""docs/writing-a-scorer.md shows the example plugin's real code: each block marked
`<!-- file: PATH -->` is a verbatim piece of PATH, and the pieces of the module come in order
and make up the whole file. The example starts from `cxmaturity plugin new nps`, whose output
the tutorial shows, and its author wrote fewer than 60 lines on top of the generated files."""

from __future__ import annotations

import difflib
import re

from conftest import ROOT

DOC = ROOT / "docs" / "writing-a-scorer.md"
EXAMPLE = ROOT / "examples" / "plugins" / "cxmaturity-nps"
MODULE = "examples/plugins/cxmaturity-nps/cxmaturity_nps/__init__.py"
BLOCK = re.compile(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", re.S)
OUTPUT = re.compile(r"<!-- output: cxmaturity (.+?) -->\n```\w*\n(.*?)```", re.S)


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


def test_the_scaffold_output_is_the_one_shown(cli, tmp_path, monkeypatch):
    [(args, shown)] = OUTPUT.findall(DOC.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    result = cli(*args.split())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == shown


def test_the_example_is_the_scaffold_plus_under_60_lines_of_its_author():
    from cxmaturity.plugin_host.scaffold import render

    generated = render("nps")
    assert set(generated) <= {str(p.relative_to(EXAMPLE)) for p in EXAMPLE.rglob("*") if p.is_file()}
    added = 0
    for rel, text in generated.items():
        if rel == "README.md":
            continue  # prose, not code
        mine = (EXAMPLE / rel).read_text(encoding="utf-8").splitlines()
        diff = difflib.unified_diff(text.splitlines(), mine, lineterm="", n=0)
        added += sum(1 for line in diff if line.startswith("+") and not line.startswith("+++") and line[1:].strip())
    assert 0 < added < 60, f"the example adds {added} lines to the generated files"
