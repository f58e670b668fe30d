"""Live feeds per dealer, and the lease that lets one process produce them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from mockcat.store.db import Database

FEED_LEASE = "feed"
# A producer that was away this long does not make up for all of it at once.
MAX_CATCH_UP_US = 10_000_000

_COLUMNS = (
    "dealer_code, leads_per_minute, updates_per_minute, country, business_unit,"
    " started_at, last_run, lead_carry, update_carry, leads_made, updates_made"
)


@dataclass(frozen=True, slots=True)
class FeedRow:
    dealer_code: str
    leads_per_minute: float
    updates_per_minute: float
    country: str | None
    business_unit: str | None
    started_at: int
    last_run: int
    lead_carry: float
    update_carry: float
    leads_made: int
    updates_made: int


@dataclass(frozen=True, slots=True)
class Due:
    """What one feed must produce now."""

    feed: FeedRow
    leads: int
    updates: int


def _feed(row: tuple[Any, ...]) -> FeedRow:
    return FeedRow(*row)


def _due(row: FeedRow, now_real: int) -> tuple[int, int, float, float]:
    elapsed = min(max(now_real - row.last_run, 0), MAX_CATCH_UP_US) / 60_000_000
    leads = row.lead_carry + row.leads_per_minute * elapsed
    updates = row.update_carry + row.updates_per_minute * elapsed
    return int(leads), int(updates), leads - int(leads), updates - int(updates)


class FeedStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def put(
        self,
        dealer_code: str,
        *,
        leads_per_minute: float,
        updates_per_minute: float,
        country: str | None,
        business_unit: str | None,
        now_us: int,
        now_real: int,
    ) -> FeedRow:
        """Start a dealer's feed, or change its rates (keeping its counts)."""
        with self.db.write() as conn:
            conn.execute(
                f"INSERT INTO feed ({_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)"
                " ON CONFLICT (dealer_code) DO UPDATE SET"
                " leads_per_minute = excluded.leads_per_minute,"
                " updates_per_minute = excluded.updates_per_minute,"
                " country = excluded.country, business_unit = excluded.business_unit",
                (
                    dealer_code,
                    leads_per_minute,
                    updates_per_minute,
                    country,
                    business_unit,
                    now_us,
                    now_real,
                ),
            )
        found = self.get(dealer_code)
        assert found is not None
        return found

    def get(self, dealer_code: str) -> FeedRow | None:
        row = (
            self.db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM feed WHERE dealer_code = ?", (dealer_code,)
            )
            .fetchone()
        )
        return None if row is None else _feed(row)

    def all(self) -> list[FeedRow]:
        rows = self.db.connection().execute(
            f"SELECT {_COLUMNS} FROM feed ORDER BY dealer_code"
        )
        return [_feed(row) for row in rows]

    def any(self) -> bool:
        conn = self.db.connection()
        return conn.execute("SELECT 1 FROM feed LIMIT 1").fetchone() is not None

    def remove(self, dealer_code: str) -> bool:
        with self.db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM feed WHERE dealer_code = ?", (dealer_code,)
            )
        return cursor.rowcount > 0

    def claim_due(self, now_real: int) -> list[Due]:
        """Take what every feed owes up to now; each moment is taken once only."""
        claimed: list[Due] = []
        with self.db.write() as conn:
            for row in [_feed(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM feed")]:
                leads, updates, lead_carry, update_carry = _due(row, now_real)
                conn.execute(
                    "UPDATE feed SET last_run = ?, lead_carry = ?, update_carry = ?,"
                    " leads_made = leads_made + ?, updates_made = updates_made + ?"
                    " WHERE dealer_code = ?",
                    (
                        now_real,
                        lead_carry,
                        update_carry,
                        leads,
                        updates,
                        row.dealer_code,
                    ),
                )
                if leads or updates:
                    claimed.append(Due(row, leads, updates))
        return claimed

    def hold_lease(self, owner: str, *, now_real: int, ttl_us: int) -> bool:
        """Take or renew the feed lease; False while another process holds it."""
        with self.db.write() as conn:
            return _hold(conn, FEED_LEASE, owner, now_real, ttl_us)

    def lease_holder(self, now_real: int) -> str | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT owner FROM lease WHERE name = ? AND expires_at > ?",
                (FEED_LEASE, now_real),
            )
            .fetchone()
        )
        return None if row is None else str(row[0])

    def release_lease(self, owner: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM lease WHERE name = ? AND owner = ?", (FEED_LEASE, owner)
            )

    def delivered_lead(self, dealer_code: str, after_utc: str) -> str | None:
        """A delivered lead created at or after a moment, else the first one."""
        conn = self.db.connection()
        sql = (
            "SELECT lead_id FROM lead WHERE dealer_code = ? AND delivered = 1"
            " AND created_utc >= ? ORDER BY created_utc LIMIT 1"
        )
        row = conn.execute(sql, (dealer_code, after_utc)).fetchone()
        row = row or conn.execute(sql, (dealer_code, "")).fetchone()
        return None if row is None else str(row[0])

    def created_range(self, dealer_code: str) -> tuple[str, str] | None:
        """The first and last creation time of the dealer's delivered leads."""
        conn = self.db.connection()
        # Two queries, so that each is one step down the historic index.
        ends = [
            conn.execute(
                f"SELECT {edge}(created_utc) FROM lead"
                " WHERE dealer_code = ? AND delivered = 1",
                (dealer_code,),
            ).fetchone()[0]
            for edge in ("min", "max")
        ]
        return None if ends[0] is None else (str(ends[0]), str(ends[1]))

    def oldest_pending(self, dealer_code: str) -> str | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT lead_id FROM lead WHERE dealer_code = ? AND state <> 'SENT'"
                " ORDER BY pending_since, seq LIMIT 1",
                (dealer_code,),
            )
            .fetchone()
        )
        return None if row is None else str(row[0])


def _hold(
    conn: sqlite3.Connection, name: str, owner: str, now_real: int, ttl_us: int
) -> bool:
    row = conn.execute(
        "SELECT owner, expires_at FROM lease WHERE name = ?", (name,)
    ).fetchone()
    if row is not None and row[0] != owner and row[1] > now_real:
        return False
    conn.execute(
        "INSERT INTO lease (name, owner, expires_at) VALUES (?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner,"
        " expires_at = excluded.expires_at",
        (name, owner, now_real + ttl_us),
    )
    return True
