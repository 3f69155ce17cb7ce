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
    # the plugin API's version (a plugin declares the one it needs: CXMATURITY_API = "1")
    "API_VERSION": "cxmaturity.plugin_api",
    # loading files and evaluating, for plugins and their tests
    "load_questionnaire": "cxmaturity.api",
    "load_cohort_file": "cxmaturity.api",
    "load_playbook": "cxmaturity.api",
    "load_assessment": "cxmaturity.api",
    "find_questionnaire": "cxmaturity.api",
    "load_registry": "cxmaturity.api",
    "evaluate_assessment": "cxmaturity.api",
    # the words helpers: a text in the output language, numbers and shares as people write them
    "tr": "cxmaturity.models",
    "num": "cxmaturity.render.content",
    "percent": "cxmaturity.render.content",
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
