"""Registers a scorer under a name a_first already took: rejected, naming both plugins."""

from cxmaturity import Finding, Scorer, hookimpl


class AlsoTwin(Scorer):
    name = "twin"
    dimension = "other"

    def score(self, ctx):
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[], asked=0)]


@hookimpl
def register_scorers(register):
    register(AlsoTwin())
