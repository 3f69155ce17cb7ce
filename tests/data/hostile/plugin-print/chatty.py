"""A plugin that prints to stdout at import, in its hook and while scoring."""

from cxmaturity import Finding, Scorer, hookimpl
from cxmaturity.formats.models import Coverage

print("chatty imported")


class Chatty(Scorer):
    name = "chatty"
    dimension = "chatty"

    def score(self, ctx):
        print('{"not": "the result"}')
        return [Finding(scorer=self.name, dimension=self.dimension, score=None,
                        coverage=Coverage(answered=0, asked=1), text={"en": "Nothing to say."})]


@hookimpl
def register_scorers(register):
    print("registering chatty")
    register(Chatty())
