"""Source references ("Section 4 (Figure 9), Conclusion point 4", "Case study: Rakuten") in the
output language.

The data files keep one reference per number, written in English so that each can be checked
against the report; a French summary or report shows the same reference with the report's
section names in French. Figure and section numbers, company names and fact ids are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _portfolio_fr(whose: Callable[[re.Match], str]) -> Callable[[re.Match], str]:
    """A portfolio figure's source in French, "1 entreprise" or "12 entreprises"."""

    def words(m: re.Match) -> str:
        n = int(m["n"])
        return f"{whose(m)}, {n} entreprise{'s' if n > 1 else ''}, du {m['first']} au {m['last']}"

    return words


_COUNTED = r", (?P<n>\d+) compan(?:y|ies), (?P<first>\S+) to (?P<last>\S+)$"

# Longest first where one phrase contains another ("Case studies" before "Case study").
_FR: list[tuple[str, str | Callable[[re.Match], str]]] = [
    (r"cxmaturity's own suggestion \(no benchmark\)", "suggestion propre à cxmaturity (pas de référence)"),
    (r"\bCase studies: ", "Études de cas : "),
    (r"\bCase study: ", "Étude de cas : "),
    (r"\bcase studies: ", "études de cas : "),
    (r"\bcase study: ", "étude de cas : "),
    (r"\bForeword\b", "Avant-propos"),
    (r"\bPreface\b", "Préface"),
    (r"\bMethodology\b", "Méthodologie"),
    (r"\bConclusion point (\d+)", r"point \1 de la conclusion"),
    (r": close to (\d+)%", r" : près de \1 %"),
    (r"\(legend\)", "(légende)"),
    (r"\(step (\d+)\)", r"(étape \1)"),
    (r"\(GDPR constraint\)", "(contrainte RGPD)"),
    (r"\(GDPR\)", "(RGPD)"),
    (r"\(regional comparisons\)", "(comparaisons régionales)"),
    (r"\bsurvey instrument\b", "questionnaire de l'enquête"),
    # written by `cohorts build` (cohort_build.py)
    (r"^your portfolio" + _COUNTED, _portfolio_fr(lambda m: "votre portefeuille")),
    (r"^(?P<owner>.*) [Pp]ortfolio" + _COUNTED, _portfolio_fr(lambda m: f"portefeuille {m['owner']}")),
    (r"^membership rule of the report's cohort '([^']*)'$", r"règle d'appartenance de la cohorte « \1 » du rapport"),
]
_RULES = {"fr": [(re.compile(pattern), words) for pattern, words in _FR]}


def source_words(source: str | None, lang: str) -> str | None:
    """`source` with the report's section names in `lang` (English is returned unchanged)."""
    if not source:
        return source
    for pattern, words in _RULES.get(lang, ()):
        source = pattern.sub(words, source)
    return source
