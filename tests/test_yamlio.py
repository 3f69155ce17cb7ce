"""Files are written atomically, with the permissions a new file normally gets."""

from __future__ import annotations

import os


def test_written_files_get_the_usual_permissions(tmp_path):
    from cxmaturity.formats.yamlio import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", "# hello\n")
    finally:
        os.umask(old)
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == 0o644
