"""Built-in plugin: the questionnaires shipped with the tool (the 2018 survey instrument and
its shorter variants), registered exactly as a third-party plugin would register its own."""

from cxmaturity import bundled, hookimpl

# bundled() finds the folder inside the wheel or at the top of a source checkout, as for
# every built-in data plugin.


@hookimpl
def register_questionnaires(register):
    for path in sorted(bundled("questionnaires").glob("*.yaml")):
        register(path)
