"""The summary's executive summary and the client edition's method appendix, in words."""

from __future__ import annotations

from dataclasses import dataclass

from cxmaturity.documents.summary_stage import StageText
from cxmaturity.words.numbers import num, percent
from cxmaturity.words.sources import source_words
from cxmaturity.words.tr import tr


@dataclass
class ExecutiveSummary:
    """The executive summary in words: the stage, strengths, gaps and next actions."""

    title: str
    company: str
    stage: list[str]  # the stage, then its range where answers are missing
    notes: list[str]  # what holds it back, the weakest dimension: the first to go on a small screen
    strengths_title: str
    strengths: list[str]
    gaps_title: str
    gaps: list[str]
    actions_title: str
    actions: list[tuple[str, str]]


class ExecutiveText(StageText):
    """The executive part of the summary's content (it starts from the stage)."""

    def executive(self) -> ExecutiveSummary:
        """The executive summary the result carries, in words (nothing is chosen here)."""
        from cxmaturity.evaluation.executive import summarise

        r, W, lang = self.result, self.W, self.lang
        ex = r.executive or summarise(r)  # a result saved before it carried one
        company = r.company.name + (f" · {r.assessed.date().isoformat()}" if r.assessed else "")
        score, stage, coverage = self.overall()
        if r.overall.score is None:
            stage_lines = [W["exec_no_stage"].format(why=coverage)]
        else:
            stage_lines = [W["exec_stage"].format(stage=stage, score=num(score, lang))]
        span, notes = self._stage_brief()
        stage_lines += [span] if span else []

        def item(h, side: str) -> str:
            lo, hi = h.share
            share = percent(lo, lang) if lo == hi else f"{num(lo, lang)}–{percent(hi, lang)}"
            text = f"{self.question(h.question)} — {self.cohort(h.cohort)}{self.L['colon']}"
            text += W[side].format(share=share)
            if not h.certain:
                text += f", {W['exec_uncertain']}"
            if h.source:
                text += f" ({_short_source(source_words(h.source, lang))})"
            return text

        return ExecutiveSummary(
            title=W["exec_title"],
            company=company,
            stage=stage_lines,
            notes=notes,
            strengths_title=self._own(W, "exec_strengths"),
            strengths=[item(h, "exec_worse") for h in ex.strengths] or [self._own(W, "exec_none_strengths")],
            gaps_title=self._own(W, "exec_gaps"),
            gaps=[item(h, "exec_better") for h in ex.gaps] or [self._own(W, "exec_none_gaps")],
            actions_title=W["exec_actions"],
            actions=[(tr(a.text, lang), f"{W['exec_why'].capitalize()}{self.L['colon']}{tr(a.reason, lang)}"
                      if a.reason else "") for a in ex.actions],
        )

    def _stage_brief(self) -> tuple[str | None, list[str]]:
        """The stage's range where answers are missing, then what holds it back and the weakest
        dimension, in short sentences (the detail says them in full)."""
        o, W = self.result.overall, self.W
        span = None
        if o.open and o.best_stage and o.best_stage != o.stage:
            key = "exec_range_one" if o.open == 1 else "exec_range"
            span = W[key].format(best=self.stage(o.best_stage), n=o.open)
        notes = []
        if o.held_back is not None:
            notes.append(W["exec_held_back"].format(stage=self.stage(o.held_back.stage),
                                                    what=tr(o.held_back.text, self.lang)))
        weakest = self.weakest()
        if weakest is not None:
            notes.append(W["exec_weakest"].format(dimension=self.dimension(weakest[0].id), score=weakest[1]))
        return span, notes

    def method(self) -> list[str]:
        """The client edition's appendix: what was measured, from which figures, how sure."""
        W, r = self.W, self.result
        used = [f for p in r.placements for f in p.figures]
        unique = {f.id: f for f in used}.values()
        count = {c: sum(1 for f in unique if f.confidence == c) for c in
                 ("stated", "figure_unambiguous", "figure_ambiguous", "derived")}
        sources = list(dict.fromkeys(source_words(f.source, self.lang) for f in unique if f.source))
        lines = [
            self._own(W, "method_what").format(n=len({p.question for p in r.placements})),
            W["method_sources"].format(sources=self.L["list_sep"].join(sources) or "—"),
            W["method_sure"].format(stated=count["stated"],
                                    chart=count["figure_unambiguous"] + count["figure_ambiguous"],
                                    ambiguous=count["figure_ambiguous"], derived=count["derived"]),
            W["method_model"],
            W["method_consultant"],
        ]
        return lines


def _short_source(words: str) -> str:
    """The figures a source names ('Section 4 (Figure 6)' → 'Figure 6'), else the source: the
    executive summary keeps one line an item; the detail gives the whole source."""
    import re

    figures = list(dict.fromkeys(re.findall(r"Figures? \d+", words)))
    return ", ".join(figures) if figures else words
