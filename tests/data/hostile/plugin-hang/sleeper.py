"""A scorer that never returns (an hour is forever to a command)."""

import time

from cxmaturity import Scorer, hookimpl


class Sleeper(Scorer):
    name = "sleeper"
    dimension = "sleeper"

    def score(self, ctx):
        time.sleep(3600)
        print("woke up")  # never seen: the call was abandoned long before
        return []


@hookimpl
def register_scorers(register):
    register(Sleeper())
