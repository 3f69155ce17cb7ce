"""The roadmap recommendation: which playbook fits a company, where it stands, what comes next.

Pure functions over the models: no printing, no file access. The playbooks come from the
`register_playbooks` hook (the built-in plugin ships Rakuten and Orange Bank).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .conditions import evaluate
from .models import (
    Condition,
    NextAction,
    Phase,
    PhaseStatus,
    Playbook,
    Questionnaire,
    RoadmapResult,
    tr,
)

# Option labels are quoted: they are capitalised on their own ("Not yet").
_IS = {"en": '{q} is "{v}"', "fr": "{q} : « {v} »"}
_UNANSWERED = {"en": "{q} has no answer", "fr": "{q} : sans réponse"}
_DIMENSION = {"en": "the {d} score is {v}", "fr": "le score {d} est de {v}"}
_UNSCORED = {"en": "the {d} score is not available", "fr": "le score {d} n'est pas disponible"}
_BECAUSE = {"en": "Chosen because {facts}.", "fr": "Choisi parce que {facts}."}
_ALWAYS = {
    "en": "Chosen because it applies to every company and no playbook of higher priority fits.",
    "fr": (
        "Choisi parce qu'il s'applique à toute entreprise et qu'aucun programme prioritaire "
        "ne convient."
    ),
}
_DEFAULT = {
    "en": "Chosen because none of the conditions that would send the company elsewhere holds.",
    "fr": (
        "Choisi parce qu'aucune des conditions qui orienteraient l'entreprise ailleurs "
        "n'est remplie."
    ),
}


def choose(
    playbooks: Iterable[Playbook],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None = None,
    dimensions: Mapping[str, float | None] | None = None,
) -> Playbook | None:
    """The first playbook whose `applies_when` holds, highest `priority` first, then by id."""
    for playbook in sorted(playbooks, key=lambda p: (-p.priority, p.id)):
        if evaluate(playbook.applies_when, answers, questionnaire, dimensions):
            return playbook
    return None


def recommend(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dimension_scores: Mapping[str, float | None] | None,
    playbooks: Iterable[Playbook],
) -> RoadmapResult | None:
    """The roadmap for a company, or None when no playbook applies.

    `answers` maps each answered question id to its value (skipped, not-applicable and
    don't-know answers left out); `dimension_scores` maps dimension ids to scores (None when
    unscored). A phase counts as completed only if it and every phase before it are done;
    the current phase is the first one that is not. Its next actions are those whose
    `needed_unless` does not hold, in the playbook's order, each with the answers that call
    for it and its evidence.
    """
    dims = dimension_scores or {}
    playbook = choose(playbooks, answers, questionnaire, dims)
    if playbook is None:
        return None

    completed: list[str] = []
    current: Phase | None = None
    for phase in playbook.phases:
        if evaluate(phase.done_when, answers, questionnaire, dims):
            completed.append(phase.id)
        else:
            current = phase
            break

    statuses = []
    for phase in playbook.phases:
        status = (
            "completed" if phase.id in completed else "current" if phase is current else "later"
        )
        statuses.append(
            PhaseStatus(id=phase.id, title=phase.title, summary=phase.summary, status=status)
        )

    return RoadmapResult(
        playbook=playbook.id,
        title=playbook.title,
        why=playbook.why,
        because=_because(playbook, answers, questionnaire, dims),
        source=playbook.source,
        phases=statuses,
        completed=completed,
        current=current.id if current else None,
        next_actions=_next_actions(current, answers, questionnaire, dims) if current else [],
        kpis=list(current.kpis) if current else [],
        constraints=list(playbook.constraints),
    )


def _next_actions(
    phase: Phase,
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> list[NextAction]:
    out: list[NextAction] = []
    for action in phase.actions:
        if action.needed_unless is not None and evaluate(
            action.needed_unless, answers, questionnaire, dims
        ):
            continue
        leaves = _failing_leaves(action.needed_unless, answers, questionnaire, dims)
        evidence = [
            e for e in phase.evidence if not action.facts or e.fact_id in action.facts
        ]
        out.append(
            NextAction(
                phase=phase.id,
                id=action.id,
                text=action.text,
                reason=action.reason or {},
                evidence=evidence,
                rank=len(out) + 1,
                gap=_describe(leaves, answers, questionnaire, dims),
                answers={c.q: answers.get(c.q) for c in leaves if c.q is not None},
            )
        )
    return out


def _because(
    playbook: Playbook,
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> dict[str, str]:
    if playbook.applies_when is None:
        return dict(_ALWAYS)
    # Name the answers the choice rested on; unanswered ones say nothing about the company.
    leaves = [
        c for c in _leaves(playbook.applies_when)
        if (c.q is not None and c.q in answers)
        or (c.dimension is not None and dims.get(c.dimension) is not None)
    ]
    if not leaves:
        return dict(_DEFAULT)
    facts = _describe(leaves, answers, questionnaire, dims)
    return {lang: _BECAUSE[lang].format(facts=facts[lang]) for lang in _BECAUSE}


def _leaves(cond: Condition | None) -> list[Condition]:
    """The tests on a question or a dimension inside `cond`, in order, without repeats."""
    if cond is None:
        return []
    out: list[Condition] = []
    seen: set[tuple] = set()
    for c in cond.walk():
        if c.q is None and c.dimension is None:
            continue
        key = (c.q, c.dimension)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _failing_leaves(
    cond: Condition | None,
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> list[Condition]:
    """The tests that stop `cond` from holding: the gap an action closes.

    Inside a `not`, every test is part of the gap, so all of them are kept; when no single
    test fails (an `any` whose parts each fail is the common case), all tests are named.
    """
    leaves = _leaves(cond)
    failing = [c for c in leaves if not evaluate(c, answers, questionnaire, dims)]
    return failing or leaves


def _describe(
    leaves: list[Condition],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> dict[str, str]:
    """Each test's current answer (or score) in words, in English and French."""
    out = {}
    for lang in ("en", "fr"):
        parts = []
        for c in leaves:
            if c.dimension is not None:
                score = dims.get(c.dimension)
                template = _UNSCORED if score is None else _DIMENSION
                parts.append(template[lang].format(d=c.dimension, v=_number(score, lang)))
            elif c.q not in answers:
                parts.append(_UNANSWERED[lang].format(q=_question_name(c.q, questionnaire, lang)))
            else:
                value = _value_label(c.q, answers[c.q], questionnaire, lang)
                parts.append(_IS[lang].format(q=_question_name(c.q, questionnaire, lang), v=value))
        out[lang] = "; ".join(parts)
    return out


def _question_name(qid: str, questionnaire: Questionnaire | None, lang: str) -> str:
    """The question as the client reads it (its short form, else its text); the id only
    when no questionnaire is at hand. Ids such as `profile.industry` mean nothing to a client."""
    question = questionnaire.question(qid) if questionnaire else None
    if question is None:
        return qid
    return tr(question.short, lang) if question.short else tr(question.text, lang)


def _value_label(qid: str, value: Any, questionnaire: Questionnaire | None, lang: str) -> str:
    question = questionnaire.question(qid) if questionnaire else None
    values = value if isinstance(value, list) else [value]
    labels = []
    for v in values:
        option = question.option(v) if question and isinstance(v, str) else None
        labels.append(tr(option.label, lang) if option else _number(v, lang))
    return ", ".join(labels)


def _number(value: Any, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text.replace(".", ",") if lang == "fr" and isinstance(value, float) else text
