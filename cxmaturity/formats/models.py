"""The file formats and the result document, as pydantic models: one import for all of them.

Every model forbids unknown keys, so a misspelled field is reported where it is rather than
silently ignored. Cross-references between files (a `when` naming a later question, an answer
outside a question's options) are checked in `loader.py`, which knows the file and the line.
Each format has its module: `questionnaire_models` (questionnaires, assessments, conditions),
`cohort_models`, `playbook_models` (playbooks and the stage model), `result_models`; the base
class and the field types they share (ids, texts, states) are in `model_base`.
"""

# ruff: noqa: F401 -- this module re-exports the models of every format under one name
from __future__ import annotations

from cxmaturity.formats.cohort_models import (
    CohortDef,
    CohortFile,
    Figure,
    Share,
    Statement,
    Survey,
    Thresholds,
)
from cxmaturity.formats.playbook_models import (
    Action,
    Constraint,
    DimensionWeight,
    Evidence,
    Fit,
    Kpi,
    Phase,
    Playbook,
    Requirement,
    ScoredWhen,
    Stage,
    StageModel,
)
from cxmaturity.formats.questionnaire_models import (
    Answer,
    AnswerValue,
    Assessment,
    Company,
    Condition,
    ConsistencyRule,
    Group,
    Option,
    Question,
    Questionnaire,
    QuestionnaireRef,
    Replaces,
    Section,
    SourceRef,
)
from cxmaturity.formats.result_models import (
    CohortMembership,
    Conflict,
    Coverage,
    DimensionResult,
    Executive,
    ExecutiveAction,
    FigureUse,
    Finding,
    HeldBack,
    Highlight,
    Interval,
    MissingAnswer,
    NextAction,
    OverallResult,
    PhaseStatus,
    Placement,
    PlaybookFit,
    PluginStatus,
    Result,
    RoadmapResult,
    SetAside,
    Shares,
    Step,
)
from cxmaturity.words.tr import tr
