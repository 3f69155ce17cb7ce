"""Built-in plugin: the cohort data shipped with the tool (the 2018 survey's figures, with
their provenance), registered through the public hook like any other plugin's."""

from pathlib import Path

from cxmaturity import hookimpl

# The data folders sit beside this plugins/ folder, in a source checkout as in the wheel
# (cxmaturity/data/plugins, cxmaturity/data/questionnaires…): found the way any plugin
# finds the files it ships.
DATA = Path(__file__).resolve().parent.parent


@hookimpl
def register_cohorts(register):
    # The folder may hold no file yet (or none at all in a trimmed install): nothing to add.
    for path in sorted((DATA / "benchmarks" / "cohorts").glob("*.yaml")):
        register(path)
