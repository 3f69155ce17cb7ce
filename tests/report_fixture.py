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
    FigureUse,
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
    Shares,
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


def _use(fig) -> FigureUse:
    return FigureUse(
        id=fig.id, options=fig.options, value=fig.value, comparator=fig.comparator, better=fig.better,
        distribution={o: s.value for o, s in fig.distribution.items()} if fig.distribution else None,
        source=fig.source, confidence=fig.confidence, fact_id=fig.fact_id, alternative=fig.alternative,
    )


def _placement(figs, answer, verdict, split, text_en, text_fr, could_be=()) -> Placement:
    fig = figs[0]
    shares = None
    if split is not None:
        worse, equal, better = split
        shares = Shares(worse=worse, equal=equal, better=better, percentile=(worse[0], 100 - better[0]))
    return Placement(
        cohort=fig.cohort, question=fig.question, answer=answer, figure=fig.id, verdict=verdict,
        certain=not could_be, could_be=list(could_be), shares=shares, figures=[_use(f) for f in figs],
        value=fig.value, options=fig.options, comparator=fig.comparator,
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
        # heavily invested: worse = 3 + 15 + 54, the same 28.
        _placement([figs["fig2-front-office-all"]], "heavily", "ahead", ((72, 72), (28, 28), (0, 0)),
                   "All respondents: 72% answered worse (derived).", "Ensemble : 72 % moins bien (calculé)."),
        # CX leaders: two thirds share the top answer, so level: worse 5 + 9 + 21.
        _placement([figs["fig2-front-office-cx-leaders"]], "heavily", "level", ((35, 35), (65, 65), (0, 0)),
                   "CX leaders: 35% answered worse, 65% the same (derived).",
                   "Leaders CX : 35 % moins bien, 65 % comme vous (calculé)."),
        # Aligned (about 67%) but no perception-gap measure (about 45%): overlaps unknown.
        _placement([figs["brand-align-strategy-all"], figs["brand-perception-gap-all"]],
                   ["align_strategy", "conversation_review"], "level",
                   ((0, 33), (22, 88), (12, 45)),
                   "All respondents: 0–33% have only some of your practices (derived).",
                   "Ensemble : 0 à 33 % n'ont qu'une partie de vos pratiques (calculé)."),
        Placement(cohort="europe", question="invest.front_office", answer="heavily",
                  verdict="no_benchmark",
                  text={"en": "Europe: no benchmark for this question.",
                        "fr": "Europe : pas de référence chiffrée pour cette question."}),
    ]
    auto = next(f for f in cohorts.figures
                if f.question == "automation.fully_automated" and f.options is None)
    placements.append(_placement([auto], "25_50", "level", None,
                                 "All respondents: on average 25% to 50%; your answer is within it.",
                                 "Ensemble : en moyenne 25 à 50 % ; votre réponse est dans la fourchette.",
                                 could_be=("ahead", "behind")))
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
