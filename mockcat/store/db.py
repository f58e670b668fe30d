"""The SQLite file: connections, transactions and the schema.

Every worker process opens the same file. WAL lets readers go on while one writer
writes; a write that must see and change rows atomically across processes takes
the write lock first with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from mockcat.store import models  # noqa: F401  (registers the tables)

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

    def create_schema(self) -> None:
        """Create what is missing; safe when several processes start at once."""
        dialect = sqlite_dialect.dialect()
        with self.write() as conn:
            for table in SQLModel.metadata.sorted_tables:
                ddl = CreateTable(table, if_not_exists=True).compile(dialect=dialect)
                conn.execute(str(ddl))
                for index in table.indexes:
                    ddl = CreateIndex(index, if_not_exists=True).compile(
                        dialect=dialect
                    )
                    conn.execute(str(ddl))

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
