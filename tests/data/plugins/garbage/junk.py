"""A scorer that returns something other than a list of findings."""

from cxmaturity import Scorer, hookimpl


class Junk(Scorer):
    name = "junk"
    dimension = "junk"

    def score(self, ctx):
        return {"score": 42}


@hookimpl
def register_scorers(register):
    register(Junk())
