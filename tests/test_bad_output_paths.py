"""Every command that writes a file turns an unwritable -o path into one `Error:` line, exit 1."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

OLD = str(EXAMPLES / "sakura-online-2025.yaml")
NEW = str(EXAMPLES / "sakura-online-2026.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ("questionnaires", "show", "cx-ai-2018", "-o", "{missing}/blank.md"),
        ("compare", OLD, NEW, "-o", "{missing}/changes.md"),
        ("portfolio", str(EXAMPLES), "-o", "{missing}/portfolio.md"),
    ],
    ids=["questionnaires-show", "compare", "portfolio"],
)
def test_output_in_a_missing_folder_is_one_error_line(cli, tmp_path, args):
    missing = tmp_path / "no-such-folder"
    result = cli(*(a.format(missing=missing) for a in args))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [f"Error: {missing}/{args[-1].rsplit('/', 1)[1]}: cannot write it "
                     f"(no such folder: {missing})"]
    assert not missing.exists()


def test_write_atomic_names_the_file_and_leaves_no_temporary_file(tmp_path):
    from cxmaturity.errors import CxError
    from cxmaturity.formats.yamlio import write_atomic

    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(CxError, match="taken: cannot write it"):
        write_atomic(target, "text\n")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]
    assert list(target.iterdir()) == []
