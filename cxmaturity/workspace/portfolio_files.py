"""The assessment files of a portfolio: which files, and each one loaded or its located problem.

A portfolio is files and folders given on the command line; folders are searched recursively
for ``*.yaml`` and ``*.yml``. Nothing here keeps more than one assessment at a time: callers
iterate and keep what they need (a row, a few counts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cxmaturity.errors import CxError, FileError, Problem
from cxmaturity.formats.models import Assessment, Questionnaire

SUFFIXES = (".yaml", ".yml", ".json")


def assessment_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Every file of `paths`: files as given, folders searched recursively, each folder's
    files sorted by path so that output does not depend on the file system's order.

    A path that does not exist is yielded too, so that it is reported rather than forgotten.
    """
    for path in map(Path, paths):
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()]
            # Hidden files (editor swap files, `.x.yaml.tmp` of an interrupted write) are not assessments.
            yield from sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read as an assessment, with its first located problem."""

    path: str
    reason: str

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(self.path) else f"{self.path}: {self.reason}"


class Questionnaires:
    """The questionnaires assessments name, each looked up once (a portfolio names few)."""

    def __init__(self, find: Callable[[str, int], Questionnaire]):
        self._find = find
        self._cache: dict[tuple[str, int], Questionnaire | CxError] = {}

    def get(self, qid: str, version: int) -> Questionnaire:
        key = (qid, version)
        if key not in self._cache:
            try:
                self._cache[key] = self._find(qid, version)
            except CxError as exc:
                self._cache[key] = exc
        found = self._cache[key]
        if isinstance(found, CxError):
            raise found
        return found



def load_one(path: Path, questionnaires: Questionnaires) -> tuple[Assessment, Questionnaire] | Skipped:
    """The assessment in `path` checked against the questionnaire it names, or why not."""
    from cxmaturity.workspace.workspace import WrongKind, load_assessment

    name = str(path)
    try:
        return load_assessment(path, questionnaires.get, only_assessments=True)
    except WrongKind as exc:
        return Skipped(name, f"not an assessment (a {exc.kind} file)")
    except FileError as exc:
        first = exc.problems[0] if exc.problems else Problem(name, None, "", "unreadable")
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return Skipped(name, f"{first}{more}")
