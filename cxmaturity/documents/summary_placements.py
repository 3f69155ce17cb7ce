"""The summary's placements in words: under each question, every cohort's figures, verdict and
source; the cohorts the report gives no figure for, said once; the statements without a number."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxmaturity.documents.summary_names import Names
from cxmaturity.formats.models import Placement
from cxmaturity.words.numbers import num
from cxmaturity.words.sources import source_words
from cxmaturity.words.tr import tr


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


class PlacementsText(Names):
    """The placements part of the summary's content."""

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

    def has_ambiguous(self) -> bool:
        return any(f.confidence == "figure_ambiguous" for p in self.result.placements for f in p.figures)

    def has_uncertain(self) -> bool:
        return any(not p.certain for p in self.result.placements)

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
