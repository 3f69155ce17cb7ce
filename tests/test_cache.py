"""Parsed data files are cached on disk and re-read when the file changes."""

from __future__ import annotations

import os

import pytest
from conftest import QUESTIONNAIRES

from cxmaturity.errors import FileError
from cxmaturity.formats.loader import load_questionnaire


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CXMATURITY_CACHE_DIR", str(folder))
    monkeypatch.delenv("CXMATURITY_NO_CACHE", raising=False)
    return folder


def test_second_load_comes_from_the_cache(cache, tmp_path):
    path = tmp_path / "q.yaml"
    path.write_bytes((QUESTIONNAIRES / "cx-ai-2018-quick.yaml").read_bytes())
    first = load_questionnaire(path)
    assert len(list(cache.glob("*.pickle"))) == 1
    second = load_questionnaire(path)
    assert second == first and second is not first
    assert second.question("invest.front_office").option_ids == ["basic", "acquiring", "heavily"]


def test_an_edited_file_is_parsed_again(cache, tmp_path):
    path = tmp_path / "q.yaml"
    text = (QUESTIONNAIRES / "cx-ai-2018-quick.yaml").read_text()
    path.write_text(text)
    assert load_questionnaire(path).version == 1
    path.write_text(text.replace("\nversion: 1\n", "\nversion: 2\n", 1))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert load_questionnaire(path).version == 2


def test_errors_are_never_cached(cache, tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("id: x\nversion: one\n")
    for _ in range(2):
        with pytest.raises(FileError, match="version"):
            load_questionnaire(path)
    assert not list(cache.glob("*.pickle"))


def test_cache_can_be_turned_off(cache, tmp_path, monkeypatch):
    monkeypatch.setenv("CXMATURITY_NO_CACHE", "1")
    load_questionnaire(QUESTIONNAIRES / "cx-ai-2018-quick.yaml")
    assert not cache.exists()

