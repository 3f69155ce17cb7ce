"""YAML files → models, with every problem reported as ``file:line: field: message``.

Types are checked by pydantic; this module adds what a model alone cannot know: duplicate ids,
conditions that name unknown or later questions, options that are not defined, and answers
that do not fit their questionnaire.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cxmaturity.errors import FileError, Problem
from cxmaturity.formats import yamlio
from cxmaturity.formats.models import (
    Assessment,
    CohortFile,
    Condition,
    Playbook,
    Question,
    Questionnaire,
    StageModel,
)

M = TypeVar("M", bound=BaseModel)

KINDS = {
    "questionnaire": Questionnaire,
    "assessment": Assessment,
    "cohorts": CohortFile,
    "playbook": Playbook,
    "stage-model": StageModel,
}


KIND_NAMES = {
    "questionnaire": "a questionnaire",
    "assessment": "an assessment",
    "cohorts": "a cohort file",
    "playbook": "a playbook",
    "stage-model": "a stage model",
}


def _kind_of(model: type) -> str | None:
    return next((kind for kind, m in KINDS.items() if m is model), None)


def detect_kind(data: Any) -> str | None:
    """Which format a parsed file is in, from the keys only its format has."""
    if not isinstance(data, dict):
        return None
    if "sections" in data:
        return "questionnaire"
    if "answers" in data or "company" in data:
        return "assessment"
    if "figures" in data or "cohorts" in data:
        return "cohorts"
    if "phases" in data:
        return "playbook"
    if "stages" in data:
        return "stage-model"
    return None


def _field(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def locate(problems: list[tuple[tuple, str]], name: str, text: str) -> list[Problem]:
    """Each (location, message) as a Problem with its line: the text is parsed once for all."""
    if not problems:
        return []
    lines = yamlio.Lines(text)
    return [Problem(name, lines.of(loc), _field(loc), msg) for loc, msg in problems]


# The names pydantic gives the branches of a union in an error's location (no field has them).
_BRANCHES = frozenset(
    f"{prefix}{t}" for prefix in ("", "constrained-") for t in ("float", "int", "str", "bool", "list", "dict", "tuple")
)


def _pydantic_problems(exc: ValidationError) -> list[tuple[tuple, str]]:
    out = []
    seen = set()
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        # A union reports one error per branch, each under the branch's type name; the
        # first says enough.
        key = tuple(p for p in loc if isinstance(p, int) or ("[" not in str(p) and p not in _BRANCHES))
        if key in seen:
            continue
        seen.add(key)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        elif err["type"] == "string_pattern_mismatch":
            shown = str(err.get("input"))
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            pattern = str((err.get("ctx") or {}).get("pattern", ""))
            chars = "'_' and '.'" if "\\." in pattern else "'-' and '_'" if "-" in pattern else "and '_'"
            msg = f"'{shown}' is not a valid id (lower-case letters, digits, {chars})"
        out.append((key, msg))
    return out


def validate_data(model: type[M], data: Any, name: str, text: str) -> M:
    """`data` as a `model`, or a FileError locating every problem."""
    if not isinstance(data, dict):
        raise FileError([Problem(name, 1, "", "expected a mapping of fields at the top level")])
    # A file of another format (a cohort file given as --weights…) would otherwise list a
    # dozen missing and unknown fields; one line saying what it is helps more.
    kind, expected = detect_kind(data), _kind_of(model)
    if kind is not None and expected is not None and kind != expected:
        why = f"this is {KIND_NAMES[kind]}, not {KIND_NAMES[expected]}"
        raise FileError([Problem(name, 1, "", why)])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileError(locate(_pydantic_problems(exc), name, text)) from None


def read(path: Path | str) -> tuple[Any, str]:
    """(parsed data, text) of a YAML file."""
    path = Path(path)
    text = yamlio.read_text(path)
    return yamlio.parse(text, str(path)), text


def load(path: Path | str, model: type[M]) -> M:
    """A file as `model`, checked by itself (no cross-file checks); cached on disk."""
    from cxmaturity.formats.cache import cached

    path = Path(path)
    return cached(path, model.__name__, lambda: _load(path, model))


def _load(path: Path, model: type[M]) -> M:
    data, text = read(path)
    obj = validate_data(model, data, str(path), text)
    if isinstance(obj, Questionnaire):
        problems = check_questionnaire(obj)
        if problems:
            raise FileError(locate(problems, str(path), text))
    return obj


def load_questionnaire(path: Path | str) -> Questionnaire:
    return load(path, Questionnaire)


def load_assessment(path: Path | str, questionnaire: Questionnaire | None = None) -> Assessment:
    """An assessment, checked against `questionnaire` when one is given (to find the
    questionnaire an assessment names, see `workspace.load_assessment`)."""
    data, text = read(path)
    assessment = validate_data(Assessment, data, str(path), text)
    if questionnaire is not None:
        raise_mismatches(assessment, questionnaire, str(path), text)
    return assessment


def raise_mismatches(assessment: Assessment, questionnaire: Questionnaire, name: str, text: str) -> None:
    """A FileError locating every answer that does not fit `questionnaire` (`check_assessment`),
    with the closest known id where one was misspelled; nothing when all fit."""
    from cxmaturity.formats.suggestions import with_suggestions

    problems = check_assessment(assessment, questionnaire)
    if problems:
        raise FileError(locate(with_suggestions(problems, questionnaire), name, text))


# --- cross-checks ------------------------------------------------------------------------


def _text_languages(q: Questionnaire) -> list[tuple[tuple, str]]:
    out = []

    def need(loc: tuple, text: dict | None) -> None:
        if text is None:
            return
        missing = [lang for lang in q.languages if lang not in text]
        if missing:
            out.append((loc, f"missing the {', '.join(missing)} text"))

    need(("title",), q.title)
    for si, s in enumerate(q.sections):
        need(("sections", si, "title"), s.title)
        for gi, g in enumerate(s.groups):
            need(("sections", si, "groups", gi, "title"), g.title)
        for qi, question in enumerate(s.questions):
            loc = ("sections", si, "questions", qi)
            need((*loc, "text"), question.text)
            need((*loc, "help"), question.help)
            for oi, o in enumerate(question.options):
                need((*loc, "options", oi, "label"), o.label)
    for ri, rule in enumerate(q.consistency):
        need(("consistency", ri, "message"), rule.message)
    return out


def check_condition(
    cond: Condition, loc: tuple, known: dict[str, Question], allowed: set[str] | None = None
) -> list[tuple[tuple, str]]:
    """Problems of a condition against the questions it may name.

    `known` maps question ids to questions; `allowed`, when given, is the subset it may
    name (the questions asked before the one that carries the `when`).
    """
    out = []
    for c in cond.walk():
        if c.q is None:
            continue
        question = known.get(c.q)
        if question is None:
            out.append(((*loc, "q"), f"names unknown question '{c.q}'"))
            continue
        if allowed is not None and c.q not in allowed:
            out.append(((*loc, "q"), f"names question '{c.q}', which is not asked before this one"))
            continue
        ids = set(question.option_ids)
        for opt in c.in_ or []:
            if opt not in ids:
                out.append(((*loc, "in"), f"option '{opt}' is not defined in question '{c.q}'"))
        for key in ("gte", "lte"):
            bound = getattr(c, key)
            if bound is None:
                continue
            if isinstance(bound, str):
                if not question.is_ordered:
                    out.append(((*loc, key), f"question '{c.q}' has no ordered options to compare"))
                elif bound not in ids:
                    out.append(((*loc, key), f"option '{bound}' is not defined in question '{c.q}'"))
            elif question.type in ("single", "band", "text"):
                out.append(((*loc, key), f"question '{c.q}' is {question.type}: compare with an option id"))
        if c.in_ is not None and question.type not in ("single", "multi", "band"):
            out.append(((*loc, "in"), f"question '{c.q}' is {question.type} and has no options"))
    return out


def check_questionnaire(q: Questionnaire) -> list[tuple[tuple, str]]:
    """Duplicate ids, undefined groups, conditions naming unknown or later questions, and
    consistency rules naming unknown questions or options.

    A questionnaire that extends another (``extend:``) is checked here only for what it holds
    alone; its titles and conditions are checked once merged with its base (`extension.py`)."""
    out = _text_languages(q)
    from cxmaturity.formats.unique_ids import UniqueIds

    alone = q.extend is None
    section_ids, rule_ids = UniqueIds("section"), UniqueIds("consistency rule")
    seen: dict[str, Question] = {}
    for si, s in enumerate(q.sections):
        out.extend(section_ids.check(s.id, ("sections", si)))
        if alone and s.title is None:
            out.append((("sections", si, "id"), "a section needs a title"))
        groups = {g.id for g in s.groups}
        for qi, question in enumerate(s.questions):
            loc = ("sections", si, "questions", qi)
            if question.id in seen:
                out.append(((*loc, "id"), f"duplicate question id '{question.id}'"))
            if question.group is not None and question.group not in groups:
                out.append(((*loc, "group"), f"group '{question.group}' is not defined in this section"))
            if question.when is not None and alone:
                out.extend(
                    check_condition(question.when, (*loc, "when"), q._by_id, allowed=set(seen))
                )
            seen.setdefault(question.id, question)
    for ri, rule in enumerate(q.consistency):
        loc = ("consistency", ri)
        out.extend(rule_ids.check(rule.id, loc))
        for ci, cond in enumerate(rule.conflict):
            out.extend(check_condition(cond, (*loc, "conflict", ci), q._by_id))
    return out


def check_value(question: Question, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None."""
    t = question.type
    if t in ("single", "band"):
        if isinstance(value, int):
            # YAML reads an unquoted 10_25 as the integer 1025.
            for option in question.option_ids:
                if option.replace("_", "") == str(value):
                    return f"write the option id in quotes: \"{option}\" (unquoted, YAML reads it as {value})"
        if not isinstance(value, str):
            return f"expected one option id, got {value!r}"
        if value not in question.option_ids:
            return f"'{value}' is not an option (one of: {', '.join(question.option_ids)})"
    elif t == "multi":
        if not isinstance(value, list):
            return f"expected a list of option ids, got {value!r}"
        bad = [v for v in value if v not in question.option_ids]
        if bad:
            return f"{', '.join(map(repr, bad))} not among the options ({', '.join(question.option_ids)})"
        if len(set(value)) != len(value):
            return "an option is listed twice"
        if question.exclusive in value and len(value) > 1:
            return f"'{question.exclusive}' excludes the other options"
    elif t in ("scale", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"expected a number, got {value!r}"
        if t == "scale" and not float(value).is_integer():
            return f"expected a whole number, got {value!r}"
        if question.min is not None and value < question.min:
            return f"{value} is below the minimum {question.min:g}"
        if question.max is not None and value > question.max:
            return f"{value} is above the maximum {question.max:g}"
    elif t == "text":
        if not isinstance(value, str):
            return f"expected text, got {value!r}"
    return None


def check_assessment(a: Assessment, q: Questionnaire) -> list[tuple[tuple, str]]:
    """The assessment's questionnaire reference, question ids and values, against `q`."""
    out = []
    if a.questionnaire.id != q.id:
        out.append((("questionnaire", "id"), f"'{a.questionnaire.id}' does not match questionnaire '{q.id}'"))
    elif a.questionnaire.version != q.version:
        out.append(
            (
                ("questionnaire", "version"),
                f"version {a.questionnaire.version} does not match '{q.id}' version {q.version}",
            )
        )
    for qid, answer in a.answers.items():
        question = q.question(qid)
        if question is None:
            out.append((("answers", qid), f"unknown question id '{qid}' in '{q.id}'"))
            continue
        if answer.state == "answered":
            why = check_value(question, answer.value)
            if why:
                out.append((("answers", qid, "value"), why))
    return out
