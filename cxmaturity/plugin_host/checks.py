"""What a plugin author needs to find a mistake: where in the plugin a failure happened (file and
line, and the whole traceback on request), and the hook functions that will never be called.
"""

from __future__ import annotations

import difflib
import inspect
import os
import sysconfig
import traceback
from pathlib import Path
from types import ModuleType

from cxmaturity.plugin_host import hookspecs

TRACEBACK_ENV = "CXMATURITY_TRACEBACK"
_CORE = Path(__file__).resolve().parent.parent
_STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


def traceback_wanted() -> bool:
    """Whether ``CXMATURITY_TRACEBACK`` asks for tracebacks (set, and not 0 or empty)."""
    return os.environ.get(TRACEBACK_ENV, "") not in ("", "0")


def shown_path(path: str) -> str:
    """A path relative to the working folder when it is inside it, else as it is."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def _home(source: str, module: ModuleType | None) -> Path | None:
    """The file, or the package folder, that holds a plugin's own code."""
    if module is not None and getattr(module, "__file__", None):
        file = Path(module.__file__).resolve()
        return file.parent if file.name == "__init__.py" else file
    path = Path(source)
    return path.resolve() if path.suffix == ".py" else None


def _inside(file: Path, home: Path) -> bool:
    return file == home or home in file.parents


def location(exc: BaseException, source: str, module: ModuleType | None) -> str | None:
    """``file:line`` of the deepest line of the plugin's own code in `exc`'s traceback (the
    line that raised, or the one that called what raised); None when the plugin's code is not
    in it. A syntax error is located in the file and line it names."""
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        return f"{shown_path(exc.filename)}:{exc.lineno}"
    home = _home(source, module)
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        file = Path(frame.filename)
        if frame.filename.startswith("<"):
            continue
        file = file.resolve()
        if home is not None:
            mine = _inside(file, home)
        else:  # a package that failed to import: the deepest frame outside the tool and Python
            mine = not _inside(file, _CORE) and not _inside(file, _STDLIB)
        if mine:
            found = f"{shown_path(frame.filename)}:{frame.lineno}"
    return found


def formatted(exc: BaseException) -> str:
    """The traceback of `exc`, as Python prints it."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip("\n")


def unmarked_hooks(module: ModuleType) -> list[str]:
    """One line per function of `module` named like a hook (or nearly: ``register_scorer``)
    that lacks ``@hookimpl``, so that it would never be called."""
    marker = f"{hookspecs.PROJECT}_impl"
    hooks = sorted(name for name in vars(hookspecs) if name.startswith("register_"))
    out = []
    for name, fn in sorted(vars(module).items()):
        if not inspect.isfunction(fn) or getattr(fn, marker, None) is not None:
            continue
        if fn.__module__ != module.__name__:
            continue  # imported from elsewhere: not this plugin's hook
        like = name if name in hooks else next(iter(difflib.get_close_matches(name, hooks, 1, 0.85)), None)
        if like is None:
            continue
        try:
            where = f"{shown_path(inspect.getsourcefile(fn) or '?')}:{inspect.getsourcelines(fn)[1]}"
        except (OSError, TypeError):
            where = module.__name__
        what = "" if like == name else f" (like the hook {like})"
        out.append(f"function {name}{what} at {where} has no @hookimpl, so it is never called "
                   f"(decorate it with @hookimpl from cxmaturity)")
    return out
