"""A realistic report input built by hand from the real questionnaire and cohort figures, so
that the renderers can be tested independently of the scoring pipeline."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import EXAMPLES, QUESTIONNAIRES, ROOT

from cxmaturity import loader
from cxmaturity.models import (
    CohortFile,
    CohortMembership,
    Coverage,
    DimensionResult,
    Evidence,
    Kpi,
    MissingAnswer,
    NextAction,
    OverallResult,
    Placement,
    Playbook,
    PluginStatus,
    QuestionnaireRef,
    Result,
    RoadmapResult,
    StageModel,
)
from cxmaturity.report import ReportInput, public_notes

STAGE_MODEL = StageModel.model_validate({
    "id": "cx-stages", "version": 1, "title": {"en": "CX maturity stages", "fr": "Stades de maturité CX"},
    "note": {"en": "The tool's own model.", "fr": "Le modèle propre de l'outil."},
    "stages": [
        {"id": "basic_automation", "label": {"en": "Basic automation", "fr": "Automatisation de base"},
         "min_score": 0},
        {"id": "acquiring_ai", "label": {"en": "Acquiring AI", "fr": "Acquisition de l'IA"}, "min_score": 25},
        {"id": "ai_at_scale", "label": {"en": "AI at scale", "fr": "IA à l'échelle"}, "min_score": 45},
        {"id": "customer_proximity", "label": {"en": "Customer proximity", "fr": "Proximité client"},
         "min_score": 65},
        {"id": "cx_leader", "label": {"en": "CX leader", "fr": "Leader CX"}, "min_score": 80},
    ],
    "dimensions": [
        {"id": d, "label": {"en": d.capitalize(), "fr": d.capitalize()}, "weight": 1}
        for d in ("investment", "strategy", "tools", "brand", "automation", "sentiment", "outcomes")
    ],
})

PLAYBOOK = Playbook.model_validate({
    "id": "orange-bank", "title": {"en": "Regulated-sector playbook", "fr": "Parcours secteur régulé"},
    "why": {"en": "A bank: customer data is regulated.", "fr": "Une banque : données réglementées."},
    "source": "Case study",
    "phases": [
        {"id": "assistant", "title": {"en": "A virtual assistant for customers",
                                      "fr": "Un assistant virtuel pour les clients"},
         "done_when": {"q": "practices.virtual_assistant_live", "in": ["live"]}},
        {"id": "kyc", "title": {"en": "Interaction data feeds know-your-customer checks",
                                "fr": "Les interactions alimentent la connaissance client"},
         "done_when": {"q": "practices.kyc_feed", "in": ["in_place"]}},
        {"id": "fraud", "title": {"en": "Risk scoring and fraud detection",
                                  "fr": "Notation du risque et détection de la fraude"},
         "done_when": {"q": "practices.fraud_detection", "in": ["in_place"]}},
    ],
})


def _cohort_file() -> CohortFile:
    return loader.load(ROOT / "benchmarks" / "cohorts" / "mit-tr-2018.yaml", CohortFile)


def _placement(fig, answer, verdict, position, text_en, text_fr) -> Placement:
    return Placement(
        cohort=fig.cohort, question=fig.question, answer=answer, figure=fig.id, verdict=verdict,
        position=position, value=fig.value, options=fig.options, comparator=fig.comparator,
        better=fig.better, source=fig.source, confidence=fig.confidence, fact_id=fig.fact_id,
        alternative=fig.alternative, text={"en": text_en, "fr": text_fr},
    )


def sample_input(lang: str | None = None, company_name: str = "Nordbank AB",
                 assessment_path=EXAMPLES / "nordbank.yaml") -> ReportInput:
    """Nordbank's report as a complete pipeline would produce it (numbers worked by hand)."""
    questionnaire = loader.load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    assessment = loader.load_assessment(assessment_path, questionnaire)
    cohorts = _cohort_file()
    figs = {f.id: f for f in cohorts.figures}
    placements = [
        # heavily invested: below = 3 + 15 + 54, half of 28 at it: 86th percentile.
        _placement(figs["fig2-front-office-all"], "heavily", "ahead", 86.0,
                   "All respondents: at the 86th percentile.", "Ensemble : au 86e centile."),
        # CX leaders: 5 + 9 + 21 + 65/2 = 67.5.
        _placement(figs["fig2-front-office-cx-leaders"], "heavily", "ahead", 67.5,
                   "CX leaders: at the 67.5th percentile.", "Leaders CX : au 67,5e centile."),
        _placement(figs["brand-align-strategy-all"], ["align_strategy", "conversation_review"],
                   "ahead", 66.5, "All respondents: among the roughly 67% who selected it.",
                   "Ensemble : parmi les quelque 67 % qui l'ont coché."),
        _placement(figs["brand-perception-gap-all"], ["align_strategy", "conversation_review"],
                   "behind", 27.5, "All respondents: among the 55% who did not select it.",
                   "Ensemble : parmi les 55 % qui ne l'ont pas coché."),
        Placement(cohort="europe", question="invest.front_office", answer="heavily",
                  verdict="no_benchmark",
                  text={"en": "Europe: no benchmark for this question.",
                        "fr": "Europe : pas de référence chiffrée pour cette question."}),
    ]
    auto = next(f for f in cohorts.figures
                if f.question == "automation.fully_automated" and f.options is None)
    placements.append(_placement(auto, "25_50", "level", None,
                                 "All respondents: on average 25% to 50%; your answer is within it.",
                                 "Ensemble : en moyenne 25 à 50 % ; votre réponse est dans la fourchette."))
    memberships = [
        CohortMembership(id=c.id, source=cohorts.id, label=c.label, n=c.n,
                         member=c.id in ("all", "europe"), always_compared=c.always_compared)
        for c in cohorts.cohorts
    ]
    dims = [
        DimensionResult(id=d, label={"en": d.capitalize(), "fr": d.capitalize()}, score=s, stage=st,
                        weight=1, coverage=Coverage(answered=a, asked=k), scorers=[d])
        for d, s, st, a, k in [
            ("automation", 50.0, "ai_at_scale", 1, 1), ("brand", 60.0, "ai_at_scale", 1, 1),
            ("investment", 100.0, "cx_leader", 2, 2), ("outcomes", 58.3, "ai_at_scale", 8, 10),
            ("sentiment", 60.0, "ai_at_scale", 1, 1), ("strategy", 75.0, "customer_proximity", 2, 2),
            ("tools", None, None, 0, 7),
        ]
    ]
    result = Result(
        tool_version="0.1.0", questionnaire=QuestionnaireRef(id="cx-ai-2018", version=1),
        questionnaire_title=questionnaire.title,
        model={"id": "cx-stages", "version": 1, "title": STAGE_MODEL.title},
        company={"id": assessment.company.id, "name": company_name},
        language=assessment.language, assessed=datetime(2026, 3, 2, 10, 59, tzinfo=UTC),
        cohort_sources=[{"id": cohorts.id}], cohorts=memberships,
        overall=OverallResult(score=67.2, stage="customer_proximity", coverage=6 / 7),
        dimensions=dims, placements=placements,
        statements=cohorts.statements[:2],
        roadmap=RoadmapResult(
            playbook="orange-bank", title=PLAYBOOK.title, why=PLAYBOOK.why, completed=["assistant"],
            current="kyc",
            next_actions=[NextAction(
                phase="kyc", id="feed-kyc",
                text={"en": "Feed chat transcripts into KYC reviews.",
                      "fr": "Verser les échanges du chat dans les revues KYC."},
                reason={"en": "Your answer: not yet.", "fr": "Votre réponse : pas encore."},
                evidence=[Evidence(text={"en": "Step 2 of the case.", "fr": "Étape 2 du cas."},
                                   source="Case study: Orange Bank", confidence="stated")],
            )],
            kpis=[Kpi(id="kyc-time", text={"en": "Time to complete KYC", "fr": "Durée du KYC"})],
            constraints=[Evidence(text={"en": "Keep personal data no longer than needed.",
                                        "fr": "Ne garder les données personnelles que le temps utile."},
                                  source="Case study: Orange Bank", confidence="stated")],
        ),
        missing=[MissingAnswer(question="impact.brand_image", state="dont_know", dimensions=["outcomes"])],
        plugins=[PluginStatus(name="score-investment", version="0.1.0", origin="built-in"),
                 PluginStatus(name="nps", version="0.2.0", origin="package",
                              error="failed in score (nps): ZeroDivisionError")],
    )
    return ReportInput(result=result, questionnaire=questionnaire, lang=lang or result.language,
                       figures={p.figure: figs[p.figure] for p in placements if p.figure},
                       playbook=PLAYBOOK, stage_model=STAGE_MODEL,
                       notes=public_notes(assessment))
