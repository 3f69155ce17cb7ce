"""Questionnaire extension: a questionnaire that names another in ``extend: {id, version}`` is
that questionnaire plus its own sections and questions.

The base is found among the registered questionnaires, by id and version (never by path), so
an extension follows the base its plugins registered. The base's ids are kept, so everything
that names them (its scorers, cohort files, playbooks) still applies to the extension. What the
extension adds:

- a section whose id is not the base's is added after the base's sections;
- a section that repeats the id of a base section adds its groups and questions at the end of
  that section (it takes no title: the base's stays);
- a question may not reuse a base question's id, nor a group a base group's id; conditions may
  name the base's questions (those asked before, as in any questionnaire).

Problems are reported in the extension's own file and lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cxmaturity.errors import CxError, FileError

if TYPE_CHECKING:
    from cxmaturity.formats.models import Questionnaire

Problems = list[tuple[tuple, str]]


def key(id_: str, version: int) -> str:
    return f"{id_}@{version}"


def merge(ext: Questionnaire, base: Questionnaire) -> tuple[Questionnaire, Problems]:
    """`ext` merged onto `base`, and the problems of the merge located in `ext`."""
    from cxmaturity.formats.loader import check_questionnaire

    problems: Problems = []
    base_ids = {q.id for q in base.questions}
    index = {s.id: i for i, s in enumerate(base.sections)}
    sections = list(base.sections)
    where: dict[tuple, tuple] = {}  # a merged location → the same place in `ext`
    for esi, section in enumerate(ext.sections):
        for eqi, question in enumerate(section.questions):
            if question.id in base_ids:
                problems.append((("sections", esi, "questions", eqi, "id"),
                                 f"question '{question.id}' is already in '{base.id}' version "
                                 f"{base.version} (an extension adds questions, it cannot redefine one)"))
        si = index.get(section.id)
        if si is None:
            where[("sections", len(sections))] = ("sections", esi)
            sections.append(section)
            continue
        target = sections[si]
        if section.title is not None:
            problems.append((("sections", esi, "title"),
                             f"section '{section.id}' is the base's: its questions are added under the "
                             f"base's title (leave the title out)"))
        base_groups = {g.id for g in target.groups}
        for egi, group in enumerate(section.groups):
            if group.id in base_groups:
                problems.append((("sections", esi, "groups", egi, "id"),
                                 f"group '{group.id}' is already in the base's section '{section.id}'"))
            where[("sections", si, "groups", len(target.groups) + egi)] = ("sections", esi, "groups", egi)
        for eqi in range(len(section.questions)):
            where[("sections", si, "questions", len(target.questions) + eqi)] = ("sections", esi, "questions", eqi)
        sections[si] = target.model_copy(
            update={"groups": [*target.groups, *section.groups], "questions": [*target.questions, *section.questions]}
        )
    merged = base.model_copy(
        update={
            "id": ext.id,
            "version": ext.version,
            "title": ext.title,
            "description": ext.description or base.description,
            "source": ext.source or base.source,
            "replaces": ext.replaces,
            "extend": ext.extend,
            "sections": sections,
        }
    )
    merged.model_post_init(None)  # model_copy does not rebuild the question index
    # Checked as a questionnaire of its own (every condition, every title), located in `ext`;
    # a place already reported (an id clash) is not reported twice.
    reported = {loc for loc, _ in problems}
    for loc, message in check_questionnaire(merged.model_copy(update={"extend": None})):
        mapped = _in_extension(loc, where)
        if mapped is not None and mapped not in reported:
            problems.append((mapped, message))
            reported.add(mapped)
    return merged, problems


def _in_extension(loc: tuple, where: Mapping[tuple, tuple]) -> tuple | None:
    """Where a problem of the merged questionnaire is in the extension; None when it is in the
    base (checked on its own already)."""
    for size in (4, 2):
        if loc[:size] in where:
            return where[loc[:size]] + loc[size:]
    return None if loc[:1] == ("sections",) else loc


def _unknown_base(ext: Questionnaire, known: list[str]) -> Problems:
    ref = ext.extend
    return [(("extend",), f"extends '{ref.id}' version {ref.version}, which no plugin registers "
                          f"(registered: {', '.join(known) or 'none'})")]


def _located(problems: Problems, source: Path | None, label: str) -> str:
    """One line: ``file:line: field: message; …``, or ``questionnaire 'id@v': field: message``."""
    if source is not None:
        from cxmaturity.formats import loader, yamlio

        try:
            text = yamlio.read_text(source)
        except Exception:  # the file was read a moment ago; if it is gone, say where it was
            text = ""
        return "; ".join(str(p) for p in loader.locate(problems, str(source), text))
    return "; ".join(f"questionnaire '{label}': {'.'.join(map(str, loc))}: {message}" for loc, message in problems)


def resolve_registered(
    items: Mapping[str, Questionnaire], sources: Mapping[str, Path]
) -> tuple[dict[str, Questionnaire], list[tuple[str, str]]]:
    """The registered questionnaires with every extension merged onto its base (an extension
    of an extension too), and the ``(key, message)`` of each extension left out."""
    out = dict(items)
    failures: list[tuple[str, str]] = []
    pending = sorted(k for k, q in items.items() if q.extend is not None)
    while pending:
        progressed = False
        for k in list(pending):
            ext = items[k]
            base_key = key(ext.extend.id, ext.extend.version)
            if base_key in pending:
                continue  # its base is itself an extension not merged yet
            pending.remove(k)
            progressed = True
            if base_key not in out:
                problems = _unknown_base(ext, sorted(other for other in out if other != k))
            else:
                merged, problems = merge(ext, out[base_key])
            if problems:
                failures.append((k, _located(problems, sources.get(k), k)))
                del out[k]
            else:
                out[k] = merged
        if not progressed:  # what is left extends itself, through one or more others
            for k in pending:
                problem = [(("extend",), f"extends '{items[k].extend.id}', which extends it in turn")]
                failures.append((k, _located(problem, sources.get(k), k)))
                del out[k]
            break
    return out, failures


def merged_file(ext: Questionnaire, path: Path | str, find: Callable[[str, int], Questionnaire]) -> Questionnaire:
    """An extension read from a file, merged onto its base (``find(id, version)``, over the
    registered questionnaires); a `FileError` locating every problem."""
    from cxmaturity.formats import loader, yamlio

    text = yamlio.read_text(Path(path))
    try:
        base = find(ext.extend.id, ext.extend.version)
    except CxError as exc:
        raise FileError(loader.locate([(("extend",), str(exc))], str(path), text)) from None
    merged, problems = merge(ext, base)
    if problems:
        raise FileError(loader.locate(problems, str(path), text))
    return merged


def lineage(questionnaire: Questionnaire, find: Callable[[str, int], Questionnaire]) -> list[str]:
    """The ids of `questionnaire` and of every questionnaire it extends, nearest first."""
    ids = [questionnaire.id]
    current = questionnaire
    while current.extend is not None and current.extend.id not in ids:
        ids.append(current.extend.id)
        try:
            current = find(current.extend.id, current.extend.version)
        except CxError:
            break
    return ids
