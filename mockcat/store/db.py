"""The SQLite file: connections, transactions and the schema.

Every worker process opens the same file. WAL lets readers go on while one writer
writes; a write that must see and change rows atomically across processes takes
the write lock first with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import orjson

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 16 * 1024


class Database:
    """One SQLite file, with a connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are opened explicitly below.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # A historic page reads about 60 pages of the file; SQLite's default
        # cache (2 MB) is outgrown by a thousand leads, and each miss is a read().
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction that holds the write lock from its first statement."""
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A transaction that sees one snapshot for all its statements."""
        conn = self.connection()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def page(
        self,
        columns: str,
        source: str,
        args: Sequence[object],
        *,
        order: str,
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[Any, ...]], int]:
        """One page of ``SELECT columns FROM source`` and how many rows in all,
        from one snapshot. ``source`` is a table and its WHERE clause."""
        with self.read() as conn:
            total = conn.execute(f"SELECT count(*) FROM {source}", args)
            count = int(total.fetchone()[0])
            rows = conn.execute(
                f"SELECT {columns} FROM {source} ORDER BY {order} LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return rows, count

    def create_schema(self) -> None:
        """Create what is missing; safe when several processes start at once.

        The file's user_version records which models.py made its tables. When it
        matches, nothing is compiled: SQLAlchemy and SQLModel are not even
        imported, which was half of a start's time.
        """
        with self.write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == schema_version():
                return
            for ddl in _schema_ddl():
                conn.execute(ddl)
            _add_missing_columns(conn)
            _move_bodies_out(conn)
            _pack_deliveries(conn)
            conn.execute(f"PRAGMA user_version = {schema_version()}")

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


@cache
def schema_version() -> int:
    """A fingerprint of the table definitions, as a positive 31-bit integer."""
    source = Path(__file__).with_name("models.py").read_bytes()
    digest = hashlib.sha256(source + Path(__file__).read_bytes()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFF_FFFF or 1


def _move_bodies_out(conn: sqlite3.Connection) -> None:
    """A file made before lead_body existed: its bodies move there, once."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(lead)")}
    if "body" not in columns:
        return
    conn.execute("INSERT INTO lead_body (seq, body) SELECT seq, body FROM lead")
    conn.execute("ALTER TABLE lead DROP COLUMN body")


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Columns the models gained since a file was made (all nullable or defaulted)."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateColumn
    from sqlmodel import SQLModel

    dialect = sqlite_dialect.dialect()
    for table in SQLModel.metadata.sorted_tables:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        for column in table.columns:
            if column.name not in present:
                ddl = str(CreateColumn(column).compile(dialect=dialect))
                conn.execute(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")


def _pack_deliveries(conn: sqlite3.Connection) -> None:
    """A file made when each lead delivered had a lead_delivery row: pack them.

    Each delivery gets its leads as JSON and each lead its last delivery, the
    form ``mockcat.store.timeline`` reads; then the old table goes.
    """
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lead_delivery'"
    ).fetchone()
    if found is None:
        return
    packed: dict[int, list[list[object]]] = {}
    last: dict[int, int] = {}
    rows = conn.execute(
        "SELECT lead_seq, delivery_id, state FROM lead_delivery"
        " ORDER BY lead_seq, delivery_id"
    )
    for seq, delivery_id, state in rows:
        previous = last.get(seq, 0)
        packed.setdefault(delivery_id, []).append([seq, state, previous])
        last[seq] = delivery_id
    conn.executemany(
        "UPDATE delivery SET leads = ? WHERE id = ?",
        [(orjson.dumps(leads), delivery_id) for delivery_id, leads in packed.items()],
    )
    conn.executemany(
        "UPDATE lead SET last_delivery = ? WHERE seq = ?",
        [(delivery_id, seq) for seq, delivery_id in last.items()],
    )
    conn.execute("DROP TABLE lead_delivery")


def _schema_ddl() -> list[str]:
    """CREATE ... IF NOT EXISTS for every table and index of the models."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    from mockcat.store import models  # noqa: F401  (registers the tables)

    dialect = sqlite_dialect.dialect()
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(
            str(CreateTable(table, if_not_exists=True).compile(dialect=dialect))
        )
        for index in table.indexes:
            ddl = CreateIndex(index, if_not_exists=True)
            statements.append(str(ddl.compile(dialect=dialect)))
    return statements
