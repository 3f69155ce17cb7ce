"""Finding questionnaires: the one lookup function, over what plugins registered.

The questionnaires come from the plugin registry (the built-in plugin `questionnaires`
registers the bundled ones). A file's content names a questionnaire by id and version, and
`find` only ever looks that up: an id is never opened as a path. A path is accepted only where
the user typed it on the command line (`--questionnaire FILE`, `questionnaires show FILE`),
through `find_or_open`.
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
    """A registered questionnaire by id (latest version unless `version`). Never opens a file."""
    known_all = available(registry)
    matches = [q for q in known_all if q.id == ref and (version is None or q.version == version)]
    if not matches:
        known = ", ".join(sorted({q.id for q in known_all})) or "none"
        what = f"'{ref}' version {version}" if version is not None else f"'{ref}'"
        raise CxError(f"unknown questionnaire {what} (known: {known})")
    return max(matches, key=lambda q: q.version)


def find_or_open(ref: str, *, registry: Registry) -> Questionnaire:
    """A questionnaire the user named on the command line: a registered id, or a file's path.

    Only for command-line arguments: what a file says is looked up with `find`."""
    if _looks_like_path(ref):
        from cxmaturity.formats.loader import load_questionnaire

        questionnaire = load_questionnaire(ref)
        if questionnaire.extend is not None:  # its base is a registered one, found by id
            from cxmaturity.formats.extension import merged_file

            return merged_file(questionnaire, ref, lambda id_, v: find(id_, v, registry=registry))
        return questionnaire
    return find(ref, registry=registry)
