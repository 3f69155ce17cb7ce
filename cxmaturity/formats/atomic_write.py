"""Writing a file so that a crash leaves either the old file or the new one, and a failed write
said as one line a user can act on."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from cxmaturity.errors import CxError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` (or bytes: a PDF) to `path` so that a crash leaves either the old file or
    the new one.

    A symlink is followed: its target gets the new text and the link stays a link. An
    existing file keeps its permissions (a private 0600 file stays private); a new one gets
    the mode any new file would get.
    """
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode the file has or would get.
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from None
        raise


def cannot_write(path: Path, exc: OSError) -> CxError:
    """A failed write as the one-line error a user can act on (no folder, no permission, full disk)."""
    if not path.parent.is_dir():
        return CxError(f"{path}: cannot write it (no such folder: {path.parent})")
    if path.is_dir():
        return CxError(f"{path}: cannot write it (it is a folder)")
    return CxError(f"{path}: cannot write it ({exc.strerror or exc})")
