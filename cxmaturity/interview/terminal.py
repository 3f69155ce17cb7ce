"""The arrow-key asker: menus, checkboxes and text fields on a real terminal (questionary, on
prompt_toolkit, imported only when one is made), and `make_asker`, which picks it or the
numbered asker. Like the numbered one, it turns what the user did into an engine `Reply`;
end of input raises EOFError and Ctrl-C KeyboardInterrupt, which the command turns into a
saved, resumable stop."""

from __future__ import annotations

import sys
from typing import Any

from cxmaturity.formats.models import tr
from cxmaturity.interview.answer_text import (
    conflict_lines,
    conflict_pair,  # noqa: F401 -- the command line imports it from here
    control_hint,
    describe,
    fmt_number,
    name,
    short,
)
from cxmaturity.interview.messages import Conflict, Reply, Request, Review
from cxmaturity.interview.plain import PlainAsker
from cxmaturity.interview.replies import DispatchingAsker, keep, parse_number
from cxmaturity.text_safety import strip_controls
from cxmaturity.words.interview import CONTROLS, control_of, keys, say, words


def wrap(text: str, width: int | None = None) -> str:
    """`text` broken between words to the terminal's width: the terminal itself would cut a
    long help text in the middle of a word ("A|u-delà")."""
    import shutil
    import textwrap

    width = width or shutil.get_terminal_size().columns
    return "\n".join(
        textwrap.fill(line, width=max(width - 1, 20), break_long_words=False, break_on_hyphens=False)
        if len(line) >= width else line
        for line in text.split("\n")
    )


def option_title(label: str, indent: int, width: int | None = None) -> str:
    """An option's label on as many lines as it needs, continued under its first letter: a
    choice line longer than the terminal is cut off, and the client could not read it."""
    import shutil
    import textwrap

    label = strip_controls(label)
    width = width or shutil.get_terminal_size().columns
    if indent + len(label) < width:
        return label
    lines = textwrap.wrap(label, width=max(width - indent - 1, 20), break_long_words=False)
    return ("\n" + " " * indent).join(lines)


def _message(text: str) -> str:
    # questionary prints the question after one space and the instruction right after it.
    return wrap(" " + strip_controls(text))[1:]


def _instruction(text: str) -> str:
    """The keys on a line of their own, so that neither the question nor they are cut mid-word."""
    return "\n" + wrap(text)


STATE_WORDS = {"skip": "skipped", "not_applicable": "answer_not_applicable", "dont_know": "answer_dont_know"}


