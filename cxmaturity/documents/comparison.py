"""Two assessments of the same company, and what changed between them.

Both are scored the same way (same plugins, cohorts and stage model); the comparison holds the
overall and per-dimension score and stage changes, the answers that changed (labels in both
languages), the cohort verdicts gained or lost, cohorts joined or left, and the roadmap phases
completed in between. Two versions of a questionnaire are compared through the `replaces:`
mapping the newer one declares (old question id → new id); question ids are the newer one's.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from cxmaturity.documents.score_change import ScoreChangeMixin
from cxmaturity.errors import CxError
from cxmaturity.formats.models import Answer, Assessment, Question, Questionnaire, Result, tr
from cxmaturity.words.comparison import DROPPED

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry

VERDICT_RANK = {"behind": 0, "level": 1, "ahead": 2}


def state_word(state: str, lang: str) -> str:
    """An answer state in words: the same table as the summary's (words/labels.py)."""
    from cxmaturity.words.labels import labels

    return labels(lang)[f"state.{state}"]


@dataclass(frozen=True)
class ScoreChange(ScoreChangeMixin):
    """The overall result or one dimension: score and stage before and after."""

    SCORES = ("old_score", "new_score")

    id: str
    label: dict[str, str]
    old_score: float | None
    new_score: float | None
    old_stage: str | None
    new_stage: str | None


@dataclass(frozen=True)
class AnswerChange:
    """One question answered differently: its text and both answers as labels (en and fr)."""

    question: str
    old_question: str
    text: dict[str, str]
    old: dict[str, str]
    new: dict[str, str]
    old_value: Any = None
    new_value: Any = None


@dataclass(frozen=True)
class VerdictChange:
    """A cohort verdict on a question that moved: `gained` when it improved."""

    cohort: str
    cohort_label: dict[str, str]
    question: str
    text: dict[str, str]
    old: str | None
    new: str | None
    gained: bool


@dataclass
class Comparison:
    """Everything `cxmaturity compare` shows."""

    company: dict[str, str]
    other_company: dict[str, str] | None
    old_date: str
    new_date: str
    old_questionnaire: str
    new_questionnaire: str
    tool_version: str
    model: dict[str, Any]
    stage_labels: dict[str, dict[str, str]]
    overall: ScoreChange
    dimensions: list[ScoreChange] = field(default_factory=list)
    answers: list[AnswerChange] = field(default_factory=list)
    verdicts: list[VerdictChange] = field(default_factory=list)
    joined: list[dict[str, str]] = field(default_factory=list)
    left: list[dict[str, str]] = field(default_factory=list)
    playbook: dict[str, str] | None = None
    old_playbook: dict[str, str] | None = None
    phases_completed: list[dict[str, Any]] = field(default_factory=list)
    cohort_sources: list[dict[str, Any]] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data (what `--format json` prints)."""
        data = asdict(self)
        data["overall"]["change"] = self.overall.change
        for d, obj in zip(data["dimensions"], self.dimensions, strict=True):
            d["change"] = obj.change
        return data


# --- question mapping --------------------------------------------------------------------


def question_map(old: Questionnaire, new: Questionnaire) -> dict[str, str]:
    """Old question id → new question id, for every old question that has a counterpart.

    The same questionnaire maps each id to itself. A newer version must declare
    ``replaces: {id, version, questions}`` naming the older one; questions it does not list
    keep their id where the newer questionnaire still has it. Two questionnaires without such
    a mapping, one of which asks only questions of the other the same way (the quick check
    and the full assessment: same ids, types and options), are compared on those questions.
    """
    if (old.id, old.version) == (new.id, new.version):
        return {q.id: q.id for q in old.questions}
    rep = new.replaces
    if rep is None or (rep.id, rep.version) != (old.id, old.version):
        shared = shared_questions(old, new)
        if old.id != new.id and shared and len(shared) == min(len(old.questions), len(new.questions)):
            return {qid: qid for qid in shared}
        hint = ""
        if old.replaces is not None and (old.replaces.id, old.replaces.version) == (new.id, new.version):
            hint = " (OLD is the newer one: give the older assessment first)"
        raise CxError(
            f"cannot compare '{old.id}' v{old.version} with '{new.id}' v{new.version}: "
            f"'{new.id}' v{new.version} declares no `replaces:` mapping from it{hint}"
        )
    out = {}
    for q in old.questions:
        target = rep.questions.get(q.id, q.id)
        if new.question(target) is not None:
            out[q.id] = target
    return out


def shared_questions(old: Questionnaire, new: Questionnaire) -> list[str]:
    """The ids of the questions both questionnaires ask the same way: same id, type and
    option ids (so that an answer to one is an answer to the other)."""
    out = []
    for q in old.questions:
        other = new.question(q.id)
        if other is not None and other.type == q.type and other.option_ids == q.option_ids:
            out.append(q.id)
    return out


# --- answers -----------------------------------------------------------------------------


def _words(question: Question | None, answer: Answer | None, lang: str) -> str:
    if answer is None:
        return state_word("unanswered", lang)
    if answer.state != "answered":
        return state_word(answer.state, lang)
    values = answer.value if isinstance(answer.value, list) else [answer.value]
    if question is not None and question.options:
        sep = " ; " if lang == "fr" else "; "
        return sep.join(tr(o.label, lang) if (o := question.option(str(v))) else str(v) for v in values) or "-"
    if question is not None and question.unit and isinstance(answer.value, (int, float)):
        return f"{answer.value:g} {question.unit}"
    return ", ".join(str(v) for v in values)


def _short(question: Question, lang: str) -> str:
    """The question's short form where it has one (tables), else its full text."""
    short = getattr(question, "short", None)
    return tr(short, lang) if short else tr(question.text, lang)


