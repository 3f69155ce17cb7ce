"""The plugin API's version, and the check of the version a plugin says it needs.

A plugin declares the API it is written against with a module attribute,
``CXMATURITY_API = "1"``; a plugin that declares none is taken to need version 1. The version
rises only when something a plugin relies on changes incompatibly (hooks only gain arguments,
so adding a hook or an argument does not raise it).
"""

from __future__ import annotations

from types import ModuleType

#: The version of the plugin API this cxmaturity provides.
API_VERSION = "1"

#: Every version of the plugin API this cxmaturity can load a plugin for.
SUPPORTED = ("1",)

#: The module attribute through which a plugin declares the API version it needs.
ATTRIBUTE = "CXMATURITY_API"


def api_problem(module: ModuleType) -> str | None:
    """Why `module` cannot be loaded by this cxmaturity's plugin API, or None.

    The message says what the plugin needs and what is provided; the caller names the plugin.
    """
    needed = getattr(module, ATTRIBUTE, None)
    if needed is None:
        return None
    text = str(needed).strip()
    if text in SUPPORTED:
        return None
    from cxmaturity._version import __version__

    return (
        f"needs cxmaturity plugin API {text!r} ({ATTRIBUTE} = {needed!r}); cxmaturity {__version__} "
        f"provides API {API_VERSION!r}"
    )
