"""References checked when a plugin registers something: every question and option id it names
must exist in the questionnaire it applies to.

A misspelled id otherwise passes silently and changes the advice: a playbook action whose
``needed_unless`` names an option that does not exist is recommended to everyone, a cohort
figure on an unknown question shows "no benchmark", a scorer reading an unknown question is
"too few answers" forever. Each miss is one line naming the plugin and the ``file:line``; the
registry makes it a warning, fatal under ``--strict``.

- a scorer's ``questions``: each is asked by at least one registered questionnaire;
- a cohort file: the questionnaire it names is registered, and its cohorts, figures and
  statements name questions and options of that questionnaire;
- a playbook's conditions (``applies_when``, ``done_when``, ``needed_unless``): each question
  is asked by some registered questionnaire (or is an alternative, in an ``any``, to one that
  is), and each option is one of that question's.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry


def check_references(
    registry: Registry, kind: str, plugin: str, registered: Mapping[str, Any], sources: Mapping[str, Path]
) -> list[str]:
    """One line per wrong reference in what `plugin` just registered (`registered`: key →
    object; `sources`: key → the file it was registered from, where it was)."""
    if kind == "questionnaires" or not registered:
        return []
    questionnaires = registry.questionnaires
    problems: list[str] = []
    for key, item in registered.items():
        if kind == "scorers":
            problems += _scorer(item, questionnaires)
        elif kind == "cohorts":
            problems += _located(_cohort_file(item, questionnaires), "cohort file", key, sources.get(key))
        elif kind == "playbooks":
            problems += _located(_playbook(item, questionnaires), "playbook", key, sources.get(key))
    return [f"plugin '{plugin}' names an unknown id: {p}" for p in problems]


def _known_questions(questionnaires) -> dict[str, Any]:
    """Question id → question, over every registered questionnaire (the first that asks it)."""
    known: dict[str, Any] = {}
    for q in questionnaires:
        for question in q.questions:
            known.setdefault(question.id, question)
    return known


def _scorer(scorer: Any, questionnaires) -> list[str]:
    known = _known_questions(questionnaires)
    out = []
    for qid in getattr(scorer, "questions", ()) or ():
        if qid not in known:
            out.append(f"{_source_line(scorer, qid)}: scorer '{scorer.name}' reads question '{qid}', "
                       f"which no registered questionnaire asks")
    return out


def _source_line(obj: Any, needle: str) -> str:
    """``file:line`` of the line of `obj`'s class source that quotes `needle` (else where the
    class starts; else the module's name)."""
    cls = type(obj)
    try:
        path = inspect.getsourcefile(cls)
        _, start = inspect.getsourcelines(cls)
    except (TypeError, OSError):
        return cls.__module__
    if path is None:
        return cls.__module__
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return f"{path}:{start}"
    for number, line in enumerate(lines, 1):
        if f'"{needle}"' in line or f"'{needle}'" in line:
            return f"{path}:{number}"
    return f"{path}:{start}"


def _cohort_file(cohort_file: Any, questionnaires) -> list[tuple[tuple, str]]:
    from cxmaturity.formats.cohort_files import check_cohort_file

    matches = [q for q in questionnaires if q.id == cohort_file.questionnaire]
    if not matches:
        known = ", ".join(sorted({q.id for q in questionnaires})) or "none"
        return [(("questionnaire",), f"names questionnaire '{cohort_file.questionnaire}', which no plugin "
                                     f"registers (known: {known})")]
    return check_cohort_file(cohort_file, max(matches, key=lambda q: q.version))


def _playbook(playbook: Any, questionnaires) -> list[tuple[tuple, str]]:
    from cxmaturity.formats.loader import check_condition

    known = _known_questions(questionnaires)
    conditions = []
    if playbook.applies_when is not None:
        conditions.append((playbook.applies_when, ("applies_when",)))
    for i, phase in enumerate(playbook.phases):
        conditions.append((phase.done_when, ("phases", i, "done_when")))
        for j, action in enumerate(phase.actions):
            if action.needed_unless is not None:
                conditions.append((action.needed_unless, ("phases", i, "actions", j, "needed_unless")))
    out = []
    for condition, loc in conditions:
        optional = _optional_questions(condition, known)
        out += [(where, message) for where, message in check_condition(condition, loc, known)
                if not any(message == f"names unknown question '{q}'" for q in optional)]
    return out


def _optional_questions(condition: Any, known: Mapping[str, Any]) -> set[str]:
    """Questions no questionnaire asks that a condition may still name: those offered as an
    alternative (in an ``any``) to a question that is asked, like the ``profile.regulated``
    flag a questionnaire may add beside ``profile.industry``."""
    out: set[str] = set()
    for node in condition.walk():
        if not node.any:
            continue
        leaves = [child.q for child in node.any if child.q is not None]
        if any(q in known for q in leaves):
            out |= {q for q in leaves if q not in known}
    return out


def _located(problems: list[tuple[tuple, str]], what: str, key: str, source: Path | None) -> list[str]:
    """The problems as ``file:line: field: message`` (or ``<what> 'key': field: message`` for an
    object registered without a file)."""
    if not problems:
        return []
    if source is not None:
        from cxmaturity.formats import loader, yamlio

        try:
            text = yamlio.read_text(source)
        except Exception:  # the file was read a moment ago; if it is gone, say where it was
            text = ""
        return [str(p) for p in loader.locate(problems, str(source), text)]
    return [f"{what} '{key}': {'.'.join(map(str, loc))}: {message}" for loc, message in problems]
