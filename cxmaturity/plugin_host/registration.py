"""What a plugin may register: each kind and the hook that registers it, the checks `register`
applies to an item, and the arguments each hook is given."""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from cxmaturity.plugin_host import hookspecs

#: Each kind of thing plugins register, and the hook that registers it.
HOOKS: dict[str, str] = {
    "scorers": "register_scorers",
    "questionnaires": "register_questionnaires",
    "cohorts": "register_cohorts",
    "playbooks": "register_playbooks",
}


SCORER_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DIMENSION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class Rejected(Exception):
    """Raised by ``register`` (inside a plugin's hook) when what it is given is not valid."""


def key_of(kind: str, item: Any) -> str:
    """The name an item is registered under: a scorer's name, ``id@version`` of a
    questionnaire, the id of a cohort file or of a playbook."""
    if kind == "scorers":
        return item.name
    if kind == "questionnaires":
        return f"{item.id}@{item.version}"
    return item.id


def hook_arguments(hook: str, **available: Any) -> dict[str, Any]:
    """The arguments `hook`'s spec declares, each taken from `available` (what the registry can
    give a hook: ``register``, ``registry``…). A hook that gains an argument in its spec gets it
    here, without a change to the caller; an implementation takes any subset (pluggy's rule)."""
    names = list(inspect.signature(getattr(hookspecs, hook)).parameters)
    missing = [n for n in names if n not in available]
    if missing:
        raise TypeError(f"hook {hook} declares {', '.join(missing)}, which the plugin host does not provide")
    return {n: available[n] for n in names}


def sort_key(kind: str) -> Callable[[str], Any]:
    if kind == "questionnaires":
        return lambda key: (key.split("@")[0], int(key.split("@")[1]))
    return lambda key: key


def label(kind: str) -> str:
    return {
        "scorers": "scorer",
        "questionnaires": "questionnaire",
        "cohorts": "cohort file",
        "playbooks": "playbook",
    }[kind]


def check_hooks(module: ModuleType) -> str | None:
    """Why the module's hook implementations cannot be used (a misspelled hook, an argument
    the hook does not have), or None."""
    marker = f"{hookspecs.PROJECT}_impl"
    for attr, fn in sorted(vars(module).items()):
        opts = getattr(fn, marker, None)
        if opts is None or not callable(fn):
            continue
        hook = opts.get("specname") or attr
        spec = getattr(hookspecs, hook, None) if hook in HOOKS.values() else None
        if spec is None:
            known = ", ".join(sorted(HOOKS.values()))
            return f"unknown hook '{hook}' (the hooks are: {known})"
        allowed = set(inspect.signature(spec).parameters)
        extra = [p for p in inspect.signature(fn).parameters if p not in allowed]
        if extra:
            return f"{hook} has no argument '{extra[0]}' (it takes: {', '.join(sorted(allowed))})"
    return None


def validate(kind: str, item: Any):
    """What `register` accepts for `kind`, as the object the registry keeps."""
    if kind == "scorers":
        return validate_scorer(item)
    from cxmaturity.formats import loader, models

    model = {
        "questionnaires": models.Questionnaire,
        "cohorts": models.CohortFile,
        "playbooks": models.Playbook,
    }[kind]
    if isinstance(item, (str, os.PathLike)):
        return loader.load(Path(item), model)
    if isinstance(item, model):
        if isinstance(item, models.Questionnaire):
            problems = loader.check_questionnaire(item)
            if problems:
                loc, message = problems[0]
                raise Rejected(f"questionnaire '{item.id}': {'.'.join(map(str, loc))}: {message}")
        return item
    raise Rejected(
        f"register() takes a path to a YAML file or a cxmaturity.{model.__name__}, "
        f"got {describe(item)}"
    )


def validate_scorer(item: Any):
    from cxmaturity.plugin_host.scorer_contract import Scorer

    if isinstance(item, type) and issubclass(item, Scorer):
        raise Rejected(
            f"register() takes a scorer instance, got the class {item.__name__} "
            f"(call it: {item.__name__}())"
        )
    if not isinstance(item, Scorer):
        raise Rejected(f"register() takes a cxmaturity.Scorer instance, got {describe(item)}")
    if not isinstance(item.name, str) or not SCORER_NAME.match(item.name):
        raise Rejected(f"scorer name {item.name!r} is not kebab-case (like 'customer-sentiment')")
    if not isinstance(item.dimension, str) or not DIMENSION_ID.match(item.dimension):
        raise Rejected(f"scorer '{item.name}' has no valid dimension (got {item.dimension!r})")
    if type(item).score is Scorer.score:
        raise Rejected(f"scorer '{item.name}' does not define score(ctx)")
    from cxmaturity.plugin_host.dimensions import check_declared

    problem = check_declared(item)
    if problem:
        raise Rejected(problem)
    return item


def describe(item: Any) -> str:
    return f"{type(item).__name__} {item!r}"[:80]


# --- finding plugins ---------------------------------------------------------------------
