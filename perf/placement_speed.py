"""How long placing one assessment against the cohorts takes, models already loaded.

Run by hand: ``python perf/placement_speed.py [ASSESSMENT] [--runs N]``. Prints the median of
N runs (default 1,000) of ``memberships`` + ``place`` on an example assessment with the bundled
cohort files, and the first run of each example, which builds the index and works out every
placement (later runs with the same answers reuse them), then the median of 50 such first runs
(every cache emptied each time), steadier than one first run on a busy machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from cxmaturity import catalog, cohorts
from cxmaturity.loader import load_assessment
from cxmaturity.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "assessments"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assessment", nargs="?", default=str(EXAMPLES / "maple-mart.yaml"))
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()

    registry = load_registry()
    files = registry.cohort_files
    assessment_path = Path(args.assessment)
    first = load_assessment(assessment_path)
    questionnaire = catalog.find(first.questionnaire.id, first.questionnaire.version, registry=registry)

    # The first run of every example: empty caches each time.
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assessment = load_assessment(path, questionnaire)
        cohorts._PLANS.clear()
        start = time.perf_counter()
        ms = cohorts.memberships(assessment, questionnaire, files)
        placements, statements = cohorts.place(assessment, questionnaire, files, ms)
        cold = (time.perf_counter() - start) * 1000
        print(f"first run   {path.name:28} {cold:7.3f} ms  {len(placements):3} placements, "
              f"{len(statements):2} statements")

    assessment = load_assessment(assessment_path, questionnaire)
    answers = assessment.answered()
    cold = []
    for _ in range(50):
        cohorts._PLANS.clear()
        start = time.perf_counter()
        cohorts.place(answers, questionnaire, files, cohorts.memberships(answers, questionnaire, files))
        cold.append(time.perf_counter() - start)
    print(f"median of 50 first runs, {assessment_path.name}: {statistics.median(cold) * 1000:.3f} ms")
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        ms = cohorts.memberships(answers, questionnaire, files)
        cohorts.place(answers, questionnaire, files, ms)
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"median of {args.runs} runs, {assessment_path.name}: {median:.3f} ms (memberships + place)")


if __name__ == "__main__":
    main()
