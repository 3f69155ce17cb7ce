"""The engagements database: WAL mode, a schema version with migrations, answers kept across
a reopen, and a database from a newer cxmaturity refused with one line."""

from __future__ import annotations

import sqlite3

import pytest

from cxmaturity.errors import CxError
from cxmaturity.web import store as store_module
from cxmaturity.web.store import SCHEMA_VERSION, Store, StoredAnswer


def test_a_new_database_is_in_wal_mode_at_the_current_schema_version(tmp_path):
    s = Store(tmp_path / "a.db")
    try:
        assert s.version() == SCHEMA_VERSION
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        s.close()


def test_answers_and_decisions_survive_a_reopen(tmp_path):
    s = Store(tmp_path / "a.db")
    eid = s.create_engagement("Acme", "acme", "cx-ai-2018-quick", 1, "fr", [("Ann", "CIO")])
    rid = s.respondents(eid)[0].id
    s.save_answers(rid, {
        "profile.region": StoredAnswer("profile.region", "answered", "europe", None, "2026-01-01T00:00:00+00:00"),
        "brand.uses": StoredAnswer("brand.uses", "answered", ["a", "b"], "a note", None),
    })
    token = s.respondents(eid)[0].token
    admin = s.setting("consultant_token", lambda: "first")
    s.close()
    s = Store(tmp_path / "a.db")
    try:
        assert s.respondent_by_token(token).name == "Ann"
        values = {a.question_id: a.value for a in s.answers(rid)}
        assert values == {"profile.region": "europe", "brand.uses": ["a", "b"]}
        assert s.setting("consultant_token", lambda: "second") == admin == "first"
    finally:
        s.close()


def test_migrations_run_in_order_from_an_older_version(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    Store(path).close()
    extra = "ALTER TABLE respondents ADD COLUMN email TEXT"
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, extra])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    s = Store(path)
    try:
        assert s.version() == SCHEMA_VERSION + 1
        columns = [row[1] for row in s.db.execute("PRAGMA table_info(respondents)")]
        assert "email" in columns
    finally:
        s.close()


def test_a_database_from_a_newer_cxmaturity_is_refused(tmp_path):
    path = tmp_path / "a.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    with pytest.raises(CxError, match="schema version 99 is newer"):
        Store(path)


def test_a_file_that_is_not_a_database_is_an_error(tmp_path):
    path = tmp_path / "a.db"
    path.write_text("not sqlite " * 100)
    with pytest.raises(CxError, match="not a cxmaturity database"):
        Store(path)
