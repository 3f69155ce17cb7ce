"""Text the interview prints above a question (help, progress, errors) breaks between words at
the terminal's width, instead of being cut mid-word by the terminal."""

from __future__ import annotations

HELP_FR = ("Comptez tous les salariés du groupe dans le monde, en équivalents temps plein. Au-delà "
           "de 30 000 personnes, vous êtes aussi comparé à la cohorte des grandes entreprises du rapport.")


def test_wrap_breaks_between_words_only():
    from cxmaturity.interview.terminal import wrap

    lines = wrap(HELP_FR, 80).split("\n")
    assert len(lines) == 3
    assert all(len(line) < 80 for line in lines)
    assert " ".join(lines) == HELP_FR
    assert wrap("short line", 80) == "short line"


def test_terminal_help_is_printed_wrapped(monkeypatch):
    import prompt_toolkit

    from cxmaturity.interview.terminal import TerminalAsker

    printed = []
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(prompt_toolkit, "print_formatted_text", lambda ft: printed.append(ft))
    TerminalAsker("fr")._print(HELP_FR, "italic")
    (style, text), = printed[0]
    assert style == "italic"
    assert "Au-delà" in text and "A\nu-delà" not in text
    assert max(len(line) for line in text.split("\n")) < 80


def test_long_option_labels_continue_under_their_first_letter():
    from cxmaturity.interview.terminal import option_title

    label = ("Nous analysons régulièrement les conversations de tous les canaux pour évaluer "
             "nos performances")
    title = option_title(label, 5, width=80)
    first, second = title.split("\n")
    assert len(first) + 5 < 80 and second.startswith("     ") and not second.startswith("      ")
    assert " ".join(line.strip() for line in title.split("\n")) == label
    assert option_title("Aucun de ces usages", 5, width=80) == "Aucun de ces usages"


def test_select_prompt_puts_the_keys_on_their_own_line(monkeypatch):
    from cxmaturity.interview.terminal import TerminalAsker

    seen = {}

    class Stop(Exception):
        pass

    def fake_select(message, **kwargs):
        seen.update(message=message, instruction=kwargs["instruction"], titles=[
            c.title for c in kwargs["choices"] if hasattr(c, "value") and c.value])
        raise Stop

    monkeypatch.setenv("COLUMNS", "80")
    asker = TerminalAsker("fr")
    monkeypatch.setattr(asker._q, "select", fake_select)
    from conftest import QUESTIONNAIRES

    from cxmaturity.formats.loader import load_questionnaire
    from cxmaturity.interview.engine import Request

    q = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    question = q.question("profile.revenue")
    section = next(s for s in q.sections if question in s.questions)
    request = Request(question=question, section=section, n=5, total=44, current=None,
                      actions=frozenset({"back", "skip", "not_applicable", "dont_know", "help", "quit"}),
                      language="fr")
    try:
        asker._select(request, "r Retour")
    except Stop:
        pass
    assert all(len(line) < 80 for line in (" " + seen["message"]).split("\n"))
    assert "\n" in seen["message"]  # the French revenue question is longer than one line
    assert seen["instruction"].startswith("\n(")


def test_review_shows_each_whole_answer_by_the_question_s_short_form(monkeypatch):
    from conftest import QUESTIONNAIRES

    from cxmaturity.formats.loader import load_questionnaire
    from cxmaturity.formats.models import Answer
    from cxmaturity.interview.engine import Review, ReviewItem
    from cxmaturity.interview.terminal import TerminalAsker

    class Stop(Exception):
        pass

    titles = []

    def fake_select(message, **kwargs):
        titles.extend(c.title for c in kwargs["choices"] if getattr(c, "value", None)
                      and c.value[0] == "change")
        raise Stop

    monkeypatch.setenv("COLUMNS", "80")
    asker = TerminalAsker("en")
    monkeypatch.setattr(asker._q, "select", fake_select)
    monkeypatch.setattr(asker, "_print", lambda *a, **k: None)
    q = load_questionnaire(QUESTIONNAIRES / "cx-ai-2018.yaml")
    uses = q.question("sentiment.uses")
    section = next(s for s in q.sections if uses in s.questions)
    answer = Answer(state="answered", value=["voice"])
    try:
        asker._review(Review(items=[ReviewItem(10, uses, section, answer)], language="en"))
    except Stop:
        pass
    (title,) = titles
    lines = title.split("\n")
    assert lines[0].startswith("10. Sentiment-analysis uses — ")
    assert " ".join(line.strip() for line in lines).endswith("Speech analytics detecting emotion in calls")
    assert all(3 + len(line) < 80 for line in lines)
