"""How long scoring one assessment with every built-in scorer takes, models already loaded.

Run by hand: `.venv/bin/python perf/scoring_speed.py [ASSESSMENT] [--runs N]`. Prints the
median over N runs (1,000 by default) and exits 1 if it is above the 2 ms budget. Also prints,
for information, the median of a whole evaluation (cohorts, scorers, the stage with its range
from the open questions at their worst and best, roadmap) over N / 10 runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from cxmaturity.bundled import bundled
from cxmaturity.loader import load_assessment, load_questionnaire
from cxmaturity.plugins import load_registry, plugin_name
from cxmaturity.scorer import ScoringContext

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assessment", nargs="?", default=ROOT / "examples" / "assessments" / "maple-mart.yaml")
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()

    questionnaire = load_questionnaire(bundled("questionnaires") / "cx-ai-2018.yaml")
    assessment = load_assessment(args.assessment, questionnaire)
    registry = load_registry()
    builtin = {plugin_name(p.stem) for p in bundled("plugins").glob("score_*.py")}
    scorers = [s for s in registry.scorers if registry.owner("scorers", s.name) in builtin]

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        # A fresh context each run: what one assessment costs, answers re-read included.
        ctx = ScoringContext(assessment=assessment, questionnaire=questionnaire, language=assessment.language)
        for scorer in scorers:
            scorer.score(ctx)
        times.append(time.perf_counter() - start)
    median_ms = statistics.median(times) * 1000
    p95_ms = sorted(times)[int(0.95 * len(times))] * 1000
    print(
        f"scoring one assessment with {len(scorers)} built-in scorers: median {median_ms:.3f} ms "
        f"over {args.runs} runs (p95 {p95_ms:.3f} ms, budget {BUDGET_MS} ms)"
    )
    from cxmaturity.evaluate import evaluate

    whole = []
    for _ in range(max(1, args.runs // 10)):
        start = time.perf_counter()
        evaluate(assessment, questionnaire, registry)
        whole.append(time.perf_counter() - start)
    print(f"evaluating it whole (stage and its range included): median "
          f"{statistics.median(whole) * 1000:.3f} ms over {len(whole)} runs")
    return 0 if median_ms <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
