"""Seeding leads over HTTP."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from mockcat.api.deps import StoreDep
from mockcat.core.errors import ApiError
from mockcat.services.seeding import seed_leads
from mockcat.store.leads import DuplicateLead

router = APIRouter(tags=["Simulator: data"])


class SeedConflict(ApiError):
    """The leads of this dealer and seed are stored already."""

    status_code = 409


class SeedRequest(BaseModel):
    """N generated leads for one dealer."""

    model_config = ConfigDict(extra="forbid")

    dealer: str = Field(min_length=1, max_length=255, examples=["B330"])
    count: int = Field(ge=1, le=1_000_000, examples=[25])
    seed: int | None = Field(default=None, description="Same seed, same leads.")
    country: str | None = Field(default=None, min_length=2, max_length=2)
    business_unit: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    messy: bool = Field(
        default=False,
        description="Mix in the off-list spellings of the guide's samples.",
    )


class SeedResult(BaseModel):
    dealer: str
    count: int
    lead_ids: list[str]


@router.post("/seed", status_code=201)
async def seed(request: SeedRequest, store: StoreDep) -> SeedResult:
    """Add generated leads (state NEW) for a dealer."""
    try:
        lead_ids = seed_leads(
            store,
            dealer_code=request.dealer,
            count=request.count,
            seed=request.seed,
            start=request.created_from,
            end=request.created_to,
            country=request.country,
            business_unit=request.business_unit,
            messy=request.messy,
        )
    except ValueError as exc:
        # The generator checks its arguments before anything is stored: a bad
        # country, business unit or date range is the caller's mistake.
        raise ApiError(f"Invalid seed request: {exc}.") from None
    except DuplicateLead as exc:
        raise SeedConflict(f"Nothing seeded: {exc} (same dealer and seed?).") from None
    return SeedResult(dealer=request.dealer, count=len(lead_ids), lead_ids=lead_ids)
