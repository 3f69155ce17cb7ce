"""From an assessment to its judgement: cohort placement, scorers, the stage model, the roadmap, one pipeline."""
