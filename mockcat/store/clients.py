"""OAuth clients and the dealers they belong to."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from mockcat.store.db import Database

_COLUMNS = (
    "client_id, secret_sha256, dealer_code, name, enabled, scopes, "
    "validation_profile, source"
)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Client:
    """An OAuth client as the store hands it out (its table is models.Client).

    A plain dataclass, so that serving needs neither SQLModel nor SQLAlchemy.
    """

    client_id: str
    secret_sha256: str
    dealer_code: str
    name: str
    enabled: bool
    scopes: str  # space-separated, as in OAuth
    validation_profile: str | None
    source: str


def _client(row: tuple[Any, ...]) -> Client:
    return Client(
        client_id=row[0],
        secret_sha256=row[1],
        dealer_code=row[2],
        name=row[3],
        enabled=bool(row[4]),
        scopes=row[5],
        validation_profile=row[6],
        source=row[7],
    )


@dataclass(frozen=True, slots=True)
class ClientAccess:
    """What a Lead API request checks of its client, read on every request."""

    client_id: str
    dealer_code: str
    enabled: bool
    validation_profile: str | None


class ClientStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def access(self, client_id: str) -> ClientAccess | None:
        """The client's dealer and standing, read fresh (it may be disabled now).

        A plain dataclass rather than the ``Client`` table model: building a
        SQLModel instance costs more than the query, on every Lead API request.
        """
        row = (
            self.db.connection()
            .execute(
                "SELECT client_id, dealer_code, enabled, validation_profile"
                " FROM client WHERE client_id = ?",
                (client_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return ClientAccess(row[0], row[1], bool(row[2]), row[3])

    def get(self, client_id: str) -> Client | None:
        row = (
            self.db.connection()
            .execute(f"SELECT {_COLUMNS} FROM client WHERE client_id = ?", (client_id,))
            .fetchone()
        )
        return None if row is None else _client(row)

    def authenticate(self, client_id: str, secret: str) -> Client | None:
        """The client if the secret is its own; compared in constant time."""
        client = self.get(client_id)
        # Hash even for an unknown id, so both answers take the same time.
        given = hash_secret(secret)
        stored = client.secret_sha256 if client else hash_secret("")
        if not hmac.compare_digest(given, stored) or client is None:
            return None
        return client

    def all(self) -> list[Client]:
        rows = (
            self.db.connection()
            .execute(f"SELECT {_COLUMNS} FROM client ORDER BY dealer_code, client_id")
            .fetchall()
        )
        return [_client(row) for row in rows]

    def put(
        self,
        *,
        client_id: str,
        secret: str,
        dealer_code: str,
        name: str = "",
        enabled: bool = True,
        scopes: list[str] | None = None,
        validation_profile: str | None = None,
        source: str = "api",
    ) -> Client:
        """Add a client, or replace the one with the same id."""
        values = (
            client_id,
            hash_secret(secret),
            dealer_code,
            name,
            enabled,
            " ".join(scopes if scopes is not None else ["manage:all"]),
            validation_profile,
            source,
        )
        with self.db.write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO client ({_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        client = self.get(client_id)
        assert client is not None
        return client

    def set_enabled(self, client_id: str, enabled: bool) -> Client | None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE client SET enabled = ? WHERE client_id = ?",
                (enabled, client_id),
            )
        return self.get(client_id)

    def remove(self, client_id: str) -> bool:
        with self.db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM client WHERE client_id = ?", (client_id,)
            )
        return cursor.rowcount > 0

    def remove_source(self, source: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM client WHERE source = ?", (source,))
