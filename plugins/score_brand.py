"""Built-in scorer: how AI serves and measures the brand (Figure 5, and Figure 6's brand image).

The points are the tool's own model, informed by the report (not a finding of the report).
A score needs at least half of the asked questions answered (and at least one).
"""

from cxmaturity import QuestionScorer, Step, hookimpl

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
MAX_IMAGE = 2

LABELS = {
    "brand.uses": {"en": "brand practices supported by AI",
                   "fr": "pratiques de marque appuyées sur l'IA"},
    "impact.brand_image": {"en": "effect of AI on brand image",
                           "fr": "effet de l'IA sur l'image de marque"},
}


# Said instead of a score when fewer than half of the asked questions were answered.
TOO_FEW = {
    "en": "Too few brand questions answered to score ({answered} of {asked}).",
    "fr": "Trop peu de réponses sur la marque pour noter ({answered} sur {asked}).",
}

_lower = QuestionScorer.lower_first


class BrandScorer(QuestionScorer):
    """Scores the brand practices AI supports and its effect on brand image, 0-100."""

    name = "brand"
    dimension = "brand"
    version = "1"
    too_few = TOO_FEW
    questions = tuple(LABELS)

    def step(self, ctx, qid, value):
        if qid == "brand.uses" and isinstance(value, list):
            chosen = [v for v in value if v in USES]
            return Step(question=qid, answer=value, label=LABELS[qid],
                        points=len(chosen), max_points=len(USES))
        if qid == "impact.brand_image" and value in IMAGE:
            return Step(question=qid, answer=value, label=LABELS[qid], points=IMAGE[value],
                        max_points=MAX_IMAGE)
        return None

    def describe(self, ctx, steps):
        en, fr = [], []
        for step in steps:
            if step.question == "brand.uses":
                chosen = [USES[v] for v in step.answer if v in USES]
                en.append(f"{len(chosen)} of {len(USES)} brand practices in place"
                          + (" (" + ", ".join(c["en"] for c in chosen) + ")" if chosen else ""))
                fr.append(f"{len(chosen)} pratiques de marque sur {len(USES)} en place"
                          + (" (" + ", ".join(c["fr"] for c in chosen) + ")" if chosen else ""))
            else:
                option = ctx.option_label(step.question, step.answer)
                en.append(f"{step.label['en']}: {_lower(option['en'])}")
                fr.append(f"{step.label['fr']} : {_lower(option['fr'])}")
        en, fr = "; ".join(en) + ".", " ; ".join(fr) + "."
        return {"en": en[:1].upper() + en[1:], "fr": fr[:1].upper() + fr[1:]}


@hookimpl
def register_scorers(register):
    register(BrandScorer())
