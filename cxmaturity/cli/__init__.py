"""The command line: parse, call the core, render. The one place errors become messages.

Heavy modules (pydantic models, ruamel.yaml, prompt libraries, renderers) are imported inside
the commands that need them, so that `--help` and `--version` stay fast.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated

import typer

from cxmaturity._version import __version__
from cxmaturity.cli import lazy_rich
from cxmaturity.cli.one_line_errors import OneLineErrors

# Light (only `re` until a console is made): text from files and plugins reaches the terminal
# only through `console()` or `strip_controls`.
from cxmaturity.text_safety import console, strip_controls

lazy_rich.install()  # typer's help imports rich's Markdown and Traceback; --help uses neither

app = typer.Typer(
    cls=OneLineErrors,
    name="cxmaturity",
    help="Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
questionnaires_app = typer.Typer(
    cls=OneLineErrors, help="List the questionnaires, or show one.", invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(questionnaires_app, name="questionnaires")
cohorts_app = typer.Typer(cls=OneLineErrors, help="Cohort files: build your own from a portfolio of assessments.",
                          no_args_is_help=True)
app.add_typer(cohorts_app, name="cohorts")
plugin_app = typer.Typer(cls=OneLineErrors, help="For plugin authors: start a new plugin distribution.",
                         no_args_is_help=True)
app.add_typer(plugin_app, name="plugin")

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the output: en or fr.", metavar="fr|en"),
]
OutOption = Annotated[Path | None, typer.Option("-o", "--out", help="Write to FILE; its suffix picks the format.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o FILE if it already exists.")]
# The options of every command that loads plugins or data, defined once.
PluginsDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--plugins-dir",
        metavar="DIR",
        help="Also load the plugins in DIR (one .py file a plugin). Repeatable.",
        show_default=False,
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Stop with exit code 1 at the first plugin failure (for plugin authors)."),
]
AudienceOption = Annotated[
    str,
    typer.Option(
        "--audience",
        help="Who reads it: client (no internals; method and sources in words) or consultant "
        "(plugins, fact ids, other readings of the charts).",
        metavar="client|consultant",
    ),
]
NotesOption = Annotated[
    Path | None,
    typer.Option(
        "--notes",
        metavar="FILE",
        help="The consultant's conclusions (Markdown), shown as their own section; default: the "
        "assessment's 'conclusions'.",
        show_default=False,
    ),
]


def _audience(audience: str) -> str:
    """The audience, checked: client or consultant, any case."""
    if audience.lower() not in ("client", "consultant"):
        raise typer.BadParameter(f"'{audience}' is not client or consultant", param_hint="--audience")
    return audience.lower()


def _conclusions(notes: Path | None, assessment) -> str | None:
    """The consultant's conclusions: the --notes file, else the assessment's own."""
    if notes is None:
        return assessment.conclusions
    try:
        return notes.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise fail(f"{notes}: cannot read the notes ({e.strerror or e})") from None


WeightsOption = Annotated[
    Path | None,
    typer.Option(
        "--weights",
        metavar="FILE",
        help="Use the stage model in FILE (stages, thresholds, dimension weights) instead of the built-in one.",
        show_default=False,
    ),
]
CohortsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--cohorts",
        metavar="FILE",
        help="Also compare with the cohorts in FILE. Repeatable.",
        show_default=False,
    ),
]


BlockOption = Annotated[
    list[str] | None,
    typer.Option(
        "--block",
        metavar="NAME",
        help="Leave out the plugin NAME, whatever its origin (built-in, --plugins-dir, installed). Repeatable.",
        show_default=False,
    ),
]
TracebackOption = Annotated[
    bool,
    typer.Option("--traceback", help="Show each plugin failure's traceback (also: CXMATURITY_TRACEBACK=1)."),
]


def plugin_controls(fn):
    """Give a command that loads plugins the options --block NAME and --traceback; the plugin
    registry reads them (`controls.CONTROLS`) while the command runs."""
    import inspect

    sig = inspect.signature(fn, eval_str=True)  # typer reads the evaluated annotations
    extra = [
        inspect.Parameter("block", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=BlockOption),
        inspect.Parameter("traceback", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=TracebackOption),
    ]

    @functools.wraps(fn)
    def wrapper(*args, block=None, traceback=False, **kwargs):
        from cxmaturity.plugin_host.controls import CONTROLS

        token = CONTROLS.set({"block": block or [], "traceback": traceback})
        try:
            return fn(*args, **kwargs)
        finally:
            CONTROLS.reset(token)

    wrapper.__signature__ = sig.replace(parameters=[*sig.parameters.values(), *extra])
    wrapper.__annotations__ = {**fn.__annotations__, "block": BlockOption, "traceback": TracebackOption}
    return wrapper


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `Error: message` on stderr and return the Exit to raise."""
    typer.echo(f"Error: {strip_controls(message)}", err=True)
    return typer.Exit(code)


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


