"""Hostile text in everything a plugin can register: a version 2 of the bundled questionnaire,
a cohort file and a playbook whose every text carries `HOSTILE`, and a scorer whose finding
does. The tests copy this module under a hostile file name, so that the plugin's name is
hostile too."""

from cxmaturity import Finding, Scorer, hookimpl
from cxmaturity.formats.bundled import bundled
from cxmaturity.formats.loader import load
from cxmaturity.formats.models import CohortFile, Playbook, Questionnaire, Step

# Terminal escapes (window title, clear screen, red), a bell, HTML that runs script, a
# Markdown link to script, and an attribute break-out.
HOSTILE = ("\x1b]0;pwned\x07\x1b[2J\x1b[31m<script>alert(1)</script><img src=x onerror=alert(2)>"
           "[click](javascript:alert(3))\"><b>bold</b> *em* _u_ `code`|pipe\x07 ")


def _hostile(value):
    """`value` with HOSTILE before every text ({en, fr}) it holds, however deep."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "fr"} and all(isinstance(v, str) for v in value.values()):
            return {k: HOSTILE + v for k, v in value.items()}
        return {k: _hostile(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v) for v in value]
    return value


def _copy(model, path, **changes):
    data = _hostile(load(path, model).model_dump(by_alias=True, exclude_none=True))
    data.update(changes)
    return model.model_validate(data)


@hookimpl
def register_questionnaires(register):
    register(_copy(Questionnaire, bundled("questionnaires") / "cx-ai-2018.yaml", version=2))


@hookimpl
def register_cohorts(register):
    cohorts = _copy(CohortFile, bundled("benchmarks") / "cohorts" / "mit-tr-2018.yaml")
    # Own ids: placements name a cohort and a figure by id alone.
    for cohort in cohorts.cohorts:
        cohort.id = f"h-{cohort.id}"
    for figure in cohorts.figures:
        figure.id = f"h-{figure.id}"
        figure.cohort = f"h-{figure.cohort}"
    cohorts.id = "hostile-cohorts"
    register(cohorts)


@hookimpl
def register_playbooks(register):
    register(_copy(Playbook, bundled("benchmarks") / "playbooks" / "rakuten.yaml", id="hostile-playbook",
                   priority=99))


class Hostile(Scorer):
    name = "hostile-text"
    dimension = "hostile"

    def score(self, ctx):
        step = Step(question="invest.front_office", answer=ctx.value("invest.front_office"),
                    label={"en": HOSTILE + "step", "fr": HOSTILE + "étape"}, points=1, max_points=2)
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[step], asked=1,
                                   text={"en": HOSTILE + "finding", "fr": HOSTILE + "constat"})]


@hookimpl
def register_scorers(register):
    register(Hostile())
