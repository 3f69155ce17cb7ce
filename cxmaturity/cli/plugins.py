"""The commands about plugins: `plugins` lists them, `plugin new` starts a new distribution."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.one_line_errors import subgroup
from cxmaturity.cli.options import BUILT_IN, LangOption, Sources, check_lang, options, plugin_controls
from cxmaturity.cli.output import fail, handles_errors, print_warnings
from cxmaturity.text_safety import console

commands = typer.Typer()
plugin_app = subgroup(commands, "plugin", "For plugin authors: start a new plugin distribution.", no_args_is_help=True)


@commands.command("plugins")
@handles_errors
@plugin_controls
@options
def plugins_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Include the built-in plugins.")] = False,
    hook: Annotated[
        str | None,
        typer.Option("--hook", metavar="NAME", help="Only the plugins that implement the hook NAME "
                                                    "(register_scorers, or simply scorers).", show_default=False),
    ] = None,
    sources: Sources = BUILT_IN,
    lang: LangOption = None,
) -> None:
    """List the plugins: name, version, origin, hooks, what each registered, any error."""
    check_lang(lang)
    registry = sources.registry()
    shown = [p for p in registry.plugins if show_all or p.origin != "built-in"]
    if hook is not None:
        from cxmaturity.plugin_host.manager import HOOKS

        name = HOOKS.get(hook, hook)
        if name not in HOOKS.values():
            raise fail(f"--hook {hook}: no such hook (the hooks are: {', '.join(sorted(HOOKS.values()))})", 2)
        shown = [p for p in shown if name in p.hooks]
    if as_json:
        import json

        from cxmaturity.documents.plugin_listing import plugin_entry

        typer.echo(json.dumps([plugin_entry(registry, p) for p in shown], indent=2, ensure_ascii=False))
    else:
        from cxmaturity.renderers.plugin_table import plugins_table

        if shown:
            console().print(plugins_table(shown))
        else:
            typer.echo("No third-party plugins (--all shows the built-in ones).")
    print_warnings(registry)


@plugin_app.command("new")
@handles_errors
def plugin_new(
    name: Annotated[str, typer.Argument(help="The plugin's name, in kebab-case (acme-demo).", show_default=False)],
    folder: Annotated[
        Path, typer.Option("--dir", help="Where to create the distribution's folder.", metavar="DIR")
    ] = Path("."),
    with_questionnaire: Annotated[
        bool, typer.Option("--with-questionnaire", help="Add a questionnaire of its own, which the scorer reads.")
    ] = False,
    with_cohorts: Annotated[
        bool, typer.Option("--with-cohorts", help="Add a cohort file (your clients' figures).")
    ] = False,
    with_playbook: Annotated[bool, typer.Option("--with-playbook", help="Add a roadmap playbook.")] = False,
) -> None:
    """Create a plugin distribution: entry point, a scorer, tests that pass, a README.

    The folder is cxmaturity-NAME; install it with pip install -e 'cxmaturity-NAME[test]' and
    run its tests with pytest."""
    from cxmaturity.plugin_host.scaffold import write

    parts = [p for p, on in (("questionnaires", with_questionnaire), ("cohorts", with_cohorts),
                              ("playbooks", with_playbook)) if on]
    created, written = write(name, folder, parts)
    typer.echo(f"Wrote {created} ({len(written)} files):")
    for path in written:
        typer.echo(f"  {path.relative_to(created)}")
    typer.echo(f"Next: pip install -e '{created}[test]' && pytest {created}")
