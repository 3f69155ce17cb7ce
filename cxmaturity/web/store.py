"""The engagements database: SQLite in WAL mode, a schema version, and its migrations.

Every write is one transaction, committed before the function returns, so that an answer the
server acknowledged survives the server being killed. One connection is shared by the
server's single event loop; a lock keeps the thread-pool callers (and tests) from interleaving.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cxmaturity.errors import CxError

#: Migrations, in order: MIGRATIONS[n] takes a database from schema version n to n + 1.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE engagements (
        id INTEGER PRIMARY KEY,
        company TEXT NOT NULL,
        company_id TEXT NOT NULL,
        questionnaire_id TEXT NOT NULL,
        questionnaire_version INTEGER NOT NULL,
        language TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE respondents (
        id INTEGER PRIMARY KEY,
        engagement_id INTEGER NOT NULL REFERENCES engagements(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        token TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        finished TEXT
    );
    CREATE TABLE answers (
        respondent_id INTEGER NOT NULL REFERENCES respondents(id),
        question_id TEXT NOT NULL,
        state TEXT NOT NULL,
        value TEXT,
        note TEXT,
        at TEXT,
        PRIMARY KEY (respondent_id, question_id)
    );
    CREATE TABLE decisions (
        engagement_id INTEGER NOT NULL REFERENCES engagements(id),
        question_id TEXT NOT NULL,
        state TEXT NOT NULL,
        value TEXT,
        proposed INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (engagement_id, question_id)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def new_token() -> str:
    """A link token: 32 random bytes (256 bits), URL-safe."""
    return secrets.token_urlsafe(32)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Engagement:
    id: int
    company: str
    company_id: str
    questionnaire_id: str
    questionnaire_version: int
    language: str
    created: str


@dataclass(frozen=True)
class Respondent:
    id: int
    engagement_id: int
    name: str
    role: str
    token: str
    created: str
    finished: str | None


@dataclass(frozen=True)
class StoredAnswer:
    question_id: str
    state: str
    value: Any
    note: str | None
    at: str | None


@dataclass(frozen=True)
class Decision:
    question_id: str
    state: str
    value: Any
    proposed: bool  # the consultant kept the proposed answer (True) or picked another
    at: str


class Store:
    """The database of one server: engagements, respondents, their answers, decisions."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise CxError(f"{path}: cannot open the database ({exc})") from None
        self.lock = threading.RLock()
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a committed answer is in the log before the reply, so it
            # survives the server being killed; only a power cut or a system crash can lose the
            # commits since the last checkpoint. FULL would fsync each answer (~7 ms here), and
            # answers from many respondents would queue behind each other.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise CxError(f"{path}: not a cxmaturity database ({exc})") from None

    def close(self) -> None:
        with self.lock:
            self.db.close()

    # -- schema -------------------------------------------------------------------------

    def version(self) -> int:
        with self.lock:
            row = self.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
            ).fetchone()
            if row is None:
                return 0
            return self.db.execute("SELECT version FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        with self.lock:
            current = self.version()
            if current > SCHEMA_VERSION:
                raise CxError(f"{self.path}: database schema version {current} is newer than this "
                              f"cxmaturity's ({SCHEMA_VERSION}); upgrade cxmaturity")
            for n in range(current, SCHEMA_VERSION):
                with self.db:  # one transaction a migration: a failed one leaves version n
                    self.db.execute("BEGIN IMMEDIATE")
                    for statement in MIGRATIONS[n].split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    if n == 0:
                        self.db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                        self.db.execute("INSERT INTO schema_version VALUES (1)")
                    else:
                        self.db.execute("UPDATE schema_version SET version = ?", (n + 1,))

    def _write(self, fn, *args):
        """Run `fn(*args)` in one committed transaction."""
        with self.lock, self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return fn(*args)

    # -- settings -----------------------------------------------------------------------

    def setting(self, key: str, make) -> str:
        """The stored setting `key`, created with `make()` the first time."""
        with self.lock:
            row = self.db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
            if row:
                return row[0]
            value = make()
            self._write(lambda: self.db.execute("INSERT INTO settings VALUES (?, ?)", (key, value)))
            return value

    # -- engagements and respondents ------------------------------------------------------

    def create_engagement(self, company: str, company_id: str, questionnaire_id: str,
                          questionnaire_version: int, language: str,
                          respondents: list[tuple[str, str]]) -> int:
        def run():
            cur = self.db.execute(
                "INSERT INTO engagements (company, company_id, questionnaire_id, questionnaire_version,"
                " language, created) VALUES (?, ?, ?, ?, ?, ?)",
                (company, company_id, questionnaire_id, questionnaire_version, language, _now()))
            eid = cur.lastrowid
            for name, role in respondents:
                self._add_respondent(eid, name, role)
            return eid

        return self._write(run)

    def _add_respondent(self, engagement_id: int, name: str, role: str) -> int:
        cur = self.db.execute(
            "INSERT INTO respondents (engagement_id, name, role, token, created) VALUES (?, ?, ?, ?, ?)",
            (engagement_id, name, role, new_token(), _now()))
        return cur.lastrowid

    def add_respondent(self, engagement_id: int, name: str, role: str = "") -> int:
        return self._write(self._add_respondent, engagement_id, name, role)

    def engagements(self) -> list[Engagement]:
        with self.lock:
            rows = self.db.execute("SELECT * FROM engagements ORDER BY id").fetchall()
        return [Engagement(*r) for r in rows]

    def engagement(self, engagement_id: int) -> Engagement | None:
        with self.lock:
            row = self.db.execute("SELECT * FROM engagements WHERE id=?", (engagement_id,)).fetchone()
        return Engagement(*row) if row else None

    def respondents(self, engagement_id: int) -> list[Respondent]:
        with self.lock:
            rows = self.db.execute("SELECT * FROM respondents WHERE engagement_id=? ORDER BY id",
                                   (engagement_id,)).fetchall()
        return [Respondent(*r) for r in rows]

    def respondent_by_token(self, token: str) -> Respondent | None:
        with self.lock:
            row = self.db.execute("SELECT * FROM respondents WHERE token=?", (token,)).fetchone()
        # The lookup is by the token itself; compare in constant time all the same.
        if row is None or not secrets.compare_digest(row[4], token):
            return None
        return Respondent(*row)

    def finish(self, respondent_id: int) -> None:
        self._write(lambda: self.db.execute(
            "UPDATE respondents SET finished=? WHERE id=?", (_now(), respondent_id)))

    # -- answers --------------------------------------------------------------------------

    def answers(self, respondent_id: int) -> list[StoredAnswer]:
        with self.lock:
            rows = self.db.execute(
                "SELECT question_id, state, value, note, at FROM answers WHERE respondent_id=?",
                (respondent_id,)).fetchall()
        return [StoredAnswer(q, s, json.loads(v) if v is not None else None, n, at) for q, s, v, n, at in rows]

    def save_answers(self, respondent_id: int, answers: dict[str, StoredAnswer]) -> None:
        """Replace the respondent's answers with `answers` (what the interview holds after a
        step: the new answer, and without the answers to questions it closed)."""

        def run():
            self.db.execute("DELETE FROM answers WHERE respondent_id=?", (respondent_id,))
            self.db.executemany(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                [(respondent_id, a.question_id, a.state,
                  json.dumps(a.value) if a.value is not None else None, a.note, a.at)
                 for a in answers.values()])

        self._write(run)

    # -- decisions ------------------------------------------------------------------------

    def decisions(self, engagement_id: int) -> dict[str, Decision]:
        with self.lock:
            rows = self.db.execute(
                "SELECT question_id, state, value, proposed, at FROM decisions WHERE engagement_id=?",
                (engagement_id,)).fetchall()
        return {q: Decision(q, s, json.loads(v) if v is not None else None, bool(p), at)
                for q, s, v, p, at in rows}

    def decide(self, engagement_id: int, decisions: list[Decision]) -> None:
        def run():
            self.db.executemany(
                "INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?)",
                [(engagement_id, d.question_id, d.state,
                  json.dumps(d.value) if d.value is not None else None, int(d.proposed), d.at)
                 for d in decisions])

        self._write(run)
