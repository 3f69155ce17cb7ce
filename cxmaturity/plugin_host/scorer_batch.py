"""The built-in scorers' batch method: a `QuestionScorer` over many assessments, column by column.

Each question's answers are read as one column; `step` runs once per distinct answer in the
column (a few options, against thousands of rows), and each row's finding is assembled from the
steps its answers earned, by the same `QuestionScorer.finding` as `score` (the scorer's `gate`
included). Equal to `score` row by row whenever `step` reads only the question and the value
(tests/test_batch.py and tests/test_builtin_scorers.py hold it so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxmaturity.formats.models import Finding
    from cxmaturity.plugin_host.scorer_contract import QuestionScorer, ScoringContext


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def question_scorer_batch(scorer: QuestionScorer, contexts: list[ScoringContext]) -> list[list[Finding] | None]:
    steps_of: dict[tuple[str, str, Any], Any] = {}
    columns: list[list[Any]] = []  # per question: the row's step, or None
    asked = [0] * len(contexts)
    for qid in scorer.questions:
        column = []
        for i, ctx in enumerate(contexts):
            if not ctx.applies(qid):
                column.append(_NOT_ASKED)
                continue
            asked[i] += 1
            value = ctx.value(qid)
            key = (ctx.questionnaire.id, qid, _key(value))
            if key not in steps_of:
                steps_of[key] = scorer.step(ctx, qid, value)
            column.append(steps_of[key])
        columns.append(column)
    out: list[list[Finding] | None] = []
    for i, ctx in enumerate(contexts):
        steps = [col[i] for col in columns if col[i] is not None and col[i] is not _NOT_ASKED]
        out.append([scorer.finding(ctx, steps, asked[i])])
    return out


_NOT_ASKED = object()
