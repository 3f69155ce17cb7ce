"""The roadmap recommendation: which playbook fits a company, where it stands, what comes next.

Pure functions over the models: no printing, no file access. The playbooks come from the
`register_playbooks` hook (the built-in plugin ships Rakuten, Orange Bank and the health
playbook drawn from Takeda and Sutter Health).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import (
    Condition,
    Evidence,
    NextAction,
    Phase,
    PhaseStatus,
    Playbook,
    PlaybookFit,
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
_FITS = {
    "en": "Chosen because it fits the whole profile best ({n} points on cxmaturity's scale): {facts}.",
    "fr": (
        "Choisi parce qu'il correspond le mieux à l'ensemble du profil ({n} points sur l'échelle "
        "de cxmaturity) : {facts}."
    ),
}
_NEXT = {"en": "Next best: {title} ({n} points).", "fr": "Ensuite : {title} ({n} points)."}
_GENERAL = {
    "en": (
        "Chosen as the general roadmap: no trait of the profile (sector, online sales, data "
        "practices) makes another playbook fit better."
    ),
    "fr": (
        "Choisi comme feuille de route générale : aucun trait du profil (secteur, ventes en "
        "ligne, pratiques de données) ne rend un autre programme plus adapté."
    ),
}
_GENERAL_GIVEN = {
    "en": (
        "Chosen as the general roadmap: {facts}, and no trait of the profile (sector, online "
        "sales, data practices) makes another playbook fit better."
    ),
    "fr": (
        "Choisi comme feuille de route générale : {facts}, et aucun trait du profil (secteur, "
        "ventes en ligne, pratiques de données) ne rend un autre programme plus adapté."
    ),
}
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


def weigh(
    playbooks: Iterable[Playbook],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None = None,
    dimensions: Mapping[str, float | None] | None = None,
) -> list[tuple[Playbook, float]]:
    """The playbooks the company may be given, each with its fit points, best first.

    A playbook whose `applies_when` excludes the company is left out. The fit is the sum of
    the weights of its `fit` traits that hold on the whole profile (industry, data practices,
    online share, customer knowledge…); ties go to the higher `priority`, then to the id.
    """
    out = []
    for playbook in playbooks:
        if not evaluate(playbook.applies_when, answers, questionnaire, dimensions):
            continue
        points = sum(
            f.weight for f in playbook.fit if evaluate(f.when, answers, questionnaire, dimensions)
        )
        out.append((playbook, points))
    return sorted(out, key=fit_order)


def fit_order(pair: tuple[Playbook, float]) -> tuple:
    """The order of (playbook, fit points) pairs, best first: more points, then the higher
    `priority`, then the id."""
    playbook, points = pair
    return -points, -playbook.priority, playbook.id


def choose(
    playbooks: Iterable[Playbook],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None = None,
    dimensions: Mapping[str, float | None] | None = None,
) -> Playbook | None:
    """The playbook that fits the company's whole profile best (see `weigh`), or None."""
    ranked = weigh(playbooks, answers, questionnaire, dimensions)
    return ranked[0][0] if ranked else None


def recommend(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dimension_scores: Mapping[str, float | None] | None,
    playbooks: Iterable[Playbook],
    not_applicable: Collection[str] = (),
) -> RoadmapResult | None:
    """The roadmap for a company, or None when no playbook applies.

    `answers` maps each answered question id to its value (skipped, not-applicable and
    don't-know answers left out); `not_applicable` holds the ids answered "not applicable";
    `dimension_scores` maps dimension ids to scores (None when unscored).

    A phase the company reports done (its `done_when` holds) is completed, whatever the order:
    a step done ahead of an earlier one is never shown as to come. A phase whose every answer
    is "not applicable" does not apply. The current phase is the first of the others. Its next
    actions are those whose `needed_unless` does not hold and reads no question answered "not
    applicable" (the company said the practice does not concern it), in the playbook's order,
    each with the answers that call for it and its evidence.
    """
    dims = dimension_scores or {}
    playbooks = list(playbooks)
    ranked = weigh(playbooks, answers, questionnaire, dims)
    if not ranked:
        return None
    playbook, points = ranked[0]
    skip = set(not_applicable)

    statuses = []
    completed: list[str] = []
    current: Phase | None = None
    for phase in playbook.phases:
        if evaluate(phase.done_when, answers, questionnaire, dims):
            status = "completed"
            completed.append(phase.id)
        elif rests_on(phase.done_when, skip):
            status = "not_applicable"
        elif current is None:
            status = "current"
            current = phase
        else:
            status = "later"
        statuses.append(
            PhaseStatus(id=phase.id, title=phase.title, summary=phase.summary, status=status)
        )

    return RoadmapResult(
        playbook=playbook.id,
        title=playbook.title,
        why=playbook.why,
        because=_because(playbook, points, ranked[1:], answers, questionnaire, dims),
        fit=points,
        considered=_considered(playbook, ranked[1:], playbooks, answers, questionnaire, dims),
        source=playbook.source,
        phases=statuses,
        completed=completed,
        current=current.id if current else None,
        next_actions=_next_actions(current, answers, questionnaire, dims, skip) if current else [],
        kpis=list(current.kpis) if current else [],
        constraints=[
            Evidence(text=c.text, source=c.source, confidence=c.confidence, fact_id=c.fact_id)
            for c in playbook.constraints
            if evaluate(c.when, answers, questionnaire, dims)
        ],
    )


