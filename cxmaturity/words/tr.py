"""A text of a file or plugin (``{en: …, fr: …}``) in the output language."""

from __future__ import annotations


def tr(text: dict[str, str] | None, lang: str) -> str:
    """The text in `lang`, else in English, else in whatever language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))
