"""The journal: the recent requests to the simulated API, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from mockcat.store.db import Database

# Pruning deletes in bulk: once every this many requests, not on each one.
PRUNE_EVERY = 256

_COLUMNS = (
    "at, method, path, query, status, client_id, duration_ms, request_id, body, errors"
)


@dataclass(frozen=True, slots=True)
class JournalRecord:
    at: int  # simulator clock, microseconds
    method: str
    path: str
    query: str
    status: int
    client_id: str | None
    duration_ms: float
    request_id: str
    body: str | None = None
    errors: list[Any] | None = None


@dataclass(frozen=True, slots=True)
class JournalQuery:
    """Filters of a journal search; None means any."""

    method: str | None = None
    path: str | None = None  # a prefix
    status: int | None = None  # an exact status, or 1..5 for a class (5 = 5xx)
    client_id: str | None = None
    since_us: int | None = None
    limit: int = 100
    offset: int = 0


def _record(row: tuple[Any, ...]) -> JournalRecord:
    return JournalRecord(
        at=row[0],
        method=row[1],
        path=row[2],
        query=row[3],
        status=row[4],
        client_id=row[5],
        duration_ms=row[6],
        request_id=row[7],
        body=row[8],
        errors=None if row[9] is None else orjson.loads(row[9]),
    )


def _where(query: JournalQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    args: list[object] = []
    if query.method is not None:
        clauses.append("method = ?")
        args.append(query.method.upper())
    if query.path is not None:
        clauses.append("substr(path, 1, ?) = ?")
        args += [len(query.path), query.path]
    if query.status is not None and query.status < 10:
        clauses.append("status BETWEEN ? AND ?")
        args += [query.status * 100, query.status * 100 + 99]
    elif query.status is not None:
        clauses.append("status = ?")
        args.append(query.status)
    if query.client_id is not None:
        clauses.append("client_id = ?")
        args.append(query.client_id)
    if query.since_us is not None:
        clauses.append("at >= ?")
        args.append(query.since_us)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


class JournalStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, entry: JournalRecord, *, keep: int) -> None:
        """Add one request; every PRUNE_EVERY ids, drop all but the last ``keep``."""
        errors = None if entry.errors is None else orjson.dumps(entry.errors).decode()
        values = (
            entry.at,
            entry.method,
            entry.path,
            entry.query,
            entry.status,
            entry.client_id,
            entry.duration_ms,
            entry.request_id,
            entry.body,
            errors,
        )
        with self.db.write() as conn:
            cursor = conn.execute(
                f"INSERT INTO journal ({_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            last = cursor.lastrowid or 0
            if last % PRUNE_EVERY == 0:
                conn.execute("DELETE FROM journal WHERE id <= ?", (last - keep,))

    def find(self, query: JournalQuery) -> tuple[list[JournalRecord], int]:
        """The matching entries, newest first, and how many match in all."""
        where, args = _where(query)
        with self.db.read() as conn:
            total = conn.execute(f"SELECT count(*) FROM journal{where}", args)
            count = int(total.fetchone()[0])
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM journal{where}"
                " ORDER BY id DESC LIMIT ? OFFSET ?",
                [*args, query.limit, query.offset],
            ).fetchall()
        return [_record(row) for row in rows], count

    def rejections_of(self, lead_id: str) -> list[JournalRecord]:
        """Rejected requests whose problems name this lead, oldest first."""
        needle = orjson.dumps(lead_id).decode()
        rows = (
            self.db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM journal WHERE errors IS NOT NULL"
                " AND instr(errors, ?) > 0 ORDER BY id",
                (needle,),
            )
            .fetchall()
        )
        return [_record(row) for row in rows]
