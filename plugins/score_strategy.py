"""Built-in scorer: what the company expects AI to do for its customer strategy (Figure 3).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: nearly every respondent agrees with both aims (94% and 82%), so plain agreement is only
# halfway; strong agreement is what sets a company apart, and disagreeing scores nothing.
AGREEMENT = {"strongly_disagree": 0, "disagree": 0, "neutral": 1, "agree": 2, "strongly_agree": 4}

# Why: the report's leaders pair efficiency with customer proximity, and proximity is what
# separates them from the rest, so it weighs twice as much as efficiency.
WEIGHTS = {"strategy.efficiency": 1, "strategy.proximity": 2}

QUESTIONS = {
    "strategy.efficiency": {"en": "efficiency as an aim of AI",
                            "fr": "l'efficacité comme objectif de l'IA"},
    "strategy.proximity": {"en": "customer proximity as an aim of AI",
                           "fr": "la proximité client comme objectif de l'IA"},
}

# A question that weighs more says so in the finding's text.
COUNTS_DOUBLE = {"en": "{label} (counts double): {option}", "fr": "{label} (compte double) : {option}"}


class StrategyScorer(PointsScorer):
    """Scores the strategic aims given to AI, customer proximity weighing double, 0-100."""

    name = dimension = "strategy"
    version = "1"
    subject = {"en": "strategy", "fr": "la stratégie"}
    points = {qid: Points(label, AGREEMENT, weight=WEIGHTS[qid], say=COUNTS_DOUBLE if WEIGHTS[qid] > 1 else None)
              for qid, label in QUESTIONS.items()}


@hookimpl
def register_scorers(register):
    register(StrategyScorer())
