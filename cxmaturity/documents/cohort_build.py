"""A cohort file built from a consultancy's own assessments (``cxmaturity cohorts build``).

The file has the format of ``benchmarks/cohorts/``: cohorts ``all`` plus the report's region and
size cohorts (their ``member_when`` copied from the report's file), and for each question with
options each cohort's answers as shares: a whole distribution for an ordered question, one
share per option of a multi question. Every figure says ``confidence: portfolio``.

Only aggregates go into it: no company name, id or note. A company assessed several times
counts once, by its latest assessment, so that a frequent client does not weigh more.
A cohort (or a question within a cohort) with fewer than ``min_size`` answers is left out and
said so: a handful of companies must not pose as a benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxmaturity.errors import CxError
from cxmaturity.formats.bundled import bundled
from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import CohortDef, CohortFile, Condition, Figure, Question, Questionnaire, Share, Survey
from cxmaturity.words.cohort_build import MESSAGES
from cxmaturity.workspace.portfolio_files import Questionnaires, Skipped, assessment_paths, load_one

# A cohort file built without --name (or named "Portfolio") says "your portfolio" alone.
DEFAULT_NAME = None
# The report's cohorts a portfolio cohort file repeats: region and size (whatever their ids,
# the cohorts whose membership reads only these questions).
PROFILE_QUESTIONS = {"profile.region", "profile.headcount"}
DESCRIPTIVE_SECTIONS = {"profile"}


@dataclass
class _Company:
    """The one assessment of a company that counts: its latest. Only option answers are kept."""

    date: str
    answers: dict[str, Any]


class TooFewCompanies(CxError):
    """Fewer companies could be read than a cohort needs; `skipped` says which files were not
    read and why, for the caller to show before the error."""

    def __init__(self, message: str, skipped: list[Skipped]):
        super().__init__(message)
        self.skipped = skipped


@dataclass
class Built:
    """A built cohort file, and what was left out of it and why (one line each)."""

    cohort_file: CohortFile
    skipped_files: list[Skipped] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def slug(name: str) -> str:
    """A file id from a display name: lower case, runs of other characters as one dash."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text or "portfolio"


def report_cohorts() -> list[CohortDef]:
    """The region and size cohorts of the report's cohort file, as the report defines them."""
    from cxmaturity.formats.loader import load

    report = load(bundled("benchmarks") / "cohorts" / "mit-tr-2018.yaml", CohortFile)
    return [
        c for c in report.cohorts
        if c.member_when is not None and set(c.member_when.questions()) <= PROFILE_QUESTIONS
    ]


def _assessments(paths: Iterable[Path | str], questionnaire: Questionnaire, questionnaires: Questionnaires):
    """(assessment and questionnaire, or Skipped; where from) for YAML files and folders, and for
    each row of batch input (JSON Lines, CSV, Parquet: the readers of `cxmaturity batch`)."""
    from cxmaturity.batch.cohort_input import assessments, is_batch

    for path in assessment_paths(paths):
        if is_batch(path):
            for loaded in assessments(path, questionnaire, questionnaires):
                yield loaded, loaded.path if isinstance(loaded, Skipped) else path
        else:
            yield load_one(path, questionnaires), path


def _collect(paths: Iterable[Path | str], questionnaire: Questionnaire, skipped: list[Skipped],
             find) -> dict[str, _Company]:
    # Assessments of another questionnaire are checked against their own, then refused here:
    # their shares would be over other questions.
    latest: dict[str, _Company] = {}
    questionnaires = Questionnaires(find)
    with_options = {q.id for q in questionnaire.questions if q.options}
    for loaded, path in _assessments(paths, questionnaire, questionnaires):
        if isinstance(loaded, Skipped):
            skipped.append(loaded)
            continue
        assessment, q = loaded
        if q.id != questionnaire.id or q.version != questionnaire.version:
            skipped.append(Skipped(str(path), f"assesses '{q.id}' version {q.version}, not "
                                              f"'{questionnaire.id}' version {questionnaire.version}"))
            continue
        when = assessment.updated or assessment.created
        date = when.date().isoformat() if when else ""
        current = latest.get(assessment.company.id)
        if current is not None and current.date > date:
            continue
        answers = {k: v for k, v in assessment.answered().items() if k in with_options}
        latest[assessment.company.id] = _Company(date=date, answers=answers)
    return latest


