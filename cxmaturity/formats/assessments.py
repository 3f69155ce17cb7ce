"""Assessment files: start a new one, name it, and write it back as YAML.

Writing is on the interview's hot path (after every answer), so `to_data` builds plain
dicts directly instead of going through pydantic's serialiser.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cxmaturity._version import __version__
from cxmaturity.formats.models import Answer, Assessment, Company, Questionnaire, QuestionnaireRef


def now() -> datetime:
    """The current time in UTC, to the second (what an assessment records)."""
    return datetime.now(UTC).replace(microsecond=0)


def slugify(name: str) -> str:
    """A company id from its name: `Lumière Santé SA` → `lumiere-sante-sa`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "company"


def new(
    questionnaire: Questionnaire, company: str, language: str, when: datetime | None = None
) -> Assessment:
    """An empty assessment of `company` on `questionnaire`."""
    when = when or now()
    return Assessment(
        tool_version=__version__,
        questionnaire=QuestionnaireRef(id=questionnaire.id, version=questionnaire.version),
        company=Company(id=slugify(company), name=company),
        language=language,
        created=when,
        updated=when,
    )


def default_path(company_id: str, day: date, folder: Path) -> Path:
    """`folder/<company>-<date>.yaml`, or `-2`, `-3`… so that no existing file is named."""
    base = f"{company_id}-{day.isoformat()}"
    path = folder / f"{base}.yaml"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.yaml"
        n += 1
    return path


def _stamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None and value.utcoffset().total_seconds() == 0:
        return value.replace(tzinfo=None).isoformat() + "Z"
    return value.isoformat()


def answer_data(answer: Answer) -> dict[str, Any]:
    """One answer as plain data, leaving out the fields it does not use."""
    out: dict[str, Any] = {"state": answer.state}
    if answer.value is not None:
        out["value"] = answer.value
    if answer.note is not None:
        out["note"] = answer.note
    if answer.note_private:
        out["note_private"] = True
    if answer.at is not None:
        out["at"] = _stamp(answer.at)
    return out


def to_data(assessment: Assessment, questionnaire: Questionnaire | None = None) -> dict[str, Any]:
    """The assessment as plain data; answers in the questionnaire's order when it is given."""
    answers = assessment.answers
    if questionnaire is not None:
        order = {q.id: i for i, q in enumerate(questionnaire.questions)}
        keys = sorted(answers, key=lambda k: order.get(k, len(order)))
    else:
        keys = list(answers)
    data: dict[str, Any] = {
        "format": assessment.format,
        "tool_version": assessment.tool_version,
        "questionnaire": {
            "id": assessment.questionnaire.id,
            "version": assessment.questionnaire.version,
        },
        "company": {"id": assessment.company.id, "name": assessment.company.name},
        "language": assessment.language,
        "created": _stamp(assessment.created),
        "updated": _stamp(assessment.updated),
        "answers": {k: answer_data(answers[k]) for k in keys},
    }
    return {k: v for k, v in data.items() if v is not None}


_PLAIN = re.compile(r"^[a-z][a-z0-9_-]*$")
# Words a YAML 1.1 reader would take for booleans or null: always quoted.
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# Characters YAML would not keep as they are in a double-quoted scalar (JSON leaves them
# as is): non-printables, and the line breaks NEL, LS and PS, which YAML folds.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _scalar(value: Any) -> str:
    import json

    if isinstance(value, str):
        if _PLAIN.match(value) and value not in _RESERVED:
            return value
        text = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
        return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in mapping.items()) + "}"


