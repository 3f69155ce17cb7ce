"""Test plugin: registers the two versions of the small compare-test questionnaire."""

from pathlib import Path

from cxmaturity import hookimpl

HERE = Path(__file__).resolve().parent.parent


@hookimpl
def register_questionnaires(register):
    register(HERE / "mini-v1.yaml")
    register(HERE / "mini-v2.yaml")