def shares(counts: dict[str, int], total: int) -> dict[str, float]:
    """Percentages with one decimal that add up to exactly 100 (largest remainders first), so
    that no unlabelled remainder appears below the lowest option."""
    if total <= 0:
        return {k: 0.0 for k in counts}
    tenths = {k: 1000 * c / total for k, c in counts.items()}
    floor = {k: int(v) for k, v in tenths.items()}
    missing = 1000 - sum(floor.values())
    for k in sorted(tenths, key=lambda k: floor[k] - tenths[k])[:missing]:
        floor[k] += 1
    return {k: v / 10 for k, v in floor.items()}


def companies(n: int, lang: str = "en") -> str:
    """"1 company", "2 companies"; in French "1 entreprise", "2 entreprises" (0 and 1 singular)."""
    if lang == "fr":
        return f"{n} entreprise{'s' if n > 1 else ''}"
    return f"{n} compan{'y' if n == 1 else 'ies'}"


def _owner(name: str | None) -> str | None:
    """The consultancy's name as labels show it; None without one. "Portfolio" (the old
    default) is no name: labels would read "Portfolio: … (your portfolio)"."""
    name = (name or "").strip()
    return None if name.lower() in ("", "portfolio") else name


def _label(owner: str | None, what: dict[str, str]) -> dict[str, str]:
    # Every output shows this label: it must say whose cohort it is.
    if owner is None:
        return {"en": f"{_capital(what['en'])} (your portfolio)", "fr": f"{_capital(what['fr'])} (votre portefeuille)"}
    return {"en": f"{owner}: {what['en']} (your portfolio)", "fr": f"{owner} : {what['fr']} (votre portefeuille)"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source(owner: str | None, n: int, first: str, last: str) -> str:
    """Each figure's source, in English as every source of the data files is (words/sources.py
    says it in French): "Acme portfolio, 12 companies, 2025-01-10 to 2026-03-02"."""
    if owner is None:
        whose = "your portfolio"
    else:
        whose = owner if owner.lower().endswith("portfolio") else f"{owner} portfolio"
    return f"{whose}, {companies(n)}, {first} to {last}"


def _answers_note(answered: int, members: int) -> dict[str, str]:
    if members == 1:
        return {
            "en": "The only company of this cohort answered the question.",
            "fr": "La seule entreprise de cette cohorte a répondu à la question.",
        }
    return {
        "en": f"{answered} of the {members} companies of this cohort answered the question.",
        "fr": f"{answered} des {members} entreprises de cette cohorte "
              f"{'ont' if answered > 1 else 'a'} répondu à la question.",
    }


def _figures(question: Question, cohort: str, values: list[Any], members: int, source: str) -> list[Figure]:
    fid = f"{cohort}-{question.id.replace('.', '-')}".replace("_", "-")
    note = _answers_note(len(values), members)
    if question.type == "multi":
        out = []
        for option in question.option_ids:
            count = sum(1 for v in values if isinstance(v, list) and option in v)
            out.append(Figure(
                id=f"{fid}-{option}".replace("_", "-"), cohort=cohort, question=question.id,
                options=[option], value=shares({"in": count}, len(values))["in"] if values else 0.0,
                comparator="exact",
                # Selecting "none of these" is the less mature side.
                better="lower" if option == question.exclusive else "higher",
                source=source, confidence="portfolio", note=note,
            ))
        return out
    counts = {o: sum(1 for v in values if v == o) for o in question.option_ids}
    split = shares(counts, len(values))
    return [Figure(
        id=fid, cohort=cohort, question=question.id,
        distribution={o: Share(value=split[o]) for o in question.option_ids},
        comparator="exact", better="higher", source=source, confidence="portfolio", note=note,
    )]


def _answers(n: int, lang: str) -> str:
    singular, plural = MESSAGES[lang]["answer"]
    return f"{n} {plural if (n > 1 if lang == 'fr' else n != 1) else singular}"


def build(
    paths: Iterable[Path | str],
    questionnaire: Questionnaire,
    name: str | None = DEFAULT_NAME,
    min_size: int = 10,
    lang: str = "en",
    *,
    find,
) -> Built:
    """A portfolio cohort file from the assessments in `paths` (files or folders); `name`, the
    consultancy's, heads every label (without it labels say "your portfolio" alone). `find(id,
    version)`: the questionnaire an assessment names (the caller's registry decides).

    Raises TooFewCompanies (a CxError, with the skipped files) when fewer than `min_size`
    companies could be read. Cohorts and, within a
    cohort, questions with fewer than `min_size` answers are left out and listed in `left_out`.
    """
    skipped: list[Skipped] = []
    latest = _collect(paths, questionnaire, skipped, find)
    n = len(latest)
    if n < min_size:
        M = MESSAGES[lang]
        read = M["none_read"] if n == 0 else M["only_read"].format(n=companies(n, lang))
        raise TooFewCompanies(M["too_few"].format(read=read, min=companies(min_size, lang)), skipped)
    owner = _owner(name)
    dates = sorted(c.date for c in latest.values() if c.date)
    file_id = slug(owner or "")
    file_id = f"portfolio-{file_id}" if not file_id.startswith("portfolio") else file_id
    # Cohort ids unique across files: a result names a placement's cohort by its id alone,
    # beside the report's `all`, `europe`…
    prefix = file_id.removeprefix("portfolio-") + "-"
    first, last = (dates[0], dates[-1]) if dates else ("?", "?")
    source = _source(owner, n, first, last)
    candidates = [
        CohortDef(id=f"{prefix}all", label=_label(owner, {"en": "all clients", "fr": "tous les clients"}),
                  member_when=None, always_compared=True,
                  definition={"en": "Every company of the portfolio, by its latest assessment.",
                              "fr": "Toutes les entreprises du portefeuille, par leur dernière évaluation."}),
        *[
            CohortDef(id=f"{prefix}{c.id}", label=_label(owner, c.label), member_when=c.member_when,
                      definition={
                          "en": f"Companies of the portfolio in the report's cohort “{c.label['en']}”, "
                                "by the same rule.",
                          "fr": f"Entreprises du portefeuille de la cohorte « {c.label['fr']} » du rapport, "
                                "selon la même règle.",
                      },
                      source=f"membership rule of the report's cohort '{c.id}'")
            for c in report_cohorts()
        ],
    ]
    left_out: list[str] = []
    cohorts: list[CohortDef] = []
    figures: list[Figure] = []
    # The profile describes a company (where, how large, how it rates itself), not how mature it
    # is: like the report's Figure 1 demographics, no figure, else being larger would be "ahead".
    asked = [q for q in questionnaire.questions
             if q.options and questionnaire.section_of(q.id).id not in DESCRIPTIVE_SECTIONS]
    for cohort in candidates:
        members = [c.answers for c in latest.values() if _member(cohort.member_when, c.answers, questionnaire)]
        if len(members) < min_size:
            left_out.append(MESSAGES[lang]["cohort_small"].format(
                cohort=cohort.id, n=companies(len(members), lang), min=min_size))
            continue
        cohorts.append(cohort.model_copy(update={"n": len(members)}))
        for question in asked:
            if question.type == "single" and not question.ordered:
                continue  # no order, no better side: a share would give a meaningless verdict
            values = [m[question.id] for m in members if question.id in m]
            if len(values) < min_size:
                left_out.append(MESSAGES[lang]["question_small"].format(
                    cohort=cohort.id, question=question.id, answers=_answers(len(values), lang), min=min_size))
                continue
            figures.extend(_figures(question, cohort.id, values, len(members), source))
    unordered = [q.id for q in asked if q.type == "single" and not q.ordered]
    if unordered:
        left_out.append(MESSAGES[lang]["unordered"].format(ids=", ".join(unordered)))
    described = [q.id for q in questionnaire.questions if questionnaire.section_of(q.id).id in DESCRIPTIVE_SECTIONS]
    if described:
        left_out.append(MESSAGES[lang]["profile"].format(ids=", ".join(described)))
    cohort_file = CohortFile(
        id=file_id,
        title={
            "en": f"{owner or 'Your portfolio'}: the consultancy's own cohort "
                  f"({companies(n)} assessed {first} to {last})",
            "fr": f"{owner or 'Votre portefeuille'} : la cohorte propre du cabinet "
                  f"({companies(n, 'fr')} évaluée{'s' if n > 1 else ''} du {first} au {last})",
        },
        origin="portfolio",
        questionnaire=questionnaire.id,
        survey=Survey(n=n, first=dates[0] if dates else None, last=dates[-1] if dates else None,
                      publisher=owner),
        cohorts=cohorts,
        figures=figures,
    )
    return Built(cohort_file=cohort_file, skipped_files=skipped, left_out=left_out)


def _member(cond: Condition | None, answers: dict[str, Any], questionnaire: Questionnaire) -> bool:
    return evaluate(cond, answers, questionnaire)


def to_yaml(cohort_file: CohortFile) -> str:
    """The cohort file as YAML, with a header saying what it is and where it comes from."""
    from cxmaturity.formats.yamlio import dump

    data = cohort_file.model_dump(mode="json", by_alias=True, exclude_none=True)
    header = (
        f"# A cohort built by `cxmaturity cohorts build` from {companies(cohort_file.survey.n or 0)} assessed\n"
        f"# ({cohort_file.survey.first} to {cohort_file.survey.last}). It holds shares only: no company\n"
        "# name, id or note. Use it with --cohorts FILE beside the report's cohorts.\n"
    )
    return header + dump(data)