def to_yaml(assessment: Assessment, questionnaire: Questionnaire | None = None) -> str:
    """The assessment file's text: one line per answer, as hand-written files have them.

    Written directly rather than through a YAML emitter: it runs after every answer, and
    ruamel's pure-Python emitter alone takes ~20 ms for a full questionnaire.
    """
    data = to_data(assessment, questionnaire)
    lines = []
    for key, value in data.items():
        if key == "answers":
            lines.append("answers:" if value else "answers: {}")
            lines.extend(f"  {qid}: {_flow(answer)}" for qid, answer in value.items())
        elif isinstance(value, dict):
            lines.append(f"{key}: {_flow(value)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def save(path: Path, assessment: Assessment, questionnaire: Questionnaire | None = None) -> None:
    """Write the assessment atomically: a crash leaves the previous version or this one."""
    from cxmaturity.formats.atomic_write import write_atomic

    write_atomic(path, to_yaml(assessment, questionnaire))


def create(path: Path, assessment: Assessment, questionnaire: Questionnaire | None = None) -> None:
    """Write a new assessment file, refusing to replace one that appeared meanwhile."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(to_yaml(assessment, questionnaire))
        f.flush()
        os.fsync(f.fileno())


def has_comments(text: str) -> bool:
    """Whether a file's text may hold a comment (a `#` after a space or at a line's start)."""
    return text.lstrip().startswith("#") or " #" in text or "\n#" in text or "\t#" in text


_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def _merge(node: Any, new: dict[str, Any], flow: bool) -> Any:
    """`new` written into the round-trip mapping `node` in place, so that its comments stay;
    a fresh mapping where `node` is not one. Values that did not change keep their style."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if not isinstance(node, CommentedMap):
        node = CommentedMap()
        if flow:
            node.fa.set_flow_style()
    for key in [k for k in node if k not in new]:
        del node[key]
    for i, (key, value) in enumerate(new.items()):
        old = node.get(key)
        if isinstance(value, dict):
            value = _merge(old, value, flow=True)
        elif key in node and old == value and (type(old) is type(value) or isinstance(old, str)):
            continue  # unchanged: keep it as written ("quoted", or not)
        elif isinstance(value, str) and _STAMP.match(value):
            if isinstance(old, datetime) and _stamp(old) == value:
                continue
            value = DoubleQuotedScalarString(value)  # a time, quoted as the plain writer does
        if key in node:
            node[key] = value
        else:  # where the plain writer would put it, not after the answers
            node.insert(min(i, len(node)), key, value)
    return node


class CommentKeeper:
    """Writes an assessment over a hand-written file's text, keeping its comments.

    The file is parsed once (round-trip) when the interview resumes it; each save writes the
    answers into that document and emits it.
    """

    def __init__(self, original: str):
        from ruamel.yaml import YAML
        from ruamel.yaml.comments import CommentedMap

        self._yaml = YAML(typ="rt")
        self._yaml.width = 4096
        self._yaml.preserve_quotes = True
        try:
            doc = self._yaml.load(original)
        except Exception:  # noqa: BLE001 - a file the round-trip loader cannot keep is written plainly
            doc = None
        self._doc = doc if isinstance(doc, CommentedMap) else None

    def to_yaml(self, assessment: Assessment, questionnaire: Questionnaire | None = None) -> str | None:
        """The file's text with the assessment's data and the original comments; None when
        that cannot be done faithfully (the caller then writes `to_yaml`)."""
        import io

        from cxmaturity.formats.yamlio import parse

        if self._doc is None:
            return None
        try:
            data = to_data(assessment, questionnaire)
            _merge(self._doc, data, flow=False)
            out = io.StringIO()
            self._yaml.dump(self._doc, out)
            text = out.getvalue()
            # Written only if it reads back as exactly the assessment: no answer is ever
            # traded for a comment.
            again = Assessment.model_validate(parse(text, "<kept comments>"))
            return text if to_data(again, questionnaire) == data else None
        except Exception:  # noqa: BLE001 - any failure falls back to the plain writer
            self._doc = None
            return None


def save_keeping_comments(
    path: Path, assessment: Assessment, questionnaire: Questionnaire | None, keeper: CommentKeeper
) -> None:
    """`save`, keeping the comments of the hand-written file `keeper` was made from, where the
    format allows."""
    from cxmaturity.formats.atomic_write import write_atomic

    text = keeper.to_yaml(assessment, questionnaire)
    write_atomic(path, text if text is not None else to_yaml(assessment, questionnaire))
