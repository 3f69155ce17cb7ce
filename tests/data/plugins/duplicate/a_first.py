"""Registers a scorer named `twin`; sorts before b_second, so it keeps the name."""

from cxmaturity import Finding, Scorer, hookimpl


class Twin(Scorer):
    name = "twin"
    dimension = "twin"

    def score(self, ctx):
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[], asked=0)]


@hookimpl
def register_scorers(register):
    register(Twin())
