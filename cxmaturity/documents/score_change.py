"""A score before and after, and the change between them as every output shows it."""

from __future__ import annotations

from typing import ClassVar


class ScoreChangeMixin:
    """For a record that holds a score before and after (`SCORES` names the two fields, in that
    order): `change` is the difference, to one decimal, or None when either score is missing."""

    SCORES: ClassVar[tuple[str, str]]

    @property
    def change(self) -> float | None:
        before, after = (getattr(self, name) for name in self.SCORES)
        if before is None or after is None:
            return None
        return round(after - before, 1)
