"""Built-in scorer: how AI serves and measures the brand (Figure 5, and Figure 6's brand image).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import Points, PointsScorer, hookimpl

# Why: each brand practice in place earns a point (count-based); "none" earns nothing. The
# report shows leaders doing more of them (perception gap: over 75% against about 45%).
USES = {
    "align_strategy": {"en": "AI built to the brand strategy", "fr": "IA conçue selon la marque"},
    "conversation_review": {"en": "conversation reviews", "fr": "revue des conversations"},
    "perception_gap": {"en": "perception-gap measurement", "fr": "mesure de l'écart de perception"},
    "agent_prompts": {"en": "brand-aware prompts to agents",
                      "fr": "suggestions aux conseillers fidèles à la marque"},
    "formal_metrics": {"en": "formal metrics of AI's effect on feelings",
                       "fr": "indicateurs formels de l'effet de l'IA sur le ressenti"},
}

# Why: a visible gain in brand image is the result the practices aim at; nearly half of the
# leaders report a major one against 13% overall, so it earns up to two points.
IMAGE = {"none": 0, "some": 1, "significant": 2}


class BrandScorer(PointsScorer):
    """Scores the brand practices AI supports and its effect on brand image, 0-100."""

    name = dimension = "brand"
    version = "1"
    subject = {"en": "brand", "fr": "la marque"}
    points = {
        "brand.uses": Points({"en": "brand practices supported by AI", "fr": "pratiques de marque appuyées sur l'IA"},
                             each=USES, say={"en": "{count} of {total} brand practices in place",
                                             "fr": "{count} pratiques de marque sur {total} en place"}),
        "impact.brand_image": Points({"en": "effect of AI on brand image", "fr": "effet de l'IA sur l'image de marque"},
                                     IMAGE),
    }


@hookimpl
def register_scorers(register):
    register(BrandScorer())
