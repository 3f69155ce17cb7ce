"""The exclusive lock an interview holds on its assessment file for its whole life.

The lock is an ``fcntl.flock`` on a hidden file beside the assessment (``.NAME.lock``), not on
the assessment itself: every autosave replaces the assessment with a new file, and a lock on
the old one would guard nothing. The lock file says who holds it (pid, host, since) so that a
second interview can say so. A lock dies with its process (the kernel drops it), so a killed
interview leaves no lock behind, only a stale file that the next interview takes over.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from cxmaturity.errors import CxError


class Locked(CxError):
    """The file is being filled in by another interview."""


def lock_path(path: Path) -> Path:
    """The lock file of an assessment: beside the file itself, a symlink followed."""
    target = Path(os.path.realpath(path))
    return target.with_name(f".{target.name}.lock")


class FileLock:
    """An exclusive, non-waiting lock on `path`'s lock file; `release` or process exit ends it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_file = lock_path(self.path)
        self._fd: int | None = None

    def acquire(self) -> FileLock:
        """Take the lock, or raise `Locked` naming its holder."""
        import fcntl

        while True:
            try:
                fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as exc:
                # No lock file where the assessment is: nothing could be saved there either.
                from cxmaturity.formats.atomic_write import cannot_write

                raise cannot_write(self.path, exc) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise Locked(f"{self.path} is open in another interview ({holder}); "
                             "finish or quit that one first") from None
            # The holder before us may have removed the lock file between our open and our
            # lock: then we hold a lock on a file nobody else will open. Start again.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.lock_file))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        holder = {"pid": os.getpid(), "host": socket.gethostname(),
                  "since": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")}
        os.ftruncate(fd, 0)
        os.write(fd, (json.dumps(holder) + "\n").encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Remove the lock file and drop the lock (removed first, so no one locks a file
        that is about to disappear)."""
        if self._fd is None:
            return
        try:
            os.unlink(self.lock_file)
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> FileLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096).decode() or "{}")
        return f"pid {info['pid']} on {info['host']}, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder unknown"
