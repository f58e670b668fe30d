"""Reset: the simulator's data back to empty, its clients kept."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import Field

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel
from mockcat.core.errors import ApiError
from mockcat.services.seeding import seed_leads

router = APIRouter(tags=["Simulator: data"])


class Reseed(ControlModel):
    dealer: str = Field(min_length=1, max_length=255, examples=["B330"])
    count: int = Field(ge=1, le=1_000_000, examples=[100])
    seed: int | None = None


class ResetRequest(ControlModel):
    reseed: Reseed | None = Field(
        default=None, description="Seed fresh leads once the data is gone."
    )


class ResetResult(ControlModel):
    seeded: int = Field(description="How many leads were seeded after the reset.")


@router.post("/reset")
async def reset(store: StoreDep, request: ResetRequest | None = None) -> ResetResult:
    """Empty leads, updates, journal, faults, feeds and clock; keep the clients."""
    store.reset()
    if request is None or request.reseed is None:
        return ResetResult(seeded=0)
    again = request.reseed
    try:
        lead_ids = seed_leads(
            store, dealer_code=again.dealer, count=again.count, seed=again.seed
        )
    except ValueError as exc:
        raise ApiError(f"Reset done, but the reseed was refused: {exc}.") from None
    return ResetResult(seeded=len(lead_ids))
