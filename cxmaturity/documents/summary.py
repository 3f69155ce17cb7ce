"""What the summary says, section by section, as plain words for any output format.

The terminal, Markdown and HTML renderers lay out the same content; building it once here keeps
them saying the same thing. Everything is in the output language: the assessment's, unless the
caller overrides it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxmaturity.documents.summary_executive import ExecutiveSummary, ExecutiveText
from cxmaturity.documents.summary_placements import PlacementRow, PlacementsText, QuestionBlock
from cxmaturity.documents.summary_stage import DimensionRow
from cxmaturity.words.labels import survey_date
from cxmaturity.words.sources import source_words
from cxmaturity.words.tr import tr

if TYPE_CHECKING:
    from cxmaturity.documents.report import ReportInput

__all__ = ["Content", "DimensionRow", "ExecutiveSummary", "PlacementRow", "QuestionBlock"]


class Content(ExecutiveText, PlacementsText):
    """The summary of `result`, in `lang` (default: the assessment's language): the words for
    its ids (`summary_names`), the stage (`summary_stage`), the executive summary
    (`summary_executive`), the placements (`summary_placements`), and here the rest."""

    @classmethod
    def of(cls, ri: ReportInput) -> Content:
        """The summary of a report's input, in the report's language."""
        return cls(ri.result, ri.questionnaire, ri.stage_model, ri.lang)

    def header(self) -> list[tuple[str, str]]:
        r = self.result
        rows = [(self.L["company"], r.company.name)]
        if r.assessed is not None:
            rows.append((self.L["assessed"], r.assessed.date().isoformat()))
        title = tr(r.questionnaire_title, self.lang)
        rows.append(
            (
                self.L["questionnaire"],
                f"{title} ({r.questionnaire.id} v{r.questionnaire.version})"
                if title
                else f"{r.questionnaire.id} v{r.questionnaire.version}",
            )
        )
        return rows

    def compared_cohorts(self) -> list[tuple[str, str, str]]:
        """(label, n, why) of every cohort the company is compared with."""
        out = []
        for c in self.result.cohorts:
            if not (c.member or c.always_compared):
                continue
            why = self.L["member"] if c.member else self.L["always"]
            out.append((tr(c.label, self.lang), self.n(c.n), why))
        return out

    def roadmap(self) -> dict[str, Any] | None:
        rm = self.result.roadmap
        if rm is None:
            return None
        lang, L = self.lang, self.L
        titles: dict[str, str] = {}
        phases = []
        for ph in getattr(rm, "phases", None) or []:
            titles[ph.id] = tr(ph.title, lang)
            phases.append((tr(ph.title, lang), L[f"phase.{ph.status}"], ph.status))
        if not phases:
            for pid in rm.completed:
                phases.append((pid, L["phase.completed"], "completed"))
            if rm.current:
                phases.append((rm.current, L["phase.current"], "current"))
        because = tr(getattr(rm, "because", None), lang)
        actions = []
        for a in sorted(rm.next_actions, key=lambda a: getattr(a, "rank", 0) or 0):
            evidence = [
                f"{tr(e.text, lang)} ({source_words(e.source, lang)} · {self.confidence(e.confidence)})"
                for e in a.evidence
            ]
            actions.append(
                {
                    "text": tr(a.text, lang),
                    "phase": titles.get(a.phase, a.phase),
                    "reason": tr(a.reason, lang),
                    "gap": tr(getattr(a, "gap", None), lang),
                    "evidence": evidence,
                }
            )
        return {
            "title": tr(rm.title, lang),
            "why": tr(rm.why, lang),
            "because": because,
            "phases": phases,
            "completed": [titles.get(p, p) for p in rm.completed],
            "current": titles.get(rm.current, rm.current) if rm.current else None,
            "actions": actions,
            "kpis": [tr(k.text, lang) + (f" ({source_words(k.source, lang)})" if k.source else "") for k in rm.kpis],
            "constraints": [
                f"{tr(c.text, lang)} ({source_words(c.source, lang)} · {self.confidence(c.confidence)})"
                for c in rm.constraints
            ],
        }

    def conflicts(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(message, [(question, answer in words)]) of each consistency rule left standing."""
        out = []
        for c in getattr(self.result, "conflicts", None) or []:
            pairs = [(self.question(q), self.answer(q, c.answers.get(q))) for q in c.questions]
            out.append((tr(c.message, self.lang), pairs))
        return out

    def plugins(self) -> list[tuple[str, str, str, str, bool]]:
        """(name, version, origin, status, failed) of every plugin, sorted by name."""
        out = []
        for p in sorted(self.result.plugins, key=lambda p: p.name):
            status = f"{self.L['failed']}{self.L['colon']}{p.error}" if p.error else self.L["contributed"]
            out.append(
                (
                    p.name,
                    p.version or "—",
                    self.L[f"origin.{p.origin}"],
                    status,
                    p.error is not None,
                )
            )
        return out

    def footer(self) -> list[str]:
        r, L = self.result, self.L
        parts = [
            L["footer_tool"].format(tool="cxmaturity", version=r.tool_version),
            L["footer_questionnaire"].format(id=r.questionnaire.id, version=r.questionnaire.version),
        ]
        if r.model:
            parts.append(
                L["footer_model"].format(
                    id=r.model.get("id", "?"),
                    version=r.model.get("version", "?"),
                    own=L["the_model"],
                )
            )
        plugins = ", ".join(
            f"{p.name} {p.version}" if p.version else p.name
            for p in sorted(r.plugins, key=lambda p: p.name)
            if not p.error
        )
        if plugins:
            parts.append(L["footer_plugins"].format(plugins=plugins))
        return [" · ".join(parts), self.cohorts_line()]

    def cohorts_line(self) -> str:
        return " ".join(p for p in [self._report_cohorts_line(), *self.own_cohorts()] if p)

    def cohorts_title(self) -> str:
        """The heading of the placements: the survey's cohorts, or simply the cohorts."""
        return self.L["cohorts_table_title" if self._survey_applies() else "cohorts_table_title_own"]

    def _report_cohorts_line(self) -> str:
        L, lang = self.L, self.lang
        if not self._survey_applies():
            return ""
        for src in self.result.cohort_sources:
            survey = src.get("survey") or {}
            origin = src.get("origin", "report")
            date = survey_date(survey.get("fieldwork"), lang)
            if origin == "report" and date and survey.get("n"):
                return L["footer_cohorts"].format(
                    date=date, n=survey["n"], publisher=survey.get("publisher") or src.get("id", "")
                )
        return L["footer_cohorts_default"] + "."
