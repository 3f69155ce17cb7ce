"""Built-in scorer: sentiment analysis, its tenure and how widely it is used (Figures 4 and 12).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one). The uses are
asked only when a sentiment tool is deployed; when it is not, the tenure alone (no points) is
the score.
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: as for every tool, deploying it earns a point and running it for over two years another.
TENURE = {"none": 0, "under_2y": 1, "over_2y": 2}

# Why: each source analysed routinely earns a point (count-based), "none" earns nothing; the
# report sets apart the companies using at least four of the five.
USES = {
    "structured": {"en": "structured data", "fr": "données structurées"},
    "unstructured": {"en": "unstructured data", "fr": "données non structurées"},
    "chat_nlp": {"en": "chat language processing", "fr": "traitement du langage des chats"},
    "text_mining": {"en": "text mining", "fr": "text mining"},
    "voice": {"en": "speech analytics", "fr": "analyse vocale"},
}

# Said instead of the answers when no sentiment tool is deployed (the uses are then not asked).
NONE_DEPLOYED = {"en": "No sentiment-analysis tool is deployed, so this dimension scores nothing.",
                 "fr": "Aucun outil d'analyse des sentiments n'est déployé : cette dimension ne marque aucun point."}


class SentimentScorer(PointsScorer):
    """Scores how long sentiment analysis has run and how many sources it covers, 0-100."""

    name = dimension = "sentiment"
    version = "1"
    subject = {"en": "sentiment-analysis", "fr": "l'analyse des sentiments"}
    points = {
        "tools.sentiment.tenure": Points(
            {"en": "sentiment-analysis tool in use", "fr": "outil d'analyse des sentiments en service"}, TENURE,
            say={"en": "Sentiment analysis {option}", "fr": "Analyse des sentiments {option}"}),
        "sentiment.uses": Points(
            {"en": "sources analysed for sentiment", "fr": "sources analysées pour les sentiments"}, each=USES,
            say={"en": "{count} of {total} sources analysed", "fr": "{count} sources analysées sur {total}"}),
    }
    separator = {"en": ", ", "fr": ", "}

    def describe(self, ctx, steps):
        if any(s.question == "tools.sentiment.tenure" and s.answer == "none" for s in steps):
            return NONE_DEPLOYED
        return super().describe(ctx, steps)


@hookimpl
def register_scorers(register):
    register(SentimentScorer())
