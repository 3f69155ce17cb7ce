"""Finding questionnaires: the one place that knows where they come from."""

from __future__ import annotations

from pathlib import Path

from .bundled import bundled
from .errors import CxError
from .models import Questionnaire


def available() -> list[Questionnaire]:
    """Every questionnaire the tool knows, sorted by id."""
    from .loader import load_questionnaire

    found = [load_questionnaire(p) for p in sorted(bundled("questionnaires").glob("*.yaml"))]
    return sorted(found, key=lambda q: (q.id, q.version))


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or Path(ref).exists()


def find(ref: str, version: int | None = None) -> Questionnaire:
    """A questionnaire by id (latest version unless `version`), or from a file path."""
    if _looks_like_path(ref):
        from .loader import load_questionnaire

        return load_questionnaire(ref)
    matches = [q for q in available() if q.id == ref and (version is None or q.version == version)]
    if not matches:
        known = ", ".join(sorted({q.id for q in available()})) or "none"
        what = f"'{ref}' version {version}" if version is not None else f"'{ref}'"
        raise CxError(f"unknown questionnaire {what} (known: {known})")
    return max(matches, key=lambda q: q.version)
