"""A data file's text, read safely: a regular file only (never a FIFO or a device, which
could block or never end), at most MAX_BYTES, decoded from UTF-8 or UTF-16 with its mark."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cxmaturity.errors import FileError, Problem

MAX_BYTES = 5 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text, or a FileError saying why it cannot be read.

    Only a regular file is read: a FIFO, a device (``/dev/zero``, ``/dev/urandom``) or a socket
    is refused before a byte is read, so nothing blocks. The size limit holds while reading,
    so a file that grows, or lies about its size, is never read past it.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileError([Problem(name, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise FileError([Problem(name, None, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise FileError([Problem(name, None, "", f"cannot read it ({exc.strerror})")]) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileError([Problem(name, None, "", "is a folder, not a file")])
        if not stat.S_ISREG(st.st_mode):
            raise FileError([Problem(name, None, "", f"not a regular file ({_kind_of_file(st.st_mode)})")])
        if st.st_size > MAX_BYTES:
            raise FileError([Problem(name, None, "", f"too large ({st.st_size} bytes; at most {MAX_BYTES})")])
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise FileError([Problem(name, None, "", f"too large (over {MAX_BYTES} bytes)")])
        raw = b"".join(chunks)
    except OSError as exc:
        raise FileError([Problem(name, None, "", f"cannot read it ({exc.strerror})")]) from None
    finally:
        os.close(fd)
    return decode(raw, name)


def _kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def decode(raw: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark allowed), or UTF-16 with its mark."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and not raw.startswith(b"\xff\xfe\0\0"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise FileError([Problem(name, None, "", "not valid UTF-16 text")]) from None
    if b"\0" in raw:
        # UTF-16 without a byte-order mark puts a zero byte beside every ASCII character.
        head = raw[:200]
        if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
            why = "UTF-16 text without a byte-order mark: save it as UTF-8"
        else:
            why = "binary data, not a YAML text file"
        raise FileError([Problem(name, None, "", why)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError([Problem(name, line, "", "not UTF-8 text")]) from None
