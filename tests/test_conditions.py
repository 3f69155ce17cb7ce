"""The condition language, evaluated against answers and dimension scores."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cxmaturity.api import find_questionnaire as find
from cxmaturity.formats.conditions import evaluate
from cxmaturity.formats.models import Condition


@pytest.fixture(scope="module")
def q():
    return find("cx-ai-2018")


def c(data):
    return Condition.model_validate(data)


ANSWERS = {
    "profile.region": "europe",
    "sentiment.uses": ["structured", "unstructured", "chat_nlp", "text_mining"],
    "automation.fully_automated": "25_50",
    "brand.uses": ["none"],
}


@pytest.mark.parametrize(
    "cond,expected",
    [
        ({"q": "profile.region", "in": ["europe", "asia_pacific"]}, True),
        ({"q": "profile.region", "in": ["north_america"]}, False),
        ({"q": "sentiment.uses", "in": ["voice", "text_mining"]}, True),  # multi: any selected
        ({"q": "sentiment.uses", "gte": 4}, True),  # multi: count of selected options
        ({"q": "sentiment.uses", "gte": 5}, False),
        ({"q": "brand.uses", "gte": 1}, False),  # the exclusive "none" does not count
        ({"q": "automation.fully_automated", "gte": "10_25"}, True),  # ordered: by position
        ({"q": "automation.fully_automated", "gte": "50_75"}, False),
        ({"q": "automation.fully_automated", "lte": "25_50"}, True),
        ({"q": "invest.front_office", "in": ["heavily"]}, False),  # unanswered: false
        ({"not": {"q": "invest.front_office", "in": ["heavily"]}}, True),
        ({"q": "invest.front_office", "answered": False}, True),
        ({"q": "profile.region", "answered": True}, True),
        ({"all": [{"q": "profile.region", "in": ["europe"]}, {"q": "sentiment.uses", "gte": 4}]}, True),
        ({"any": [{"q": "profile.region", "in": ["latin_america"]}, {"q": "brand.uses", "in": ["none"]}]}, True),
        ({"dimension": "automation", "gte": 50}, True),
        ({"dimension": "automation", "gte": 50, "lte": 60}, True),
        ({"dimension": "automation", "lte": 40}, False),
        ({"dimension": "sentiment", "gte": 0}, False),  # no score: false
    ],
)
def test_evaluate(q, cond, expected):
    assert evaluate(c(cond), ANSWERS, q, {"automation": 55.0, "sentiment": None}) is expected


@pytest.mark.parametrize(
    "cond,message",
    [
        ({"q": "a.b"}, "needs one of in, gte, lte, answered"),
        ({"q": "a.b", "in": ["x"], "answered": True}, "cannot be combined"),
        ({"q": "a.b", "dimension": "x", "gte": 1}, "exactly one of"),
        ({"all": [], "in": ["x"]}, "apply only to q or dimension"),
        ({"dimension": "x", "in": ["a"]}, "takes gte and/or lte"),
        ({"q": "a.b", "gt": 3}, "Extra inputs"),
    ],
)
def test_malformed_condition_is_rejected(cond, message):
    with pytest.raises(ValidationError, match=message):
        c(cond)


def test_missing_condition_holds():
    assert evaluate(None, {}) is True
