"""HTML built from escaped parts, for every page the package writes.

Escaping is the default: `fill(template, **values)` escapes every value with html.escape
unless it is a `Safe` (markup built here from escaped parts). Text from files (company name,
notes, labels, plugin names and errors) therefore cannot become markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from string import Template

from cxmaturity.text_safety import strip_controls


class Safe(str):
    """Markup built here from escaped parts: inserted as is."""


def esc(value: object) -> Safe:
    # Control characters too: a page has no use for them, and an escape sequence in a file
    # name or a company name should not survive into a document someone may cat.
    return value if isinstance(value, Safe) else Safe(html.escape(strip_controls(str(value)), quote=True))


def fill(template: str, **values: object) -> Safe:
    """`template` with every $name replaced by its value, escaped unless it is Safe."""
    return Safe(Template(template).substitute({k: esc(v) for k, v in values.items()}))


def join(parts: Iterable[object], sep: str = "") -> Safe:
    return Safe(sep.join(esc(p) for p in parts))

