"""An on-disk cache of parsed data files (questionnaires, cohorts, playbooks).

Parsing and validating the bundled questionnaire takes tens of milliseconds; unpickling it
takes one. The key covers the file (path, size, modification time) and the code that reads it,
so an edit to either is picked up. Set CXMATURITY_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cxmaturity._version import __version__

T = TypeVar("T")

_CODE = ("models.py", "model_base.py", "questionnaire_models.py", "cohort_models.py", "playbook_models.py",
         "result_models.py", "loader.py", "yamlio.py", "yaml_events.py", "text_files.py",
         "unique_ids.py")


def cache_dir() -> Path | None:
    """Where parsed files are kept, or None when caching is off."""
    if os.environ.get("CXMATURITY_NO_CACHE"):
        return None
    explicit = os.environ.get("CXMATURITY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cxmaturity"


def _key(path: Path, kind: str) -> str | None:
    try:
        st = path.stat()
        here = Path(__file__).parent
        code = [(here / name).stat().st_mtime_ns for name in _CODE]
    except OSError:
        return None
    parts = (__version__, sys.version_info[:2], kind, str(path.resolve()), st.st_mtime_ns, st.st_size, code)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def cached(path: Path, kind: str, build: Callable[[], T]) -> T:
    """`build()`'s value for the file at `path`, from the cache when the file is unchanged.

    Only successful results are kept; a failure raises from `build()` every time.
    """
    folder = cache_dir()
    key = _key(path, kind) if folder else None
    if key is None:
        return build()
    entry = folder / f"{key}.pickle"
    try:
        with open(entry, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing, stale or damaged entry is rebuilt
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except OSError:
        pass  # a read-only home is no reason to fail
    return value
