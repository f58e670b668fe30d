"""Leads: storing them, handing out the pending ones, and paging the delivered.

A lead's fields are kept as the JSON bytes they are served as, so a page of leads
is joined from stored bytes without decoding them (contract §5–§7).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from mockcat.store.db import Database
from mockcat.store.timeline import DeliveryNote, record_delivery

INSERT_CHUNK = 5_000
NEW, UPDATED, SENT = "NEW", "UPDATED", "SENT"


class DuplicateLead(Exception):
    """A lead with this leadId is stored already."""

    def __init__(self, lead_id: str) -> None:
        super().__init__(lead_id)
        self.lead_id = lead_id

    def __str__(self) -> str:
        return f"a lead with leadId {self.lead_id!r} exists already"


@dataclass(frozen=True, slots=True)
class StoredLead:
    lead_id: str
    dealer_code: str
    state: str
    delivered: bool
    fields: dict[str, Any]
    dealer_status: str | None
    stage: str | None


# What goes before a stored body (which starts with "{") to serve it: leadState
# first, and a comma before every lead but the first.
_LEAD_START = {s: b'{"leadState":"' + s.encode() + b'",' for s in (NEW, UPDATED, SENT)}
_NEXT_LEAD_START = {s: b"," + start for s, start in _LEAD_START.items()}


def render(state: str, body: bytes) -> bytes:
    """A stored lead as served: its fields with ``leadState`` put first."""
    return _LEAD_START[state] + body[1:]


def render_page(items: Iterable[tuple[str, bytes]]) -> bytes:
    """A JSON array of stored leads, joined once without copying each body."""
    parts: list[bytes | memoryview] = [b"["]
    starts = _LEAD_START
    for state, body in items:
        parts.append(starts[state])
        parts.append(memoryview(body)[1:])
        starts = _NEXT_LEAD_START
    parts.append(b"]")
    return b"".join(parts)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _utc_key(moment: datetime) -> tuple[str, int]:
    """The sortable UTC text and the microsecond time of a dateCreated."""
    utc = moment.astimezone(UTC)
    # isoformat and timedelta arithmetic: a third of strftime's and timestamp()'s
    # cost, which a million-lead seed pays a million times.
    return utc.isoformat(timespec="microseconds")[:26], (utc - _EPOCH) // _MICROSECOND


def _row(lead: Mapping[str, Any]) -> tuple[object, ...]:
    # Generated leads carry no leadState: no copy is needed to leave it out.
    fields = lead if "leadState" not in lead else _without_state(lead)
    created_utc, created_us = _utc_key(datetime.fromisoformat(fields["dateCreated"]))
    body = orjson.dumps(fields)
    return (fields["leadId"], fields["catDealerCode"], created_us, created_utc, body)


def _without_state(lead: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in lead.items() if k != "leadState"}


class LeadStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, leads: Iterable[Mapping[str, Any]]) -> int:
        """Store new leads (state NEW); their dateCreated is their pending order.

        Each chunk is one transaction; a duplicate leadId stops the call with
        DuplicateLead, its chunk stored not at all.
        """
        count = 0
        iterator = iter(leads)
        while chunk := [
            _row(lead) for lead in itertools.islice(iterator, INSERT_CHUNK)
        ]:
            self._insert(chunk)
            count += len(chunk)
        return count

    def _insert(self, rows: Sequence[tuple[object, ...]]) -> None:
        try:
            with self.db.write() as conn:
                # The write lock is held: the seqs after the highest are free.
                first = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM lead")
                seq = int(first.fetchone()[0])
                conn.executemany(
                    "INSERT INTO lead (seq, lead_id, dealer_code, state, pending_since,"
                    " created_utc, delivered) VALUES (?, ?, ?, 'NEW', ?, ?, 0)",
                    [(seq + i, *row[:4]) for i, row in enumerate(rows)],
                )
                conn.executemany(
                    "INSERT INTO lead_body (seq, body) VALUES (?, ?)",
                    [(seq + i, row[4]) for i, row in enumerate(rows)],
                )
        except sqlite3.IntegrityError as exc:
            if "UNIQUE constraint failed: lead.lead_id" not in str(exc):
                raise
            taken = self.existing(str(row[0]) for row in rows)
            raise DuplicateLead(sorted(taken)[0] if taken else "?") from None

    def existing(self, lead_ids: Iterable[str]) -> set[str]:
        ids = list(lead_ids)
        found: set[str] = set()
        conn = self.db.connection()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT lead_id FROM lead WHERE lead_id IN ({marks})"
            found.update(row[0] for row in conn.execute(sql, part))
        return found

    def take_pending(
        self, dealer_code: str, limit: int, *, note: DeliveryNote | None = None
    ) -> list[tuple[str, str, bytes]]:
        """Up to ``limit`` pending leads, oldest first, marked SENT at once.

        The write lock is taken before the pending rows are read, so two calls in
        any processes never take the same lead. With a ``note``, the delivery is
        recorded in the same transaction. Returns (leadId, state, body).
        """
        with self.db.write() as conn:
            rows = conn.execute(
                "SELECT l.seq, l.lead_id, l.state, b.body, l.last_delivery"
                " FROM lead AS l"
                " JOIN lead_body AS b ON b.seq = l.seq"
                " WHERE l.dealer_code = ? AND l.state <> 'SENT'"
                " ORDER BY l.pending_since, l.seq LIMIT ?",
                (dealer_code, limit),
            ).fetchall()
            if rows:
                self._mark_sent(conn, rows, note)
        return [(row[1], row[2], row[3]) for row in rows]

    @staticmethod
    def _mark_sent(
        conn: sqlite3.Connection,
        rows: list[tuple[Any, ...]],
        note: DeliveryNote | None,
    ) -> None:
        seqs = [row[0] for row in rows]
        marks = ",".join("?" * len(seqs))
        if note is None:
            sql = (
                f"UPDATE lead SET state = 'SENT', delivered = 1 WHERE seq IN ({marks})"
            )
            conn.execute(sql, seqs)
            return
        taken = [(row[0], row[2], row[4]) for row in rows]
        delivery_id = record_delivery(conn, note, taken)
        conn.execute(
            "UPDATE lead SET state = 'SENT', delivered = 1, last_delivery = ?"
            f" WHERE seq IN ({marks})",
            [delivery_id, *seqs],
        )

    def historic_page(
        self, dealer_code: str, start: date, end: date, *, offset: int, limit: int
    ) -> bytes:
        """Delivered leads created from ``start`` to ``end`` inclusive (UTC), as
        the JSON array GET historic serves, each with ``leadState`` SENT.

        The historic index gives the order; each lead is joined to its body by
        seq. SQLite drops each body's opening brace as it copies it out, and
        one join, with the brackets on the first and last body, builds the page:
        its 200 KB are copied once.
        """
        after_end = (end + timedelta(days=1)).isoformat()
        rows = (
            self.db.connection()
            .execute(
                "SELECT substr(b.body, 2) FROM lead AS l"
                " JOIN lead_body AS b ON b.seq = l.seq WHERE l.dealer_code = ?"
                " AND l.delivered = 1 AND l.created_utc >= ? AND l.created_utc < ?"
                " ORDER BY l.created_utc, l.lead_id LIMIT ? OFFSET ?",
                (dealer_code, start.isoformat(), after_end, limit, offset),
            )
            .fetchall()
        )
        if not rows:
            return b"[]"
        bodies = [row[0] for row in rows]
        bodies[0] = b"[" + _LEAD_START[SENT] + bodies[0]
        bodies[-1] += b"]"
        return _NEXT_LEAD_START[SENT].join(bodies)

    def get(self, lead_id: str) -> StoredLead | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT l.lead_id, l.dealer_code, l.state, l.delivered, b.body,"
                " l.dealer_status, l.stage FROM lead AS l"
                " JOIN lead_body AS b ON b.seq = l.seq WHERE l.lead_id = ?",
                (lead_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return StoredLead(
            lead_id=row[0],
            dealer_code=row[1],
            state=row[2],
            delivered=bool(row[3]),
            fields=orjson.loads(row[4]),
            dealer_status=row[5],
            stage=row[6],
        )

    def owners(self, lead_ids: Iterable[str]) -> dict[str, str]:
        """The dealer code of each known lead among ``lead_ids``."""
        ids = list(dict.fromkeys(lead_ids))
        owners: dict[str, str] = {}
        conn = self.db.connection()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT lead_id, dealer_code FROM lead WHERE lead_id IN ({marks})"
            owners.update((row[0], row[1]) for row in conn.execute(sql, part))
        return owners

    def caterpillar_update(
        self, lead_id: str, changes: Mapping[str, Any], *, now_us: int
    ) -> StoredLead | None:
        """Change a lead's fields as Caterpillar would (contract §6).

        A delivered lead (SENT) becomes UPDATED and pending again; a NEW or
        UPDATED lead keeps its state and its place in the pending order.
        """
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT l.seq, l.state, b.body FROM lead AS l"
                " JOIN lead_body AS b ON b.seq = l.seq WHERE l.lead_id = ?",
                (lead_id,),
            ).fetchone()
            if row is None:
                return None
            seq, state = row[0], row[1]
            fields = orjson.loads(row[2])
            fields.update(changes)
            conn.execute(
                "UPDATE lead_body SET body = ? WHERE seq = ?",
                (orjson.dumps(fields), seq),
            )
            if state == SENT:
                conn.execute(
                    "UPDATE lead SET state = 'UPDATED', pending_since = ?"
                    " WHERE seq = ?",
                    (now_us, seq),
                )
        return self.get(lead_id)

    def count(self, dealer_code: str | None = None) -> int:
        conn = self.db.connection()
        if dealer_code is None:
            row = conn.execute("SELECT count(*) FROM lead").fetchone()
        else:
            sql = "SELECT count(*) FROM lead WHERE dealer_code = ?"
            row = conn.execute(sql, (dealer_code,)).fetchone()
        return int(row[0])
