"""Emptying the simulator's data, keeping its clients and signing key."""

from __future__ import annotations

from mockcat.store.db import Database
from mockcat.store.faults import bump_version
from mockcat.store.journal import EPOCH_KEY
from mockcat.store.state import CLOCK_OFFSET

# Children before parents; clients and signingkey are not here on purpose.
DATA_TABLES = (
    "delivery",
    "lead_event",
    "lead_update",
    "lead_body",
    "lead",
    "journal",
    "fault_rule",
    "feed",
    "lease",
)


def reset_data(db: Database) -> None:
    """Leads, updates, journal, faults, feeds and clock back to empty, at once."""
    with db.write() as conn:
        for table in DATA_TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM sim_state WHERE key = ?", (CLOCK_OFFSET,))
        # The fault version goes up, never back: a cached copy must not match.
        bump_version(conn)
        # Journal entries still queued in a worker belong to before the reset.
        conn.execute(
            "INSERT INTO sim_state (key, value) VALUES (?, '1') ON CONFLICT (key)"
            " DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
            (EPOCH_KEY,),
        )
