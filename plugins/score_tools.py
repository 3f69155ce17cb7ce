"""Built-in scorer: the breadth and tenure of the company's AI tools (Figure 4).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: having a tool at all earns the first point (breadth), running it for more than two years
# the second (tenure): under a quarter of respondents had, so time in use is what matures.
TENURE = {"none": 0, "under_2y": 1, "over_2y": 2}

TOOLS = {
    "tools.self_service.tenure": {"en": "self-service", "fr": "libre-service"},
    "tools.chatbots.tenure": {"en": "chatbots", "fr": "chatbots"},
    "tools.sentiment.tenure": {"en": "sentiment analysis", "fr": "analyse des sentiments"},
    "tools.agent_assist.tenure": {"en": "predictive prompts to agents",
                                  "fr": "suggestions prédictives aux conseillers"},
    "tools.ivr.tenure": {"en": "AI in the voice channel", "fr": "IA sur le canal vocal"},
    "tools.virtual_assistant.tenure": {"en": "virtual assistant", "fr": "assistant virtuel"},
    "tools.recommendation.tenure": {"en": "personalised recommendations",
                                    "fr": "recommandations personnalisées"},
}


class ToolsScorer(PointsScorer):
    """Scores how many AI tools are deployed and for how long, 0-100."""

    name = dimension = "tools"
    version = "1"
    subject = {"en": "AI-tool", "fr": "les outils d'IA"}
    points = {qid: Points(label, TENURE) for qid, label in TOOLS.items()}

    def describe(self, ctx, steps):
        deployed = [s for s in steps if s.answer != "none"]
        seasoned = sum(1 for s in steps if s.answer == "over_2y")
        missing = [s.label for s in steps if s.answer == "none"]
        en = (f"AI tools deployed: {len(deployed)} of the {len(steps)} answered, "
              f"{seasoned} of them for more than two years")
        fr = (f"Outils d'IA déployés : {len(deployed)} sur {len(steps)} renseignés, "
              f"dont {seasoned} depuis plus de deux ans")
        if missing:
            en += "; not yet deployed: " + ", ".join(m["en"] for m in missing)
            fr += " ; pas encore déployés : " + ", ".join(m["fr"] for m in missing)
        return {"en": en + ".", "fr": fr + "."}


@hookimpl
def register_scorers(register):
    register(ToolsScorer())
