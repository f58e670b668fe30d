"""The journal: the recent requests to the simulated API, newest first."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

import orjson

from mockcat.store.db import Database

# Pruning deletes in bulk: once every this many requests, not on each one.
PRUNE_EVERY = 256
# A worker writes its journal entries in batches: a write transaction per
# request cost about as much as serving a page. The app flushes every
# FLUSH_SECONDS; a batch this long is written at once.
FLUSH_SECONDS = 0.025
FLUSH_AT = 128
# Bumped by a reset: entries of requests begun before it are not written after.
EPOCH_KEY = "journal_epoch"

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
    """The journal table, and this process's entries not yet written to it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Held while a batch is written, so a reader that flushes first sees it.
        self._lock = threading.RLock()
        self._queued: list[tuple[str | None, tuple[object, ...]]] = []
        self._keep = 0

    def record(
        self, entry: JournalRecord, *, keep: int, epoch: str | None = None
    ) -> None:
        """Queue one request for the next flush; ``epoch`` is the reset
        generation the request saw (the entry is dropped if a reset came since).
        """
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
        with self._lock:
            self._keep = keep
            self._queued.append((epoch, values))
            full = len(self._queued) >= FLUSH_AT
        if full:
            self.flush()

    def flush(self) -> None:
        """Write the queued entries in one transaction.

        A batch that fails is dropped, not kept for later: the journal is a
        witness, and a store that keeps failing must not fill the memory.
        """
        with self._lock:
            if not self._queued:
                return
            try:
                with self.db.write() as conn:
                    _insert(conn, self._queued, self._keep)
            finally:
                self._queued.clear()

    def find(self, query: JournalQuery) -> tuple[list[JournalRecord], int]:
        """The matching entries, newest first, and how many match in all."""
        self.flush()
        where, args = _where(query)
        rows, count = self.db.page(
            _COLUMNS,
            f"journal{where}",
            args,
            order="id DESC",
            limit=query.limit,
            offset=query.offset,
        )
        return [_record(row) for row in rows], count

    def rejections_of(self, lead_id: str) -> list[JournalRecord]:
        """Rejected requests whose problems name this lead, oldest first."""
        self.flush()
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


def _insert(
    conn: sqlite3.Connection,
    queued: list[tuple[str | None, tuple[object, ...]]],
    keep: int,
) -> None:
    """Insert the entries of the current epoch; prune when an id crosses a
    multiple of PRUNE_EVERY."""
    row = conn.execute(
        "SELECT value FROM sim_state WHERE key = ?", (EPOCH_KEY,)
    ).fetchone()
    current = None if row is None else str(row[0])
    rows = [values for epoch, values in queued if epoch == current]
    if not rows:
        return
    conn.executemany(
        f"INSERT INTO journal ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    last = int(conn.execute("SELECT last_insert_rowid()").fetchone()[0])
    if last // PRUNE_EVERY != (last - len(rows)) // PRUNE_EVERY:
        conn.execute("DELETE FROM journal WHERE id <= ?", (last - keep,))
