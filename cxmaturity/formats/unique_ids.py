"""Ids that must be unique within one list of a file (sections, questions, cohorts, figures…)."""

from __future__ import annotations


class UniqueIds:
    """The ids met so far in one list of a file; an id met again is a located problem."""

    def __init__(self, what: str):
        self._what = what  # the kind of item, as the message names it: "cohort", "figure"…
        self._seen: set[str] = set()

    def check(self, id_: str, loc: tuple) -> list[tuple[tuple, str]]:
        """``[(loc + ("id",), "duplicate <what> id '<id>'")]`` when `id_` was met before, else []."""
        if id_ in self._seen:
            return [((*loc, "id"), f"duplicate {self._what} id '{id_}'")]
        self._seen.add(id_)
        return []
