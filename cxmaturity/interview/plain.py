"""The numbered asker: prints numbered choices and reads one line per reply, for ``--plain``
(screen readers, screen sharing) and for piped input. End of input raises EOFError."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from cxmaturity.formats.models import Question, tr
from cxmaturity.interview.answer_text import conflict_lines, control_hint, describe, fmt_number, name, short
from cxmaturity.interview.messages import Conflict, Reply, Request, Review
from cxmaturity.interview.replies import DispatchingAsker, choice_indexes, keep, parse_number
from cxmaturity.text_safety import strip_controls
from cxmaturity.words.interview import CONTROLS, control_of, keys, say


class PlainAsker(DispatchingAsker):
    """Numbered prompts that read one line per reply (a terminal in --plain, or a pipe)."""

    def __init__(self, lang: str, stdin: TextIO | None = None, stdout: TextIO | None = None):
        self.lang = lang
        self._in = stdin
        self._out = stdout

    # -- reading and writing -------------------------------------------------------------

    def _write(self, text: str = "") -> None:
        # Every line this asker shows goes through here: questionnaire text is someone's file.
        out = self._out or sys.stdout
        out.write(strip_controls(text) + "\n")
        out.flush()

    def _read(self, prompt: str) -> str:
        out = self._out or sys.stdout
        out.write(strip_controls(prompt))
        out.flush()
        source = self._in or sys.stdin
        line = source.readline()
        if not line:
            out.write("\n")
            out.flush()
            raise EOFError
        line = line.rstrip("\r\n")
        if not _is_tty(source):
            # Piped input is not echoed by a terminal: echo it so the transcript reads well.
            out.write(strip_controls(line) + "\n")
            out.flush()
        return line

    # -- the company's name ---------------------------------------------------------------

    def company(self) -> str:
        """Ask for the company's name until one is typed."""
        while True:
            name = self._read(say(self.lang, "company") + say(self.lang, "colon")).strip()
            if name:
                return name
            self._write(say(self.lang, "company_needed"))

    def _conflict(self, r: Conflict) -> Reply:
        lang = self.lang
        self._write()
        for line in conflict_lines(r, lang):
            self._write(line)
        self._write(f"  1. {say(lang, 'conflict_confirm')}")
        self._write(f"  2. {say(lang, 'conflict_correct', question=name(r.question, lang))}")
        while True:
            text = self._read(say(lang, "conflict_pick") + say(lang, "colon")).strip()
            if text == "1":
                return Reply("confirm")
            if text == "2":
                return Reply("correct")
            self._write(say(lang, "conflict_pick") + ".")

    def _show(self, r: Request) -> None:
        lang, q = self.lang, r.question
        self._write()
        self._write(say(lang, "progress", n=r.n, total=r.total, section=tr(r.section.title, lang)))
        self._write(tr(q.text, lang))
        for i, o in enumerate(q.options, 1):
            self._write(f"  {i}. {tr(o.label, lang)}")
        if r.help:
            self._write(f"  ({r.help})")
        if r.current is not None:
            current = say(lang, "current", answer=describe(q, r.current, lang))
            self._write(f"({current}{say(lang, 'semicolon')}{say(lang, 'keep')})")
        self._write(control_hint(r.actions, lang))
        if r.error:
            self._write(say(lang, "not_valid", why=r.error))

    def _prompt_of(self, q: Question) -> str:
        lang = self.lang
        if q.type in ("single", "band"):
            return say(lang, "pick_one")
        if q.type == "multi":
            return say(lang, "pick_many")
        if q.type in ("number", "scale"):
            text = say(lang, "type_number")
            if q.min is not None and q.max is not None:
                text += f" ({say(lang, 'between', min=fmt_number(q.min), max=fmt_number(q.max))})"
            return text
        return say(lang, "type_text")

    def _question(self, r: Request) -> Reply:
        self._show(r)
        q, lang = r.question, self.lang
        hint = ", ".join(keys(lang)[c] for c in CONTROLS if c in r.actions)
        while True:
            line = self._read(self._prompt_of(q) + say(lang, "colon"))
            text = line.strip()
            if not text:
                if r.current is not None:
                    return keep(r.current)
                self._write(say(lang, "empty", keys=hint))
                continue
            head, _, rest = text.partition(" ")
            control = control_of(head, lang)
            if control is not None and control in r.actions and (q.type != "text" or not rest):
                if control == "help":
                    if not q.help:
                        self._write(say(lang, "no_help"))
                        continue
                    self._write(f"  {tr(q.help, lang)}")
                    continue
                if control == "not_applicable":
                    note = rest.strip() or self._read(say(lang, "note") + say(lang, "colon")).strip()
                    return Reply("not_applicable", note=note or None)
                return Reply(control)
            reply, why = self._parse(q, text, hint)
            if reply is not None:
                return reply
            self._write(why)

    def _parse(self, q: Question, text: str, hint: str) -> tuple[Reply | None, str]:
        lang = self.lang
        if q.type in ("single", "band", "multi"):
            picked = choice_indexes(text, len(q.options))
            if picked is None or (q.type != "multi" and len(picked) != 1):
                return None, say(lang, "not_a_choice", n=len(q.options), keys=hint)
            ids = [q.options[i - 1].id for i in picked]
            if q.type != "multi":
                return Reply("answer", ids[0]), ""
            if q.exclusive in ids and len(ids) > 1:
                label = tr(q.option(q.exclusive).label, lang)
                return None, say(lang, "exclusive", label=label)
            return Reply("answer", ids), ""
        if q.type in ("number", "scale"):
            value, why = parse_number(text, q, lang)
            if value is None:
                return None, why or say(lang, "not_a_number", keys=hint)
            return Reply("answer", value), ""
        return Reply("answer", text), ""

    def _review(self, r: Review) -> Reply:
        lang = self.lang
        self._write()
        self._write(say(lang, "review"))
        for item in r.items:
            text = short(tr(item.question.text, lang))
            self._write(f"  {item.n}. {text} — {describe(item.question, item.answer, lang)}")
        quit_key = keys(lang)["quit"]
        while True:
            text = self._read(say(lang, "review_prompt", quit_key=quit_key) + say(lang, "colon")).strip()
            if not text:
                return Reply("done")
            if control_of(text, lang) == "quit":
                return Reply("quit")
            picked = choice_indexes(text, len(r.items))
            if picked is not None and len(picked) == 1:
                return Reply("change", r.items[picked[0] - 1].question.id)
            self._write(say(lang, "not_a_choice", n=len(r.items), keys=quit_key))



def _is_tty(stream: Any) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
