"""A scorer that changes the assessment it is given: renames the company, drops the answers.

Its name sorts before every built-in scorer, so that without protection each of them would
score the emptied assessment."""

from cxmaturity import Scorer, hookimpl


class Mutator(Scorer):
    name = "aaa-mutator"
    dimension = "mutator"

    def score(self, ctx):
        ctx.assessment.company.name = "Renamed by a plugin"
        ctx.assessment.answers.clear()
        ctx.cohorts.clear()
        return []


@hookimpl
def register_scorers(register):
    register(Mutator())
