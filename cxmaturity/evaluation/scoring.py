"""Running every scorer: each on its own, so that one that fails is left out and named.

A scorer is plugin code: it runs through `Registry.run` (time limit, ``sys.exit()`` caught,
prints kept off stdout), reads its own copy of the assessment (a scorer that changes it is
left out, and the next scorer gets an untouched copy), and what it returns is checked before
it is kept: valid findings of its dimension, coverage answered ≤ asked, scores and points
finite, the score within 0-100 and following from its steps.
"""

from __future__ import annotations

import math
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from cxmaturity.formats.models import Finding, PluginStatus

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry
    from cxmaturity.plugin_host.scorer_contract import Scorer, ScoringContext


class _Invalid(Exception):
    """A scorer returned something that is not a list of valid findings for its dimension."""


def _error_text(exc: Exception) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"])
        return (
            f"invalid finding: {loc}: {first['msg']}" if loc else f"invalid finding: {first['msg']}"
        )
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


#: How far a finding's score may be from what its steps give (the score is rounded to 0.1).
_SCORE_TOLERANCE = 0.051


def _consistency(finding: Finding) -> str | None:
    """What makes `finding` impossible (its numbers do not add up), or None."""
    cov = finding.coverage
    if cov.answered > cov.asked:
        return f"coverage says {cov.answered} answered of {cov.asked} asked"
    if finding.score is not None and not math.isfinite(finding.score):
        return f"score {finding.score} is not a number from 0 to 100"
    for i, step in enumerate(finding.steps):
        if not (math.isfinite(step.points) and math.isfinite(step.max_points)):
            return f"steps.{i}: points {step.points} of {step.max_points} are not finite"
        if not 0 <= step.points <= step.max_points:
            return f"steps.{i}: {step.points:g} points out of at most {step.max_points:g}"
    if finding.score is not None and finding.steps:
        expected = 100 * sum(s.points for s in finding.steps) / sum(s.max_points for s in finding.steps)
        if abs(finding.score - expected) > _SCORE_TOLERANCE:
            return f"score {finding.score:g} does not follow from its steps ({expected:.1f})"
    return None


def _checked(scorer: Scorer, returned: Any) -> list[Finding]:
    """`returned` as findings of `scorer`, or _Invalid saying what is wrong with it."""
    if not isinstance(returned, (list, tuple)):
        raise _Invalid(f"score() returned {type(returned).__name__}, not a list of findings")
    findings = []
    for i, item in enumerate(returned):
        if isinstance(item, Finding):
            # Re-validate: a Finding built with model_construct or mutated skips its checks.
            item = Finding.model_validate(item.model_dump())
        elif isinstance(item, dict):
            item = Finding.model_validate(item)
        else:
            raise _Invalid(f"score() returned {type(item).__name__} at position {i}, not a Finding")
        if item.dimension != scorer.dimension:
            raise _Invalid(
                f"score() returned a finding for dimension '{item.dimension}'; "
                f"scorer '{scorer.name}' scores '{scorer.dimension}'"
            )
        problem = _consistency(item)
        if problem:
            raise _Invalid(f"impossible finding at position {i}: {problem}")
        findings.append(item)
    return findings


def _copy(model):
    """A deep copy of a pydantic model: re-validating its dump is about twice as fast as
    ``model_copy(deep=True)`` (perf/scoring_speed.py), and gives an equal model."""
    try:
        return type(model).model_validate(model.model_dump())
    except ValidationError:  # a model built without validation: copy it as it is
        return model.model_copy(deep=True)


