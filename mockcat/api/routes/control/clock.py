"""The simulator's clock: read it, move it forward, set it."""

from __future__ import annotations

import math
from datetime import datetime

from fastapi import APIRouter
from pydantic import AwareDatetime, Field, field_validator

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel, micros
from mockcat.core.errors import ApiError
from mockcat.store import Store

router = APIRouter(tags=["Simulator: clock"])

# A hundred years either way: far enough for any test, short of overflow.
MAX_SHIFT_SECONDS = 100 * 366 * 24 * 3600


class ClockPublic(ControlModel):
    now: datetime = Field(description="The simulator's time now.")
    offset_seconds: float = Field(description="How far it is from the real time.")


class ClockAdvance(ControlModel):
    seconds: float = Field(
        ge=-MAX_SHIFT_SECONDS,
        le=MAX_SHIFT_SECONDS,
        description="How far to move the clock; negative moves it back.",
        examples=[3601],
    )

    @field_validator("seconds")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value


class ClockSet(ControlModel):
    now: AwareDatetime = Field(
        description="The time to set, ISO 8601 with an offset.",
        examples=["2030-01-01T00:00:00Z"],
    )


def _check_offset(store: Store, offset_us: int, field: str) -> None:
    if abs(offset_us) > MAX_SHIFT_SECONDS * 1_000_000:
        raise ApiError(
            f"Invalid {field}: the clock may be at most {MAX_SHIFT_SECONDS} seconds"
            " from the real time.",
            extra={"field": field},
        )


def _public(store: Store) -> ClockPublic:
    offset = store.clock.offset_us()
    return ClockPublic(now=store.clock.now(), offset_seconds=offset / 1_000_000)


@router.get("/clock")
async def read_clock(store: StoreDep) -> ClockPublic:
    """The simulator's time, which tokens, dates and the journal all use."""
    return _public(store)


@router.post("/clock/advance")
async def advance_clock(change: ClockAdvance, store: StoreDep) -> ClockPublic:
    """Move the clock by some seconds, e.g. 3601 to expire every token."""
    target = store.clock.offset_us() + int(change.seconds * 1_000_000)
    _check_offset(store, target, "seconds")
    store.clock.advance(change.seconds)
    return _public(store)


@router.put("/clock")
async def set_clock(change: ClockSet, store: StoreDep) -> ClockPublic:
    """Set the clock to a given time; it runs on from there."""
    real_now = store.clock.now_us() - store.clock.offset_us()
    _check_offset(store, micros(change.now) - real_now, "now")
    store.clock.set(change.now)
    return _public(store)
