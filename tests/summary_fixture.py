# ruff: noqa: E501 -- labels and sample texts read best on one line each
"""A hand-built result document with every case the summary must show: seven dimensions (one not
scored), every verdict including no benchmark, an uncertain level and an ambiguous figure, a statement, a roadmap with
a completed phase, each kind of missing answer and a failed plugin."""

from __future__ import annotations

from datetime import UTC, datetime

from cxmaturity.models import (
    CohortMembership,
    Company,
    Coverage,
    DimensionResult,
    Evidence,
    FigureUse,
    Finding,
    Kpi,
    MissingAnswer,
    NextAction,
    OverallResult,
    Placement,
    PluginStatus,
    QuestionnaireRef,
    Result,
    RoadmapResult,
    Shares,
    Statement,
    Step,
)

STAGES = [
    {
        "id": "basic_automation",
        "label": {"en": "Basic automation", "fr": "Automatisation de base"},
        "min_score": 0,
    },
    {
        "id": "acquiring_ai",
        "label": {"en": "Acquiring AI", "fr": "Acquisition de l'IA"},
        "min_score": 20,
    },
    {"id": "ai_at_scale", "label": {"en": "AI at scale", "fr": "IA à l'échelle"}, "min_score": 40},
    {
        "id": "customer_proximity",
        "label": {"en": "Customer proximity", "fr": "Proximité client"},
        "min_score": 60,
    },
    {"id": "cx_leader", "label": {"en": "CX leader", "fr": "Leader CX"}, "min_score": 80},
]


def _shares(worse, equal, better):
    return Shares(worse=worse, equal=equal, better=better, percentile=(worse[0], 100 - better[0]))


def _use(id, source, confidence, **kw):
    return FigureUse(id=id, source=source, confidence=confidence, **kw)


def _stage(score):
    if score is None:
        return None
    return [s["id"] for s in STAGES if score >= s["min_score"]][-1]


def _finding(dim, steps, asked):
    return Finding.from_steps(scorer=dim, dimension=dim, steps=steps, asked=asked)


def findings() -> list[Finding]:
    def st(q, a, p, m):
        return Step(question=q, answer=a, points=p, max_points=m)

    return [
        _finding(
            "investment",
            [st("invest.front_office", "acquiring", 1, 2), st("invest.analytics", "heavily", 2, 2)],
            2,
        ),
        _finding(
            "strategy",
            [
                st("strategy.efficiency", "agree", 3, 4),
                st("strategy.proximity", "strongly_agree", 4, 4),
            ],
            2,
        ),
        _finding(
            "tools",
            [
                st("tools.chatbots.tenure", "under_2y", 1, 2),
                st("tools.ivr.tenure", "over_2y", 2, 2),
                st("tools.sentiment.tenure", "none", 0, 2),
            ],
            7,
        ),
        _finding("brand", [st("brand.uses", ["align_strategy", "formal_metrics"], 2, 5)], 1),
        _finding("automation", [st("automation.fully_automated", "10_25", 1, 4)], 1),
        Finding(
            scorer="sentiment",
            dimension="sentiment",
            score=None,
            coverage=Coverage(answered=0, asked=1),
        ),
        _finding(
            "outcomes",
            [
                st("kpi.opcost.change", "up_under_5", 1, 3),
                st("impact.satisfaction", "significant", 2, 2),
            ],
            5,
        ),
    ]


WEIGHTS = {
    "investment": 2,
    "strategy": 1,
    "tools": 2,
    "brand": 1,
    "automation": 2,
    "sentiment": 1,
    "outcomes": 1,
}


