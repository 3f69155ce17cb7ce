"""French punctuation stays with its word when rich wraps a line.

rich breaks lines at any whitespace, non-breaking spaces included, so a French line could end
with a lone "«" or start with a lone "»" (or ":", ";", "?", "!"). `install()` gives rich's word
splitter a pattern where a non-breaking space (U+00A0, U+202F) does not break, an opening
guillemet belongs to the word after it and a closing one or a high punctuation mark to the word
before it. The pattern is rich's own (a word and the whitespace after it) with those cases added;
if a rich release stops splitting words this way, `install()` leaves it as it is.
"""

from __future__ import annotations

import re

_BREAK = r"[^\S\u00a0\u202f]"  # whitespace where a line may break
_WORD = r"[\S\u00a0\u202f]"
WORD = re.compile(rf"{_BREAK}*(?:«{_BREAK}+)?{_WORD}+(?:{_BREAK}+[»:;?!]{_WORD}*)*{_BREAK}*")


def install() -> None:
    """Make rich wrap French text without a lone guillemet at a line's edge (idempotent)."""
    try:
        from rich import _wrap
    except ImportError:  # pragma: no cover - rich is a dependency; a layout change is not fatal
        return
    if isinstance(getattr(_wrap, "re_word", None), re.Pattern):
        _wrap.re_word = WORD
