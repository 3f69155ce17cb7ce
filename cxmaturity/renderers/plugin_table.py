"""The plugin list as a terminal table (what `cxmaturity plugins` shows)."""

from __future__ import annotations

from rich.table import Table

from cxmaturity.plugin_host.manager import PluginInfo


def plugins_table(plugins: list[PluginInfo]) -> Table:
    """Name, version, origin, hooks, what each registered, and any load error."""
    table = Table("name", "version", "origin", "hooks", box=None)
    # Long paths and messages are folded onto more lines, never cut: the end of an error
    # (where it happened) is the part an author needs.
    table.add_column("registered", overflow="fold")
    table.add_column("error", overflow="fold")
    for p in plugins:
        registered = "; ".join(
            f"{kind}: {', '.join(names)}" for kind, names in sorted(p.registered.items()) if names
        )
        table.add_row(
            p.name,
            p.version or "-",
            p.origin,
            ", ".join(p.hooks) or "-",
            registered or "-",
            p.error or "",
        )
    return table
