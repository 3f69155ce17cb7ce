"""Loaded last by name; its scorer sorts first (alpha)."""

from cxmaturity import Finding, Scorer, hookimpl


class Alpha(Scorer):
    name = "alpha"
    dimension = "alpha"

    def score(self, ctx):
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[], asked=0)]


@hookimpl
def register_scorers(register):
    register(Alpha())
