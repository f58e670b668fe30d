"""Small shared values, and the simulator's clock built on one of them."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from mockcat.store.db import Database

CLOCK_OFFSET = "clock_offset_us"


def real_now_us() -> int:
    """The wall clock, in microseconds since the epoch."""
    return time.time_ns() // 1000


class StateStore:
    """Named values shared by every worker process."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        row = (
            self.db.connection()
            .execute("SELECT value FROM sim_state WHERE key = ?", (key,))
            .fetchone()
        )
        return None if row is None else str(row[0])

    def get_many(self, *keys: str) -> dict[str, str]:
        """Several values in one query: the ones that are set."""
        marks = ",".join("?" * len(keys))
        rows = self.db.connection().execute(
            f"SELECT key, value FROM sim_state WHERE key IN ({marks})", keys
        )
        return {str(row[0]): str(row[1]) for row in rows}

    def set(self, key: str, value: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO sim_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete(self, key: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM sim_state WHERE key = ?", (key,))


class Clock:
    """The time every part of the simulator uses: real time plus an offset.

    The offset lives in the store, so advancing the clock in one worker process
    moves it for all of them.
    """

    def __init__(self, state: StateStore) -> None:
        self.state = state

    def offset_us(self) -> int:
        value = self.state.get(CLOCK_OFFSET)
        return 0 if value is None else int(value)

    def now_us(self, offset_us: int | None = None) -> int:
        """Now on the simulator's clock; ``offset_us`` when already read."""
        if offset_us is None:
            offset_us = self.offset_us()
        return real_now_us() + offset_us

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.now_us() / 1_000_000, UTC)

    def advance(self, seconds: float) -> datetime:
        self.state.set(CLOCK_OFFSET, str(self.offset_us() + int(seconds * 1e6)))
        return self.now()

    def set(self, moment: datetime) -> datetime:
        target = int(moment.timestamp() * 1_000_000)
        self.state.set(CLOCK_OFFSET, str(target - real_now_us()))
        return self.now()

    def reset(self) -> None:
        self.state.delete(CLOCK_OFFSET)
