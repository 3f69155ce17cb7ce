"""A text of a file or plugin (``{en: …, fr: …}``) in the output language."""

from __future__ import annotations


def tr(text: dict[str, str] | None, lang: str) -> str:
    """The text in `lang`, else in English, else in whatever language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))


def by_language(table: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """A table written word by word, both languages side by side (`{key: {en: …, fr: …}}`), as
    one table per language (`{en: {key: …}, fr: {key: …}}`), the way renderers look words up."""
    return {lang: {key: both[lang] for key, both in table.items()} for lang in ("en", "fr")}
