"""Pytest fixtures for plugin authors: ``cxmaturity.testing``.

Installed with cxmaturity as a pytest plugin (entry point ``pytest11``), so a plugin's tests
use the fixtures without importing anything. Declare your plugin once, in ``conftest.py``::

    import pytest
    import cxmaturity_acme

    @pytest.fixture
    def cx_plugins():
        return [cxmaturity_acme]

Then, in any test:

- ``cx_assessment(answers, questionnaire="cx-ai-2018")``: an `Assessment` from a dict of
  answers (``{"invest.front_office": "heavily", "kpi.nps.change": {"state": "dont_know"}}``),
  checked against the questionnaire so that a misspelled id fails the test;
- ``cx_registry()``: a registry holding the built-in plugins and yours (``cx_plugins``), and
  nothing else that happens to be installed; strict, so a failing hook raises;
- ``cx_evaluate(answers)``: the result document (`Result`), as ``score --format json`` gives it;
- ``cx_score(scorer, answers)``: the findings of one scorer, called directly;
- ``cx_cli("score", "file.yaml")``: the command line run in-process (80 columns, no colour,
  exceptions not caught) with the built-in plugins and yours.

This module imports nothing heavy at the top: pytest loads it in every session of an
environment where cxmaturity is installed, and an unused fixture costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

#: The environment of `cx_cli`: a fixed width, no colour, no terminal to guess from.
CLI_ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}

PluginLike = ModuleType | str | Path


# --- the functions behind the fixtures (usable without pytest too) -------------------------


def _entry_point_name(module: ModuleType) -> tuple[str, str | None] | None:
    """The (name, version) of the installed entry point that loads `module`, if any."""
    from importlib.metadata import entry_points

    from cxmaturity.plugin_host.manager import ENTRY_POINT_GROUP

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.value == module.__name__:
            dist = getattr(ep, "dist", None)
            return ep.name, dist.version if dist is not None else None
    return None


def plugin_name_of(module: ModuleType) -> str:
    """The name a plugin module goes by: its entry point's name when installed, else its module
    name without the ``cxmaturity_`` prefix, ``_`` turned into ``-`` (``cxmaturity_acme_demo``
    → ``acme-demo``)."""
    found = _entry_point_name(module)
    if found is not None:
        return found[0]
    name = module.__name__.rsplit(".", 1)[-1]
    return name.removeprefix("cxmaturity_").replace("_", "-")


def add_plugin(registry: Any, plugin: PluginLike) -> None:
    """Add `plugin` to `registry` as an installed plugin would be: a module object, an
    importable module name, a ``.py`` file or a folder of them (``--plugins-dir``)."""
    from cxmaturity.plugin_host.manager import PluginInfo, _import_file, load_folder

    if isinstance(plugin, (str, Path)) and Path(plugin).suffix == ".py":
        path = Path(plugin)
        module = _import_file(path)
        registry.add(PluginInfo(path.stem.replace("_", "-"), "folder", getattr(module, "__version__", None),
                                str(path), module))
        return
    if isinstance(plugin, Path) or (isinstance(plugin, str) and Path(plugin).is_dir()):
        load_folder(Path(plugin), "folder", registry)
        return
    module = importlib.import_module(plugin) if isinstance(plugin, str) else plugin
    found = _entry_point_name(module)
    version = (found[1] if found else None) or getattr(module, "__version__", None)
    registry.add(PluginInfo(plugin_name_of(module), "package", version, module.__name__, module))


def make_registry(plugins: Iterable[PluginLike] = (), builtins: bool = True, installed: bool = False,
                  strict: bool = True) -> Any:
    """A registry of the built-in plugins (unless `builtins` is false), then `plugins`, then,
    only with `installed`, every installed plugin. Under `strict` the first failure raises."""
    import pluggy

    from cxmaturity.formats.bundled import bundled
    from cxmaturity.plugin_host import hookspecs
    from cxmaturity.plugin_host.manager import Registry, load_folder, load_packages

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    registry = Registry(pm, strict=strict)
    if builtins:
        load_folder(bundled("plugins"), "built-in", registry)
    for plugin in plugins:
        add_plugin(registry, plugin)
    if installed:
        load_packages(registry)
    return registry


def make_assessment(answers: Mapping[str, Any], questionnaire: Any = "cx-ai-2018", *, registry: Any = None,
                    company: str = "Acme", lang: str = "en") -> Any:
    """An `Assessment` of `questionnaire` (an id, a path or a `Questionnaire`) with `answers`
    (question id → a bare value, or ``{state, value, note}``), checked: an unknown question or
    option raises `CxError` naming it."""
    from cxmaturity.errors import CxError
    from cxmaturity.formats.loader import check_assessment
    from cxmaturity.formats.models import Assessment, Questionnaire
    from cxmaturity.plugin_host.catalog import find

    q = questionnaire if isinstance(questionnaire, Questionnaire) else find(str(questionnaire), registry=registry)
    assessment = Assessment.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "company": {"id": company.lower().replace(" ", "-"), "name": company},
            "language": lang,
            "answers": dict(answers),
        }
    )
    problems = check_assessment(assessment, q)
    if problems:
        raise CxError("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))
    return assessment


# --- the fixtures ------------------------------------------------------------------------------


@pytest.fixture
def cx_plugins() -> list[PluginLike]:
    """The plugins under test: override it in your ``conftest.py`` to return your module(s)."""
    return []


@pytest.fixture
def cx_registry(cx_plugins) -> Callable[..., Any]:
    """``cx_registry(*plugins, builtins=True, installed=False, strict=True)``: an isolated
    registry of the built-in plugins and `plugins` (default: ``cx_plugins``)."""

    def build(*plugins: PluginLike, builtins: bool = True, installed: bool = False, strict: bool = True):
        return make_registry(plugins or cx_plugins, builtins=builtins, installed=installed, strict=strict)

    return build


@pytest.fixture
def cx_assessment(cx_registry) -> Callable[..., Any]:
    """``cx_assessment(answers, questionnaire="cx-ai-2018", company="Acme", lang="en")``: an
    `Assessment` from a dict of answers, checked against the questionnaire (found among the
    built-in questionnaires and those of ``cx_plugins``)."""

    def build(answers: Mapping[str, Any], questionnaire: Any = "cx-ai-2018", **kwargs: Any):
        registry = kwargs.pop("registry", None) or cx_registry()
        return make_assessment(answers, questionnaire, registry=registry, **kwargs)

    return build


@pytest.fixture
def cx_evaluate(cx_registry, cx_assessment) -> Callable[..., Any]:
    """``cx_evaluate(answers_or_assessment, questionnaire="cx-ai-2018", weights=None)``: the
    result document, evaluated in-process with the built-in plugins and ``cx_plugins``."""
    from cxmaturity.api import evaluate_assessment

    def run(answers: Any, questionnaire: Any = "cx-ai-2018", *, weights: Any = None, registry: Any = None):
        from cxmaturity.formats.models import Assessment, Questionnaire
        from cxmaturity.plugin_host.catalog import find

        registry = registry or cx_registry()
        assessment = answers if isinstance(answers, Assessment) else cx_assessment(
            answers, questionnaire, registry=registry
        )
        q = questionnaire if isinstance(questionnaire, Questionnaire) else None
        if q is None and isinstance(answers, Assessment):
            ref = assessment.questionnaire
            q = find(ref.id, ref.version, registry=registry)
        elif q is None:
            q = find(str(questionnaire), registry=registry)
        return evaluate_assessment(assessment, q, registry=registry, weights=weights)

    return run


@pytest.fixture
def cx_score(cx_assessment) -> Callable[..., Any]:
    """``cx_score(scorer, answers, questionnaire="cx-ai-2018")``: the list of findings the
    scorer returns for those answers (no cohorts, in the assessment's language)."""

    def run(scorer: Any, answers: Any, questionnaire: Any = "cx-ai-2018", lang: str = "en"):
        from cxmaturity.formats.models import Questionnaire
        from cxmaturity.plugin_host.catalog import find
        from cxmaturity.plugin_host.scorer_contract import ScoringContext

        assessment = cx_assessment(answers, questionnaire, lang=lang)
        q = questionnaire if isinstance(questionnaire, Questionnaire) else None
        if q is None:
            ref = assessment.questionnaire
            q = find(ref.id, ref.version, registry=make_registry(_plugins_of(scorer)))
        return scorer.score(ScoringContext(assessment=assessment, questionnaire=q, language=lang))

    return run


def _plugins_of(scorer: Any) -> list[ModuleType]:
    """The module a scorer comes from, so that its own questionnaire can be found."""
    module = importlib.import_module(type(scorer).__module__)
    return [module] if hasattr(module, "register_questionnaires") else []


@pytest.fixture
def cx_cli(cx_plugins, tmp_path) -> Callable[..., Any]:
    """``cx_cli(*args, input=None, env=None, installed=False)``: run the command line in-process
    (80 columns, no colour, exceptions not caught) and return the result (``exit_code``,
    ``stdout``, ``stderr``). The plugins are the built-in ones and ``cx_plugins``; installed
    plugins are left out unless `installed` is true."""
    from typer.testing import CliRunner

    from cxmaturity.cli import app
    from cxmaturity.plugin_host import manager as plugin_loading

    original = plugin_loading.load_packages

    def load_packages(registry):
        for plugin in cx_plugins:
            add_plugin(registry, plugin)

    def run(*args: str, input: str | None = None, env: Mapping[str, str] | None = None, installed: bool = False):
        base = {**CLI_ENV, "CXMATURITY_CACHE_DIR": str(tmp_path / "cxmaturity-cache")}
        with pytest.MonkeyPatch.context() as mp:
            if not installed:
                mp.setattr(plugin_loading, "load_packages", load_packages)
            else:
                mp.setattr(plugin_loading, "load_packages", original)
            return CliRunner().invoke(app, list(args), input=input, env={**base, **(env or {})},
                                      catch_exceptions=False)

    return run
