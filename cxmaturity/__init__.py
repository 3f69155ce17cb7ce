"""cxmaturity: AI-for-customer-experience maturity, benchmarked against the 2018 survey cohorts.

The public API for plugin authors is exported lazily, so that importing the package (and so
`cxmaturity --help`) costs nothing until a name is used.
"""

from cxmaturity._version import __version__

_EXPORTS = {
    "hookimpl": "cxmaturity.plugin_host.hookspecs",
    "Scorer": "cxmaturity.plugin_host.scorer_contract",
    "ScoringContext": "cxmaturity.plugin_host.scorer_contract",
    "QuestionScorer": "cxmaturity.plugin_host.scorer_contract",
    "Gate": "cxmaturity.plugin_host.scorer_contract",
    "PointsScorer": "cxmaturity.plugin_host.points_scorer",
    "Points": "cxmaturity.plugin_host.points_scorer",
    "CohortMembership": "cxmaturity.formats.models",
    "Placement": "cxmaturity.formats.models",
    "Result": "cxmaturity.formats.models",
    "CxError": "cxmaturity.errors",
    "Condition": "cxmaturity.formats.models",
    "Questionnaire": "cxmaturity.formats.models",
    "Question": "cxmaturity.formats.models",
    "Assessment": "cxmaturity.formats.models",
    "Answer": "cxmaturity.formats.models",
    "CohortFile": "cxmaturity.formats.models",
    "Playbook": "cxmaturity.formats.models",
    "Finding": "cxmaturity.formats.models",
    "Step": "cxmaturity.formats.models",
    "Coverage": "cxmaturity.formats.models",
    # the plugin API's version (a plugin declares the one it needs: CXMATURITY_API = "1")
    "API_VERSION": "cxmaturity.plugin_host.api_version",
    # loading files and evaluating, for plugins and their tests
    "load_questionnaire": "cxmaturity.api",
    "load_cohort_file": "cxmaturity.api",
    "load_playbook": "cxmaturity.api",
    "load_assessment": "cxmaturity.api",
    "find_questionnaire": "cxmaturity.api",
    "load_registry": "cxmaturity.api",
    "evaluate_assessment": "cxmaturity.api",
    # where the data shipped with the tool lives (the built-in data plugins register it)
    "bundled": "cxmaturity.formats.bundled",
    # the words helpers: a text in the output language, numbers and shares as people write them
    "tr": "cxmaturity.words.tr",
    "num": "cxmaturity.words.numbers",
    "percent": "cxmaturity.words.numbers",
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
