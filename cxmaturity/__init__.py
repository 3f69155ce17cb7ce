"""cxmaturity: AI-for-customer-experience maturity, benchmarked against the 2018 survey cohorts.

The public API for plugin authors is exported lazily, so that importing the package (and so
`cxmaturity --help`) costs nothing until a name is used.
"""

from ._version import __version__

_EXPORTS = {
    "hookimpl": "cxmaturity.hookspecs",
    "Scorer": "cxmaturity.scorer",
    "ScoringContext": "cxmaturity.scorer",
    "QuestionScorer": "cxmaturity.scorer",
    "CohortMembership": "cxmaturity.models",
    "Placement": "cxmaturity.models",
    "Result": "cxmaturity.models",
    "CxError": "cxmaturity.errors",
    "Condition": "cxmaturity.models",
    "Questionnaire": "cxmaturity.models",
    "Question": "cxmaturity.models",
    "Assessment": "cxmaturity.models",
    "Answer": "cxmaturity.models",
    "CohortFile": "cxmaturity.models",
    "Playbook": "cxmaturity.models",
    "Finding": "cxmaturity.models",
    "Step": "cxmaturity.models",
    "Coverage": "cxmaturity.models",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cxmaturity' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
