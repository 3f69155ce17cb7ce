"""The closest known question or option id ("did you mean"), added to an answer's problem."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxmaturity.formats.models import Questionnaire

_QUOTED = re.compile(r"'([^']+)'")


def did_you_mean(word: str, known: list[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `known` to `word`, or ''."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def with_suggestions(issues: list[tuple[tuple, str]], q: Questionnaire) -> list[tuple[tuple, str]]:
    """The answer problems of `check_assessment`, with the closest question id or option id added."""
    out = []
    for loc, msg in issues:
        if len(loc) == 2 and loc[0] == "answers" and msg.startswith("unknown question id"):
            msg += did_you_mean(str(loc[1]), [x.id for x in q.questions])
        elif len(loc) == 3 and loc[0] == "answers" and loc[2] == "value" and (question := q.question(loc[1])):
            wrong = [w for w in _QUOTED.findall(msg.split("(")[0]) if w not in question.option_ids]
            hints = [did_you_mean(w, question.option_ids) for w in wrong]
            if any(hints):
                msg += "".join(h for h in hints if h)
        out.append((loc, msg))
    return out
