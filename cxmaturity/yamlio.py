"""Reading and writing YAML safely: no object construction, errors with their line.

Reading takes the fast C parser where it can and falls back to the pure-Python one, which
also reads the YAML 1.2 that libyaml refuses (a timestamp inside a flow mapping, say).
Line numbers are looked up only when something is wrong, by a second, round-trip parse.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver

from .errors import CxError, FileError, Problem

# A YAML alias is `*name` after a separator; a file that has none cannot hold an alias bomb.
_ALIAS_HINT = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]")
MAX_BYTES = 5 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text, or a FileError saying why it cannot be read."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileError([Problem(name, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise FileError([Problem(name, None, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise FileError([Problem(name, None, "", f"cannot read it ({exc.strerror})")]) from None
    if len(raw) > MAX_BYTES:
        raise FileError([Problem(name, None, "", f"too large ({len(raw)} bytes; at most {MAX_BYTES})")])
    if b"\0" in raw:
        raise FileError([Problem(name, None, "", "binary data, not a YAML text file")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError([Problem(name, line, "", "not UTF-8 text")]) from None


def _syntax_problem(name: str, exc: YAMLError) -> Problem:
    if isinstance(exc, MarkedYAMLError) and exc.problem_mark is not None:
        line = exc.problem_mark.line + 1
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        return Problem(name, line, "", f"YAML syntax: {what}")
    return Problem(name, None, "", f"YAML syntax: {str(exc).splitlines()[0]}")


def _check_aliases(name: str, text: str) -> None:
    # Our formats never need anchors; refusing aliases outright rules out the
    # "billion laughs" bomb without counting expansions.
    if not _ALIAS_HINT.search(text):
        return
    from ruamel.yaml.events import AliasEvent

    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise FileError([Problem(name, line, "", "YAML aliases (*name) are not allowed")])
    except YAMLError as exc:
        raise FileError([_syntax_problem(name, exc)]) from None


class _OneVersionResolver(VersionedResolver):
    """The YAML 1.2 resolver, without re-deriving the document's version for every scalar
    (which is half the cost of loading an assessment). Documents that declare another
    version with a %YAML directive go to the standard resolver."""

    @property
    def processing_version(self) -> Any:
        return (1, 2)


@functools.cache
def _fast_loader() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _OneVersionResolver
    return yaml


class _Unusual(Exception):
    """A document the event reader leaves to the full loader (tags, anchors, duplicate keys…)."""


_STR_STYLES = frozenset(("'", '"', "|", ">"))
_STR_TAG = "tag:yaml.org,2002:str"


def _from_events(text: str) -> Any:
    """The document's data built straight from libyaml's events: the same values as the
    full loader (plain scalars go through its resolver and constructor) for the documents
    our formats use, at about half the cost, which matters when a portfolio reads
    thousands of assessments. Anything else raises _Unusual and goes to the full loader."""
    from ruamel.yaml.events import (
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )
    from ruamel.yaml.nodes import ScalarNode

    yaml = _fast_loader()
    resolver, constructor = yaml.resolver, yaml.constructor
    stack: list[list[Any]] = []  # open containers, innermost last
    root: list[Any] = []
    done = False

    def add(value: Any) -> None:
        if not stack:
            if root:
                raise _Unusual("more than one root")
            root.append(value)
            return
        top = stack[-1]  # [container, key]: the key is _SEQ for a sequence
        if top[1] is _SEQ:
            top[0].append(value)
        elif top[1] is _NO_KEY:
            if isinstance(value, (dict, list)) or value in top[0]:
                raise _Unusual("complex or duplicate key")
            top[1] = value
        else:
            top[0][top[1]] = value
            top[1] = _NO_KEY

    for event in yaml.parse(text):
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor or (event.tag and event.tag != _TIMESTAMP_TAG):
                raise _Unusual("anchor or tag")
            value = event.value
            if event.tag:  # a timestamp `_tag_flow_timestamps` marked for libyaml
                value = _timestamp(value) or constructor.construct_non_recursive_object(ScalarNode(_TIMESTAMP_TAG, value))
            elif event.style not in _STR_STYLES:
                tag = resolver.resolve(ScalarNode, value, event.implicit)
                if str(tag) != _STR_TAG:
                    if str(tag) == "tag:yaml.org,2002:merge":
                        raise _Unusual("merge key")
                    value = constructor.construct_non_recursive_object(ScalarNode(tag, value))
            add(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor or event.tag or done:
                raise _Unusual("anchor, tag or second document")
            container: Any = {} if kind is MappingStartEvent else []
            add(container)
            stack.append([container, _NO_KEY if kind is MappingStartEvent else _SEQ])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            done = not stack
        elif event.__class__.__name__ in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
            continue
        elif event.__class__.__name__ == "DocumentStartEvent":
            if root:
                raise _Unusual("second document")
        else:
            raise _Unusual(event.__class__.__name__)
    if not root:
        raise _Unusual("no collection at the root")
    return root[0]


def _forget_documents() -> None:
    # ruamel's YAML object appends a DocInfo for every document it reads and never drops
    # it: the one shared loader would grow with every file a portfolio reads.
    _fast_loader().doc_infos.clear()


_NO_KEY = object()
_SEQ = object()

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# A timestamp written plain as a value inside a flow mapping (`{…, at: 2026-01-27T13:02:15Z}`):
# YAML 1.2 reads it, libyaml stops at its second ':'. Tagged and quoted, libyaml reads it as the
# same timestamp, on the same line and column.
_FLOW_TIMESTAMP = re.compile(
    r"(:[ \t]+)(\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)"
    r"(?=[ \t]*[,}\]])"
)


def _timestamp(text: str) -> Any:
    """The common ISO forms as the YAML constructor builds them (the zone keeps its written
    name), at a tenth of its cost; None leaves the rest to the constructor."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return moment
    cut = len(text) - 1 if text.endswith("Z") else max(text.rfind("+"), text.rfind("-"))
    return moment.replace(tzinfo=timezone(offset, text[cut:].strip()))


