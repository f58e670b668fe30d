"""Fault rules, shared by every worker process.

A version number in sim_state changes with every change to the rules, so each
process can keep the rules in memory and read them again only when it moved.
"""

from __future__ import annotations

import fnmatch
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import orjson

from mockcat.store.db import Database

VERSION_KEY = "faults_version"
BEFORE, AFTER = "before", "after"

_COLUMNS = (
    "id, method, path, status, body, headers, delay_ms, drop_connection, timing,"
    " times, remaining, probability, hits, created_at"
)


@dataclass(frozen=True, slots=True)
class NewRule:
    method: str
    path: str
    status: int | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_ms: int = 0
    drop: bool = False
    timing: str = BEFORE
    times: int | None = None
    probability: float | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: int
    method: str
    path: str
    status: int | None
    body: Any
    headers: dict[str, str]
    delay_ms: int
    drop: bool
    timing: str
    times: int | None
    remaining: int | None
    probability: float | None
    hits: int
    created_at: int

    def matches(self, method: str, path: str) -> bool:
        if self.method != "*" and self.method != method:
            return False
        if "*" in self.path:
            return fnmatch.fnmatchcase(path, self.path)
        return path == self.path


def _rule(row: tuple[Any, ...]) -> Rule:
    return Rule(
        id=row[0],
        method=row[1],
        path=row[2],
        status=row[3],
        body=None if row[4] is None else orjson.loads(row[4]),
        headers=orjson.loads(row[5]),
        delay_ms=row[6],
        drop=bool(row[7]),
        timing=row[8],
        times=row[9],
        remaining=row[10],
        probability=row[11],
        hits=row[12],
        created_at=row[13],
    )


def bump_version(conn: sqlite3.Connection) -> None:
    """Tell every process its cached rules are stale (inside a write)."""
    conn.execute(
        "INSERT INTO sim_state (key, value) VALUES (?, '1') ON CONFLICT (key)"
        " DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
        (VERSION_KEY,),
    )


class FaultStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, rule: NewRule, *, now_us: int) -> Rule:
        body = None if rule.body is None else orjson.dumps(rule.body).decode()
        values = (
            rule.method,
            rule.path,
            rule.status,
            body,
            orjson.dumps(rule.headers).decode(),
            rule.delay_ms,
            rule.drop,
            rule.timing,
            rule.times,
            rule.times,
            rule.probability,
            now_us,
        )
        with self.db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO fault_rule (method, path, status, body, headers,"
                " delay_ms, drop_connection, timing, times, remaining, probability,"
                " hits, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                values,
            )
            bump_version(conn)
        found = self.get(int(cursor.lastrowid or 0))
        assert found is not None
        return found

    def get(self, rule_id: int) -> Rule | None:
        row = (
            self.db.connection()
            .execute(f"SELECT {_COLUMNS} FROM fault_rule WHERE id = ?", (rule_id,))
            .fetchone()
        )
        return None if row is None else _rule(row)

    def all(self) -> list[Rule]:
        rows = self.db.connection().execute(
            f"SELECT {_COLUMNS} FROM fault_rule ORDER BY id"
        )
        return [_rule(row) for row in rows]

    def live(self) -> tuple[int, list[Rule]]:
        """The version and the rules that can still fire, read in one snapshot."""
        with self.db.read() as conn:
            version = self._version(conn)
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM fault_rule"
                " WHERE remaining IS NULL OR remaining > 0 ORDER BY id"
            ).fetchall()
        return version, [_rule(row) for row in rows]

    def version(self) -> int:
        return self._version(self.db.connection())

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        row = conn.execute(
            "SELECT value FROM sim_state WHERE key = ?", (VERSION_KEY,)
        ).fetchone()
        return 0 if row is None else int(row[0])

    def claim(self, rule_id: int) -> bool:
        """Count one firing of a rule; False if its last count was taken already.

        The decrement runs in a write transaction, so "the next N requests"
        means N across every worker process.
        """
        with self.db.write() as conn:
            cursor = conn.execute(
                "UPDATE fault_rule SET hits = hits + 1,"
                " remaining = CASE WHEN remaining IS NULL THEN NULL"
                " ELSE remaining - 1 END"
                " WHERE id = ? AND (remaining IS NULL OR remaining > 0)"
                " RETURNING remaining",
                (rule_id,),
            )
            row = cursor.fetchone()
            if row is not None and row[0] == 0:
                bump_version(conn)
        return row is not None

    def remove(self, rule_id: int) -> bool:
        with self.db.write() as conn:
            cursor = conn.execute("DELETE FROM fault_rule WHERE id = ?", (rule_id,))
            bump_version(conn)
        return cursor.rowcount > 0

    def clear(self) -> int:
        with self.db.write() as conn:
            cursor = conn.execute("DELETE FROM fault_rule")
            bump_version(conn)
        return cursor.rowcount
