"""A survey tool's export read as the wide layout: its column names and answer labels mapped to
question and option ids by a small YAML file (`--map FILE`, docs/batch.md).

    columns:                       # the export's column name → a question id or a META column
      "Nom de l'entreprise": company.name
      "Q2 - Investissement IA (front office)": invest.front_office
    answers:                       # per question id: the export's label → an option id
      invest.front_office:
        "Nous investissons massivement": heavily
    states:                        # any column: a label → an answer state
      "Je ne sais pas": dont_know
    separator: ";"                 # how the export joins the choices of a multi question

A label the map does not list is also looked up among the option labels of the questionnaire
(English or French, ignoring case), so a map lists only what the survey tool reworded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxmaturity.batch.wide import MULTI_SEPARATOR, STATES
from cxmaturity.errors import FileError, Problem
from cxmaturity.formats.models import Questionnaire

_STATE_IDS = {v: k for k, v in STATES.items()}


@dataclass
class ColumnMap:
    """Column names and answer labels → ids; an empty map changes nothing."""

    columns: dict[str, str] = field(default_factory=dict)
    answers: dict[str, dict[str, str]] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    separator: str | None = None
    _labels: dict[str, dict[str, str]] = field(default_factory=dict)
    _multi: frozenset[str] = frozenset()

    def prepare(self, questionnaire: Questionnaire) -> None:
        """Index the questionnaire's option labels (both languages) for look-up."""
        self._multi = frozenset(q.id for q in questionnaire.questions if q.type == "multi")
        for q in questionnaire.questions:
            table = {}
            for o in q.options:
                for text in (o.label or {}).values():
                    table[text.strip().casefold()] = o.id
            self._labels[q.id] = table

    def _option(self, qid: str, label: str) -> str:
        label = label.strip()
        mapped = self.answers.get(qid, {}).get(label)
        if mapped is not None:
            return mapped
        return self._labels.get(qid, {}).get(label.casefold(), label)

    def cells(self, raw: dict[str, Any]) -> dict[str, Any]:
        """One exported row with its columns renamed and its labels turned into ids, ready for
        `wide.document`."""
        if not (self.columns or self.answers or self.states or self._labels):
            return raw
        out: dict[str, Any] = {}
        for name, value in raw.items():
            qid = self.columns.get(name, name)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                if text in self.states:
                    value = "#" + self.states[text]
                elif qid in self._labels:
                    if qid in self._multi:
                        parts = text.split(self.separator or MULTI_SEPARATOR)
                        value = MULTI_SEPARATOR.join(self._option(qid, p) for p in parts if p.strip())
                    else:
                        value = self._option(qid, text)
            out[qid] = value
        return out


def load(path: Path | str, questionnaire: Questionnaire) -> ColumnMap:
    """The map in `path`, checked against `questionnaire`; problems raise a located FileError."""
    from cxmaturity.batch.wide import META
    from cxmaturity.formats.loader import read, yamlio

    path = Path(path)
    data, text = read(path)
    name = str(path)
    problems: list[Problem] = []

    def bad(where: tuple, why: str) -> None:
        problems.append(Problem(name, yamlio.line_of(text, where), ".".join(map(str, where)), why))

    if not isinstance(data, dict):
        raise FileError([Problem(name, 1, "", "expected a mapping with columns, answers, states")])
    for key in data:
        if key not in ("columns", "answers", "states", "separator"):
            bad((key,), "unknown key (expected columns, answers, states, separator)")
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    for col, qid in columns.items():
        if qid not in META and questionnaire.question(qid) is None:
            bad(("columns", col), f"'{qid}' is no question of '{questionnaire.id}'")
    answers: dict[str, dict[str, str]] = {}
    for qid, labels in (data.get("answers") or {}).items():
        question = questionnaire.question(str(qid))
        if question is None:
            bad(("answers", qid), f"'{qid}' is no question of '{questionnaire.id}'")
            continue
        ids = {o.id for o in question.options}
        answers[str(qid)] = {}
        for label, option in (labels or {}).items():
            if str(option) not in ids:
                bad(("answers", qid, label), f"'{option}' is no option of '{qid}'")
            answers[str(qid)][str(label)] = str(option)
    states = {str(k): str(v) for k, v in (data.get("states") or {}).items()}
    for label, state in states.items():
        if state not in _STATE_IDS:
            bad(("states", label), f"'{state}' is not skipped, not_applicable or dont_know")
    if problems:
        raise FileError(problems)
    out = ColumnMap(columns=columns, answers=answers, states=states, separator=data.get("separator"))
    out.prepare(questionnaire)
    return out
