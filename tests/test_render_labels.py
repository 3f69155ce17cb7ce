"""The labels of the client-facing outputs exist in both languages, with the same placeholders."""

import string

from cxmaturity.words.labels import DIMENSIONS, EN, FR, survey_date


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)


def test_both_languages_have_the_same_keys():
    assert set(EN) == set(FR), sorted(set(EN) ^ set(FR))


def test_every_label_has_text_and_the_same_placeholders():
    for key in EN:
        assert EN[key].strip() and FR[key].strip(), key
        assert _fields(EN[key]) == _fields(FR[key]), key


def test_verdicts_and_missing_states_have_words():
    for v in ("ahead", "level", "behind", "no_benchmark"):
        assert EN[f"verdict.{v}"] != FR[f"verdict.{v}"]
    for s in ("skipped", "not_applicable", "dont_know", "unanswered"):
        assert f"state.{s}" in EN


def test_builtin_dimensions_are_named_in_both_languages():
    assert set(DIMENSIONS) == {
        "investment",
        "strategy",
        "tools",
        "brand",
        "automation",
        "sentiment",
        "outcomes",
    }
    assert all(set(v) == {"en", "fr"} for v in DIMENSIONS.values())


def test_survey_date_reads_the_fieldwork_month():
    assert survey_date("2018-07", "en") == "July 2018"
    assert survey_date("2018-07", "fr") == "juillet 2018"
    assert survey_date("soon", "en") is None


def test_every_bundled_question_has_a_short_form_in_both_languages():
    from cxmaturity.formats.loader import load_questionnaire

    for path in ("questionnaires/cx-ai-2018.yaml", "questionnaires/cx-ai-2018-quick.yaml"):
        for q in load_questionnaire(path).questions:
            assert q.short and set(q.short) == {"en", "fr"}, (path, q.id)
            # short enough to head a row of the summary at 80 columns
            assert all(len(text) <= 40 for text in q.short.values()), (path, q.id)
