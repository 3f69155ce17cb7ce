"""Built-in plugin: the roadmap playbooks shipped with cxmaturity (Rakuten, Orange Bank, health).

It registers every YAML file of the bundled `benchmarks/playbooks/` folder through the same
`register_playbooks` hook a third-party plugin uses, so a plugin can add a playbook of its own
and the engine treats both alike.
"""

from cxmaturity import bundled, hookimpl


@hookimpl
def register_playbooks(register):
    """Register each bundled playbook file, in file-name order."""
    # bundled() finds the folder inside the wheel or at the top of a source checkout.
    for path in sorted((bundled("benchmarks") / "playbooks").glob("*.yaml")):
        register(path)
