"""What ``cxmaturity plugins --json`` says about each plugin: the listing, each scorer's
dimension, and its failures as data (where each happened, and the message)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import PluginInfo, Registry

_LOAD = re.compile(r"^failed to load: (?P<message>.*)$", re.S)
_SCORE = re.compile(r"^failed in score \((?P<scorer>[^)]*)\): (?P<message>.*)$", re.S)
_HOOK = re.compile(r"^failed in (?P<hook>[a-z_]+): (?P<message>.*)$", re.S)
_AT = re.compile(r"^(?P<message>.*) \(at (?P<at>[^()]+:\d+)\)$", re.S)


def structured_error(message: str) -> dict[str, Any]:
    """One failure line of a plugin as ``{where, hook, scorer, message, at}``: `where` is
    ``load`` (the module could not be loaded), ``hook`` (a hook raised or registered something
    invalid) or ``score`` (a scorer failed while scoring); `at` is the ``file:line`` in the
    plugin's code where it happened, when known."""
    at = None
    if m := _AT.match(message):
        message, at = m["message"], m["at"]
    return {**_parts(message), "at": at}


def _parts(message: str) -> dict[str, Any]:
    if m := _LOAD.match(message):
        return {"where": "load", "hook": None, "scorer": None, "message": m["message"]}
    if m := _SCORE.match(message):
        return {"where": "score", "hook": None, "scorer": m["scorer"], "message": m["message"]}
    if m := _HOOK.match(message):
        return {"where": "hook", "hook": m["hook"], "scorer": None, "message": m["message"]}
    return {"where": None, "hook": None, "scorer": None, "message": message}


def scorer_entries(registry: Registry, plugin: str) -> list[dict[str, Any]]:
    """Each scorer `plugin` registered: its name, dimension, the dimension's label (None when
    the scorer declares none) and how it enters the stage model."""
    out = []
    for scorer in registry.scorers:
        if registry.owner("scorers", scorer.name) != plugin:
            continue
        out.append(
            {
                "name": scorer.name,
                "dimension": scorer.dimension,
                "label": dict(scorer.dimension_label) or None,
                "in_overall": scorer.in_overall,
            }
        )
    return out


def plugin_entry(registry: Registry, info: PluginInfo) -> dict[str, Any]:
    """The JSON object of one plugin in ``plugins --json``."""
    return {
        **info.as_dict(),
        "scorers": scorer_entries(registry, info.name),
        "errors": [structured_error(e) for e in info.errors],
    }
