"""The HTML report's numbered sources: the same source, confidence and fact share one number."""

from __future__ import annotations

from cxmaturity.renderers.html_markup import Safe, fill, join
from cxmaturity.words.html_labels import CONFIDENCE, label_set
from cxmaturity.words.sources import source_words
from cxmaturity.words.tr import tr


class Footnotes:
    """Numbered sources: the same source, confidence and fact share one number."""

    def __init__(self, lang: str, consultant: bool = True) -> None:
        self.lang = lang
        # the client edition says source and confidence; fact ids and chart readings are internals
        self.consultant = consultant
        self.items: list[Safe] = []
        self._keys: dict[tuple, int] = {}

    def ref(self, source: str | None, confidence: str | None, fact_id: str | None = None,
            alternative: dict | None = None) -> Safe:
        if not source:
            return Safe("")
        key = (source, confidence, fact_id, tuple(sorted((alternative or {}).items())))
        n = self._keys.get(key)
        if n is None:
            n = self._keys[key] = len(self.items) + 1
            L = label_set(self.lang)
            conf = CONFIDENCE[self.lang].get(confidence or "", confidence or "")
            body = fill("$source · $conf", source=source_words(source, self.lang), conf=conf)
            if fact_id and self.consultant:
                body = fill("$b · <code>$fact</code>", b=body, fact=fact_id)
            if alternative and self.consultant:
                body = fill("$b. $other: $alt", b=body, other=L["other_reading"],
                            alt=tr(alternative, self.lang))
            self.items.append(
                fill('<li id="fn-$n">$body <a href="#ref-$n" class="back" aria-label="$up">↩</a></li>',
                     n=n, body=body, up=L["back"])
            )
            return fill('<sup class="fn"><a href="#fn-$n" id="ref-$n">$n</a></sup>', n=n)
        return fill('<sup class="fn"><a href="#fn-$n">$n</a></sup>', n=n)

    def html(self) -> Safe:
        return join(self.items)

