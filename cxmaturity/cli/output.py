"""How a command speaks besides its result: `Error: …` and `Warning: …` lines, and its -o FILE."""

from __future__ import annotations

import functools
from pathlib import Path

import typer

# Light (only `re` until a console is made): text from files and plugins reaches the terminal
# only through `console()` or `strip_controls`.
from cxmaturity.text_safety import strip_controls


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `Error: message` on stderr and return the Exit to raise."""
    typer.echo(f"Error: {strip_controls(message)}", err=True)
    return typer.Exit(code)


def handles_errors(fn):
    """Turn expected errors (CxError) into `Error: …` lines and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from cxmaturity.errors import CxError, FileError
        from cxmaturity.renderers.rich_wrap import install

        install()  # French guillemets stay with their word wherever rich wraps a line
        try:
            return fn(*args, **kwargs)
        except FileError as exc:
            for problem in exc.problems:
                typer.echo(f"Error: {strip_controls(str(problem))}", err=True)
            raise typer.Exit(1) from None
        except CxError as exc:
            if getattr(exc, "traceback", None):  # a plugin failure under --strict --traceback
                typer.echo(exc.traceback, err=True)
            raise fail(str(exc)) from None

    return wrapper


def print_warnings(registry) -> None:
    """One `Warning: …` line on stderr per plugin failure met so far."""
    for line in registry.warnings:
        typer.echo(f"Warning: {strip_controls(line)}", err=True)
        details = registry.traceback_of(line)
        if details:
            typer.echo(details, err=True)


def check_out(out: Path | None, force: bool) -> None:
    """The one rule for every command's -o FILE: an existing file (or a link) is replaced only
    with --force. Checked before any work, and again just before writing."""
    if out is not None and not force and (out.exists() or out.is_symlink()):
        raise fail(f"{out} already exists; add --force to replace it")


def write_out(out: Path, text: str | bytes, force: bool) -> None:
    """Write a command's -o FILE (atomically; a symlink is followed, the mode kept)."""
    from cxmaturity.formats.yamlio import write_atomic

    check_out(out, force)
    write_atomic(out, text)
