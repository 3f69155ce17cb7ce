"""Every hook a plugin can implement. Each docstring is that hook's contract.

Hooks evolve by adding arguments, never by changing them: an implementation may take any
subset of a hook's arguments (pluggy passes only those it names).
"""

from __future__ import annotations

import pluggy

PROJECT = "cxmaturity"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_scorers(register):
    """Register scorers: call ``register(scorer)`` once per scorer.

    A scorer is a ``cxmaturity.Scorer`` (subclass it): a unique kebab-case ``name``, the
    ``dimension`` it scores, and ``score(ctx) -> list[Finding]``. Called once each time an
    assessment is scored, before any scorer runs. Added in 0.1.0.

    Optionally a scorer also has ``score_batch(contexts) -> list[list[Finding] | None]``: the
    findings of many contexts at once (``cxmaturity batch``), each equal to what ``score``
    gives that context, None to leave one to ``score``. Without it, ``batch`` runs ``score``
    row by row and says which scorers ran that way. ``QuestionScorer`` provides one.
    """


@hookspec
def register_questionnaires(register):
    """Register questionnaires: call ``register(path)`` with a questionnaire YAML file
    (or ``register(questionnaire)`` with a ``cxmaturity.Questionnaire``).

    Called when the tool looks questionnaires up (``questionnaires``, ``assess``, ``validate``…).
    An id and version already registered by another plugin is rejected. Added in 0.1.0.
    """


@hookspec
def register_cohorts(register):
    """Register cohort data: call ``register(path)`` with a cohort YAML file (the format of
    ``benchmarks/cohorts/``), or ``register(cohort_file)`` with a ``cxmaturity.CohortFile``.

    Called before an assessment is placed against cohorts. Added in 0.1.0.
    """


@hookspec
def register_playbooks(register):
    """Register roadmap playbooks: call ``register(path)`` with a playbook YAML file (the
    format of ``benchmarks/playbooks/``), or ``register(playbook)`` with a ``cxmaturity.Playbook``.

    Called before the roadmap is chosen: among the playbooks whose ``applies_when`` holds, the
    one whose ``fit`` traits score the most on the company's profile is recommended (ties:
    highest ``priority``, then id). Added in 0.1.0.
    """