def check_lang(lang: str | None) -> str | None:
    """The language asked for, in lower case (--lang FR is fr)."""
    if lang is None:
        return None
    if lang.strip().lower() not in ("en", "fr"):
        raise typer.BadParameter(f"'{lang}' is not a supported language (en, fr)", param_hint="--lang")
    return lang.strip().lower()


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


def load_plugins(plugins_dir: list[Path] | None, strict: bool, cohorts: list[Path] | None = None):
    """The plugin registry for a command's options (heavy imports happen here, not at start-up)."""
    from cxmaturity.workspace.workspace import open_registry

    return open_registry(plugins_dir or (), strict=strict, cohorts=cohorts or ())


def open_workspace(plugins_dir: list[Path] | None, strict: bool, cohorts: list[Path] | None, weights: Path | None):
    """The workspace for a command's options: the stage model, then the registry."""
    from cxmaturity.workspace.workspace import open_workspace as open_

    return open_(plugins_dir or (), strict=strict, cohorts=cohorts or (), weights=weights)


def print_warnings(registry) -> None:
    """One `Warning: …` line on stderr per plugin failure met so far."""
    for line in registry.warnings:
        typer.echo(f"Warning: {strip_controls(line)}", err=True)
        details = registry.traceback_of(line)
        if details:
            typer.echo(details, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxmaturity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    plugin_timeout: Annotated[
        float | None,
        typer.Option(
            "--plugin-timeout",
            metavar="SECONDS",
            help="Time limit of each plugin call; a plugin over it is named and skipped "
            "(default: $CXMATURITY_PLUGIN_TIMEOUT, else 10; 0: no limit).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Measure a company's AI-for-customer-experience maturity against the 2018 survey cohorts."""
    from cxmaturity.plugin_host.calls import set_timeout

    if plugin_timeout is not None and not 0 <= plugin_timeout < float("inf"):
        raise typer.BadParameter("a number of seconds, 0 for no limit", param_hint="--plugin-timeout")
    set_timeout(plugin_timeout)


@app.command()
@handles_errors
@plugin_controls
def validate(
    files: Annotated[list[Path], typer.Argument(help="Questionnaire or assessment files.", show_default=False)],
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
) -> None:
    """Check questionnaire and assessment files; report every problem with its line."""
    from cxmaturity.workspace.validate import validate_files

    check_lang(lang)
    registry = load_plugins(plugins_dir, strict, cohorts)
    problems, checked = validate_files(files, registry)
    print_warnings(registry)
    for problem in problems:
        typer.echo(strip_controls(str(problem)), err=True)
    bad = len({p.file for p in problems})
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {bad} of {len(files)} file(s).", err=True)
        raise typer.Exit(1)
    for path, kind in checked:
        typer.echo(f"ok  {path} ({kind})")


@questionnaires_app.callback()
@handles_errors
@plugin_controls
def questionnaires_list(
    ctx: typer.Context,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
) -> None:
    """List the questionnaires: id, version, title, number of questions, languages."""
    if ctx.invoked_subcommand is not None:
        return
    lang = check_lang(lang) or "en"
    registry = load_plugins(plugins_dir, strict, cohorts)
    from rich.table import Table

    from cxmaturity.formats.models import tr
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.outline import LABELS

    table = Table(*LABELS[lang]["list_head"].split("|"), box=None)
    for q in catalog.available(registry):
        table.add_row(q.id, str(q.version), tr(q.title, lang), str(len(q.questions)), ", ".join(q.languages))
    console().print(table)
    print_warnings(registry)


@questionnaires_app.command("show")
@handles_errors
@plugin_controls
def questionnaires_show(
    ref: Annotated[str, typer.Argument(help="Questionnaire id, or a path to a questionnaire file.", metavar="ID")],
    lang: LangOption = None,
    out: OutOption = None,
    force: ForceOption = False,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
) -> None:
    """Show a questionnaire as an outline; with -o FILE (.html, .pdf or .md), write a blank form."""
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.outline import outline

    lang = check_lang(lang) or "en"
    suffix = out.suffix.lower() if out is not None else ""
    if out is not None and suffix not in (".md", ".markdown", ".html", ".htm", ".pdf"):
        raise fail(f"{out}: unsupported format '{out.suffix}' (use .html, .pdf or .md)")
    check_out(out, force)
    registry = load_plugins(plugins_dir, strict, cohorts)
    q = catalog.find_or_open(ref, registry=registry)
    print_warnings(registry)
    if out is not None:
        if suffix in (".md", ".markdown"):
            write_out(out, outline(q, lang, blank=True), force)
        else:
            from cxmaturity.renderers.form_html import blank_form_html

            form = blank_form_html(q, lang)
            if suffix == ".pdf":
                from cxmaturity.renderers.pdf import html_to_pdf

                form = html_to_pdf(form)
            write_out(out, form, force)
        typer.echo(f"Wrote {out}")
        return
    from rich.markdown import Markdown

    console().print(Markdown(outline(q, lang)))


@app.command()
@handles_errors
def schema(
    kind: Annotated[
        str,
        typer.Argument(help="questionnaire, assessment, cohorts, playbook, stage-model or result."),
    ],
) -> None:
    """Print the JSON Schema of a file format, for editors that validate YAML as you type.

    `result` is the document that `score --format json` prints."""
    import json

    from cxmaturity.formats.loader import KINDS
    from cxmaturity.formats.models import Result

    kinds = {**KINDS, "result": Result}
    model = kinds.get(kind)
    if model is None:
        raise fail(f"unknown kind '{kind}' (one of: {', '.join(kinds)})", code=2)
    typer.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


@app.command("plugins")
@handles_errors
@plugin_controls
def plugins_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Include the built-in plugins.")] = False,
    hook: Annotated[
        str | None,
        typer.Option("--hook", metavar="NAME", help="Only the plugins that implement the hook NAME "
                                                    "(register_scorers, or simply scorers).", show_default=False),
    ] = None,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
) -> None:
    """List the plugins: name, version, origin, hooks, what each registered, any error."""
    check_lang(lang)
    registry = load_plugins(plugins_dir, strict, cohorts)
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


def _locale_lang() -> str:
    """fr when the locale is French (LC_ALL, else LC_MESSAGES, else LANG), else en."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def _evaluate_file(file: Path, plugins_dir, strict: bool, cohorts, weights):
    """Load the plugins and `file`, and evaluate it: (result, questionnaire, stage model, registry)."""
    ws = open_workspace(plugins_dir, strict, cohorts, weights)
    assessment, questionnaire = ws.load(file)
    return ws.evaluate(assessment, questionnaire), questionnaire, ws.stage_model, ws.registry, assessment


@app.command()
@handles_errors
@plugin_controls
def score(
    file: Annotated[Path, typer.Argument(help="An assessment file.", show_default=False)],
    output_format: Annotated[
        str,
        typer.Option("--format", help="What goes to stdout: text, markdown or json.", metavar="text|markdown|json"),
    ] = "text",
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
    weights: WeightsOption = None,
    audience: AudienceOption = "client",
    notes: NotesOption = None,
) -> None:
    """Score an assessment and show the summary: executive summary, stages, cohorts, roadmap.

    The executive summary comes first; then the detail, what is missing included."""
    if output_format not in ("text", "markdown", "json"):
        raise typer.BadParameter(f"'{output_format}' is not text, markdown or json", param_hint="--format")
    lang = check_lang(lang)
    audience = _audience(audience)
    result, questionnaire, model, registry, assessment = _evaluate_file(file, plugins_dir, strict, cohorts, weights)
    if output_format == "json":
        from cxmaturity.renderers.json import result_json

        typer.echo(result_json(result))
    elif output_format == "markdown":
        from cxmaturity.renderers.markdown import summary_markdown

        typer.echo(strip_controls(summary_markdown(result, questionnaire, model, lang, audience,
                                                   _conclusions(notes, assessment))), nl=False)
    else:
        from cxmaturity.renderers.terminal import summary

        console().print(summary(result, questionnaire, model, lang, audience, _conclusions(notes, assessment)))
    print_warnings(registry)


@app.command()
@handles_errors
@plugin_controls
def explain(
    file: Annotated[Path, typer.Argument(help="An assessment file.", show_default=False)],
    dimension: Annotated[
        str | None, typer.Argument(help="A dimension id (default: the overall stage).", show_default=False)
    ] = None,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
    weights: WeightsOption = None,
) -> None:
    """Show how a dimension's score, or the overall stage, follows from the answers.

    The answers used, the points and weights, each step of the arithmetic, the stage thresholds
    and the cohort numbers with their sources."""
    lang = check_lang(lang)
    result, questionnaire, model, registry, _ = _evaluate_file(file, plugins_dir, strict, cohorts, weights)
    from cxmaturity.renderers.explain import explain as explained

    console().print(explained(result, dimension, questionnaire, model, lang))
    print_warnings(registry)


@app.command()
@handles_errors
@plugin_controls
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
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
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
    registry = load_plugins(plugins_dir, strict, cohorts)
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
        the_lang = lang or _answers_lang(answers) or _locale_lang()

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


@app.command()
@handles_errors
@plugin_controls
def report(
    file: Annotated[Path, typer.Argument(help="An assessment file.", show_default=False)],
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="The file to write: .html, .pdf, .md or .json.", show_default=False),
    ],
    force: ForceOption = False,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
    weights: WeightsOption = None,
    audience: AudienceOption = "client",
    notes: NotesOption = None,
) -> None:
    """Write a report to hand over: standalone HTML with charts, an A4 PDF, Markdown, or the JSON result.

    It opens with the executive summary; the client edition keeps the internals (plugins,
    fact ids) out, --audience consultant shows them."""
    audience = _audience(audience)
    from cxmaturity.renderers import formats

    fmt = formats.by_suffix("report", out.suffix)
    if fmt is None:
        known = ", ".join(formats.suffixes("report"))
        raise fail(f"{out}: unsupported report format '{out.suffix or '(none)'}' (use {known})")
    if not out.parent.is_dir():
        raise fail(f"{out.parent}: no such folder")
    check_out(out, force)
    lang = check_lang(lang)
    from cxmaturity.documents.report import prepare

    ws = open_workspace(plugins_dir, strict, cohorts, weights)
    assessment, questionnaire = ws.load(file)
    result = ws.evaluate(assessment, questionnaire)
    registry = ws.registry
    ri = prepare(result, assessment, questionnaire, registry, lang, ws.stage_model, audience,
                 _conclusions(notes, assessment) if notes else None)
    document = formats.renderer("report", fmt.name)(ri)
    write_out(out, document, force)
    print_warnings(registry)
    typer.echo(f"Wrote {out}")


FormatOption = Annotated[
    str, typer.Option("--format", help="What goes to stdout: text, json or markdown.", metavar="text|json|markdown")
]


def _out_format(out: Path, document: str) -> str:
    """The format an output file's suffix asks for (the table of `renderers.formats`)."""
    from cxmaturity.renderers import formats

    fmt = formats.by_suffix(document, out.suffix)
    if fmt is None:
        known = ", ".join(s for s in (".html", ".md", ".json", ".txt") if s in formats.suffixes(document))
        raise fail(f"{out}: unsupported format '{out.suffix}' (use {_or(known)})")
    return fmt.name


def _or(known: str) -> str:
    head, _, last = known.rpartition(", ")
    return f"{head} or {last}" if head else last


def _check_format(output_format: str, document: str) -> str:
    from cxmaturity.renderers import formats

    names = formats.stdout_names(document)
    if output_format not in names:
        raise typer.BadParameter(f"'{output_format}' is not {_or(', '.join(names))}", param_hint="--format")
    return output_format


def _emit(document: str, fmt: str, out: Path | None, doc, lang: str, text_tail=(), force: bool = False) -> None:
    """Write `out` in the format its suffix picks, or print `fmt` to stdout. `text_tail`: plain
    lines after the text form, never wrapped."""
    from cxmaturity.renderers import formats

    def rendered(name: str):
        fn = formats.renderer(document, name)
        return fn(doc) if name == "json" else fn(doc, lang)

    if out is not None:
        fmt = _out_format(out, document)
        if fmt == "text":
            recorder = console(width=100, record=True, file=__import__("io").StringIO(), color_system=None)
            recorder.print(rendered("text"))
            text = recorder.export_text() + "".join(f"{line}\n" for line in text_tail)
        else:
            text = rendered(fmt) + ("\n" if fmt == "json" else "")
        write_out(out, text, force)
        typer.echo(f"Wrote {out}")
    elif fmt == "text":
        console().print(rendered("text"))
        for line in text_tail:
            typer.echo(strip_controls(line))
    else:
        typer.echo(strip_controls(rendered(fmt)) if fmt == "markdown" else rendered(fmt))


@app.command()
@handles_errors
@plugin_controls
def portfolio(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files, or folders searched for *.yaml.", show_default=False)
    ],
    out: OutOption = None,
    force: ForceOption = False,
    output_format: FormatOption = "text",
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    weights: WeightsOption = None,
    lang: LangOption = None,
) -> None:
    """Score every assessment of a portfolio: a table of companies, stages and progress.

    Files that cannot be read as assessments are listed with the reason and skipped. Without
    --lang, the output is in the language most of the assessments use.
    """
    _check_format(output_format, "portfolio")
    lang = check_lang(lang)
    check_out(out, force)
    from cxmaturity.documents.portfolio import scan
    from cxmaturity.renderers.portfolio import skipped_in, skipped_lines

    result = scan(paths, plugins_dirs=plugins_dir or [], strict=strict, cohorts=cohorts or [], weights=weights)
    lang = lang or result.language() or _locale_lang()
    if not result.rows:
        # Nothing to show: say which files were not read, and why, then fail.
        for line in skipped_lines(result, lang):
            typer.echo(line, err=True)
        raise fail("no assessment could be read" if result.skipped else "no assessment file found (*.yaml, *.yml)")
    _emit("portfolio", output_format, out, result, lang, text_tail=skipped_lines(result, lang), force=force)
    if out is not None and result.skipped:
        typer.echo(strip_controls(skipped_in(result, str(out), lang)), err=True)


@app.command()
@handles_errors
@plugin_controls
def compare(
    old: Annotated[Path, typer.Argument(help="The earlier assessment file.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later assessment file.", show_default=False)],
    out: OutOption = None,
    output_format: FormatOption = "text",
    force: Annotated[
        bool,
        typer.Option("--force", help="Compare even if the company ids differ, and replace the -o FILE if it exists."),
    ] = False,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    weights: WeightsOption = None,
    lang: LangOption = None,
) -> None:
    """Compare two assessments of the same company: stages, answers, cohort verdicts, roadmap.

    Two versions of a questionnaire are compared through the `replaces:` mapping of the newer one.
    """
    _check_format(output_format, "comparison")
    lang = check_lang(lang)
    check_out(out, force)
    from cxmaturity.documents.comparison import compare as compare_assessments

    ws = open_workspace(plugins_dir, strict, cohorts, weights)
    registry = ws.registry
    (a, qa), (b, qb) = ws.load(old), ws.load(new)
    result = compare_assessments(a, b, qa, qb, registry, model=ws.stage_model, force=force)
    lang = lang or b.language
    _emit("comparison", output_format, out, result, lang, force=force)
    print_warnings(registry)


@app.command()
@handles_errors
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="JSON Lines, CSV (wide) or Parquet files; - reads standard input.",
                                  metavar="INPUT...", show_default=False),
    ],
    out: Annotated[
        str, typer.Option("-o", "--out", help="Rows to FILE (.csv, .jsonl, .parquet; - for JSON Lines on stdout).")
    ],
    placements: Annotated[
        str | None, typer.Option("--placements", metavar="FILE", help="Also write every placement in long form.",
                                 show_default=False)
    ] = None,
    errors: Annotated[
        str | None, typer.Option("--errors", metavar="FILE",
                                 help="Rows that failed, with line and reason (default: OUT's name + .errors.csv).",
                                 show_default=False)
    ] = None,
    column_map: Annotated[
        Path | None, typer.Option("--map", metavar="FILE", help="Column names and answer labels of a survey export.",
                                  show_default=False)
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--input-format", metavar="jsonl|csv|parquet",
                                 help="The input format when the suffix does not say (stdin).", show_default=False)
    ] = None,
    questionnaire: Annotated[
        str, typer.Option("--questionnaire", help="The questionnaire of CSV and Parquet rows that do not name one.")
    ] = "cx-ai-2018",
    engine: Annotated[str, typer.Option("--engine", metavar="local|dask", help="Where rows are scored.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", metavar="ADDRESS", help="A Dask scheduler (with --engine dask).",
                                 show_default=False)
    ] = None,
    chunk: Annotated[
        int, typer.Option("--chunk", min=1, help="Rows scored together (memory stays bounded by it).")
    ] = 2000,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    weights: WeightsOption = None,
    lang: LangOption = None,
) -> None:
    """Score many assessments from JSONL, CSV or Parquet: one row each, as score gives it.

    A row that cannot be read or scored goes to the errors file with its line; the others go on,
    and the exit code is 1 when any row failed. Formats: docs/batch.md.
    """
    lang = check_lang(lang) or _locale_lang()
    from cxmaturity.batch.rows import Settings
    from cxmaturity.batch.run import batch as run_batch
    from cxmaturity.batch.words import summary_lines

    # Absolute paths: Dask workers load the same plugins, cohorts and model from their own folder.
    settings = Settings(plugins_dirs=tuple(str(d.resolve()) for d in plugins_dir or []), strict=strict,
                        cohorts=tuple(str(c.resolve()) for c in cohorts or []),
                        weights=str(Path(weights).resolve()) if weights else None, placements=placements is not None)
    summary = run_batch(inputs, out, settings, questionnaire=questionnaire,
                        column_map=str(column_map) if column_map else None, input_format=input_format,
                        placements=placements, errors=errors, engine=engine, scheduler=scheduler, chunk=chunk)
    for line in summary.warnings:
        typer.echo(f"Warning: {line}", err=True)
    for line in summary_lines(summary, out, lang):
        typer.echo(line, err=True)
    if summary.failed:
        raise typer.Exit(1)


