"""Dealer updates: kept in order as each lead's history (contract §8)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from mockcat.store.db import Database


@dataclass(frozen=True, slots=True)
class NewUpdate:
    lead_id: str
    lead_status: str
    stage: str | None
    values: dict[str, Any]
    warnings: list[str]


@dataclass(frozen=True, slots=True)
class StoredUpdate:
    id: int
    lead_id: str
    client_id: str
    request_id: str
    received_at: int
    lead_status: str
    stage: str | None
    values: dict[str, Any]
    warnings: list[str]


class UpdateStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def apply(
        self,
        updates: Sequence[NewUpdate],
        *,
        dealer_code: str,
        client_id: str,
        request_id: str,
        now_us: int,
    ) -> None:
        """Store a whole batch in one transaction: all of it or none of it."""
        history = [
            (
                u.lead_id,
                dealer_code,
                client_id,
                request_id,
                now_us,
                u.lead_status,
                u.stage,
                orjson.dumps(u.values),
                orjson.dumps(u.warnings).decode(),
            )
            for u in updates
        ]
        # Later updates of one lead in a batch win, as they would one by one.
        current = [(u.lead_status, u.stage, now_us, u.lead_id) for u in updates]
        with self.db.write() as conn:
            conn.executemany(
                "INSERT INTO lead_update (lead_id, dealer_code, client_id, request_id,"
                ' received_at, lead_status, stage, "values", warnings)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                history,
            )
            conn.executemany(
                "UPDATE lead SET dealer_status = ?, stage = ?, updated_at = ?"
                " WHERE lead_id = ?",
                current,
            )

    def history(self, lead_id: str) -> list[StoredUpdate]:
        rows = self.db.connection().execute(
            "SELECT id, lead_id, client_id, request_id, received_at, lead_status,"
            ' stage, "values", warnings FROM lead_update WHERE lead_id = ? ORDER BY id',
            (lead_id,),
        )
        return [
            StoredUpdate(
                id=row[0],
                lead_id=row[1],
                client_id=row[2],
                request_id=row[3],
                received_at=row[4],
                lead_status=row[5],
                stage=row[6],
                values=orjson.loads(row[7]),
                warnings=orjson.loads(row[8]),
            )
            for row in rows
        ]

    def count(self) -> int:
        row = (
            self.db.connection().execute("SELECT count(*) FROM lead_update").fetchone()
        )
        return int(row[0])
