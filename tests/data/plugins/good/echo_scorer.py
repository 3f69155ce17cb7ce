"""A healthy folder plugin: scores the `echo` dimension from invest.front_office."""

from cxmaturity import Finding, Scorer, Step, hookimpl

__version__ = "1.2.3"

POINTS = {"basic": 0, "acquiring": 1, "heavily": 2}


class Echo(Scorer):
    name = "echo"
    dimension = "echo"
    questions = ("invest.front_office",)

    def score(self, ctx):
        value = ctx.answers.get("invest.front_office")
        steps = [] if value is None else [
            Step(question="invest.front_office", answer=value, points=POINTS[value], max_points=2)
        ]
        return [Finding.from_steps(scorer=self.name, dimension=self.dimension, steps=steps, asked=1)]


@hookimpl
def register_scorers(register):
    register(Echo())
