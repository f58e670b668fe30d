"""What happened to each lead: its deliveries and Caterpillar's changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from mockcat.store.db import Database

CATERPILLAR_UPDATE = "caterpillar_update"


@dataclass(frozen=True, slots=True)
class DeliveryNote:
    """Who took leads, and when: written with the leads marked SENT."""

    request_id: str
    client_id: str
    at_us: int


@dataclass(frozen=True, slots=True)
class DeliveryEvent:
    at: int
    request_id: str
    client_id: str
    state: str  # the leadState the lead was delivered in
    size: int  # how many leads the answer held


@dataclass(frozen=True, slots=True)
class LeadEventRecord:
    at: int
    kind: str
    details: dict[str, Any]


def record_delivery(
    conn: sqlite3.Connection, note: DeliveryNote, leads: Sequence[tuple[int, str]]
) -> None:
    """Note a delivery of (seq, state) leads, inside the caller's transaction."""
    cursor = conn.execute(
        "INSERT INTO delivery (request_id, client_id, at, size) VALUES (?, ?, ?, ?)",
        (note.request_id, note.client_id, note.at_us, len(leads)),
    )
    delivery_id = cursor.lastrowid
    conn.executemany(
        "INSERT INTO lead_delivery (lead_seq, delivery_id, state) VALUES (?, ?, ?)",
        [(seq, delivery_id, state) for seq, state in leads],
    )


class TimelineStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_event(
        self, lead_id: str, kind: str, details: dict[str, Any], *, at_us: int
    ) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO lead_event (lead_id, at, kind, details)"
                " VALUES (?, ?, ?, ?)",
                (lead_id, at_us, kind, orjson.dumps(details).decode()),
            )

    def events(self, lead_id: str) -> list[LeadEventRecord]:
        rows = self.db.connection().execute(
            "SELECT at, kind, details FROM lead_event WHERE lead_id = ? ORDER BY id",
            (lead_id,),
        )
        return [LeadEventRecord(row[0], row[1], orjson.loads(row[2])) for row in rows]

    def deliveries(self, lead_id: str) -> list[DeliveryEvent]:
        rows = self.db.connection().execute(
            "SELECT d.at, d.request_id, d.client_id, ld.state,"
            " d.size"
            " FROM lead JOIN lead_delivery AS ld ON ld.lead_seq = lead.seq"
            " JOIN delivery AS d ON d.id = ld.delivery_id"
            " WHERE lead.lead_id = ? ORDER BY d.id",
            (lead_id,),
        )
        return [DeliveryEvent(*row) for row in rows]
