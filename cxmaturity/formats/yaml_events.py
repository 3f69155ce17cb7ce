"""The fast reader: a YAML document's data built straight from libyaml's events, for the
documents our formats use; anything unusual raises `Unusual` and is left to the full loaders
(`yamlio.parse`)."""

from __future__ import annotations

import functools
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.resolver import VersionedResolver

from cxmaturity.errors import Problem

# Collections inside collections: our formats need about ten levels (a questionnaire's
# nested conditions); anything deeper is refused before it is built.
MAX_DEPTH = 64
STR_STYLES = frozenset(("'", '"', "|", ">"))
STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# A timestamp written plain as a value inside a flow mapping (`{…, at: 2026-01-27T13:02:15Z}`):
# YAML 1.2 reads it, libyaml stops at its second ':'. Tagged and quoted, libyaml reads it as the
# same timestamp, on the same line and column.
FLOW_TIMESTAMP = re.compile(
    r"(:[ \t]+)(\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)"
    r"(?=[ \t]*[,}\]])"
)
_NO_KEY = object()
_SEQ = object()


class _OneVersionResolver(VersionedResolver):
    """The YAML 1.2 resolver, without re-deriving the document's version for every scalar
    (which is half the cost of loading an assessment). Documents that declare another
    version with a %YAML directive go to the standard resolver."""

    @property
    def processing_version(self) -> Any:
        return (1, 2)


@functools.cache
def fast_loader() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _OneVersionResolver
    return yaml


class Unusual(Exception):
    """A document the event reader leaves to the full loader (tags, anchors, duplicate keys…)."""


class TooDeep(Exception):
    """A collection opened deeper than MAX_DEPTH; the argument is its start event."""


class BadScalar(Exception):
    """A scalar that is not what its tag, said or implied, makes it (`2026-13-45`, `!!int abc`)."""

    def problem(self, name: str) -> Problem:
        event, tag = self.args
        line = event.start_mark.line + 1 if event.start_mark else None
        kind = short_tag(tag)[2:] if tag.startswith("tag:yaml.org,2002:") else short_tag(tag)
        return Problem(name, line, "", f"'{event.value}' is not a valid {kind}")



def short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def from_events(text: str) -> Any:
    """The document's data built straight from libyaml's events: the same values as the
    full loader (plain scalars go through its resolver and constructor) for the documents
    our formats use, at about half the cost, which matters when a portfolio reads
    thousands of assessments. Anything else raises Unusual and goes to the full loader."""
    from ruamel.yaml.events import (
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )
    from ruamel.yaml.nodes import ScalarNode

    yaml = fast_loader()
    resolver, constructor = yaml.resolver, yaml.constructor
    stack: list[list[Any]] = []  # open containers, innermost last
    root: list[Any] = []
    done = False

    def add(value: Any) -> None:
        if not stack:
            if root:
                raise Unusual("more than one root")
            root.append(value)
            return
        top = stack[-1]  # [container, key]: the key is _SEQ for a sequence
        if top[1] is _SEQ:
            top[0].append(value)
        elif top[1] is _NO_KEY:
            if isinstance(value, (dict, list)) or value in top[0]:
                raise Unusual("complex or duplicate key")
            top[1] = value
        else:
            top[0][top[1]] = value
            top[1] = _NO_KEY

    for event in yaml.parse(text):
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor or (event.tag and event.tag != TIMESTAMP_TAG):
                raise Unusual("anchor or tag")
            value = event.value
            if event.tag:  # a timestamp `tag_flow_timestamps` marked for libyaml (or the file's own)
                try:
                    value = _timestamp(value) or constructor.construct_non_recursive_object(
                        ScalarNode(TIMESTAMP_TAG, value))
                except (ValueError, TypeError, KeyError, OverflowError):
                    raise BadScalar(event, TIMESTAMP_TAG) from None
            elif event.style not in STR_STYLES:
                tag = resolver.resolve(ScalarNode, value, event.implicit)
                if str(tag) != STR_TAG:
                    if str(tag) == "tag:yaml.org,2002:merge":
                        raise Unusual("merge key")
                    try:
                        value = constructor.construct_non_recursive_object(ScalarNode(tag, value))
                    except (ValueError, TypeError, KeyError, OverflowError):
                        raise BadScalar(event, str(tag)) from None
            add(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor or event.tag or done:
                raise Unusual("anchor, tag or second document")
            container: Any = {} if kind is MappingStartEvent else []
            add(container)
            stack.append([container, _NO_KEY if kind is MappingStartEvent else _SEQ])
            if len(stack) > MAX_DEPTH:
                raise TooDeep(event)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            done = not stack
        elif event.__class__.__name__ in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
            continue
        elif event.__class__.__name__ == "DocumentStartEvent":
            if root:
                raise Unusual("second document")
        else:
            raise Unusual(event.__class__.__name__)
    if not root:
        raise Unusual("no collection at the root")
    return root[0]


def forget_documents() -> None:
    # ruamel's YAML object appends a DocInfo for every document it reads and never drops
    # it: the one shared loader would grow with every file a portfolio reads.
    fast_loader().doc_infos.clear()


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


def tag_flow_timestamps(text: str) -> str:
    return FLOW_TIMESTAMP.sub(r'\1!!timestamp "\2"', text)
