"""The command line's own manners: usage errors on one `Error: …` line, help text reflowed.

typer draws a usage error (an unknown option, a misspelled command, a bad value) in a boxed
panel, beside the one-line `Error: …` of every other problem. This group class runs the
command line without click's standalone handling and says each usage error on one line (exit
code 2), with click's or typer's "did you mean" and where to find help.

rich help keeps a docstring's line breaks, so a paragraph wrapped at 100 columns in the source
broke mid-phrase at 80 ("…, else the locale's" / "(French or English)."): each paragraph of a
command's help is joined into one line before it is shown, and rich wraps it at the terminal.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

from typer import Abort, Typer
from typer.core import TyperGroup

try:  # typer 0.28 carries its own copy of click; earlier releases use the click package
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
    from typer._click.utils import echo
except ImportError:  # pragma: no cover - depends on the typer release installed
    from click import ClickException, UsageError, echo
    from click.exceptions import NoArgsIsHelpError


def one_line(exc: ClickException) -> str:
    """The error's message on one line, with the help command for a usage error."""
    message = " ".join(exc.format_message().split())
    possibilities = sorted(getattr(exc, "possibilities", None) or ())
    if getattr(exc, "option_name", None) and possibilities:
        message = f"No such option: {exc.option_name}. Did you mean {' or '.join(possibilities)}?"
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, UsageError) and ctx is not None:
        message = message.rstrip(".") + f" (see '{ctx.command_path} --help')"
    return message


_LIST_ITEM = re.compile(r"^\s*([-*•]|\d+[.)])\s")


def reflow(text: str | None) -> str | None:
    """`text` with each paragraph on one line (list items keep their own lines)."""
    if not text:
        return text
    paragraphs = []
    for para in inspect.cleandoc(text).split("\n\n"):
        lines = para.split("\n")
        if any(_LIST_ITEM.match(line) for line in lines[1:]):
            paragraphs.append(para)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def reflow_all(command: Any) -> None:
    """Reflow the help of `command` and of every command below it."""
    command.help = reflow(command.help)
    for sub in getattr(command, "commands", {}).values():
        reflow_all(sub)


class OneLineErrors(TyperGroup):
    """A typer group whose usage errors are one `Error: …` line, and whose commands' help
    paragraphs are reflowed (`reflowing`, once it runs: a command loaded later is reflowed then)."""

    reflowing = False

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        self.reflowing = True
        reflow_all(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError:
            # A group called without a command shows its help, as typer shows it.
            return super().main(args, prog_name, complete_var, standalone_mode=True, **extra)
        except ClickException as exc:
            echo(f"Error: {one_line(exc)}", err=True)
            sys.exit(exc.exit_code)
        except Abort:
            echo("", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def subgroup(parent: Typer, name: str, help: str, **settings: Any) -> Typer:
    """A group of commands called `name` under `parent`, with the manners of this module."""
    group = Typer(cls=OneLineErrors, help=help, **settings)
    parent.add_typer(group, name=name)
    return group
