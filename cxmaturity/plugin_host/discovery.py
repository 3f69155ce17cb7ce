"""Where plugins come from: every ``*.py`` module of a folder (the built-ins, each
``--plugins-dir``), and installed distributions through the ``cxmaturity`` entry-point group,
allow-listed by ``CXMATURITY_LOAD_PLUGINS``; and the block-list that leaves plugins out.
Each import runs as the plugin's own code (`Registry.run`): a plugin that fails to import is
recorded and left out."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from cxmaturity._version import __version__
from cxmaturity.plugin_host.controls import CONTROLS
from cxmaturity.plugin_host.plugin_info import Origin, PluginInfo, plugin_name

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry

ENTRY_POINT_GROUP = "cxmaturity"
ALLOW_LIST_ENV = "CXMATURITY_LOAD_PLUGINS"
BLOCK_LIST_ENV = "CXMATURITY_BLOCK_PLUGINS"


def _module_name(path: Path) -> str:
    # Private and unique per file, so that two folders can both hold `x.py`.
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
    return f"_cxmaturity_plugin_{path.stem}_{digest}"


def _import_file(path: Path) -> ModuleType:
    name = _module_name(path)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up here
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def load_folder(folder: Path, origin: Origin, registry: Registry) -> None:
    """Load every ``*.py`` module of `folder` as a plugin (``_private.py`` files are skipped)."""
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = plugin_name(path.stem)
        if registry.blocks(name):
            continue
        module, error = registry.run(name, "at import", _import_file, path)
        if error is not None:  # isolation: a plugin that does not import is left out
            registry.add(PluginInfo(name, origin, None, str(path)))
            registry.fail(name, f"failed to load: {error}", getattr(error, "exc", None))
            continue
        version = __version__ if origin == "built-in" else getattr(module, "__version__", None)
        registry.add(PluginInfo(name, origin, version, str(path), module))


def allowed_packages() -> set[str] | None:
    """The installed plugins ``CXMATURITY_LOAD_PLUGINS`` allows: None when unset (all)."""
    value = os.environ.get(ALLOW_LIST_ENV)
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def load_packages(registry: Registry) -> None:
    """Load the installed distributions' plugins (entry-point group ``cxmaturity``)."""
    from importlib.metadata import entry_points

    allowed = allowed_packages()
    seen: set[str] = set()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in seen or (allowed is not None and ep.name not in allowed):
            continue
        seen.add(ep.name)
        if registry.blocks(ep.name):
            continue
        dist = getattr(ep, "dist", None)
        version = dist.version if dist is not None else None
        source = f"{dist.name} {version}" if dist is not None else ep.value
        module, error = registry.run(ep.name, "at import", ep.load)
        if error is not None:  # isolation: a plugin that does not import is left out
            registry.add(PluginInfo(ep.name, "package", version, source))
            registry.fail(ep.name, f"failed to load: {error}", getattr(error, "exc", None))
            continue
        registry.add(PluginInfo(ep.name, "package", version, source, module))
    for name in sorted((allowed or set()) - seen - set(registry._plugins)):
        # A typo here would otherwise leave out the plugin it meant, silently.
        registry._warn(f"{ALLOW_LIST_ENV} names '{name}', which matches no plugin", fatal=False)


def blocked_names(block: Iterable[str] | None = None) -> set[str]:
    """The plugins to leave out: ``CXMATURITY_BLOCK_PLUGINS`` (comma-separated), the command's
    ``--block`` names, and `block`."""
    names = {n.strip() for n in os.environ.get(BLOCK_LIST_ENV, "").split(",") if n.strip()}
    controls = CONTROLS.get() or {}
    return names | set(controls.get("block") or ()) | set(block or ())
