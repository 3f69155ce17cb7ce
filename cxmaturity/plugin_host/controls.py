"""What the command line's ``--block NAME`` and ``--traceback`` ask of the plugin registry, set for
the duration of one command; `plugins.load_registry` adds it to the environment variables.

A module of its own, with no imports, so that setting it costs a command nothing at start-up."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

CONTROLS: ContextVar[dict[str, Any] | None] = ContextVar("cxmaturity_plugin_controls", default=None)
