"""Built-in plugin: the roadmap playbooks shipped with the tool (Rakuten, Orange Bank),
registered through the public hook like any other plugin's."""

from pathlib import Path

from cxmaturity import hookimpl

# The data folders sit beside this plugins/ folder, in a source checkout as in the wheel
# (cxmaturity/data/plugins, cxmaturity/data/questionnaires…): found the way any plugin
# finds the files it ships.
DATA = Path(__file__).resolve().parent.parent


@hookimpl
def register_playbooks(register):
    # The folder may hold no file yet: nothing to add then.
    for path in sorted((DATA / "benchmarks" / "playbooks").glob("*.yaml")):
        register(path)
