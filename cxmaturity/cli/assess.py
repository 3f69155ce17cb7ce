"""`cxmaturity assess`: interview a company and save its assessment after every answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cxmaturity.cli.options import BUILT_IN, LangOption, Sources, check_lang, locale_lang, options, plugin_controls
from cxmaturity.cli.output import fail, handles_errors, print_warnings
from cxmaturity.text_safety import console

commands = typer.Typer()


def invoked_as() -> str:
    """The command as the user typed it, for hints to run it again: `cxmaturity` when that is
    what PATH finds, else the path used (`.venv/bin/cxmaturity`), or `python -m cxmaturity`."""
    import shutil

    argv0 = sys.argv[0] if sys.argv else ""
    name = Path(argv0).name
    if name == "__main__.py" and Path(argv0).parent.name == "cxmaturity":
        python = Path(sys.executable).name
        found = shutil.which(python)
        same = found is not None and Path(found).resolve() == Path(sys.executable).resolve()
        return f"{python if same else sys.executable} -m cxmaturity"
    if not name.startswith("cxmaturity"):
        return "cxmaturity"  # called from Python (tests, another program)
    found = shutil.which(name)
    if found is not None and Path(found).resolve() == Path(argv0).resolve():
        return name
    return argv0


def _answers_lang(path: Path | None) -> str | None:
    """The language an answers file declares (a whole assessment does): a French client's
    answers stay French without --lang. None when it declares none or cannot be read (the
    pre-fill then reports the file's problems)."""
    if path is None:
        return None
    from cxmaturity.errors import CxError
    from cxmaturity.formats import loader

    try:
        data, _ = loader.read(path)
    except CxError:
        return None
    lang = data.get("language") if isinstance(data, dict) else None
    return lang if lang in ("en", "fr") else None


@commands.command()
@handles_errors
@plugin_controls
@options
def assess(
    ctx: typer.Context,
    questionnaire: Annotated[
        str | None,
        typer.Option("--questionnaire", help="Questionnaire id or file (default: cx-ai-2018).", metavar="ID|PATH"),
    ] = None,
    lang: LangOption = None,
    company: Annotated[str | None, typer.Option("--company", help="The company's name.", metavar="NAME")] = None,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", help="The assessment file to write (default: <company>-<date>.yaml here)."),
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", help="Continue a saved assessment file.", metavar="FILE")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="Pre-fill answers from FILE; ask only what is missing.", metavar="FILE"),
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Numbered questions, even on a terminal (screen readers).")
    ] = False,
    sources: Sources = BUILT_IN,
) -> None:
    """Interview a company and save its assessment after every answer (resumable).

    The language is --lang, else the one the --answers file declares, else the locale's
    (French or English).

    Exit codes: 0 done or saved on request; 1 a user error, or end of input (saved, with the
    command to resume); 130 Ctrl-C (saved).
    """
    from cxmaturity.interview import session as sessions
    from cxmaturity.words.interview import say as _say

    prog = invoked_as()

    def say(lang: str, key: str, **fields) -> str:
        # The resume and score hints name the command as it was typed.
        return _say(lang, key, prog=prog, **fields)

    if resume is not None and (out is not None or answers is not None):
        raise fail("--resume continues its FILE in place: it cannot be combined with --out or --answers", 2)
    lang = check_lang(lang)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    registry = sources.registry()
    print_warnings(registry)
    asker = None

    def get_asker():
        nonlocal asker
        if asker is None:
            from cxmaturity.interview.terminal import make_asker

            asker = make_asker(the_lang, plain)
        return asker

    if resume is not None:
        session = sessions.resume(resume, lang, registry, questionnaire)
        the_lang = session.assessment.language
    else:
        the_lang = lang or _answers_lang(answers) or locale_lang()

        def ask_company() -> str:
            try:
                return get_asker().company()
            except EOFError:
                raise fail(say(the_lang, "end_of_input_company"), 1) from None

        session = sessions.start(
            questionnaire=questionnaire,
            lang=the_lang,
            company=company,
            out=out,
            answers=answers,
            ask_company=ask_company,
            registry=registry,
        )
    # The lock on the file lasts until the command ends, however it ends.
    ctx.call_on_close(session.close)
    path = session.path
    from cxmaturity.interview.engine import interview, missing

    if session.prefilled:
        for line in _answer_file_conflicts(session, the_lang):
            typer.echo(line, err=True)

    if session.prefilled and not interactive and not missing(session.questionnaire, session.assessment):
        # A complete answers file without a terminal: nothing to ask, no review to read.
        typer.echo(say(the_lang, "saved", path=path))
        _show_summary(session, registry, lang)
        typer.echo(say(the_lang, "score_it", path=path))
        return
    typer.echo(say(the_lang, "autosave", path=path))
    try:
        # A partial answers file with piped input: the missing questions are read from it.
        outcome = interview(session.questionnaire, get_asker(), session.assessment, session.save)
    except EOFError:
        typer.echo(say(the_lang, "end_of_input", path=path), err=True)
        left = missing(session.questionnaire, session.assessment) if session.prefilled else []
        if left:
            typer.echo(say(the_lang, "missing", ids=", ".join(left)), err=True)
        typer.echo(say(the_lang, "resume", path=path), err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("", err=True)
        typer.echo(say(the_lang, "interrupted", path=path), err=True)
        typer.echo(say(the_lang, "resume", path=path), err=True)
        raise typer.Exit(130) from None
    if outcome.status == "quit":
        typer.echo(say(the_lang, "quit_saved", path=path))
        typer.echo(say(the_lang, "resume", path=path))
        return
    typer.echo(say(the_lang, "saved", path=path))
    _show_summary(session, registry, lang)
    typer.echo(say(the_lang, "score_it", path=path))


def _answer_file_conflicts(session, lang: str) -> list[str]:
    """One warning per pair of pre-filled answers that cannot both be true."""
    from cxmaturity.evaluation.consistency import broken, questions_of
    from cxmaturity.formats.models import tr
    from cxmaturity.interview.terminal import conflict_pair
    from cxmaturity.words.interview import say

    answered = session.assessment.answered()
    return [
        say(lang, "answers_conflict", message=tr(rule.message, lang),
            pair=conflict_pair(session.questionnaire, session.assessment, questions_of(rule), lang))
        for rule in broken(session.questionnaire, answered)
    ]


def _show_summary(session, registry, lang: str | None) -> None:
    """The client summary of a complete interview, as `score` shows it."""
    from cxmaturity.evaluation.pipeline import evaluate
    from cxmaturity.evaluation.stages import load_stage_model
    from cxmaturity.renderers.terminal import summary

    model = load_stage_model()
    result = evaluate(session.assessment, session.questionnaire, registry, model)
    out = console()
    out.print()
    out.print(summary(result, session.questionnaire, model, lang,
                      conclusions_text=session.assessment.conclusions))
    out.print()
