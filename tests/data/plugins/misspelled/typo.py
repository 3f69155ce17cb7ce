"""Marks a hook implementation whose name is not a hook (register_scorer, singular)."""

from cxmaturity import hookimpl


@hookimpl
def register_scorer(register):
    raise AssertionError("never called: the hook does not exist")
