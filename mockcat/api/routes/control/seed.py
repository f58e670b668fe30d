"""Seeding leads over HTTP."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mockcat.api.deps import StoreDep
from mockcat.core.errors import ApiError
from mockcat.services.lead_import import LeadImport
from mockcat.services.seeding import seed_leads
from mockcat.store.leads import INSERT_CHUNK, DuplicateLead

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


class SeedLeads(BaseModel):
    """Leads given as JSON, in the guide's field names."""

    model_config = ConfigDict(extra="forbid")

    dealer: str | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="catDealerCode for the leads that give none.",
    )
    leads: list[JsonValue] = Field(min_length=1, max_length=INSERT_CHUNK)


class InvalidLeads(ApiError):
    """Given leads with problems: each one listed, nothing stored."""


@router.post("/seed/leads", status_code=201)
async def seed_given(request: SeedLeads, store: StoreDep) -> SeedResult:
    """Add the given leads (state NEW), checked against the guide's table."""
    check = LeadImport(request.dealer, store.clock.now())
    ids = [i.get("leadId") for i in request.leads if isinstance(i, dict)]
    known = store.leads.existing(str(i) for i in ids if isinstance(i, str))
    leads, problems = check.check(list(request.leads), known)
    if problems:
        raise InvalidLeads(
            f"{len(problems)} problem(s) in the leads; nothing was stored.",
            extra={"errors": [p.as_dict() for p in problems]},
        )
    try:
        store.leads.add(leads)
    except DuplicateLead as exc:
        raise SeedConflict(f"Nothing seeded: {exc}.") from None
    dealers = sorted({str(lead["catDealerCode"]) for lead in leads})
    return SeedResult(
        dealer=",".join(dealers),
        count=len(leads),
        lead_ids=[str(lead["leadId"]) for lead in leads],
    )
