"""Registers a questionnaire file with a mistake in it: reported at its line."""

from pathlib import Path

from cxmaturity import hookimpl


@hookimpl
def register_questionnaires(register):
    register(Path(__file__).with_name("bad-questionnaire.yaml"))
