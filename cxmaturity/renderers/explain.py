"""`explain`: how a dimension's score, or the overall stage, follows from the answers.

Prints every input and every step, so that a reader (and a test) can redo the arithmetic: each
step's points out of its maximum, the sums, the score; the weights and the weighted mean for the
overall stage; the stage thresholds; and the cohort numbers with their sources.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from cxmaturity.documents.summary import Content
from cxmaturity.errors import CxError
from cxmaturity.formats.models import Questionnaire, Result, StageModel, tr
from cxmaturity.words.numbers import exact, num
from cxmaturity.words.sources import source_words


def _title(text: str) -> Rule:
    return Rule(Text(text, style="bold"), align="left", style="dim")


def _thresholds(c: Content, score: float | None, held: str | None = None) -> RenderableType:
    L = c.L
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(L["stage"])
    table.add_column(L["from_score"], justify="right")
    table.add_column("")
    stages = c.stages()
    reached = None
    if score is not None:
        reached = max((s for s in stages if score >= s[2]), key=lambda s: s[2], default=None)
        if held is not None:
            # A stage held back by a requirement, and those above it, are not reached.
            below = [s for s in stages if s[2] < next((x[2] for x in stages if x[0] == held), 101)]
            reached = max((s for s in below if score >= s[2]), key=lambda s: s[2], default=None)
    for sid, label, low in stages:
        if sid == held:
            mark = L["held"]
        elif held is not None and score is not None and score >= low and reached is not None and low > reached[2]:
            mark = L["not_reached"]
        elif reached is not None and sid == reached[0]:
            mark = L["reached"]
        elif score is not None and score >= low:
            mark = L["crossed"]
        else:
            mark = L["not_reached"]
        table.add_row(label, num(low, c.lang), mark)
    own = f"{L['thresholds']} ({L['the_model']})"
    return Group(_title(own), table)


def _cohort_numbers(c: Content, questions: list[str]) -> RenderableType | None:
    rows = [p for p in c.result.placements if p.question in questions]
    if not rows:
        return None
    L = c.L
    lines: list[RenderableType] = [_title(L["cohort_numbers"])]
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for p in rows:
        words = Text(tr(p.text, c.lang) or c.cohort(p.cohort))
        # Every figure combined, each with its own provenance; the shares and the percentile
        # in the text say they are derived.
        for f in p.figures:
            words.append(
                f" [{f.id}: {source_words(f.source, c.lang)} · {c.confidence(f.confidence)}"
                + (f" · {f.fact_id}" if f.fact_id else "") + "]",
                style="dim",
            )
            if f.alternative:
                words.append("\n" + L["ambiguous_note"].format(alt=tr(f.alternative, c.lang)), style="italic")
        table.add_row(c.verdict_of(p), words)
    lines.append(table)
    return Group(*lines)


def _bound_table(c: Content, title: str, steps: list, formula: str, value: float | None) -> RenderableType:
    """The steps of one side of a dimension's range: its open questions filled at their worst
    (or best) option, beside the answers given."""
    L, lang = c.L, c.lang
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(L["question"], ratio=3)
    table.add_column(L["answer"], ratio=3)
    table.add_column(L["points"], justify="right", no_wrap=True)
    table.add_column(L["max_points"], justify="right", no_wrap=True)
    for s in steps:
        qid = s.question or ""
        table.add_row(c.question(qid) if qid else tr(s.label, lang),
                      c.answer(qid, s.answer) if qid else str(s.answer or ""),
                      exact(s.points, lang), exact(s.max_points, lang))
    points, most = sum(s.points for s in steps), sum(s.max_points for s in steps)
    table.add_row(Text(L["total"], style="bold"), "", Text(exact(points, lang), style="bold"),
                  Text(exact(most, lang), style="bold"), end_section=True)
    line = formula.format(points=exact(points, lang), max=exact(most, lang), score=num(value, lang))
    return Group(_title(title), Padding(table, (0, 0, 0, 2)), Padding(Text(line, style="bold"), (0, 0, 0, 2)))


def dimension_explained(c: Content, dim_id: str) -> RenderableType:
    L, lang = c.L, c.lang
    dim = next(d for d in c.result.dimensions if d.id == dim_id)
    name = c.dimension(dim_id)
    parts: list[RenderableType] = [
        Rule(Text(L["explain_title"].format(what=L["explain_dimension"].format(dimension=name)), style="bold"))
    ]
    findings = [f for f in c.result.findings if f.dimension == dim_id]
    questions: list[str] = []
    for f in findings:
        parts.append(_title(f"{L['answers_used']} · {L['scorer']}{L['colon']}{f.scorer}"))
        if not f.steps:
            parts.append(Text(L["no_steps"]))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(L["question"], ratio=3)
        table.add_column(L["answer"], ratio=3)
        table.add_column(L["points"], justify="right", no_wrap=True)
        table.add_column(L["max_points"], justify="right", no_wrap=True)
        for s in f.steps:
            qid = s.question or ""
            questions.append(qid)
            label = c.question(qid) if qid else tr(s.label, lang)
            table.add_row(
                label,
                c.answer(qid, s.answer) if qid else str(s.answer or ""),
                exact(s.points, lang),
                exact(s.max_points, lang),
            )
        if f.steps:
            points = sum(s.points for s in f.steps)
            most = sum(s.max_points for s in f.steps)
            table.add_row(
                Text(L["sum"], style="bold"),
                "",
                Text(exact(points, lang), style="bold"),
                Text(exact(most, lang), style="bold"),
                end_section=True,
            )
            parts.append(Padding(table, (0, 0, 0, 2)))
            # A dash alone reads as a broken sum: say that the scorer withheld the score.
            score = f"— ({L['too_few']})" if f.score is None else num(f.score, lang)
            parts.append(
                Padding(
                    Text(
                        L["score_formula"].format(points=exact(points, lang), max=exact(most, lang), score=score),
                        style="bold",
                    ),
                    (0, 0, 0, 2),
                )
            )
        parts.append(
            Padding(
                Text(
                    L["answered_of"].format(answered=f.coverage.answered, asked=f.coverage.asked)
                    + f" ({L['coverage'].lower()})",
                    style="dim",
                ),
                (0, 0, 0, 2),
            )
        )
    if len(findings) > 1:
        parts.append(Text(L["mean_formula"].format(dimension=name, score=num(dim.score, lang)), style="bold"))
    for title, steps, formula, value in (
        (L["worst_case_title"], dim.low_steps, L["worst_formula"], dim.low),
        (L["best_case_title"], dim.high_steps, L["best_case_formula"], dim.high),
    ):
        if steps:
            parts.append(_bound_table(c, title, steps, formula, value))
    parts.append(_thresholds(c, dim.score))
    numbers = _cohort_numbers(c, questions)
    if numbers is not None:
        parts.append(numbers)
    return Group(*parts)


def overall_explained(c: Content) -> RenderableType:
    L, lang = c.L, c.lang
    parts: list[RenderableType] = [Rule(Text(L["explain_title"].format(what=L["explain_overall"]), style="bold"))]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(L["dimension"])
    table.add_column(L["score"], justify="right")
    table.add_column(L["weight"], justify="right")
    table.add_column(L["weight_times_score"], justify="right")
    table.add_column(L["best"], justify="right")
    table.add_column(L["weight_times_best"], justify="right")
    num_sum = den = best_sum = best_den = 0.0
    left_out = []
    for d in c.result.dimensions:
        # The overall counts each dimension at what its answers guarantee (`low`); the best
        # case at `high`. Results from before these existed carry only the score.
        low = d.low if d.low is not None else d.score
        high = d.high if d.high is not None else low
        if low is None or d.weight <= 0:
            table.add_row(c.dimension(d.id), "—", exact(d.weight, lang), "—", "—", "—")
            if d.weight > 0:
                left_out.append(c.dimension(d.id))
            continue
        product, best = d.weight * low, d.weight * high
        num_sum += product
        den += d.weight
        best_sum += best
        best_den += d.weight
        table.add_row(c.dimension(d.id), exact(low, lang), exact(d.weight, lang), exact(product, lang),
                      exact(high, lang), exact(best, lang))
    table.add_row(
        Text(L["sum"], style="bold"),
        "",
        Text(exact(den, lang), style="bold"),
        Text(exact(num_sum, lang), style="bold"),
        "",
        Text(exact(best_sum, lang), style="bold"),
        end_section=True,
    )
    parts += [_title(f"{L['answers_used']} · {L['weight']} ({L['the_model']})"), table,
              Text(L["guaranteed_note"], style="dim")]
    o = c.result.overall
    parts.append(
        Text(
            L["weighted_formula"].format(num=exact(num_sum, lang), den=exact(den, lang), score=num(o.score, lang)),
            style="bold",
        )
    )
    if best_den:
        high = o.high if o.high is not None else o.score
        parts.append(Text(L["best_formula"].format(num=exact(best_sum, lang), den=exact(best_den, lang),
                                                   score=num(high, lang))))
    for name in left_out:
        parts.append(Text(L["unscored_left_out"].format(dimension=name), style="dim"))
    parts.append(Text(c.overall()[2], style="dim"))
    parts += [Text(line) for line in c.stage_notes()]
    parts.append(_thresholds(c, o.score, o.held_back.stage if o.held_back else None))
    return Group(*parts)


def explain(
    result: Result,
    dimension: str | None = None,
    questionnaire: Questionnaire | None = None,
    stage_model: StageModel | None = None,
    lang: str | None = None,
) -> RenderableType:
    """The arithmetic behind `dimension`'s score, or behind the overall stage when None.

    Raises CxError naming the known dimensions when `dimension` is not one of the result's.
    """
    c = Content(result, questionnaire, stage_model, lang)
    if dimension is None:
        return overall_explained(c)
    known = [d.id for d in result.dimensions]
    if dimension not in known:
        raise CxError(c.L["unknown_dimension"].format(name=dimension, known=", ".join(known)))
    return dimension_explained(c, dimension)