def run_scorers(
    registry: Registry,
    ctx: ScoringContext,
    scorers: list[Scorer] | None = None,
    precomputed: dict[str, list[Finding]] | None = None,
) -> tuple[list[Finding], list[PluginStatus]]:
    """Every scorer's findings, sorted by (dimension, scorer), and the status of each plugin
    whose scorers ran (with the reason when one failed). A scorer that raises or returns
    something invalid contributes nothing; the failure is recorded in `registry` (which
    raises `PluginError` under strict). `scorers`: those to run (default: every registered one;
    `applies.scorers_for` picks those of a questionnaire). `precomputed` holds, by scorer name,
    findings a scorer's batch method already gave for this context; they are checked like any
    others, and that scorer is not called."""
    findings: list[Finding] = []
    used: set[str] = set()
    scorers = registry.scorers if scorers is None else scorers
    original = ctx.assessment
    # What the scorers were given, to tell whether one changed its copy: comparing dumps is
    # several times faster than comparing the models (perf/scoring_speed.py).
    given = (original.model_dump(), [c.model_dump() for c in ctx.cohorts])
    # The scorers' copy, shared while none changes it; renewed after one did, and on a new
    # worker thread (the old one was abandoned over the time limit and may still hold it).
    shared: dict[str, Any] = {"ctx": None, "thread": None}

    def changed(own: ScoringContext) -> bool:
        try:
            return (own.assessment.model_dump(), [c.model_dump() for c in own.cohorts]) != given
        except Exception:  # something put in it that does not even dump
            return True

    def scoring(scorer: Scorer):
        # Runs on the plugin worker: checking what score() returned reads the plugin's own
        # objects (a Finding subclass may override anything), so it is guarded as well.
        def call() -> tuple[str, Any]:
            own, thread = shared["ctx"], threading.get_ident()
            if own is None or shared["thread"] != thread:
                own = replace(ctx, assessment=_copy(original), cohorts=[_copy(c) for c in ctx.cohorts])
                shared.update(ctx=own, thread=thread)
            try:
                returned = scorer.score(own)
            finally:
                if changed(own):
                    shared["ctx"] = None
            if shared["ctx"] is None:
                return "changed", "changed the assessment it was given"
            try:
                return "found", _checked(scorer, returned)
            except Exception as exc:  # reported as invalid, with what is wrong
                return "invalid", _error_text(exc)

        return call

    def checking(scorer: Scorer, ready: list[Finding]):
        def call() -> tuple[str, Any]:
            try:
                return "found", _checked(scorer, ready)
            except Exception as exc:  # reported as invalid, with what is wrong
                return "invalid", _error_text(exc)

        return call

    calls = []
    for scorer in scorers:
        plugin = registry.owner("scorers", scorer.name) or scorer.name
        used.add(plugin)
        ready = precomputed.get(scorer.name) if precomputed else None
        call = scoring(scorer) if ready is None else checking(scorer, ready)
        calls.append((plugin, f"in score ({scorer.name})", call))
    for scorer, (plugin, _, _), (outcome, error) in zip(scorers, calls, registry.run_each(calls), strict=True):
        if error is None and outcome[0] != "found":
            error = outcome[1]
        if error is not None:  # isolation: a failing scorer is left out, the rest still run
            registry.fail(plugin, f"failed in score ({scorer.name}): {error}", getattr(error, "exc", None))
            continue
        found = outcome[1]
        for finding in found:
            # The registered name is authoritative, so that findings sort and attribute reliably.
            findings.append(finding.model_copy(update={"scorer": scorer.name}))
    findings.sort(key=lambda f: (f.dimension, f.scorer))
    statuses = []
    for name in sorted(used):
        info = registry.plugin(name)
        status = info.status() if info is not None else PluginStatus(name=name, origin="folder")
        statuses.append(status)
    return findings, statuses


def checked_findings(scorer: Scorer, returned: Any) -> list[Finding]:
    """`returned` as valid findings of `scorer`, attributed to it; raises when invalid.

    For re-scoring an assessment whose open answers were filled in: the main run has already
    reported any scorer that fails."""
    if isinstance(returned, list) and all(
        isinstance(f, Finding) and f.dimension == scorer.dimension and f.scorer == scorer.name for f in returned
    ):
        # The main run validated this scorer's findings in full; a re-score of the same
        # assessment with a few answers filled in is trusted to keep their shape.
        return returned
    return [f.model_copy(update={"scorer": scorer.name}) for f in _checked(scorer, returned)]