class TerminalAsker(DispatchingAsker):
    """Arrow keys, checkboxes and text fields on a real terminal (questionary)."""

    def __init__(self, lang: str):
        import questionary  # noqa: F401 -- loaded here only: the plain path never needs it

        self.lang = lang
        self._q = questionary

    # -- plumbing --------------------------------------------------------------------------

    def _print(self, text: str = "", style: str = "") -> None:
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        print_formatted_text(FormattedText([(style, wrap(strip_controls(text)))]))

    def _run(self, question: Any, bindings: dict[str, Any], control: Any = None) -> Any:
        """Ask a questionary question with extra keys; each key's value becomes the result."""
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        app = question.application
        kb = KeyBindings()
        for key, result in bindings.items():
            if callable(result):
                kb.add(key, eager=True)(result)
            else:
                kb.add(key, eager=True)(lambda event, result=result: event.app.exit(result=result))
        kb.add("c-d", eager=True)(lambda event: event.app.exit(exception=EOFError()))
        app.key_bindings = merge_key_bindings([app.key_bindings, kb])
        return question.unsafe_ask()

    def _control_keys(self, actions: frozenset[str]) -> dict[str, Any]:
        """Key → ('control', name) for the controls allowed (English keys work in French too)."""
        out: dict[str, Any] = {}
        for table in (keys("en"), keys(self.lang)):
            for control, key in table.items():
                if control in actions:
                    out[key] = ("control", control)
        return out

    def company(self) -> str:
        """Ask for the company's name."""
        q = self._q.text(
            say(self.lang, "company"),
            validate=lambda t: bool(t.strip()) or say(self.lang, "company_needed"),
            qmark="",
        )
        return self._run(q, {}).strip()

    # -- contradictions ----------------------------------------------------------------------

    def _conflict(self, r: Conflict) -> Reply:
        Choice = self._q.Choice
        lang = self.lang
        self._print()
        lines = conflict_lines(r, lang)
        self._print(lines[0], "bold fg:ansiyellow")
        for line in lines[1:]:
            self._print(line)
        question = self._q.select(
            "",
            choices=[
                Choice(say(lang, "conflict_confirm"), value="confirm"),
                Choice(say(lang, "conflict_correct", question=name(r.question, lang)), value="correct"),
            ],
            qmark="",
            use_jk_keys=False,
            use_shortcuts=False,
            instruction=f"({say(lang, 'select_hint')})",
        )
        return Reply(self._run(question, {}))

    # -- questions -------------------------------------------------------------------------

    def _question(self, r: Request) -> Reply:
        lang, q = self.lang, r.question
        self._print()
        self._print(say(lang, "progress", n=r.n, total=r.total, section=tr(r.section.title, lang)), "bold")
        if r.help:
            self._print(r.help, "italic")
        if r.error:
            self._print(say(lang, "not_valid", why=r.error), "fg:ansired")
        hint = control_hint(r.actions, lang)
        if q.type in ("single", "band"):
            result = self._select(r, hint)
        elif q.type == "multi":
            result = self._checkbox(r, hint)
        else:
            result = self._field(r, hint)
        if isinstance(result, Reply):
            return result
        kind, value = result
        if kind == "answer":
            return Reply("answer", value)
        if value in STATE_WORDS:
            # A key ended the prompt without an answer: the transcript says what became of it.
            self._print(f"  → {words(lang)[STATE_WORDS[value]]}", "italic")
        if value == "not_applicable":
            note = self._run(self._q.text(say(lang, "note"), qmark="  "), {}).strip()
            return Reply("not_applicable", note=note or None)
        if value == "keep" and r.current is not None:
            return keep(r.current)
        return Reply(value)

    def _select(self, r: Request, hint: str) -> Any:
        Choice, Separator = self._q.Choice, self._q.Separator
        lang, q = self.lang, r.question
        choices: list[Any] = [Choice(option_title(tr(o.label, lang), 3), value=("answer", o.id)) for o in q.options]
        choices.append(Separator())
        for c in CONTROLS:
            if c in r.actions and c != "help":
                title = words(lang)["back_to_review"] if (c == "back" and r.changing) else words(lang)[c]
                choices.append(Choice(f"{title} ({keys(lang)[c]})", value=("control", c)))
        default = None
        if r.current is not None:
            if r.current.state == "answered":
                default = next(
                    (ch for ch in choices if getattr(ch, "value", None) == ("answer", r.current.value)),
                    None,
                )
            else:
                default = next(
                    (ch for ch in choices if getattr(ch, "value", None) == ("control", r.current.state)),
                    None,
                )
        question = self._q.select(
            _message(tr(q.text, lang)),
            choices=choices,
            default=default,
            qmark="",
            instruction=_instruction(f"({say(lang, 'select_hint')} · {hint})"),
            use_jk_keys=False,
            use_shortcuts=False,
        )
        return self._run(question, self._control_keys(r.actions))

    def _checkbox(self, r: Request, hint: str) -> Any:
        from questionary.prompts.common import InquirerControl

        Choice = self._q.Choice
        lang, q = self.lang, r.question
        current = r.current.value if r.current is not None and r.current.state == "answered" else []
        choices = [
            Choice(option_title(tr(o.label, lang), 5), value=o.id, checked=o.id in current) for o in q.options
        ]
        question = self._q.checkbox(
            _message(tr(q.text, lang)),
            choices=choices,
            qmark="",
            use_jk_keys=False,
            instruction=_instruction(f"({say(lang, 'check_hint')} · {hint})"),
            validate=lambda picked: bool(picked) or say(lang, "tick_first", skip=keys(lang)["skip"]),
        )
        app = question.application
        control = next(
            w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
        )
        exclusive = q.exclusive

        def toggle(event: Any) -> None:
            # Ticking "none of these" clears the others, and ticking another clears it.
            pointed = control.get_pointed_at().value
            picked = control.selected_options
            if pointed in picked:
                picked.remove(pointed)
            elif pointed == exclusive:
                picked[:] = [pointed]
            else:
                if exclusive in picked:
                    picked.remove(exclusive)
                picked.append(pointed)

        def ignore(event: Any) -> None:
            # "a" (all) and "i" (invert) would break the exclusive option's rule.
            return None

        def enter(event: Any) -> None:
            # Nothing ticked: questionary would show its message in a toolbar that a terminal
            # without cursor reports never draws, and cut it at 80 columns; say it here instead.
            if control.selected_options:
                event.app.exit(result=list(control.selected_options))
            else:
                event.app.exit(result=("empty", None))

        bindings = {" ": toggle, "a": ignore, "i": ignore, "enter": enter}
        bindings.update(self._control_keys(r.actions))
        # questionary would leave "done (2 selections)" in English on the question's line: the
        # prompt is erased when done, and the line is written again with the answers ticked.
        app.erase_when_done = True
        result = self._run(question, bindings)
        if result == ("empty", None):
            self._print(say(lang, "tick_first", skip=keys(lang)["skip"]), "fg:ansired")
            return self._checkbox(r, hint)
        if isinstance(result, tuple):
            self._print(tr(q.text, lang), "bold")
            return result
        order = q.option_ids
        picked = sorted(result, key=order.index)
        labels = ", ".join(tr(o.label, lang) for o in q.options if o.id in picked)
        self._print(f"{tr(q.text, lang)} {labels}", "bold")
        return ("answer", picked)

    def _field(self, r: Request, hint: str) -> Any:
        lang, q = self.lang, r.question
        numeric = q.type in ("number", "scale")
        current = ""
        if r.current is not None and r.current.state == "answered":
            current = fmt_number(r.current.value) if numeric else str(r.current.value)

        def check(text: str) -> bool | str:
            t = text.strip()
            if not t:
                return say(lang, "empty", keys=hint.replace(" · ", ", "))
            if control_of(t, lang) in r.actions:
                return True
            if numeric:
                value, why = parse_number(t, q, lang)
                if value is None:
                    return why or say(lang, "not_a_number", keys=hint.replace(" · ", ", "))
            return True

        message = tr(q.text, lang)
        if numeric and q.min is not None and q.max is not None:
            message += f" ({say(lang, 'between', min=fmt_number(q.min), max=fmt_number(q.max))})"
        question = self._q.text(
            _message(message),
            default=current,
            qmark="",
            validate=check,
            instruction=_instruction(f"({say(lang, 'text_hint')} · {hint})"),
        )
        # Letters and `?` cannot be part of a number, so in a number field they act at once;
        # in a text field they are text, and a control is typed alone (`?`, `b`…) then Enter.
        result = self._run(question, self._control_keys(r.actions) if numeric else {})
        if isinstance(result, tuple):
            return result
        t = result.strip()
        control = control_of(t, lang)
        if control in r.actions:
            return ("control", control)
        if numeric:
            return ("answer", parse_number(t, q, lang)[0])
        return ("answer", t)

    # -- the review --------------------------------------------------------------------------

    def _review(self, r: Review) -> Reply:
        Choice, Separator = self._q.Choice, self._q.Separator
        lang = self.lang
        self._print()
        self._print(say(lang, "review"), "bold")
        choices: list[Any] = [Choice(words(lang)["review_finish"], value=("done", None))]
        choices.append(Separator())
        for item in r.items:
            # The question by its short form where it has one, and the whole answer, wrapped
            # under the number: the answer is what the user checks here, so it is never cut.
            q = item.question
            name = tr(q.short, lang) if q.short else short(tr(q.text, lang), 50)
            number = f"{item.n}. "
            title = option_title(f"{number}{name} — {describe(q, item.answer, lang)}", 3 + len(number))
            choices.append(Choice(title, value=("change", item.question.id)))
        choices.append(Separator())
        choices.append(Choice(words(lang)["quit"], value=("quit", None)))
        question = self._q.select(
            say(lang, "review"),
            choices=choices,
            qmark="",
            use_jk_keys=False,
            use_shortcuts=False,
            instruction=f"({say(lang, 'select_hint')})",
        )
        kind, value = self._run(question, {keys(lang)["quit"]: ("quit", None), "q": ("quit", None)})
        return Reply(kind, value)


def make_asker(lang: str, plain: bool) -> PlainAsker | TerminalAsker:
    """The terminal asker on a real terminal unless `plain`; else numbered prompts. A terminal
    that declares it cannot move the cursor (TERM=dumb, or no TERM: an editor's shell, a
    screen reader's console) gets numbered prompts too: the arrow-key menu would print its
    escape codes as text."""
    import os

    term = os.environ.get("TERM", "")
    if not plain and term not in ("", "dumb") and sys.stdin.isatty() and sys.stdout.isatty():
        return TerminalAsker(lang)
    return PlainAsker(lang)
