"""Where the data shipped with the tool lives: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent

KINDS = ("questionnaires", "benchmarks", "plugins")


def bundled(kind: str) -> Path:
    """The folder of a kind of bundled data (`questionnaires`, `benchmarks`, `plugins`).

    A wheel carries them under ``cxmaturity/data/``; a source checkout (editable install)
    has them at the top of the repository.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of bundled data: {kind}")
    inside = _PACKAGE / "data" / kind
    return inside if inside.is_dir() else _PACKAGE.parent / kind