@cohorts_app.command("build")
@handles_errors
def cohorts_build(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files, or folders searched for *.yaml.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="The cohort file to write (.yaml).")],
    force: ForceOption = False,
    name: Annotated[
        str | None,
        typer.Option("--name", help="The consultancy's name, shown on every cohort of the file "
                                    "(without it: 'your portfolio').", show_default=False),
    ] = None,
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Fewest companies a cohort (or an answer count) may have.")
    ] = 10,
    questionnaire: Annotated[
        str, typer.Option("--questionnaire", help="Build over assessments of this questionnaire (id or file).")
    ] = "cx-ai-2018",
    lang: LangOption = None,
) -> None:
    """Build a cohort file from your own assessments, to use with --cohorts FILE.

    Each company counts once (its latest assessment). Cohorts: all, and the report's region
    and size cohorts that reach --min-size; the file holds shares only, no names or notes.
    """
    from cxmaturity.documents.cohort_build import MESSAGES, TooFewCompanies, build, companies, to_yaml
    from cxmaturity.plugin_host import catalog
    from cxmaturity.renderers.portfolio import skipped_lines

    lang = check_lang(lang) or _locale_lang()
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise fail(f"{out}: a cohort file is YAML (use .yaml)")
    check_out(out, force)
    try:
        ws = open_workspace(None, False, None, None)
        built = build(paths, catalog.find_or_open(questionnaire, registry=ws.registry), name=name,
                      min_size=min_size, lang=lang, find=ws.find)
    except TooFewCompanies as exc:
        # Which files were not read, and why, before the error they explain.
        for line in skipped_lines(exc.skipped, lang):
            typer.echo(strip_controls(line), err=True)
        raise
    for line in skipped_lines(built.skipped_files, lang):
        typer.echo(strip_controls(line), err=True)
    for line in built.left_out:
        typer.echo(strip_controls(MESSAGES[lang]["left_out"].format(what=line)), err=True)
    write_out(out, to_yaml(built.cohort_file), force)
    cf = built.cohort_file
    cohorts = ", ".join(f"{c.id} (n={c.n})" for c in cf.cohorts)
    typer.echo(MESSAGES[lang]["wrote"].format(out=out, n=companies(cf.survey.n or 0, lang), first=cf.survey.first,
                                              last=cf.survey.last, cohorts=cohorts, figures=len(cf.figures)))


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


