"""Setting up an assessment session: which questionnaire, which file, which answers so far.

`start` decides everything `cxmaturity assess` needs before the first question (a new file,
a resumed one, or one pre-filled from an answers file) without printing anything. A session
holds an exclusive lock on its file from the start until `close` (or the process ends), so
two interviews never fill in the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cxmaturity.errors import CxError, FileError, Problem
from cxmaturity.formats import assessments
from cxmaturity.formats.models import Assessment, Questionnaire
from cxmaturity.interview.locking import FileLock

DEFAULT_QUESTIONNAIRE = "cx-ai-2018"


@dataclass
class Session:
    """A questionnaire, the assessment being filled in, and the file it is saved to."""

    questionnaire: Questionnaire
    assessment: Assessment
    path: Path
    prefilled: bool = False
    lock: FileLock | None = None
    # The resumed file's comments, kept on every save; None when it has none.
    comments: assessments.CommentKeeper | None = None

    def save(self, assessment: Assessment) -> None:
        if self.comments is not None:
            assessments.save_keeping_comments(self.path, assessment, self.questionnaire, self.comments)
        else:
            assessments.save(self.path, assessment, self.questionnaire)

    def close(self) -> None:
        """Let other interviews open the file."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _questionnaire_of(assessment_data: dict, ref: str | None, registry: Any) -> Questionnaire:
    from cxmaturity.plugin_host import catalog

    if ref is not None:  # typed on the command line: an id or a file
        return catalog.find_or_open(ref, registry=registry)
    named = assessment_data.get("questionnaire")
    if isinstance(named, dict) and isinstance(named.get("id"), str):
        version = named.get("version") if isinstance(named.get("version"), int) else None
        return catalog.find(named["id"], version, registry=registry)
    return catalog.find(DEFAULT_QUESTIONNAIRE, registry=registry)


def resume(path: Path, lang: str | None, registry: Any = None, ref: str | None = None) -> Session:
    """The session of a saved assessment file; `lang` overrides its language.

    The questionnaire is the one the file names, or `ref` (an id or a file) when given.
    """
    from cxmaturity.formats.loader import read
    from cxmaturity.plugin_host import catalog
    from cxmaturity.workspace.workspace import load_assessment

    # Locked before it is read: the answers read are the ones no one else is changing.
    lock = FileLock(path).acquire()
    try:
        data, text = read(path)
        # Typed on the command line (an id or a file): the one the file must answer.
        chosen = catalog.find_or_open(ref, registry=registry) if ref is not None else None

        def find(id_: str, version: int) -> Questionnaire:
            return chosen if chosen is not None else catalog.find(id_, version, registry=registry)

        assessment, questionnaire = load_assessment(path, find, parsed=(data, text))
    except BaseException:
        lock.release()
        raise
    if lang is not None:
        assessment.language = lang
    comments = assessments.CommentKeeper(text) if assessments.has_comments(text) else None
    return Session(questionnaire, assessment, path, lock=lock, comments=comments)


def prefill(
    path: Path, ref: str | None, company: str | None, registry: Any = None
) -> tuple[Questionnaire, Assessment | None, str | None]:
    """(questionnaire, answers checked against it, the company's name if the file gives one).

    An answers file may be a whole assessment or just `answers:` (bare values accepted);
    what it lacks (questionnaire, company) is filled in so that it can be checked.
    """
    from cxmaturity.formats.loader import read
    from cxmaturity.workspace.workspace import load_assessment

    data, text = read(path)
    if not isinstance(data, dict):
        raise FileError([Problem(str(path), 1, "", "expected a mapping of fields at the top level")])
    questionnaire = _questionnaire_of(data, ref, registry)
    data = dict(data)
    data.setdefault("questionnaire", {"id": questionnaire.id, "version": questionnaire.version})
    named = data.get("company") if isinstance(data.get("company"), dict) else {}
    if named.get("name") is not None and not isinstance(named["name"], str):
        from cxmaturity.formats.loader import locate

        why = f"expected text, got {named['name']!r}"
        raise FileError(locate([(("company", "name"), why)], str(path), text))
    name = company or named.get("name") or "company"
    data["company"] = {"id": assessments.slugify(name), "name": name}
    checked, _ = load_assessment(path, lambda _id, _version: questionnaire, parsed=(data, text))
    return questionnaire, checked, (company or named.get("name"))


def start(
    *,
    questionnaire: str | None,
    lang: str,
    company: str | None,
    out: Path | None,
    answers: Path | None,
    ask_company: Callable[[], str],
    registry: Any = None,
    today: date | None = None,
    folder: Path | None = None,
) -> Session:
    """A new session: load the questionnaire (and pre-filled answers), name and create the file."""
    from cxmaturity.plugin_host import catalog

    prefilled: Assessment | None = None
    if answers is not None:
        chosen, prefilled, company = prefill(answers, questionnaire, company, registry)
    else:
        chosen = catalog.find_or_open(questionnaire or DEFAULT_QUESTIONNAIRE, registry=registry)
    if out is not None and out.suffix.lower() not in (".yaml", ".yml"):
        raise CxError(f"{out}: an assessment is a YAML file (use .yaml)")
    if out is not None and out.exists():
        raise CxError(f"{out} already exists; continue it with --resume {out}, or choose another file")
    name = company if company else ask_company()
    assessment = assessments.new(chosen, name, lang)
    if prefilled is not None:
        assessment.answers = dict(prefilled.answers)
        if prefilled.created is not None:
            assessment.created = prefilled.created
    path = out or assessments.default_path(
        assessment.company.id, today or assessment.created.date(), folder or Path()
    )
    lock = FileLock(path).acquire()
    try:
        assessments.create(path, assessment, chosen)
    except FileExistsError:
        lock.release()
        raise CxError(f"{path} already exists; continue it with --resume {path}") from None
    except OSError as exc:
        lock.release()
        raise CxError(f"{path}: cannot write it ({exc.strerror})") from None
    return Session(chosen, assessment, path, prefilled=prefilled is not None, lock=lock)
