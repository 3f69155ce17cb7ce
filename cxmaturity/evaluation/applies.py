"""What applies to a questionnaire: the one place that picks, among everything the plugins
registered, the scorers and cohort files an evaluation uses.

A plugin questionnaire that stands alone is not the 2018 survey: its summary shows no survey
cohort, no survey statement, and none of the built-in dimensions as "0 of 0". One that extends
another (``extend:``) keeps the base's ids, so what applies to the base applies to it too.

- a cohort file applies to the questionnaire it names, to those that extend it, and to a
  variant that asks some of the questions its figures are on under the same ids and options
  (``cx-ai-2018-quick`` copies its fourteen questions from ``cx-ai-2018``);
- a scorer applies when the questionnaire asks at least one of the questions it reads
  (``Scorer.questions``); a scorer that declares none applies everywhere;
- a playbook applies when the questionnaire asks at least one question its conditions name
  (a case-study roadmap built on the survey's answers says nothing to a questionnaire that
  asks none of them); a playbook whose conditions name no question applies everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from cxmaturity.formats.models import Questionnaire
    from cxmaturity.plugin_host.manager import Registry


# Registry → (what, questionnaire id) → (questionnaire, answer): a portfolio evaluates thousands
# of assessments of one questionnaire against one registry, whose contents never change.
_MEMO: WeakKeyDictionary = WeakKeyDictionary()


def _memo(what: str, questionnaire: Questionnaire, registry: Registry, compute: Callable[[], Any]) -> Any:
    per = _MEMO.setdefault(registry, {})
    hit = per.get((what, id(questionnaire)))
    if hit is None or hit[0] is not questionnaire:
        hit = (questionnaire, compute())
        per[(what, id(questionnaire))] = hit
    return list(hit[1])  # a copy: callers may sort or filter it


def scorers_for(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    """The registered scorers that apply to `questionnaire`, sorted by name."""
    return _memo("scorers", questionnaire, registry, lambda: _scorers(questionnaire, registry))


def _scorers(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    return [
        s for s in registry.scorers
        if not s.questions or any(questionnaire.question(qid) is not None for qid in s.questions)
    ]


def playbooks_for(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    """The registered playbooks that apply to `questionnaire`, sorted by id."""
    return _memo("playbooks", questionnaire, registry, lambda: _playbooks(questionnaire, registry))


def _playbooks(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    out = []
    for playbook in registry.playbooks:
        named = set()
        conditions = [playbook.applies_when] + [p.done_when for p in playbook.phases]
        conditions += [a.needed_unless for p in playbook.phases for a in p.actions]
        for condition in conditions:
            if condition is not None:
                named.update(condition.questions())
        if not named or any(questionnaire.question(qid) is not None for qid in named):
            out.append(playbook)
    return out


def plugins_for(questionnaire: Questionnaire, registry: Registry, cohort_files: list, playbooks: list) -> set[str]:
    """The plugins behind what an evaluation of `questionnaire` used, besides its scorers: the
    questionnaire and those it extends, its cohort files and playbooks."""
    from cxmaturity.formats.extension import key

    owners = {registry.owner("questionnaires", key(questionnaire.id, questionnaire.version))}
    base = questionnaire.extend
    while base is not None and key(base.id, base.version) not in owners:
        owners.add(registry.owner("questionnaires", key(base.id, base.version)))
        found = next((q for q in registry.questionnaires if (q.id, q.version) == (base.id, base.version)), None)
        base = found.extend if found is not None else None
    owners |= {registry.owner("cohorts", c.id) for c in cohort_files}
    owners |= {registry.owner("playbooks", p.id) for p in playbooks}
    return {o for o in owners if o}


def cohort_files_for(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    """The cohort files that apply to `questionnaire` (``--cohorts`` files included), by id."""
    return _memo("cohorts", questionnaire, registry, lambda: _cohort_files(questionnaire, registry))


def _cohort_files(questionnaire: Questionnaire, registry: Registry) -> list[Any]:
    from cxmaturity.formats.extension import lineage
    from cxmaturity.plugin_host import catalog

    ids = set(lineage(questionnaire, lambda id_, v: catalog.find(id_, v, registry=registry)))
    return [c for c in registry.cohort_files if c.questionnaire in ids or _variant(questionnaire, c)]


def _variant(questionnaire: Questionnaire, cohort_file: Any) -> bool:
    """Whether `questionnaire` asks a question a figure of `cohort_file` is on, with every
    option the figure counts: the same id meaning the same question."""
    for figure in cohort_file.figures:
        question = questionnaire.question(figure.question)
        named = set(figure.options or ()) | set(figure.distribution or ())
        if question is not None and named <= set(question.option_ids):
            return True
    return False
