"""Running every scorer: each on its own, so that one that fails is left out and named."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .models import Finding, PluginStatus

if TYPE_CHECKING:
    from .plugins import Registry
    from .scorer import Scorer, ScoringContext


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
        findings.append(item)
    return findings


def run_scorers(
    registry: Registry, ctx: ScoringContext, precomputed: dict[str, list[Finding]] | None = None
) -> tuple[list[Finding], list[PluginStatus]]:
    """Every scorer's findings, sorted by (dimension, scorer), and the status of each plugin
    whose scorers ran (with the reason when one failed). A scorer that raises or returns
    something invalid contributes nothing; the failure is recorded in `registry` (which
    raises `PluginError` under strict). `precomputed` holds, by scorer name, findings a
    scorer's batch method already gave for this context; they are checked like any others."""
    findings: list[Finding] = []
    used: set[str] = set()
    for scorer in registry.scorers:
        plugin = registry.owner("scorers", scorer.name) or scorer.name
        used.add(plugin)
        try:
            given = precomputed.get(scorer.name) if precomputed else None
            found = _checked(scorer, given if given is not None else scorer.score(ctx))
        except Exception as exc:  # isolation: a failing scorer is left out, the rest still run
            message = f"failed in score ({scorer.name}): {_error_text(exc)}"
            registry.fail(plugin, message)
            continue
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