def _same(a: Answer | None, b: Answer | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.state != b.state:
        return False
    if isinstance(a.value, list) and isinstance(b.value, list):
        return sorted(a.value) == sorted(b.value)  # a multi answer is a set
    return a.value == b.value


def answer_changes(
    old: Assessment, new: Assessment, old_q: Questionnaire, new_q: Questionnaire, mapping: dict[str, str]
) -> list[AnswerChange]:
    """The questions of the newer questionnaire answered differently, in the order asked.

    A value is compared as given: an option kept under the same id across versions counts
    as the same answer.
    """
    back = {new_id: old_id for old_id, new_id in mapping.items()}
    # A quick check against a full assessment: only the questions both ask are compared (the
    # others were never asked the first time, which is not a change of answer).
    variants = old_q.id != new_q.id and (old_q.replaces is None and new_q.replaces is None)
    out = []
    for question in new_q.questions:
        old_id = back.get(question.id)
        if variants and old_id is None:
            continue
        before = old.answers.get(old_id) if old_id else None
        after = new.answers.get(question.id)
        if _same(before, after):
            continue
        old_question = old_q.question(old_id) if old_id else None
        out.append(AnswerChange(
            question=question.id,
            old_question=old_id or "",
            text={lang: _short(question, lang) for lang in ("en", "fr")},
            old={lang: _words(old_question, before, lang) for lang in ("en", "fr")},
            new={lang: _words(question, after, lang) for lang in ("en", "fr")},
            old_value=before.value if before else None,
            new_value=after.value if after else None,
        ))
    # Answers to questions the newer version no longer asks: shown, so nothing vanishes silently.
    for question in old_q.questions:
        before = old.answers.get(question.id)
        if question.id in mapping or before is None:
            continue
        out.append(AnswerChange(
            question="", old_question=question.id,
            text={lang: _short(question, lang) for lang in ("en", "fr")},
            old={lang: _words(question, before, lang) for lang in ("en", "fr")},
            new={lang: DROPPED[lang] for lang in ("en", "fr")},
            old_value=before.value,
        ))
    return out


# --- results -----------------------------------------------------------------------------


def _score_changes(old: Result, new: Result) -> list[ScoreChange]:
    before = {d.id: d for d in old.dimensions}
    after = {d.id: d for d in new.dimensions}
    order = [d.id for d in new.dimensions] + [d for d in before if d not in after]
    out = []
    for dim in order:
        a, b = before.get(dim), after.get(dim)
        out.append(ScoreChange(
            id=dim, label=(b or a).label,
            old_score=a.score if a else None, new_score=b.score if b else None,
            old_stage=a.stage if a else None, new_stage=b.stage if b else None,
        ))
    return out


def verdict_changes(old: Result, new: Result, mapping: dict[str, str], new_q: Questionnaire) -> list[VerdictChange]:
    """Cohort verdicts (ahead, level, behind) that moved on a question, by cohort then question.

    A placement that appears or disappears (the question was answered only once, or the
    company joined or left the cohort) counts when it is ahead: gaining or losing "ahead".
    """
    def key(p, ids=None):
        return (p.cohort, ids.get(p.question, p.question) if ids else p.question)

    before = {key(p, mapping): p for p in old.placements if p.verdict != "no_benchmark"}
    after = {key(p): p for p in new.placements if p.verdict != "no_benchmark"}
    labels = {c.id: c.label for c in [*old.cohorts, *new.cohorts]}
    order = {q.id: i for i, q in enumerate(new_q.questions)}
    # Cohorts in the order the result lists them (the report's first, then --cohorts files).
    rank = {cid: i for i, cid in enumerate(dict.fromkeys(c.id for c in [*new.cohorts, *old.cohorts]))}

    def sort_key(k: tuple[str, str]) -> tuple:
        return (rank.get(k[0], len(rank)), k[0], order.get(k[1], len(order)), k[1])

    out = []
    for k in sorted(set(before) | set(after), key=sort_key):
        a, b = before.get(k), after.get(k)
        va, vb = (a.verdict if a else None), (b.verdict if b else None)
        if va == vb:
            continue
        if va is None or vb is None:
            if "ahead" not in (va, vb):
                continue
            gained = vb == "ahead"
        else:
            gained = VERDICT_RANK[vb] > VERDICT_RANK[va]
        question = new_q.question(k[1])
        out.append(VerdictChange(
            cohort=k[0], cohort_label=labels.get(k[0], {"en": k[0], "fr": k[0]}), question=k[1],
            text={lang: _short(question, lang) if question else k[1] for lang in ("en", "fr")},
            old=va, new=vb, gained=gained,
        ))
    return out


def _memberships(old: Result, new: Result) -> tuple[list[dict], list[dict]]:
    before = {c.id: c for c in old.cohorts if c.member}
    after = {c.id: c for c in new.cohorts if c.member}

    def describe(c) -> dict[str, str]:
        return {"id": c.id, **{f"label_{k}": v for k, v in c.label.items()}}

    joined = [describe(c) for i, c in after.items() if i not in before]
    left = [describe(c) for i, c in before.items() if i not in after]
    return joined, left


def _phases(old: Result, new: Result, registry: Registry) -> tuple[dict | None, dict | None, list[dict]]:
    """(new playbook, old playbook if it differs, phases completed since) with titles."""
    playbooks = {p.id: p for p in getattr(registry, "playbooks", [])}

    def describe(roadmap) -> dict | None:
        if roadmap is None:
            return None
        return {"id": roadmap.playbook, **{f"title_{k}": v for k, v in roadmap.title.items()}}

    if new.roadmap is None:
        return None, describe(old.roadmap), []
    same = old.roadmap is not None and old.roadmap.playbook == new.roadmap.playbook
    done_before = set(old.roadmap.completed) if same else set()
    book = playbooks.get(new.roadmap.playbook)
    titles = {ph.id: ph.title for ph in book.phases} if book else {}
    completed = [
        {"id": ph, "title": titles.get(ph, {"en": ph, "fr": ph})}
        for ph in new.roadmap.completed if ph not in done_before
    ]
    return describe(new.roadmap), None if same else describe(old.roadmap), completed


def compare(
    old: Assessment,
    new: Assessment,
    old_q: Questionnaire,
    new_q: Questionnaire,
    registry: Registry,
    model: Any = None,
    force: bool = False,
) -> Comparison:
    """Score both assessments and say what changed from `old` to `new`.

    Raises CxError when the companies differ (unless `force`) or when the questionnaires
    cannot be mapped onto each other.
    """
    from cxmaturity._version import __version__
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.evaluation.stages import load_stage_model

    if old.company.id != new.company.id and not force:
        raise CxError(
            f"OLD is company '{old.company.id}' and NEW is company '{new.company.id}': "
            "use --force to compare two different companies"
        )
    mapping = question_map(old_q, new_q)
    model = model or load_stage_model()
    before = evaluate(old, old_q, registry, model)
    after = evaluate(new, new_q, registry, model)
    playbook, old_playbook, completed = _phases(before, after, registry)
    joined, left = _memberships(before, after)
    return Comparison(
        company={"id": new.company.id, "name": new.company.name},
        other_company=None if old.company.id == new.company.id else {"id": old.company.id, "name": old.company.name},
        old_date=_date(before),
        new_date=_date(after),
        old_questionnaire=f"{old_q.id} v{old_q.version}",
        new_questionnaire=f"{new_q.id} v{new_q.version}",
        tool_version=__version__,
        model={"id": model.id, "version": model.version, "title": model.title},
        stage_labels={s.id: s.label for s in model.stages},
        overall=ScoreChange(
            id="overall", label={"en": "Overall", "fr": "Global"},
            old_score=before.overall.score, new_score=after.overall.score,
            old_stage=before.overall.stage, new_stage=after.overall.stage,
        ),
        dimensions=_score_changes(before, after),
        answers=answer_changes(old, new, old_q, new_q, mapping),
        verdicts=verdict_changes(before, after, mapping, new_q),
        joined=joined,
        left=left,
        playbook=playbook,
        old_playbook=old_playbook,
        phases_completed=completed,
        cohort_sources=after.cohort_sources,
        plugins=[f"{p.name} {p.version or '?'}" for p in after.plugins if p.origin != "built-in"],
    )


def _date(result: Result) -> str:
    return result.assessed.date().isoformat() if result.assessed else "?"
