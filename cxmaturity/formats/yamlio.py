"""Reading and writing YAML safely: no object construction, errors with their line.

Reading takes the fast C parser where it can and falls back to the pure-Python one, which
also reads the YAML 1.2 that libyaml refuses (a timestamp inside a flow mapping, say).
Line numbers are looked up only when something is wrong, by a second, round-trip parse
(one for all of a file's problems, however many: see `Lines`).
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver

from cxmaturity.errors import CxError, FileError, Problem

# A YAML alias is `*name` after a separator; a file that has none cannot hold an alias bomb.
_ALIAS_HINT = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]")
# A YAML tag is `!…` after a separator; a file that has none needs no screening for tags.
_TAG_HINT = re.compile(r"(?:^|[\s\[{,:-])!")
MAX_BYTES = 5 * 1024 * 1024
# Collections inside collections: our formats need about ten levels (a questionnaire's
# nested conditions); anything deeper is refused before it is built.
MAX_DEPTH = 64
# Explicit tags that only restate what a plain scalar or collection is; any other tag
# (!!binary, !!set, !!omap, !!python/…, local tags) is refused.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def read_text(path: Path) -> str:
    """The file's text, or a FileError saying why it cannot be read.

    Only a regular file is read: a FIFO, a device (``/dev/zero``, ``/dev/urandom``) or a socket
    is refused before a byte is read, so nothing blocks. The size limit holds while reading,
    so a file that grows, or lies about its size, is never read past it.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileError([Problem(name, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise FileError([Problem(name, None, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise FileError([Problem(name, None, "", f"cannot read it ({exc.strerror})")]) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileError([Problem(name, None, "", "is a folder, not a file")])
        if not stat.S_ISREG(st.st_mode):
            raise FileError([Problem(name, None, "", f"not a regular file ({_kind_of_file(st.st_mode)})")])
        if st.st_size > MAX_BYTES:
            raise FileError([Problem(name, None, "", f"too large ({st.st_size} bytes; at most {MAX_BYTES})")])
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise FileError([Problem(name, None, "", f"too large (over {MAX_BYTES} bytes)")])
        raw = b"".join(chunks)
    except OSError as exc:
        raise FileError([Problem(name, None, "", f"cannot read it ({exc.strerror})")]) from None
    finally:
        os.close(fd)
    return decode(raw, name)


def _kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def decode(raw: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark allowed), or UTF-16 with its mark."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and not raw.startswith(b"\xff\xfe\0\0"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise FileError([Problem(name, None, "", "not valid UTF-16 text")]) from None
    if b"\0" in raw:
        # UTF-16 without a byte-order mark puts a zero byte beside every ASCII character.
        head = raw[:200]
        if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
            why = "UTF-16 text without a byte-order mark: save it as UTF-8"
        else:
            why = "binary data, not a YAML text file"
        raise FileError([Problem(name, None, "", why)])
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


class _TooDeep(Exception):
    """A collection opened deeper than MAX_DEPTH; the argument is its start event."""


class _BadScalar(Exception):
    """A scalar that is not what its tag, said or implied, makes it (`2026-13-45`, `!!int abc`)."""

    def problem(self, name: str) -> Problem:
        event, tag = self.args
        line = event.start_mark.line + 1 if event.start_mark else None
        kind = _short_tag(tag)[2:] if tag.startswith("tag:yaml.org,2002:") else _short_tag(tag)
        return Problem(name, line, "", f"'{event.value}' is not a valid {kind}")


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
            if event.tag:  # a timestamp `_tag_flow_timestamps` marked for libyaml (or the file's own)
                try:
                    value = _timestamp(value) or constructor.construct_non_recursive_object(
                        ScalarNode(_TIMESTAMP_TAG, value))
                except (ValueError, TypeError, KeyError, OverflowError):
                    raise _BadScalar(event, _TIMESTAMP_TAG) from None
            elif event.style not in _STR_STYLES:
                tag = resolver.resolve(ScalarNode, value, event.implicit)
                if str(tag) != _STR_TAG:
                    if str(tag) == "tag:yaml.org,2002:merge":
                        raise _Unusual("merge key")
                    try:
                        value = constructor.construct_non_recursive_object(ScalarNode(tag, value))
                    except (ValueError, TypeError, KeyError, OverflowError):
                        raise _BadScalar(event, str(tag)) from None
            add(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor or event.tag or done:
                raise _Unusual("anchor, tag or second document")
            container: Any = {} if kind is MappingStartEvent else []
            add(container)
            stack.append([container, _NO_KEY if kind is MappingStartEvent else _SEQ])
            if len(stack) > MAX_DEPTH:
                raise _TooDeep(event)
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


def _too_deep(name: str, event: Any) -> FileError:
    line = event.start_mark.line + 1 if event.start_mark else None
    return FileError([Problem(name, line, "", f"nested too deeply (more than {MAX_DEPTH} levels)")])


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _screen(name: str, text: str) -> None:
    """Refuse, located, what the full loaders would choke on or build: nesting deeper than
    MAX_DEPTH, tags our formats do not use, and tagged scalars that are not what the tag
    says (``format: !!int abc``, ``!!bool maybe``)."""
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, ScalarEvent
    from ruamel.yaml.nodes import ScalarNode

    yaml = YAML(typ="safe", pure=True)
    constructor, resolver = yaml.constructor, yaml.resolver
    depth = 0
    try:
        for event in yaml.parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(name, event)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            tag = getattr(event, "tag", None)
            if isinstance(event, ScalarEvent) and not tag and event.style not in _STR_STYLES:
                # A plain scalar that looks like a date, a number… must be one.
                implied = str(resolver.resolve(ScalarNode, event.value, event.implicit))
                if implied not in (_STR_TAG, "tag:yaml.org,2002:merge"):
                    try:
                        constructor.construct_object(ScalarNode(implied, event.value))
                    except Exception:  # noqa: BLE001 - any failure is the value not being what it looks like
                        raise FileError([_BadScalar(event, implied).problem(name)]) from None
                continue
            if not tag or tag == "!":
                continue
            tag = str(tag)
            line = event.start_mark.line + 1 if event.start_mark else None
            if tag not in _ALLOWED_TAGS:
                raise FileError([Problem(name, line, "", f"YAML tag {_short_tag(tag)} is not allowed")])
            if isinstance(event, ScalarEvent):
                try:
                    constructor.construct_object(ScalarNode(tag, event.value))
                except Exception:  # noqa: BLE001 - any failure is the value not fitting its tag
                    why = f"YAML tag {_short_tag(tag)}: '{event.value}' is not a valid {_short_tag(tag)[2:]}"
                    raise FileError([Problem(name, line, "", why)]) from None
    except YAMLError as exc:
        raise FileError([_syntax_problem(name, exc)]) from None


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
        except _TooDeep as exc:
            raise _too_deep(name, exc.args[0]) from None
        except _BadScalar as exc:
            raise FileError([exc.problem(name)]) from None
        except (_Unusual, YAMLError):
            pass  # the full loaders below decide, and locate any error
        finally:
            _forget_documents()
        if "{" in text and _FLOW_TIMESTAMP.search(text):
            # A plain timestamp inside a flow mapping stops libyaml: tagged and quoted, the
            # fast path reads it as the same value (anything unusual falls to the loaders below).
            try:
                return _from_events(_tag_flow_timestamps(text))
            except (_Unusual, _TooDeep, _BadScalar, YAMLError):
                pass
            finally:
                _forget_documents()
    # Unusual documents only: the common case has returned above. A document with a tag is
    # screened before it is built; any other is screened only if building it fails or
    # nests too deeply, to say where.
    if _TAG_HINT.search(text):
        _screen(name, text)
    try:
        data = _full_load(name, text)
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError) as exc:
        _screen(name, text)  # raises, located, for what it can explain
        what = "nested too deeply" if isinstance(exc, RecursionError) else f"cannot read a value ({exc})"
        raise FileError([Problem(name, None, "", what)]) from None
    if _depth(data) > MAX_DEPTH:
        _screen(name, text)
        raise FileError([Problem(name, None, "", f"nested too deeply (more than {MAX_DEPTH} levels)")])
    return data


def _full_load(name: str, text: str) -> Any:
    if not text.lstrip().startswith("%YAML"):
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


def _depth(data: Any) -> int:
    """How many collections deep `data` goes (iteratively: no recursion limit to meet)."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, (list, set, tuple)):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((v, depth) for v in value)
    return deepest


class Lines:
    """The lines of a YAML text's elements, from one round-trip parse however many are asked."""

    def __init__(self, text: str):
        try:
            self._root = YAML(typ="rt").load(text)
        except (YAMLError, RecursionError, ValueError, TypeError, KeyError, OverflowError):
            self._root = None

    def of(self, path: tuple) -> int | None:
        """The 1-based line of the deepest element of `path` that exists in the text."""
        node, line = self._root, None
        for part in path:
            lc = getattr(node, "lc", None)
            try:
                if isinstance(node, dict) and part in node:
                    line = lc.key(part)[0] + 1 if lc else line
                    node = node[part]
                elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                    line = lc.item(part)[0] + 1 if lc else line
                    node = node[part]
                else:
                    break
            except (KeyError, IndexError, TypeError):
                break
        return line


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
    """The 1-based line of the deepest element of `path` that exists in the YAML text.

    For several paths of one text, make one `Lines` and ask it: each call here parses."""
    return Lines(text).of(path)


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


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` (or bytes: a PDF) to `path` so that a crash leaves either the old file or
    the new one.

    A symlink is followed: its target gets the new text and the link stays a link. An
    existing file keeps its permissions (a private 0600 file stays private); a new one gets
    the mode any new file would get.
    """
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode the file has or would get.
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
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