def rests_on(cond: Condition | None, skip: set[str]) -> bool:
    """Whether every question `cond` reads was answered "not applicable" (and it reads one)."""
    asked = cond.questions() if cond is not None else []
    return bool(asked) and all(q in skip for q in asked)


def _next_actions(
    phase: Phase,
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
    skip: set[str],
) -> list[NextAction]:
    out: list[NextAction] = []
    for action in phase.actions:
        if action.needed_unless is not None and evaluate(
            action.needed_unless, answers, questionnaire, dims
        ):
            continue
        if action.needed_unless is not None and skip & set(action.needed_unless.questions()):
            continue  # the company said this does not concern it
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


def _held(
    conds: Iterable[Condition | None],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> list[Condition]:
    """The tests inside `conds` that hold for the company, without repeats: what it is."""
    out: list[Condition] = []
    seen: set[tuple] = set()
    for cond in conds:
        for c in _leaves(cond):
            key = (c.q, c.dimension)
            if key in seen:
                continue
            known = (c.q is not None and c.q in answers) or (
                c.dimension is not None and dims.get(c.dimension) is not None
            )
            if known and evaluate(c, answers, questionnaire, dims):
                seen.add(key)
                out.append(c)
    return out


def _because(
    playbook: Playbook,
    points: float,
    others: list[tuple[Playbook, float]],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> dict[str, str]:
    """Why this playbook, in both languages: the traits of the profile that made it fit, its
    points against the next best, and the playbooks the company's answers rule out."""
    traits = _held(
        [f.when for f in playbook.fit if evaluate(f.when, answers, questionnaire, dims)],
        answers, questionnaire, dims,
    )
    if points == 0 and playbook.fit and not any(n for _, n in others):
        # Nothing tips the balance: say so, with the answers that let this playbook apply.
        given = _held([playbook.applies_when], answers, questionnaire, dims) or [
            c for c in _leaves(playbook.applies_when) if c.q is not None and c.q in answers
        ]
        if not given:
            return dict(_GENERAL)
        facts = _describe(given, answers, questionnaire, dims)
        return {lang: _GENERAL_GIVEN[lang].format(facts=facts[lang]) for lang in _GENERAL_GIVEN}
    if traits:
        facts = _describe(traits, answers, questionnaire, dims)
        out = {lang: _FITS[lang].format(facts=facts[lang], n=_number(points, lang)) for lang in _FITS}
    elif playbook.applies_when is None:
        out = dict(_ALWAYS)
    else:
        # Name the answers the choice rested on; unanswered ones say nothing about the company.
        leaves = _held([playbook.applies_when], answers, questionnaire, dims) or [
            c for c in _leaves(playbook.applies_when)
            if (c.q is not None and c.q in answers)
            or (c.dimension is not None and dims.get(c.dimension) is not None)
        ]
        if leaves:
            facts = _describe(leaves, answers, questionnaire, dims)
            out = {lang: _BECAUSE[lang].format(facts=facts[lang]) for lang in _BECAUSE}
        else:
            out = dict(_DEFAULT)
    if others and others[0][1] > 0:
        runner, runner_points = others[0]
        for lang in out:
            out[lang] += " " + _NEXT[lang].format(
                title=tr(runner.title, lang), n=_number(runner_points, lang)
            )
    return out


def _considered(
    chosen: Playbook,
    others: list[tuple[Playbook, float]],
    playbooks: list[Playbook],
    answers: Mapping[str, Any],
    questionnaire: Questionnaire | None,
    dims: Mapping[str, float | None],
) -> list[PlaybookFit]:
    """The playbooks not chosen: those weighed, best first, then those set aside (with the
    answers that rule them out: a pharmaceutical company is never given a bank's steps)."""
    out = []
    for playbook, points in others:
        traits = _held(
            [f.when for f in playbook.fit if evaluate(f.when, answers, questionnaire, dims)],
            answers, questionnaire, dims,
        )
        out.append(
            PlaybookFit(
                playbook=playbook.id, title=playbook.title, fit=points,
                because=_describe(traits, answers, questionnaire, dims) if traits else {},
            )
        )
    weighed = {chosen.id} | {p.id for p, _ in others}
    for playbook in sorted(playbooks, key=lambda p: p.id):
        if playbook.id in weighed:
            continue
        # The answered tests of its gate: the answers that rule the company out.
        leaves = [
            c for c in _leaves(playbook.applies_when)
            if c.q is not None and c.q in answers
        ]
        out.append(
            PlaybookFit(
                playbook=playbook.id, title=playbook.title, set_aside=True,
                because=_describe(leaves, answers, questionnaire, dims) if leaves else {},
            )
        )
    return out


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
        out[lang] = (" ; " if lang == "fr" else "; ").join(parts)  # French spaces its ";"
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
