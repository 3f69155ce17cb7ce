"""The errors a user can cause, each shown as one line by the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line and paragraph breaks of every kind, and the other C0/C1 control characters.
_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class CxError(Exception):
    """An expected problem: shown as ``Error: <message>`` with exit code 1, no traceback."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, located as precisely as the file allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        # One problem, one line: a key or value quoted from the file cannot break it.
        return _ONE_LINE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class FileError(CxError):
    """One or more problems in one file; the message lists them a line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class PluginError(CxError):
    """A plugin failed to load or to run; raised only under --strict."""
