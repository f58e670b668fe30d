"""The live feed: new leads and Caterpillar updates per dealer at set rates."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import Field, field_validator, model_validator
from starlette.responses import Response

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel, iso
from mockcat.core.errors import NotFound
from mockcat.generator import SUPPORTED_COUNTRIES
from mockcat.spec.lead_fields import BUSINESS_UNITS
from mockcat.store.feed import FeedRow
from mockcat.store.state import real_now_us

router = APIRouter(tags=["Simulator: feed"])

MAX_PER_MINUTE = 60_000.0


class FeedStart(ControlModel):
    """Start a dealer's feed, or change the rates of a running one."""

    dealer: str = Field(min_length=1, max_length=255, examples=["B330"])
    leads_per_minute: float = Field(default=0, ge=0, le=MAX_PER_MINUTE)
    updates_per_minute: float = Field(default=0, ge=0, le=MAX_PER_MINUTE)
    country: str | None = Field(default=None, description="Only this country.")
    business_unit: str | None = Field(default=None, description="Only this unit.")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is not None and value.upper() not in SUPPORTED_COUNTRIES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_COUNTRIES)}")
        return None if value is None else value.upper()

    @field_validator("business_unit")
    @classmethod
    def _unit(cls, value: str | None) -> str | None:
        if value is not None and value not in BUSINESS_UNITS:
            raise ValueError(f"must be one of the guide's: {', '.join(BUSINESS_UNITS)}")
        return value

    @model_validator(mode="after")
    def _some_rate(self) -> FeedStart:
        if self.leads_per_minute == 0 and self.updates_per_minute == 0:
            raise ValueError("give leadsPerMinute or updatesPerMinute above 0")
        return self


class FeedPublic(ControlModel):
    dealer: str
    leads_per_minute: float
    updates_per_minute: float
    country: str | None
    business_unit: str | None
    started_at: datetime | None
    leads_made: int
    updates_made: int


class FeedStatus(ControlModel):
    data: list[FeedPublic]
    producer: str | None = Field(
        description="The worker process producing the feeds now (host:pid:tag)."
    )


def _public(row: FeedRow) -> FeedPublic:
    return FeedPublic(
        dealer=row.dealer_code,
        leads_per_minute=row.leads_per_minute,
        updates_per_minute=row.updates_per_minute,
        country=row.country,
        business_unit=row.business_unit,
        started_at=iso(row.started_at),
        leads_made=row.leads_made,
        updates_made=row.updates_made,
    )


@router.get("/feed")
async def feed_status(store: StoreDep) -> FeedStatus:
    """The running feeds, what each has made, and which worker produces them."""
    feeds = [_public(row) for row in store.feeds.all()]
    holder = store.feeds.lease_holder(real_now_us()) if feeds else None
    return FeedStatus(data=feeds, producer=holder)


@router.post("/feed", status_code=201)
async def start_feed(feed: FeedStart, store: StoreDep) -> FeedPublic:
    """Start a dealer's feed (rates per real minute), or change its rates."""
    row = store.feeds.put(
        feed.dealer,
        leads_per_minute=feed.leads_per_minute,
        updates_per_minute=feed.updates_per_minute,
        country=feed.country,
        business_unit=feed.business_unit,
        now_us=store.clock.now_us(),
        now_real=real_now_us(),
    )
    return _public(row)


@router.delete("/feed/{dealer}", status_code=204, response_class=Response)
async def stop_feed(dealer: str, store: StoreDep) -> Response:
    """Stop a dealer's feed."""
    if not store.feeds.remove(dealer):
        raise NotFound(f"No feed runs for dealer {dealer!r}.")
    return Response(status_code=204)
