"""Raises inside register_scorers after registering a scorer: nothing of it is kept."""

from cxmaturity import Finding, Scorer, hookimpl


class Half(Scorer):
    name = "half-registered"
    dimension = "half"

    def score(self, ctx):
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=[], asked=0)]


@hookimpl
def register_scorers(register):
    register(Half())
    return 1 / 0
