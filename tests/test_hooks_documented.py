"""Every hook has its contract in three places that cannot drift apart: a docstring, a section
of docs/plugin-hooks.md headed by its signature (whose example runs), and a test named after it."""

from __future__ import annotations

import ast
import inspect
import re

import pytest
from conftest import EXAMPLES, ROOT

from cxmaturity.plugin_host import hookspecs
from cxmaturity.plugin_host.manager import HOOKS, load_registry

DOC = ROOT / "docs" / "plugin-hooks.md"
HOOK_NAMES = sorted(
    name for name, fn in vars(hookspecs).items() if getattr(fn, f"{hookspecs.PROJECT}_spec", None)
)
KIND_OF = {hook: kind for kind, hook in HOOKS.items()}


def _sections() -> dict[str, str]:
    """Heading → body of each `## ` section of the hooks doc."""
    parts = re.split(r"^## (.+)$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def _signature(hook: str) -> str:
    return f"{hook}{inspect.signature(getattr(hookspecs, hook))}"


def _test_names() -> set[str]:
    names = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return names


def test_the_hooks_are_the_ones_the_registry_calls():
    assert HOOK_NAMES == sorted(HOOKS.values())


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_hook_has_a_docstring(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert "register(" in doc, f"{hook}: the docstring must say what to pass to register"
    assert re.search(r"Added in \d+\.\d+", doc), f"{hook}: the docstring must say when it was added"


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_hook_has_a_docs_section_headed_by_its_signature(hook):
    assert _signature(hook) in _sections(), f"docs/plugin-hooks.md needs '## {_signature(hook)}'"


def test_every_docs_section_is_a_hook():
    assert sorted(_sections()) == sorted(_signature(h) for h in HOOK_NAMES)


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_hook_has_a_test_named_after_it(hook):
    assert f"test_{hook}" in _test_names(), f"write a test named test_{hook}"


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_hook_docs_example_runs(hook, tmp_path, monkeypatch):
    monkeypatch.setenv("CXMATURITY_LOAD_PLUGINS", "")
    blocks = re.findall(r"```python\n(.*?)```", _sections()[_signature(hook)], flags=re.S)
    assert len(blocks) == 1, f"the {hook} section needs one python example"
    (tmp_path / f"{hook}_example.py").write_text(blocks[0], encoding="utf-8")
    registry = load_registry([tmp_path], strict=True)
    plugin = registry.plugin(f"{hook}-example".replace("_", "-"))
    assert plugin.hooks == [hook]
    assert plugin.registered.get(KIND_OF[hook]), f"the {hook} example registered nothing"
    if hook == "register_scorers":
        from cxmaturity.evaluation.pipeline import evaluate
        from cxmaturity.formats import loader
        from cxmaturity.plugin_host import catalog

        q = catalog.find("cx-ai-2018", registry=registry)
        result = evaluate(loader.load_assessment(EXAMPLES / "nordbank.yaml", q), q, registry)
        mine = [(f.scorer, f.score) for f in result.findings if f.dimension == "front_office"]
        assert mine == [("front-office", 100.0)]
