"""`cxmaturity questionnaires` lists and shows the questionnaires; `-o` writes a blank form."""

from __future__ import annotations


def test_list_shows_id_version_count_and_languages(cli):
    result = cli("questionnaires")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "cx-ai-2018" in lines and "cx-ai-2018-quick" in lines
    full = lines["cx-ai-2018"].split()
    assert full[1] == "1" and "en, fr" in lines["cx-ai-2018"]
    from cxmaturity.api import find_questionnaire as find

    assert str(len(find("cx-ai-2018").questions)) in full


def test_show_outline_in_french(cli):
    result = cli("questionnaires", "show", "cx-ai-2018", "--lang", "fr")
    assert result.exit_code == 0
    assert "invest.front_office" in result.stdout
    assert "Profil" in result.stdout and "Source : Figure 2" in result.stdout
    assert "Posée seulement si : " in result.stdout and "Source: " not in result.stdout


def test_list_headers_and_blank_form_in_french(cli, tmp_path):
    head = cli("questionnaires", "--lang", "fr").stdout.splitlines()[0].split()
    assert head == ["id", "version", "titre", "questions", "langues"]
    out = tmp_path / "vierge.md"
    assert cli("questionnaires", "show", "cx-ai-2018-quick", "--lang", "fr", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "**Entreprise :** " in text and "Note : ____" in text and "Entreprise:" not in text


def test_blank_form_written_for_paper_interviews(cli, tmp_path):
    out = tmp_path / "blank.md"
    result = cli("questionnaires", "show", "cx-ai-2018-quick", "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("# ") and "☐" in text and "Company:" in text
    assert "invest.front_office" not in text  # a form for the client, not for the engine
    assert text.count("**1. ") == 1 and "**14. " in text


def test_unknown_questionnaire_is_one_line_error(cli):
    result = cli("questionnaires", "show", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown questionnaire 'nope'")


def test_bad_language_is_a_usage_error(cli):
    result = cli("questionnaires", "show", "cx-ai-2018", "--lang", "de")
    assert result.exit_code == 2
