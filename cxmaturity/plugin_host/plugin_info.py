"""One plugin as the registry keeps it (`PluginInfo`), its name from its module file, and why a
call into it failed, in one line (`Failure`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal

from cxmaturity.errors import FileError
from cxmaturity.plugin_host.registration import Rejected

Origin = Literal["built-in", "folder", "package"]


@dataclass
class PluginInfo:
    """One plugin as `cxmaturity plugins` shows it."""

    name: str
    origin: Origin
    version: str | None = None
    source: str = ""  # the file or the distribution it came from
    module: ModuleType | None = None
    hooks: list[str] = field(default_factory=list)
    registered: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        return "; ".join(self.errors) if self.errors else None

    @property
    def contributed(self) -> bool:
        return any(self.registered.values())

    def status(self):
        from cxmaturity.formats.models import PluginStatus

        return PluginStatus(
            name=self.name, version=self.version, origin=self.origin, error=self.error
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "origin": self.origin,
            "source": self.source,
            "hooks": self.hooks,
            "registered": {k: v for k, v in sorted(self.registered.items()) if v},
            "error": self.error,
        }


def plugin_name(stem: str) -> str:
    """The plugin name of a module file: ``my_scorer.py`` → ``my-scorer``."""
    return stem.replace("_", "-")


class Failure(str):
    """Why a plugin call failed, in one line, with the exception behind it (for ``at file:line``
    and ``--traceback``)."""

    exc: BaseException | None

    def __new__(cls, text: str, exc: BaseException | None = None) -> Failure:
        made = super().__new__(cls, text)
        made.exc = exc
        return made


def one_line(exc: BaseException) -> str:
    from cxmaturity.plugin_host.calls import PluginExit, PluginTimeout

    if isinstance(exc, (Rejected, PluginExit, PluginTimeout)):
        return str(exc)
    if isinstance(exc, FileError):
        # A file with several problems still makes one warning line.
        return "; ".join(str(p) for p in exc.problems)
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
