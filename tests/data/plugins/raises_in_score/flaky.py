"""A scorer that raises while scoring."""

from cxmaturity import Scorer, hookimpl


class Flaky(Scorer):
    name = "flaky"
    dimension = "flaky"

    def score(self, ctx):
        raise KeyError("kpi.nps.change")


@hookimpl
def register_scorers(register):
    register(Flaky())
