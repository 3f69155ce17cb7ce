"""Scorers whose findings cannot be true: more answered than asked, points above their
maximum, a score that does not follow from its steps, a score that is not a number."""

from cxmaturity import Finding, Scorer, hookimpl
from cxmaturity.formats.models import Coverage, Step


def _finding(name, dimension, **fields):
    # model_construct skips validation, as a careless plugin might; the engine checks anyway.
    return Finding.model_construct(scorer=name, dimension=dimension, questions=[], values={},
                                   text={"en": "Trust me."}, **fields)


class Overcount(Scorer):
    name = "liar-coverage"
    dimension = "liar-coverage"

    def score(self, ctx):
        return [_finding(self.name, self.dimension, score=50.0, steps=[],
                         coverage=Coverage(answered=1007, asked=8))]


class Overpoint(Scorer):
    name = "liar-points"
    dimension = "liar-points"

    def score(self, ctx):
        step = Step(question="invest.front_office", answer="heavily", points=1_000_000_000, max_points=1)
        return [_finding(self.name, self.dimension, score=50.0, steps=[step],
                         coverage=Coverage(answered=1, asked=1))]


class Nan(Scorer):
    name = "liar-nan"
    dimension = "liar-nan"

    def score(self, ctx):
        return [_finding(self.name, self.dimension, score=float("nan"), steps=[],
                         coverage=Coverage(answered=1, asked=1))]


class Sum(Scorer):
    name = "liar-sum"
    dimension = "liar-sum"

    def score(self, ctx):
        step = Step(question="invest.front_office", answer="heavily", points=1, max_points=4)
        return [_finding(self.name, self.dimension, score=90.0, steps=[step],
                         coverage=Coverage(answered=1, asked=1))]


@hookimpl
def register_scorers(register):
    for scorer in (Overcount(), Overpoint(), Nan(), Sum()):
        register(scorer)
