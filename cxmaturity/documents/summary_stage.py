"""The summary's stage in words: the overall stage and what it rests on, the dimensions, and
how the missing answers limit the result."""

from __future__ import annotations

from dataclasses import dataclass

from cxmaturity.documents.summary_names import Names
from cxmaturity.formats.models import DimensionResult
from cxmaturity.words.numbers import num
from cxmaturity.words.tr import tr

MISSING_STATES = ("skipped", "not_applicable", "dont_know", "unanswered")


@dataclass
class DimensionRow:
    id: str
    label: str
    score: float | None
    stage: str
    coverage: str
    weight: float


class StageText(Names):
    """The stage part of the summary's content."""

    def overall(self) -> tuple[float | None, str, str]:
        """(score, stage label, coverage words)."""
        o = self.result.overall
        if o.score is None and not self.weighted_asked():
            # Only a plugin's own dimensions apply: "0% of the weighted dimensions" would blame them.
            return o.score, self.stage(o.stage), self.L["no_weighted"]
        pct = num(100 * o.coverage, self.lang)
        return o.score, self.stage(o.stage), self.L["weighted_coverage"].format(pct=pct)

    def weighted_asked(self) -> bool:
        """Whether any dimension the stage model weighs was asked in this questionnaire."""
        return any(d.weight > 0 and d.coverage.asked > 0 for d in self.result.dimensions)

    def stage_notes(self) -> list[str]:
        """What the overall stage rests on, in sentences: the range the open questions leave,
        the requirement that holds it back, the weakest dimension, the provisional ones."""
        o, L = self.result.overall, self.L
        lines = []
        if o.open:
            one = "_one" if o.open == 1 else ""
            if o.best_stage and o.best_stage != o.stage:
                lines.append(L["stage_range" + one].format(best=self.stage(o.best_stage), n=o.open))
            else:
                lines.append(L["stage_open_same" + one].format(n=o.open))
        if o.held_back is not None:
            what = tr(o.held_back.text, self.lang)
            lines.append(L["held_back"].format(stage=self.stage(o.held_back.stage), what=what))
        weakest = self.weakest()
        if weakest is not None:
            dim, score = weakest
            lines.append(L["weakest"].format(dimension=self.dimension(dim.id), score=score,
                                             stage=self.stage(_stage_of(dim.low, self.stages()))))
        if o.provisional:
            dims = L["list_sep"].join(self.dimension(d) for d in o.provisional)
            lines.append(L["provisional_dims"].format(dims=dims))
        return lines

    def weakest(self) -> tuple[DimensionResult, str] | None:
        """The weakest dimension and its score in words (a range where answers are open)."""
        dim = next((d for d in self.result.dimensions if d.id == self.result.overall.weakest), None)
        if dim is None:
            return None
        score = num(dim.low, self.lang)
        if dim.high is not None and dim.high != dim.low:
            score = f"{score}–{num(dim.high, self.lang)}"
        return dim, score

    def dimension_rows(self) -> list[DimensionRow]:
        out = []
        for d in self.result.dimensions:
            coverage = self.L["answered_of"].format(answered=d.coverage.answered, asked=d.coverage.asked)
            stage = self.stage(d.stage) if d.score is not None else self.L["too_few"]
            if d.provisional:
                stage = f"{stage} ({self.L['provisional']})" if d.score is not None else self.L["provisional"]
            label = self.dimension(d.id)
            if d.weight <= 0:  # a plugin's dimension outside the overall stage says so
                label = f"{label} {self.L['dim_apart' if d.in_overall == 'apart' else 'dim_unweighted']}"
            out.append(DimensionRow(d.id, label, d.score, stage, coverage, d.weight))
        return out

    def missing(self) -> list[tuple[str, str, str]]:
        """(question, state word, dimensions it weakens) of each missing answer."""
        return [
            (
                self.question(m.question),
                self.L[f"state.{m.state}"],
                ", ".join(self.dimension(d) for d in m.dimensions),
            )
            for m in self.result.missing
        ]

    def missing_summary(self) -> list[str]:
        """How the missing answers limit the result, in sentences."""
        L, lang = self.L, self.lang
        if not self.result.missing:
            return [L["missing_none"]]
        counts = {s: sum(1 for m in self.result.missing if m.state == s) for s in MISSING_STATES}
        lines = [
            L["missing_counts"].format(**counts),
            L["missing_effect_one" if len(self.result.missing) == 1 else "missing_effect"].format(
                count=len(self.result.missing)
            ),
        ]
        if self.result.overall.open:
            lines.append(L["missing_stage"])
        weakened = sorted({d for m in self.result.missing for d in m.dimensions})
        for d in self.result.dimensions:
            if d.id not in weakened:
                continue
            if d.score is None:
                lines.append(L["limits_unscored"].format(dimension=self.dimension(d.id)))
            else:
                lines.append(
                    L["limits_dimension"].format(
                        dimension=self.dimension(d.id),
                        answered=d.coverage.answered,
                        asked=d.coverage.asked,
                    )
                )
        if self.weighted_asked() or self.result.overall.score is not None:
            lines.append(L["limits_overall"].format(pct=num(100 * self.result.overall.coverage, lang)))
        return lines


def _stage_of(score: float | None, stages: list[tuple[str, str, float]]) -> str | None:
    """The id of the highest stage whose threshold `score` reaches, by score alone."""
    if score is None:
        return None
    reached = [sid for sid, _, low in stages if score >= low]
    return reached[-1] if reached else None
