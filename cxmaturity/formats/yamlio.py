"""Reading and writing YAML safely: no object construction, errors with their line.

A file's text is read by `text_files.read_text` and written by `atomic_write.write_atomic`
(both also named here); `yaml_events` is the fast reader that `parse` tries first.

Reading takes the fast C parser where it can and falls back to the pure-Python one, which
also reads the YAML 1.2 that libyaml refuses (a timestamp inside a flow mapping, say).
Line numbers are looked up only when something is wrong, by a second, round-trip parse
(one for all of a file's problems, however many: see `Lines`).
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from cxmaturity.errors import FileError, Problem
from cxmaturity.formats.atomic_write import write_atomic  # noqa: F401 -- also this module's name
from cxmaturity.formats.text_files import read_text  # noqa: F401 -- also this module's name
from cxmaturity.formats.yaml_events import (
    FLOW_TIMESTAMP,
    MAX_DEPTH,
    STR_STYLES,
    STR_TAG,
    BadScalar,
    TooDeep,
    Unusual,
    fast_loader,
    forget_documents,
    from_events,
    short_tag,
    tag_flow_timestamps,
)

# A YAML alias is `*name` after a separator; a file that has none cannot hold an alias bomb.
_ALIAS_HINT = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]")
# A YAML tag is `!…` after a separator; a file that has none needs no screening for tags.
_TAG_HINT = re.compile(r"(?:^|[\s\[{,:-])!")
# Explicit tags that only restate what a plain scalar or collection is; any other tag
# (!!binary, !!set, !!omap, !!python/…, local tags) is refused.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


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


def _too_deep(name: str, event: Any) -> FileError:
    line = event.start_mark.line + 1 if event.start_mark else None
    return FileError([Problem(name, line, "", f"nested too deeply (more than {MAX_DEPTH} levels)")])


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
            if isinstance(event, ScalarEvent) and not tag and event.style not in STR_STYLES:
                # A plain scalar that looks like a date, a number… must be one.
                implied = str(resolver.resolve(ScalarNode, event.value, event.implicit))
                if implied not in (STR_TAG, "tag:yaml.org,2002:merge"):
                    try:
                        constructor.construct_object(ScalarNode(implied, event.value))
                    except Exception:  # noqa: BLE001 - any failure is the value not being what it looks like
                        raise FileError([BadScalar(event, implied).problem(name)]) from None
                continue
            if not tag or tag == "!":
                continue
            tag = str(tag)
            line = event.start_mark.line + 1 if event.start_mark else None
            if tag not in _ALLOWED_TAGS:
                raise FileError([Problem(name, line, "", f"YAML tag {short_tag(tag)} is not allowed")])
            if isinstance(event, ScalarEvent):
                try:
                    constructor.construct_object(ScalarNode(tag, event.value))
                except Exception:  # noqa: BLE001 - any failure is the value not fitting its tag
                    why = f"YAML tag {short_tag(tag)}: '{event.value}' is not a valid {short_tag(tag)[2:]}"
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
            return from_events(text)
        except TooDeep as exc:
            raise _too_deep(name, exc.args[0]) from None
        except BadScalar as exc:
            raise FileError([exc.problem(name)]) from None
        except (Unusual, YAMLError):
            pass  # the full loaders below decide, and locate any error
        finally:
            forget_documents()
        if "{" in text and FLOW_TIMESTAMP.search(text):
            # A plain timestamp inside a flow mapping stops libyaml: tagged and quoted, the
            # fast path reads it as the same value (anything unusual falls to the loaders below).
            try:
                return from_events(tag_flow_timestamps(text))
            except (Unusual, TooDeep, BadScalar, YAMLError):
                pass
            finally:
                forget_documents()
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
            return fast_loader().load(text)
        except YAMLError:
            pass  # libyaml refuses some YAML 1.2; the pure parser below has the last word
        finally:
            forget_documents()
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

