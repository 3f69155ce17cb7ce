"""The summary's names for what a result holds by id: questions, answers, stages, dimensions,
cohorts, verdicts, confidences; and whether the survey's cohorts apply at all. Every other part
of the summary's content builds on these."""

from __future__ import annotations

from typing import Any

from cxmaturity.formats.models import Questionnaire, Result, StageModel
from cxmaturity.words.executive import words as executive_words
from cxmaturity.words.labels import DIMENSIONS, labels
from cxmaturity.words.numbers import num
from cxmaturity.words.tr import tr


class Names:
    """The words for the ids of `result`, in `lang` (default: the assessment's language)."""

    def __init__(
        self,
        result: Result,
        questionnaire: Questionnaire | None = None,
        stage_model: StageModel | None = None,
        lang: str | None = None,
    ) -> None:
        self.result = result
        self.questionnaire = questionnaire
        self.lang = lang or result.language
        self.L = labels(self.lang)
        self.W = executive_words(self.lang)
        self._stages = _stage_table(result, stage_model)
        self._cohorts = {c.id: c for c in result.cohorts}

    def question(self, qid: str) -> str:
        """The question's short form in the output language, else its text, else its id."""
        q = self.questionnaire.question(qid) if self.questionnaire else None
        if q is None:
            return qid
        return tr(q.short, self.lang) if q.short else tr(q.text, self.lang)

    def answer(self, qid: str, value: Any) -> str:
        """The answer as the client gave it: option labels, or the number with its unit."""
        if value is None:
            return self.L["not_answered"]
        q = self.questionnaire.question(qid) if self.questionnaire else None
        values = value if isinstance(value, list) else [value]
        if q is not None and q.options:
            return self.L["list_sep"].join(tr(o.label, self.lang) if (o := q.option(v)) else str(v) for v in values)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            unit = f" {q.unit}" if q is not None and q.unit else ""
            return f"{num(value, self.lang)}{unit}"
        return ", ".join(str(v) for v in values)

    def stage(self, stage_id: str | None) -> str:
        if stage_id is None:
            return self.L["not_scored"]
        info = self._stages.get(stage_id)
        return tr(info["label"], self.lang) if info else stage_id

    def stages(self) -> list[tuple[str, str, float]]:
        """The stage model's stages, lowest first: (id, label, min_score)."""
        return sorted(
            ((sid, tr(s["label"], self.lang), float(s.get("min_score", 0))) for sid, s in self._stages.items()),
            key=lambda s: s[2],
        )

    def dimension(self, dim_id: str) -> str:
        for d in self.result.dimensions:
            if d.id == dim_id and d.label:
                return tr(d.label, self.lang)
        return tr(DIMENSIONS.get(dim_id), self.lang) or dim_id

    def cohort(self, cohort_id: str) -> str:
        c = self._cohorts.get(cohort_id)
        return tr(c.label, self.lang) if c else cohort_id

    def verdict(self, verdict: str) -> str:
        return self.L[f"verdict.{verdict}"]

    def confidence(self, confidence: str | None) -> str:
        return self.L[f"confidence.{confidence}"] if confidence else ""

    def n(self, n: int | None) -> str:
        return self.L["n_unknown"] if n is None else self.L["n_value"].format(n=n)

    def _own(self, words: dict[str, str], key: str) -> str:
        """`key`'s words, or their variant that names no survey when only one's own cohorts apply."""
        return words[key] if self._survey_applies() else words.get(f"{key}_own", words[key])

    def _survey_applies(self) -> bool:
        """False when the only cohorts that apply are one's own (a plugin questionnaire that
        stands alone): the survey is then neither named nor implied."""
        sources = self.result.cohort_sources
        return not sources or any(src.get("origin", "report") == "report" for src in sources)

    def own_cohorts(self) -> list[str]:
        """The consultancy's own cohort files (built from its portfolio), each by its title, so
        that the footer never presents the comparisons as the survey's alone."""
        out = []
        for src in self.result.cohort_sources:
            title = tr(src.get("title"), self.lang) if src.get("origin") == "portfolio" else None
            if title:
                out.append(title.rstrip(".") + ".")
        return out


def _stage_table(result: Result, stage_model: StageModel | None) -> dict[str, dict[str, Any]]:
    """Stage id → {label, min_score}: from the result's model, else from `stage_model`."""
    stages = result.model.get("stages") if result.model else None
    if stages:
        return {s["id"]: s for s in stages}
    if stage_model is not None:
        return {s.id: {"label": s.label, "min_score": s.min_score} for s in stage_model.stages}
    return {}
