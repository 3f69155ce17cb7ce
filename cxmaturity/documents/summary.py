"""What the summary says, section by section, as plain words for any output format.

The terminal, Markdown and HTML renderers lay out the same content; building it once here keeps
them saying the same thing. Everything is in the output language: the assessment's, unless the
caller overrides it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxmaturity.formats.models import Placement, Questionnaire, Result, StageModel, tr
from cxmaturity.words.executive import words as executive_words
from cxmaturity.words.labels import DIMENSIONS, labels, survey_date
from cxmaturity.words.numbers import exact, num, ordinal, percent  # noqa: F401 -- the renderers' names
from cxmaturity.words.sources import source_words

VERDICTS = ("ahead", "level", "behind", "no_benchmark")
MISSING_STATES = ("skipped", "not_applicable", "dont_know", "unanswered")






@dataclass
class PlacementRow:
    cohort: str
    figure: str
    verdict: str
    verdict_word: str
    source: str
    ambiguous: bool
    words: str
    confidence: str


@dataclass
class QuestionBlock:
    question: str
    question_id: str
    answer: str
    rows: list[PlacementRow] = field(default_factory=list)


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


@dataclass
class DimensionRow:
    id: str
    label: str
    score: float | None
    stage: str
    coverage: str
    weight: float


class Content:
    """The summary of `result`, in `lang` (default: the assessment's language)."""

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

    # --- words for ids -------------------------------------------------------------------

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

    # --- sections ------------------------------------------------------------------------

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
        weakest = next((d for d in self.result.dimensions if d.id == o.weakest), None)
        if weakest is not None:
            score = num(weakest.low, self.lang)
            if weakest.high is not None and weakest.high != weakest.low:
                score = f"{score}–{num(weakest.high, self.lang)}"
            notes.append(W["exec_weakest"].format(dimension=self.dimension(weakest.id), score=score))
        return span, notes

    def unplaced(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each compared cohort the report gives no figure on some questions, said once, with
        what the report says of it when it has no figure at all: (line, [(text, source)])."""
        total: dict[str, int] = {}
        empty: dict[str, int] = {}
        for p in self.result.placements:
            total[p.cohort] = total.get(p.cohort, 0) + 1
            if p.verdict == "no_benchmark" and not p.set_aside:
                empty[p.cohort] = empty.get(p.cohort, 0) + 1
        out = []
        silent = self._silent()
        for c in self.result.cohorts:
            n = empty.get(c.id, 0)
            if not n:
                continue
            key = "unplaced_all" if c.id in silent else "unplaced_some"
            about = [s for s in self.result.statements if s.cohort == c.id and c.id in silent]
            said = [(text, source) for _, text, source in self._statement_rows(about)]
            out.append((self.W[key].format(cohort=tr(c.label, self.lang), n=n, total=total[c.id]), said))
        return out

    def _silent(self) -> set[str]:
        """The cohorts with no figure on any question placed (their statements go with `unplaced`)."""
        figures: dict[str, bool] = {}
        for p in self.result.placements:
            figures[p.cohort] = figures.get(p.cohort, False) or p.verdict != "no_benchmark" or bool(p.set_aside)
        return {c for c, has in figures.items() if not has}

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

    def compared_cohorts(self) -> list[tuple[str, str, str]]:
        """(label, n, why) of every cohort the company is compared with."""
        out = []
        for c in self.result.cohorts:
            if not (c.member or c.always_compared):
                continue
            why = self.L["member"] if c.member else self.L["always"]
            out.append((tr(c.label, self.lang), self.n(c.n), why))
        return out

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
        weakest = next((d for d in self.result.dimensions if d.id == o.weakest), None)
        if weakest is not None:
            score = num(weakest.low, self.lang)
            if weakest.high is not None and weakest.high != weakest.low:
                score = f"{score}–{num(weakest.high, self.lang)}"
            lines.append(L["weakest"].format(dimension=self.dimension(weakest.id), score=score,
                                             stage=self.stage(_stage_of(weakest.low, self.stages()))))
        if o.provisional:
            dims = L["list_sep"].join(self.dimension(d) for d in o.provisional)
            lines.append(L["provisional_dims"].format(dims=dims))
        return lines

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

    def verdict_of(self, p: Placement) -> str:
        """The verdict in words; a level verdict the figures do not settle says which way it may go."""
        if p.certain or p.verdict != "level" or not p.could_be:
            return self.verdict(p.verdict)
        return self.L[f"verdict.level.{'+'.join(sorted(p.could_be))}"]

    def figure(self, p: Placement) -> str:
        """The cohort's numbers as the report gives them, then the percentile the tool derives."""
        L, lang = self.L, self.lang
        if p.verdict == "no_benchmark":
            return "; ".join(L["not_used"].format(reason=tr(s.reason, lang)) for s in p.set_aside) or "—"
        parts = []
        for f in p.figures:
            if f.distribution is not None:
                share = f.distribution.get(p.answer, 0.0) if isinstance(p.answer, str) else 0.0
                text = L["cmp.exact"].format(v=num(share, lang)) + " " + L["chose"].format(
                    options=self._options(p.question, [p.answer])
                )
            elif not f.options and isinstance(f.value, tuple):
                text = L["average"].format(v=L["cmp.range"].format(lo=num(f.value[0], lang), hi=num(f.value[1], lang)))
            elif isinstance(f.value, tuple):
                text = L["cmp.range"].format(lo=num(f.value[0], lang), hi=num(f.value[1], lang))
                text += " " + L["chose"].format(options=self._options(p.question, f.options or []))
            else:
                text = L[f"cmp.{f.comparator}"].format(v=num(f.value, lang))
                text += " " + L["chose"].format(options=self._options(p.question, f.options or []))
            if f.confidence == "derived":
                text += f" ({L['confidence.derived']})"
            parts.append(text)
        out = (" ; " if lang == "fr" else "; ").join(parts)
        if p.shares is not None:
            lo, hi = p.shares.percentile
            span = num(lo, lang) if lo == hi else f"{num(lo, lang)}–{num(hi, lang)}"
            out += " → " + L["derived_percentile"].format(p=span)
        return out or "—"

    def _options(self, qid: str, options: list[str]) -> str:
        """The option labels a share counts, quoted: which group the company is in or out of."""
        q = self.questionnaire.question(qid) if self.questionnaire else None
        if q is None:
            return ""
        # Non-breaking spaces inside guillemets: no line starts with "»" or ends with "«".
        quote = "«\u00a0{}\u00a0»" if self.lang == "fr" else "“{}”"
        names = [quote.format(tr(o.label, self.lang)) if (o := q.option(i)) else i for i in options]
        return self.L["or"].join(names)

    def source(self, p: Placement) -> str:
        if p.verdict == "no_benchmark" or not p.figures:
            return "—"
        sources = list(dict.fromkeys(source_words(f.source, self.lang) for f in p.figures))
        text = "; ".join(sources)
        if any(f.confidence == "figure_ambiguous" for f in p.figures):
            return f"{text} {self.L['ambiguous_mark']}"
        return text

    def placements(self) -> list[QuestionBlock]:
        """The placements grouped by question, in the order they come (questionnaire order)."""
        blocks: dict[str, QuestionBlock] = {}
        for p in self.result.placements:
            if p.verdict == "no_benchmark" and not p.set_aside:
                continue  # said once per cohort (`unplaced`), not row by row
            block = blocks.get(p.question)
            if block is None:
                block = blocks[p.question] = QuestionBlock(
                    self.question(p.question), p.question, self.answer(p.question, p.answer)
                )
            block.rows.append(
                PlacementRow(
                    cohort=self.cohort(p.cohort),
                    figure=self.figure(p),
                    verdict=p.verdict,
                    verdict_word=self.verdict_of(p),
                    source=self.source(p),
                    ambiguous=any(f.confidence == "figure_ambiguous" for f in p.figures),
                    words=tr(p.text, self.lang),
                    confidence=self.confidence(p.confidence),
                )
            )
        return list(blocks.values())

    def has_ambiguous(self) -> bool:
        return any(f.confidence == "figure_ambiguous" for p in self.result.placements for f in p.figures)

    def has_uncertain(self) -> bool:
        return any(not p.certain for p in self.result.placements)

    def statements(self) -> list[tuple[str, str, str]]:
        """(cohort, text, 'source · confidence') of each statement, but those about a cohort
        with no figure at all, which `unplaced` says with the cohort."""
        silent = self._silent()
        return self._statement_rows([s for s in self.result.statements if s.cohort not in silent])

    def _statement_rows(self, statements: list) -> list[tuple[str, str, str]]:
        return [
            (
                self.cohort(s.cohort),
                tr(s.text, self.lang),
                f"{source_words(s.source, self.lang)} · {self.confidence(s.confidence)}",
            )
            for s in statements
        ]

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

    def _own(self, words: dict[str, str], key: str) -> str:
        """`key`'s words, or their variant that names no survey when only one's own cohorts apply."""
        return words[key] if self._survey_applies() else words.get(f"{key}_own", words[key])

    def _survey_applies(self) -> bool:
        """False when the only cohorts that apply are one's own (a plugin questionnaire that
        stands alone): the survey is then neither named nor implied."""
        sources = self.result.cohort_sources
        return not sources or any(src.get("origin", "report") == "report" for src in sources)

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

    def own_cohorts(self) -> list[str]:
        """The consultancy's own cohort files (built from its portfolio), each by its title, so
        that the footer never presents the comparisons as the survey's alone."""
        out = []
        for src in self.result.cohort_sources:
            title = tr(src.get("title"), self.lang) if src.get("origin") == "portfolio" else None
            if title:
                out.append(title.rstrip(".") + ".")
        return out


def _short_source(words: str) -> str:
    """The figures a source names ('Section 4 (Figure 6)' → 'Figure 6'), else the source: the
    executive summary keeps one line an item; the detail gives the whole source."""
    import re

    figures = list(dict.fromkeys(re.findall(r"Figures? \d+", words)))
    return ", ".join(figures) if figures else words


def _stage_of(score: float | None, stages: list[tuple[str, str, float]]) -> str | None:
    """The id of the highest stage whose threshold `score` reaches, by score alone."""
    if score is None:
        return None
    reached = [sid for sid, _, low in stages if score >= low]
    return reached[-1] if reached else None


def _stage_table(result: Result, stage_model: StageModel | None) -> dict[str, dict[str, Any]]:
    """Stage id → {label, min_score}: from the result's model, else from `stage_model`."""
    stages = result.model.get("stages") if result.model else None
    if stages:
        return {s["id"]: s for s in stages}
    if stage_model is not None:
        return {s.id: {"label": s.label, "min_score": s.min_score} for s in stage_model.stages}
    return {}
