"""Built-in scorer: sentiment analysis, its tenure and how widely it is used (Figures 4 and 12).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one). The uses are
asked only when a sentiment tool is deployed; when it is not, the tenure alone (no points) is
the score.
"""

from cxmaturity import QuestionScorer, Step, hookimpl

# Why: as for every tool, deploying it earns a point and running it for over two years another.
TENURE = {"none": 0, "under_2y": 1, "over_2y": 2}
MAX_TENURE = 2

# Why: each source analysed routinely earns a point (count-based), "none" earns nothing; the
# report sets apart the companies using at least four of the five.
USES = {
    "structured": {"en": "structured data", "fr": "données structurées"},
    "unstructured": {"en": "unstructured data", "fr": "données non structurées"},
    "chat_nlp": {"en": "chat language processing", "fr": "traitement du langage des chats"},
    "text_mining": {"en": "text mining", "fr": "text mining"},
    "voice": {"en": "speech analytics", "fr": "analyse vocale"},
}

LABELS = {
    "tools.sentiment.tenure": {"en": "sentiment-analysis tool in use",
                               "fr": "outil d'analyse des sentiments en service"},
    "sentiment.uses": {"en": "sources analysed for sentiment",
                       "fr": "sources analysées pour les sentiments"},
}


# Said instead of a score when fewer than half of the asked questions were answered.
TOO_FEW = {
    "en": "Too few sentiment-analysis questions answered to score ({answered} of {asked}).",
    "fr": "Trop peu de réponses sur l'analyse des sentiments pour noter "
          "({answered} sur {asked}).",
}

_lower = QuestionScorer.lower_first


class SentimentScorer(QuestionScorer):
    """Scores how long sentiment analysis has run and how many sources it covers, 0-100."""

    name = "sentiment"
    dimension = "sentiment"
    version = "1"
    too_few = TOO_FEW
    questions = tuple(LABELS)

    def step(self, ctx, qid, value):
        if qid == "sentiment.uses" and isinstance(value, list):
            chosen = [v for v in value if v in USES]
            return Step(question=qid, answer=value, label=LABELS[qid],
                        points=len(chosen), max_points=len(USES))
        if qid == "tools.sentiment.tenure" and value in TENURE:
            return Step(question=qid, answer=value, label=LABELS[qid], points=TENURE[value],
                        max_points=MAX_TENURE)
        return None

    def describe(self, ctx, steps):
        by_question = {s.question: s for s in steps}
        tenure = by_question.get("tools.sentiment.tenure")
        uses = by_question.get("sentiment.uses")
        if tenure is not None and tenure.answer == "none":
            return {"en": "No sentiment-analysis tool is deployed, "
                          "so this dimension scores nothing.",
                    "fr": "Aucun outil d'analyse des sentiments n'est déployé : "
                          "cette dimension ne marque aucun point."}
        en, fr = [], []
        if tenure is not None:
            option = ctx.option_label(tenure.question, tenure.answer)
            en.append(f"Sentiment analysis {_lower(option['en'])}")
            fr.append(f"Analyse des sentiments {_lower(option['fr'])}")
        if uses is not None:
            chosen = [USES[v] for v in uses.answer if v in USES]
            en.append(f"{len(chosen)} of {len(USES)} sources analysed"
                      + (" (" + ", ".join(c["en"] for c in chosen) + ")" if chosen else ""))
            fr.append(f"{len(chosen)} sources analysées sur {len(USES)}"
                      + (" (" + ", ".join(c["fr"] for c in chosen) + ")" if chosen else ""))
        return {"en": ", ".join(en) + ".", "fr": ", ".join(fr) + "."}


@hookimpl
def register_scorers(register):
    register(SentimentScorer())
