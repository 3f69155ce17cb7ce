"""`cxmaturity --help` lists each command with a one-paragraph summary that rich wraps itself;
a summary with hard line breaks came out broken in the list ("that `score" / "--format json`").
The list is drawn from the index of commands without importing their modules: each summary
there must be the command's own."""

from __future__ import annotations

import importlib

import pytest
import typer


@pytest.fixture(scope="module")
def loaded():
    """The `cxmaturity` group with every command loaded, and the index of commands."""
    from cxmaturity.cli import COMMANDS, app

    group = typer.main.get_command(app)
    with typer.Context(group) as ctx:
        commands = {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}
    return COMMANDS, commands


def _tree(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _tree(sub, (*path, name))


def test_every_command_summary_is_one_unbroken_line(cli, loaded):
    _, commands = loaded
    for name, command in commands.items():
        for path, each in _tree(command, (name,)):
            summary = (each.help or "").strip().split("\n\n")[0]
            assert summary and "\n" not in summary, path
    out = cli("--help").output
    assert "document that `score" not in out
    assert "follows from the answers." in " ".join(out.replace("│", " ").split())


def test_the_help_lists_each_command_with_its_own_summary(loaded):
    index, commands = loaded
    assert list(commands) == list(index)
    for name, (_, summary) in index.items():
        assert commands[name].help.strip().split("\n\n")[0] == summary, name


def test_every_command_of_the_command_modules_is_in_the_index(loaded):
    """A command added to a module but not to the index would be missing from the command line."""
    index, _ = loaded
    for module in {module for module, _ in index.values()}:
        group = typer.main.get_group(importlib.import_module(f"cxmaturity.cli.{module}").commands)
        for name in group.commands:
            assert index.get(name, (None,))[0] == module, f"{name} (cxmaturity/cli/{module}.py) is not in COMMANDS"
