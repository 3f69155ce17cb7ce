"""Finding questionnaires: the one lookup function, over what plugins registered.

The questionnaires come from the plugin registry (the built-in plugin `questionnaires`
registers the bundled ones); a path to a file is also accepted wherever an id is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cxmaturity.errors import CxError

if TYPE_CHECKING:
    from cxmaturity.formats.models import Questionnaire
    from cxmaturity.plugin_host.manager import Registry


def available(registry: Registry) -> list[Questionnaire]:
    """Every questionnaire the plugins of `registry` registered, sorted by id then version."""
    return list(registry.questionnaires)


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or Path(ref).exists()


def find(ref: str, version: int | None = None, *, registry: Registry) -> Questionnaire:
    """A questionnaire by id (latest version unless `version`), or from a file path."""
    if _looks_like_path(ref):
        from cxmaturity.formats.loader import load_questionnaire

        questionnaire = load_questionnaire(ref)
        if questionnaire.extend is not None:  # its base is a registered one, found by id
            from cxmaturity.formats.extension import merged_file

            return merged_file(questionnaire, ref, lambda id_, v: find(id_, v, registry=registry))
        return questionnaire
    known_all = available(registry)
    matches = [q for q in known_all if q.id == ref and (version is None or q.version == version)]
    if not matches:
        known = ", ".join(sorted({q.id for q in known_all})) or "none"
        what = f"'{ref}' version {version}" if version is not None else f"'{ref}'"
        raise CxError(f"unknown questionnaire {what} (known: {known})")
    return max(matches, key=lambda q: q.version)
