"""Text the interview prints above a question (help, progress, errors) breaks between words at
the terminal's width, instead of being cut mid-word by the terminal."""

from __future__ import annotations

HELP_FR = ("Comptez tous les salariés du groupe dans le monde, en équivalents temps plein. Au-delà "
           "de 30 000 personnes, vous êtes aussi comparé à la cohorte des grandes entreprises du rapport.")


def test_wrap_breaks_between_words_only():
    from cxmaturity.prompts import wrap

    lines = wrap(HELP_FR, 80).split("\n")
    assert len(lines) == 3
    assert all(len(line) < 80 for line in lines)
    assert " ".join(lines) == HELP_FR
    assert wrap("short line", 80) == "short line"


def test_terminal_help_is_printed_wrapped(monkeypatch):
    import prompt_toolkit

    from cxmaturity.prompts import TerminalAsker

    printed = []
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(prompt_toolkit, "print_formatted_text", lambda ft: printed.append(ft))
    TerminalAsker("fr")._print(HELP_FR, "italic")
    (style, text), = printed[0]
    assert style == "italic"
    assert "Au-delà" in text and "A\nu-delà" not in text
    assert max(len(line) for line in text.split("\n")) < 80