@app.command()
@handles_errors
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but loopback has no TLS (a warning says so).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 8000,
    db: Annotated[Path, typer.Option("--db", help="The SQLite database of the engagements.")] = Path("cxmaturity.db"),
    export: Annotated[
        Path | None,
        typer.Option("--export", metavar="DIR", help="Write every engagement's assessment files to DIR, then exit."),
    ] = None,
    import_: Annotated[
        list[Path] | None,
        typer.Option("--import", metavar="FILE", show_default=False,
                     help="Import respondents' assessment files (one engagement per company), then exit. Repeatable."),
    ] = None,
    plugins_dir: PluginsDirOption = None,
    strict: StrictOption = False,
    cohorts: CohortsOption = None,
    lang: LangOption = None,
    weights: WeightsOption = None,
) -> None:
    """Serve the questionnaire as a browser form: engagements, several respondents, consolidation.

    Prints the consultant's link, with its secret token. Needs the optional extra named web.
    """
    lang = check_lang(lang) or _locale_lang()
    from cxmaturity.web.serve import run

    run(host=host, port=port, db=db, export=export, imports=import_ or [], lang=lang,
        plugins_dir=plugins_dir or [], strict=strict, cohorts=cohorts or [], weights=weights, echo=typer.echo)


def main() -> None:
    """Entry point of the `cxmaturity` console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
