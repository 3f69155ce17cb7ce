"""Between the database and the core: a respondent's answers as an Assessment, one interview
step saved, the consolidated assessment, and its evaluation and reports by the one pipeline
that `cxmaturity score` and `cxmaturity report` use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cxmaturity.formats import assessments
from cxmaturity.formats.models import Answer, Assessment, Questionnaire
from cxmaturity.interview.engine import Reply, Step, step
from cxmaturity.plugin_host import catalog
from cxmaturity.web import consolidate
from cxmaturity.web.store import Decision, Engagement, Respondent, Store, StoredAnswer

if TYPE_CHECKING:
    from cxmaturity.plugin_host.manager import Registry


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class Core:
    """What the server evaluates with: the plugin registry and the stage model."""

    registry: Registry
    model: Any = None

    def questionnaire(self, engagement: Engagement) -> Questionnaire:
        return catalog.find(engagement.questionnaire_id, engagement.questionnaire_version,
                            registry=self.registry)


def assessment_of(engagement: Engagement, questionnaire: Questionnaire,
                  stored: list[StoredAnswer]) -> Assessment:
    """An assessment of the engagement's company holding `stored` answers."""
    created = _time(engagement.created)
    a = assessments.new(questionnaire, engagement.company, engagement.language, created)
    a.company.id = engagement.company_id
    for s in stored:
        a.answers[s.question_id] = Answer.model_construct(
            state=s.state, value=s.value, note=s.note, note_private=False, at=_time(s.at))
    order = {q.id: i for i, q in enumerate(questionnaire.questions)}
    a.answers = dict(sorted(a.answers.items(), key=lambda kv: order.get(kv[0], len(order))))
    stamps = [x.at for x in a.answers.values() if x.at is not None]
    a.updated = max(stamps) if stamps else created
    return a


def respondent_assessment(store: Store, core: Core, respondent: Respondent) -> tuple[Assessment, Questionnaire]:
    engagement = store.engagement(respondent.engagement_id)
    questionnaire = core.questionnaire(engagement)
    return assessment_of(engagement, questionnaire, store.answers(respondent.id)), questionnaire


def apply_reply(store: Store, questionnaire: Questionnaire, respondent: Respondent,
                assessment: Assessment, question_id: str, reply: Reply) -> Step:
    """One interview step on the respondent's answers, committed to the database before it
    returns (back and invalid answers write nothing)."""
    result = step(questionnaire, assessment, question_id, reply)
    if result.error is None and reply.action != "back":
        store.save_answers(respondent.id, {
            qid: StoredAnswer(qid, a.state, a.value, a.note, _stamp(a.at))
            for qid, a in assessment.answers.items()
        })
    return result


def respondents_answers(store: Store, engagement: Engagement, questionnaire: Questionnaire
                        ) -> list[tuple[Respondent, Assessment]]:
    return [(r, assessment_of(engagement, questionnaire, store.answers(r.id)))
            for r in store.respondents(engagement.id)]


def consolidation(store: Store, engagement: Engagement, questionnaire: Questionnaire
                  ) -> tuple[list[tuple[Respondent, Assessment]], list[consolidate.Row], dict[str, Decision]]:
    pairs = respondents_answers(store, engagement, questionnaire)
    rows = consolidate.rows(questionnaire, [a.answers for _, a in pairs])
    return pairs, rows, store.decisions(engagement.id)


def confirm_proposals(store: Store, engagement: Engagement, questionnaire: Questionnaire) -> int:
    """Record the proposed answer of every question not decided yet; how many were recorded."""
    _, rows, decided = consolidation(store, engagement, questionnaire)
    now = assessments.now().isoformat()
    new = [Decision(r.question.id, r.proposal.state, r.proposal.value, True, now)
           for r in rows if r.proposal is not None and r.question.id not in decided]
    store.decide(engagement.id, new)
    return len(new)


def consolidated(store: Store, engagement: Engagement, questionnaire: Questionnaire) -> Assessment:
    """The engagement's one assessment: each decision, else the proposal; the answers to
    questions the kept answers close are dropped, as the interview drops them."""
    from cxmaturity.interview.engine import prune

    _, rows, decided = consolidation(store, engagement, questionnaire)
    a = assessments.new(questionnaire, engagement.company, engagement.language, _time(engagement.created))
    a.company.id = engagement.company_id
    stamps = []
    for row in rows:
        d = decided.get(row.question.id)
        chosen = consolidate.Proposal(d.state, d.value) if d else row.proposal
        if chosen is None:
            continue
        at = _time(d.at) if d else max((x.at for x in row.answers if x is not None and x.at), default=None)
        if at:
            stamps.append(at)
        a.answers[row.question.id] = Answer(state=chosen.state, value=chosen.value, at=at)
    prune(questionnaire, a.answers)
    a.updated = max(stamps) if stamps else a.created
    return a


def evaluate_report(core: Core, assessment: Assessment, questionnaire: Questionnaire, fmt: str) -> str:
    """The report of `assessment` in `fmt` (html, markdown, json), as `cxmaturity report` writes it."""
    from cxmaturity.documents.report import prepare
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.renderers.formats import renderer

    result = evaluate(assessment, questionnaire, core.registry, core.model)
    ri = prepare(result, assessment, questionnaire, core.registry, assessment.language, core.model)
    return renderer("report", {"md": "markdown"}.get(fmt, fmt))(ri)


def assessment_yaml(assessment: Assessment, questionnaire: Questionnaire) -> str:
    return assessments.to_yaml(assessment, questionnaire)
