"""rich's Markdown and Traceback modules, loaded only when something uses them.

typer's rich help imports `rich.markdown` (with markdown-it) and `rich.traceback` (with
pygments) at the top of its help module, for markdown help text and pretty tracebacks, neither
of which `--help` draws here: about half the start-up of `cxmaturity --help`
(perf/help_startup.py). `install()` puts stand-ins under those two names; the first use of any
of their names (constructing a `Markdown`, `Traceback.from_exception`, any other attribute)
imports the real module, which replaces the stand-in, and hands over to it. The help looks the
same; only the cost moves to the commands that draw Markdown (questionnaires show) or a
traceback.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

NAMES = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback",)}


def _real(name: str) -> types.ModuleType:
    module = sys.modules.get(name)
    if module is None or getattr(module, "__cxmaturity_stand_in__", False):
        sys.modules.pop(name, None)
        module = importlib.import_module(name)
    return module


def _stand_in_class(module_name: str, class_name: str) -> type:
    def real() -> Any:
        return getattr(_real(module_name), class_name)

    class Meta(type):
        def __getattr__(cls, attr: str) -> Any:  # Traceback.from_exception and the like
            if attr.startswith("__"):  # typing's and importlib's probes (`Markdown | Text`)
                raise AttributeError(attr)
            return getattr(real(), attr)

        def __instancecheck__(cls, obj: Any) -> bool:
            return isinstance(obj, real())

    def new(cls, *args: Any, **kwargs: Any) -> Any:
        return real()(*args, **kwargs)

    return Meta(class_name, (), {"__new__": new, "__module__": module_name})


def install() -> None:
    """Put the stand-ins in place, unless the real modules are already loaded (idempotent)."""
    for module_name, classes in NAMES.items():
        if module_name in sys.modules:
            continue
        stub = types.ModuleType(module_name)
        stub.__cxmaturity_stand_in__ = True
        for class_name in classes:
            setattr(stub, class_name, _stand_in_class(module_name, class_name))

        def other(attr: str, module_name: str = module_name) -> Any:
            if attr.startswith("__"):
                raise AttributeError(attr)
            return getattr(_real(module_name), attr)

        stub.__getattr__ = other  # PEP 562: any other name loads the real module
        sys.modules[module_name] = stub
