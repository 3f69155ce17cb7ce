"""Which assessment documents the column path takes as they are, and their answers as codes.

A document is *plain* when it is valid the strict, usual way: known keys, the types the file
format names (a string, a list of strings, a whole or finite number; real booleans), question ids
of its questionnaire and values its questions accept. Such a document validates as an
`Assessment` and passes `check_assessment`, so the column path may skip both. Anything else
(a bare `1.0` where an integer is asked, a misspelt key, an unknown option) is not plain and
goes to the row path, which gives the error or the result exactly as `score` would.

Each answer becomes a small integer in its question's column: 0 never reached, 1 skipped,
2 not applicable, 3 don't know, 4 and up one per distinct value answered (kept in `Codes`).
"""

from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass
from typing import Any

from cxmaturity.formats.loader import check_value
from cxmaturity.formats.models import Questionnaire

ABSENT, SKIPPED, NOT_APPLICABLE, DONT_KNOW, FIRST_VALUE = range(5)
STATES = {"skipped": SKIPPED, "not_applicable": NOT_APPLICABLE, "dont_know": DONT_KNOW}

DOCUMENT_KEYS = frozenset({"format", "tool_version", "questionnaire", "company", "language", "created",
                           "updated", "answers", "conclusions"})
ANSWER_KEYS = frozenset({"state", "value", "note", "note_private", "at"})
COMPANY_KEYS = frozenset({"id", "name"})
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")


def _hashable(value: Any) -> Any:
    return tuple(value) if type(value) is list else value


class Codes:
    """The distinct answered values of each question of one questionnaire, numbered from 4."""

    def __init__(self, questionnaire: Questionnaire):
        self.questionnaire = questionnaire
        self.ids: list[str] = []
        self.row: dict[str, int] = {}
        for question in questionnaire.questions:
            if question.id not in self.row:  # the first of duplicate ids wins, as everywhere
                self.row[question.id] = len(self.ids)
                self.ids.append(question.id)
        self.values: list[list[Any]] = [[None] * FIRST_VALUE for _ in self.ids]
        self._code: list[dict[Any, int]] = [{} for _ in self.ids]
        #: Free-text questions nothing reads: every text answer to one shares one code.
        self.opaque: set[str] = set()
        #: A row of codes with every question never reached (machine integers, so that a chunk
        #: of rows becomes one matrix by joining their bytes).
        self.absent = array("i", bytes(4 * len(self.ids)))

    def code(self, qid: str, value: Any) -> int | None:
        """The code of an answered value, or None when the question does not accept it."""
        i = self.row[qid]
        key = _hashable(value)
        found = self._code[i].get(key)
        if found is not None:
            return found
        if not _plain_value(value):
            return None
        question = self.questionnaire.question(qid)
        if check_value(question, value) is not None:
            return None
        if qid in self.opaque:
            return self._text(i, value)
        found = self._code[i][key] = len(self.values[i])
        self.values[i].append(list(value) if type(value) is list else value)
        return found

    def _text(self, i: int, value: str) -> int:
        # One code stands for every text, so that the tables do not grow with the rows.
        found = self._code[i].get(str)
        if found is None:
            found = self._code[i][str] = len(self.values[i])
            self.values[i].append(value)
        return found


def _plain_value(value: Any) -> bool:
    kind = type(value)
    if kind is str or kind is int:
        return True
    if kind is float:
        return math.isfinite(value)
    return kind is list and all(type(v) is str for v in value)


@dataclass(slots=True)
class Plain:
    """A plain document's row: who, the answer codes (one a question, in `Codes.ids` order), its times
    (`created`, `updated`, then every answer's `at`), still to be read as pydantic reads them
    (then: the time of the assessment)."""

    company_id: str
    company_name: str
    language: str
    codes: array
    times: list[Any]


def plain(data: dict, codes: Codes) -> Plain | None:
    """`data` as a plain row of `codes`' questionnaire, or None when the row path must read it."""
    if not DOCUMENT_KEYS.issuperset(data):
        return None
    fmt = data.get("format", 1)
    if type(fmt) is not int or fmt != 1:
        return None
    for key in ("tool_version", "conclusions"):
        if data.get(key) is not None and type(data[key]) is not str:
            return None
    ref = data.get("questionnaire")
    q = codes.questionnaire
    if type(ref) is not dict or ref.keys() != {"id", "version"} or ref["id"] != q.id:
        return None
    if type(ref["version"]) is not int or ref["version"] != q.version:
        return None
    company = data.get("company")
    if type(company) is not dict or company.keys() != COMPANY_KEYS:
        return None
    cid, name = company["id"], company["name"]
    if type(cid) is not str or not SLUG.fullmatch(cid) or type(name) is not str or not name:
        return None
    language = data.get("language", "en")
    if language not in ("en", "fr") or type(language) is not str:
        return None
    answers = data.get("answers", {})
    if type(answers) is not dict:
        return None
    try:
        return Plain(cid, name, language, *_answers(answers, codes, [data.get("created"), data.get("updated")]))
    except _NotPlain:
        return None
    except TypeError:  # an unhashable value (a mapping, a list of them): the row path says why
        return None


class _NotPlain(Exception):
    pass


def _answers(answers: dict, codes: Codes, times: list) -> tuple[array, list]:
    # The hot loop of the column path: one pass over a document's answers, dictionary
    # look-ups only; a value first met is checked once (`Codes.code`), then only looked up.
    index, known, usual = codes.row, codes._code, _USUAL
    find, stamp = index.get, times.append
    row = codes.absent[:]  # a copy of the all-zero row, filled in below
    for qid, answer in answers.items():
        i = find(qid)
        if i is None:
            _refuse()
        if type(answer) is dict:
            if answer.keys() == usual:  # {state, value, at}: what `assess` writes
                state, value = answer["state"], answer["value"]
                stamp(answer["at"])
            else:
                state, value = _unusual(answer, times)
            if state != "answered":
                if value is not None or type(state) is not str or state not in STATES:
                    _refuse()
                row[i] = STATES[state]
                continue
            if value is None:
                _refuse()
        elif answer is None:
            _refuse()
        else:
            value = answer
        code = known[i].get(tuple(value) if type(value) is list else value)
        if code is None:
            code = codes.code(qid, value)
            if code is None:
                _refuse()
        row[i] = code
    return row, times


_USUAL = {"state": None, "value": None, "at": None}.keys()


def _unusual(answer: dict, times: list) -> tuple[Any, Any]:
    """(state, value) of an answer with other keys than {state, value, at}, checked."""
    note = answer.get("note")
    if not ANSWER_KEYS.issuperset(answer) or (note is not None and type(note) is not str) or \
            type(answer.get("note_private", False)) is not bool:
        _refuse()
    at = answer.get("at")
    if at is not None:
        times.append(at)
    return answer.get("state", "answered"), answer.get("value")


def _refuse():
    raise _NotPlain