def _tag_flow_timestamps(text: str) -> str:
    return _FLOW_TIMESTAMP.sub(r'\1!!timestamp "\2"', text)


def parse(text: str, name: str) -> Any:
    """Plain Python data (dicts, lists, scalars) from YAML text."""
    if not text.strip():
        raise FileError([Problem(name, None, "", "the file is empty")])
    if name.lower().endswith(".json"):
        return _parse_json(text, name)
    _check_aliases(name, text)
    if not text.lstrip().startswith("%YAML"):
        try:
            return _from_events(text)
        except (_Unusual, YAMLError):
            pass  # the full loaders below decide, and locate any error
        finally:
            _forget_documents()
        if "{" in text and _FLOW_TIMESTAMP.search(text):
            try:
                return _from_events(_tag_flow_timestamps(text))
            except (_Unusual, YAMLError):
                pass
            finally:
                _forget_documents()
        try:
            return _fast_loader().load(text)
        except YAMLError:
            pass  # libyaml refuses some YAML 1.2; the pure parser below has the last word
        finally:
            _forget_documents()
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise FileError([_syntax_problem(name, exc)]) from None
    except RecursionError:
        raise FileError([Problem(name, None, "", "nested too deeply")]) from None


def _parse_json(text: str, name: str) -> Any:
    """A `.json` file, read by the JSON parser (an assessment exported by a program)."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileError([Problem(name, exc.lineno, "", f"not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise FileError([Problem(name, None, "", "nested too deeply")]) from None


def line_of(text: str, path: tuple) -> int | None:
    """The 1-based line of the deepest element of `path` that exists in the YAML text."""
    try:
        node = YAML(typ="rt").load(text)
    except (YAMLError, RecursionError):
        return None
    line = None
    for part in path:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict) and part in node:
                line = lc.key(part)[0] + 1 if lc else line
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line = lc.item(part)[0] + 1 if lc else line
                node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return line


def dump(data: Any) -> str:
    """Block-style YAML for data made of dicts, lists and scalars, keys in the given order."""
    import io

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False
    yaml.allow_unicode = True
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves either the old file or the new one."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode any new file would get.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def _cannot_write(path: Path, exc: OSError) -> CxError:
    """A failed write as the one-line error a user can act on (no folder, no permission, full disk)."""
    if not path.parent.is_dir():
        return CxError(f"{path}: cannot write it (no such folder: {path.parent})")
    if path.is_dir():
        return CxError(f"{path}: cannot write it (it is a folder)")
    return CxError(f"{path}: cannot write it ({exc.strerror or exc})")
