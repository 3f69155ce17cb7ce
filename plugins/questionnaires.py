"""Built-in plugin: the questionnaires shipped with the tool (the 2018 survey instrument and
its shorter variants), registered exactly as a third-party plugin would register its own."""

from pathlib import Path

from cxmaturity import hookimpl

# The data folders sit beside this plugins/ folder, in a source checkout as in the wheel
# (cxmaturity/data/plugins, cxmaturity/data/questionnaires…): found the way any plugin
# finds the files it ships.
DATA = Path(__file__).resolve().parent.parent


@hookimpl
def register_questionnaires(register):
    for path in sorted((DATA / "questionnaires").glob("*.yaml")):
        register(path)
