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
    conn: sqlite3.Connection,
    note: DeliveryNote,
    leads: Sequence[tuple[int, str, int | None]],
) -> int:
    """Note a delivery of (seq, state, last delivery) leads; returns its id.

    Runs inside the caller's transaction, which then points each lead's
    ``last_delivery`` at the returned id.
    """
    packed = orjson.dumps([[seq, state, last or 0] for seq, state, last in leads])
    cursor = conn.execute(
        "INSERT INTO delivery (request_id, client_id, at, size, leads)"
        " VALUES (?, ?, ?, ?, ?)",
        (note.request_id, note.client_id, note.at_us, len(leads), packed),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


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
        """The lead's deliveries, oldest first, following the chain back."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT seq, last_delivery FROM lead WHERE lead_id = ?", (lead_id,)
            ).fetchone()
            if row is None:
                return []
            seq, delivery_id = row
            events: list[DeliveryEvent] = []
            while delivery_id:
                event, delivery_id = _delivery_of(conn, delivery_id, seq)
                events.append(event)
        return events[::-1]


def _delivery_of(
    conn: sqlite3.Connection, delivery_id: int, seq: int
) -> tuple[DeliveryEvent, int]:
    """One delivery of lead ``seq``, and the delivery of it before that (or 0)."""
    at, request_id, client_id, size, packed = conn.execute(
        "SELECT at, request_id, client_id, size, leads FROM delivery WHERE id = ?",
        (delivery_id,),
    ).fetchone()
    state, previous = next((s, p) for q, s, p in orjson.loads(packed) if q == seq)
    return DeliveryEvent(at, request_id, client_id, state, size), previous
