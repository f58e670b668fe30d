"""The token signing key, generated once and kept with the data."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mockcat.store.db import Database


def _new_key() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # A kid derived from the key itself: stable, and different for every key.
    kid = hashlib.sha256(public_der).hexdigest()[:16]
    return kid, pem


class KeyStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def signing_key(self, now_us: int) -> tuple[str, str]:
        """The (kid, private PEM) in use, created on first call."""
        row = self._current()
        if row is not None:
            return row
        kid, pem = _new_key()
        with self.db.write() as conn:
            # Another process may have won the race; the first key stays.
            if conn.execute("SELECT 1 FROM signingkey").fetchone() is None:
                conn.execute(
                    "INSERT INTO signingkey (kid, private_pem, created_at) "
                    "VALUES (?, ?, ?)",
                    (kid, pem, now_us),
                )
        current = self._current()
        assert current is not None
        return current

    def _current(self) -> tuple[str, str] | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT kid, private_pem FROM signingkey ORDER BY created_at LIMIT 1"
            )
            .fetchone()
        )
        return None if row is None else (str(row[0]), str(row[1]))
