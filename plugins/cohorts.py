"""Built-in plugin: the cohort data shipped with the tool (the 2018 survey's figures, with
their provenance), registered through the public hook like any other plugin's."""

from cxmaturity import bundled, hookimpl

# bundled() finds the folder inside the wheel or at the top of a source checkout, as for
# every built-in data plugin.


@hookimpl
def register_cohorts(register):
    # The folder may hold no file yet (or none at all in a trimmed install): nothing to add.
    for path in sorted((bundled("benchmarks") / "cohorts").glob("*.yaml")):
        register(path)