def result(language: str = "en") -> Result:
    fs = findings()
    dims = [
        DimensionResult(
            id=f.dimension,
            score=f.score,
            stage=_stage(f.score),
            weight=WEIGHTS[f.dimension],
            coverage=f.coverage,
            scorers=[f.scorer],
        )
        for f in fs
    ]
    scored = [d for d in dims if d.score is not None]
    overall = round(sum(d.weight * d.score for d in scored) / sum(d.weight for d in scored), 1)
    cohorts = [
        CohortMembership(
            id="all",
            source="mit-tr-2018",
            label={"en": "All respondents", "fr": "Ensemble des répondants"},
            n=599,
            member=True,
            always_compared=True,
        ),
        CohortMembership(
            id="cx_leaders",
            source="mit-tr-2018",
            label={"en": "CX leaders", "fr": "Leaders CX"},
            member=False,
            always_compared=True,
        ),
        CohortMembership(
            id="large",
            source="mit-tr-2018",
            label={
                "en": "Companies over 30,000 employees",
                "fr": "Entreprises de plus de 30 000 salariés",
            },
            member=True,
        ),
        CohortMembership(
            id="europe", source="mit-tr-2018", label={"en": "Europe", "fr": "Europe"}, member=True
        ),
        CohortMembership(
            id="asia_pacific",
            source="mit-tr-2018",
            label={"en": "Asia-Pacific", "fr": "Asie-Pacifique"},
            member=False,
        ),
    ]
    alt = {
        "en": "the legend may swap the two middle bars",
        "fr": "la légende peut inverser les deux barres centrales",
    }
    fo = {"basic": 15, "acquiring": 54, "heavily": 28}
    fo_leaders = {"basic": 9, "acquiring": 21, "heavily": 65}
    fo_large = {"basic": 2, "acquiring": 54, "heavily": 43}
    placements = [
        Placement(
            cohort="all",
            question="invest.front_office",
            answer="acquiring",
            figure="fig2-fo-all",
            verdict="level",
            shares=_shares((18, 18), (54, 54), (28, 28)),
            figures=[_use("fig2-fo-all", "Figure 2", "figure_ambiguous", distribution=fo, alternative=alt)],
            comparator="exact",
            better="higher",
            source="Figure 2",
            confidence="figure_ambiguous",
            alternative=alt,
            text={
                "en": "All respondents: 18% answered worse, 54% the same, 28% better (derived).",
                "fr": "Ensemble des répondants : 18 % moins bien, 54 % comme vous, 28 % mieux (calculé).",
            },
        ),
        Placement(
            cohort="cx_leaders",
            question="invest.front_office",
            answer="acquiring",
            figure="fig2-fo-leaders",
            verdict="behind",
            shares=_shares((14, 14), (21, 21), (65, 65)),
            figures=[_use("fig2-fo-leaders", "Figure 2", "figure_ambiguous", distribution=fo_leaders, alternative=alt)],
            comparator="exact",
            better="higher",
            source="Figure 2",
            confidence="figure_ambiguous",
            alternative=alt,
            text={
                "en": "CX leaders: 14% answered worse, 21% the same, 65% better (derived).",
                "fr": "Leaders CX : 14 % moins bien, 21 % comme vous, 65 % mieux (calculé).",
            },
        ),
        Placement(
            cohort="large",
            question="invest.front_office",
            answer="acquiring",
            figure="fig2-fo-large",
            verdict="level",
            shares=_shares((3, 3), (54, 54), (43, 43)),
            figures=[_use("fig2-fo-large", "Figure 2", "figure_unambiguous", distribution=fo_large)],
            comparator="exact",
            better="higher",
            source="Figure 2",
            confidence="figure_unambiguous",
            text={
                "en": "Large companies: 3% answered worse, 54% the same, 43% better (derived).",
                "fr": "Grandes entreprises : 3 % moins bien, 54 % comme vous, 43 % mieux (calculé).",
            },
        ),
        Placement(
            cohort="europe",
            question="invest.front_office",
            answer="acquiring",
            verdict="no_benchmark",
            text={
                "en": "Europe: no benchmark for this question.",
                "fr": "Europe : pas de référence.",
            },
        ),
        Placement(
            cohort="all",
            question="brand.uses",
            answer=["align_strategy", "formal_metrics"],
            figure="fig5-metrics-all",
            verdict="ahead",
            shares=_shares((93, 93), (7, 7), (0, 0)),
            figures=[_use("fig5-metrics-all", "Figure 5", "stated", options=["formal_metrics"], value=7,
                          fact_id="formal_metrics_7")],
            value=7,
            options=["formal_metrics"],
            comparator="exact",
            better="higher",
            source="Figure 5",
            confidence="stated",
            fact_id="formal_metrics_7",
            text={
                "en": "All respondents: 7% selected formal metrics; so 93% have only some of your practices (derived).",
                "fr": "Ensemble des répondants : 7 % ont coché les indicateurs formels ; d'où 93 % n'ont qu'une partie de vos pratiques (calculé).",
            },
        ),
        Placement(
            cohort="cx_leaders",
            question="kpi.opcost.change",
            answer="up_under_5",
            figure="fig8-opcost-leaders",
            verdict="level",
            certain=False,
            could_be=["ahead"],
            shares=_shares((0, 80), (0, 80), (20, 20)),
            figures=[_use("fig8-opcost-leaders", "Figure 8", "figure_unambiguous",
                          options=["up_under_5", "up_5_10", "up_over_10"], value=80, comparator="about",
                          better="lower")],
            value=80,
            options=["up_under_5", "up_5_10", "up_over_10"],
            comparator="about",
            better="lower",
            source="Figure 8",
            confidence="figure_unambiguous",
            text={
                "en": "CX leaders: roughly 80% had costs rise; so 0–80% answered worse (derived). Not certain.",
                "fr": "Leaders CX : quelque 80 % ont vu leurs coûts augmenter ; d'où 0 à 80 % moins bien (calculé). Verdict incertain.",
            },
        ),
        Placement(
            cohort="all",
            question="automation.fully_automated",
            answer="10_25",
            figure="automation-avg-all",
            verdict="level",
            certain=False,
            could_be=["behind"],
            figures=[_use("automation-avg-all", "Section 5", "stated", value=(25, 50), comparator="range")],
            value=(25, 50),
            comparator="range",
            better="higher",
            source="Section 5",
            confidence="stated",
            text={
                "en": "All respondents: on average 25% to 50%; your answer is below it.",
                "fr": "Ensemble des répondants : en moyenne 25 % à 50 % ; votre réponse est en dessous.",
            },
        ),
    ]
    statements = [
        Statement(
            id="regions-europe",
            cohort="europe",
            text={
                "en": "European firms lean on AI for efficiency more than for closeness to customers.",
                "fr": "Les entreprises européennes misent sur l'IA pour l'efficacité plus que pour la proximité.",
            },
            source="Section 7",
            confidence="stated",
        ),
    ]
    ev = Evidence(
        text={
            "en": "A bank's assistant answers requests in natural language.",
            "fr": "L'assistant d'une banque répond aux demandes en langage naturel.",
        },
        source="Orange Bank case",
        confidence="stated",
    )
    roadmap = RoadmapResult(
        playbook="orange-bank",
        title={
            "en": "Orange Bank playbook (regulated sectors)",
            "fr": "Modèle Orange Bank (secteurs réglementés)",
        },
        why={
            "en": "Financial services handle regulated personal data.",
            "fr": "Les services financiers traitent des données personnelles réglementées.",
        },
        completed=["step-1"],
        current="step-2",
        next_actions=[
            NextAction(
                phase="step-2",
                id="kyc-feed",
                text={
                    "en": "Feed what customers tell the assistant into KYC records.",
                    "fr": "Alimenter le KYC avec ce que les clients disent à l'assistant.",
                },
                reason={
                    "en": "The assistant is live but its data stays apart.",
                    "fr": "L'assistant est en service mais ses données restent à part.",
                },
                evidence=[ev],
            ),
            NextAction(
                phase="step-2",
                id="nps-steps",
                text={
                    "en": "Measure NPS at each step of the journey.",
                    "fr": "Mesurer le NPS à chaque étape.",
                },
                reason={
                    "en": "Only overall NPS is measured.",
                    "fr": "Seul le NPS global est mesuré.",
                },
            ),
        ],
        kpis=[
            Kpi(
                id="kyc-share",
                text={
                    "en": "Share of KYC records updated from conversations",
                    "fr": "Part des dossiers KYC mis à jour par les conversations",
                },
            )
        ],
        constraints=[
            Evidence(
                text={
                    "en": "Keep personal data no longer than its purpose needs (GDPR).",
                    "fr": "Ne pas garder les données personnelles au-delà de leur finalité (RGPD).",
                },
                source="Orange Bank case",
                confidence="stated",
            )
        ],
    )
    missing = [
        MissingAnswer(question="kpi.nps.change", state="skipped", dimensions=["outcomes"]),
        MissingAnswer(question="journey.purchase.ai_share", state="not_applicable", dimensions=[]),
        MissingAnswer(question="kpi.clv.change", state="dont_know", dimensions=["outcomes"]),
        MissingAnswer(question="sentiment.uses", state="unanswered", dimensions=["sentiment"]),
    ]
    plugins = [PluginStatus(name=d, version="1", origin="built-in") for d in WEIGHTS] + [
        PluginStatus(
            name="nps",
            version="0.3",
            origin="folder",
            error="plugin 'nps' failed in register_scorers: ZeroDivisionError: division by zero",
        ),
    ]
    return Result(
        tool_version="0.1.0",
        questionnaire=QuestionnaireRef(id="cx-ai-2018", version=1),
        questionnaire_title={
            "en": "AI in customer experience (2018 survey)",
            "fr": "L'IA dans l'expérience client (enquête 2018)",
        },
        model={
            "id": "cx-stages",
            "version": 1,
            "title": {"en": "Stages", "fr": "Stades"},
            "stages": STAGES,
        },
        company=Company(id="nordbank", name="Nordbank AB"),
        language=language,
        assessed=datetime(2026, 3, 2, 11, 10, tzinfo=UTC),
        cohort_sources=[
            {
                "id": "mit-tr-2018",
                "origin": "report",
                "survey": {
                    "n": 599,
                    "fieldwork": "2018-07",
                    "publisher": "MIT Technology Review Insights",
                },
            }
        ],
        cohorts=cohorts,
        overall=OverallResult(score=overall, stage=_stage(overall), coverage=9 / 10),
        dimensions=dims,
        findings=fs,
        placements=placements,
        statements=statements,
        roadmap=roadmap,
        missing=missing,
        plugins=plugins,
    )
