"""Looking at leads from Caterpillar's side, and changing them as Caterpillar."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import Field

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel, iso
from mockcat.core.errors import NotFound
from mockcat.services.timeline import lead_timeline
from mockcat.services.updates import caterpillar_update
from mockcat.store import Store
from mockcat.store.browse import LeadQuery, LeadSummary
from mockcat.store.leads import StoredLead

router = APIRouter(tags=["Simulator: leads"])

StateName = Literal["NEW", "SENT", "UPDATED"]
StatusName = Literal["Accepted", "Rejected", "Disqualified", "none"]
StageName = Literal[
    "Qualification",
    "Develop Solution",
    "Proposal/Negotiation",
    "Closed Won",
    "Closed Lost",
    "Closed No Deal",
    "none",
]


class LeadSummaryPublic(ControlModel):
    lead_id: str
    dealer: str
    lead_state: str
    dealer_status: str | None
    stage: str | None
    name: str | None
    company: str | None
    country_code: str | None
    business_unit: str | None
    date_created: str | None
    updated_at: datetime | None


class LeadPage(ControlModel):
    data: list[LeadSummaryPublic]
    count: int = Field(description="How many leads match, in all.")


class LeadDetail(ControlModel):
    lead_id: str
    dealer: str
    lead_state: str
    delivered: bool
    dealer_status: str | None
    stage: str | None
    fields: dict[str, Any] = Field(description="Every field of the guide's table.")


class TimelineEventPublic(ControlModel):
    at: datetime
    kind: Literal[
        "created",
        "delivered",
        "caterpillar_update",
        "dealer_update",
        "dealer_update_rejected",
    ]
    request_id: str | None
    client_id: str | None
    summary: str
    details: dict[str, Any]


class LeadTimeline(ControlModel):
    lead_id: str
    events: list[TimelineEventPublic]


class CaterpillarUpdate(ControlModel):
    cat_prequalification_status: bool = Field(
        description="Cat Financial's prequalification: the field Caterpillar changes."
    )


class LeadStatsPublic(ControlModel):
    dealers: list[str]
    by_state: dict[str, int]
    by_dealer_status: dict[str, int]
    by_stage: dict[str, int]


def _summary(lead: LeadSummary) -> LeadSummaryPublic:
    names = [n for n in (lead.first_name, lead.last_name) if n]
    return LeadSummaryPublic(
        lead_id=lead.lead_id,
        dealer=lead.dealer_code,
        lead_state=lead.state,
        dealer_status=lead.dealer_status,
        stage=lead.stage,
        name=" ".join(names) or None,
        company=lead.company,
        country_code=lead.country_code,
        business_unit=lead.business_unit,
        date_created=lead.date_created,
        updated_at=iso(lead.updated_at),
    )


def _detail(lead: StoredLead) -> LeadDetail:
    return LeadDetail(
        lead_id=lead.lead_id,
        dealer=lead.dealer_code,
        lead_state=lead.state,
        delivered=lead.delivered,
        dealer_status=lead.dealer_status,
        stage=lead.stage,
        fields={"leadState": lead.state, **lead.fields},
    )


def _lead(store: Store, lead_id: str) -> StoredLead:
    lead = store.leads.get(lead_id)
    if lead is None:
        raise NotFound(f"No lead with leadId {lead_id!r}.")
    return lead


@router.get("/leads")
async def list_leads(
    store: StoreDep,
    dealer: Annotated[str | None, Query(max_length=255)] = None,
    state: StateName | None = None,
    status: Annotated[StatusName | None, Query(description="none: no update")] = None,
    stage: Annotated[StageName | None, Query(description="none: no stage")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> LeadPage:
    """Leads of every dealer, newest first, filtered; with the total count."""
    query = LeadQuery(dealer, state, status, stage, q, offset, limit)
    found, count = store.browse.find(query)
    return LeadPage(data=[_summary(lead) for lead in found], count=count)


@router.get("/leads/{lead_id}")
async def read_lead(lead_id: str, store: StoreDep) -> LeadDetail:
    """One lead with every field, its state and the dealer's latest status."""
    return _detail(_lead(store, lead_id))


@router.get("/leads/{lead_id}/timeline")
async def read_timeline(lead_id: str, store: StoreDep) -> LeadTimeline:
    """Everything that happened to a lead, oldest first."""
    events = lead_timeline(store, _lead(store, lead_id))
    return LeadTimeline(
        lead_id=lead_id,
        events=[
            TimelineEventPublic(
                at=e.at,
                kind=e.kind,
                request_id=e.request_id,
                client_id=e.client_id,
                summary=e.summary,
                details=e.details,
            )
            for e in events
        ],
    )


@router.post("/leads/{lead_id}/caterpillar-update")
async def update_as_caterpillar(
    lead_id: str, change: CaterpillarUpdate, store: StoreDep
) -> LeadDetail:
    """Change a lead as Caterpillar: SENT becomes UPDATED, NEW stays NEW."""
    updated = caterpillar_update(store, lead_id, change.cat_prequalification_status)
    if updated is None:
        raise NotFound(f"No lead with leadId {lead_id!r}.")
    return _detail(updated)


@router.get("/stats")
async def lead_stats(
    store: StoreDep, dealer: Annotated[str | None, Query(max_length=255)] = None
) -> LeadStatsPublic:
    """Counts of leads by state, dealer status and stage, for one dealer or all."""
    stats = store.browse.stats(dealer)
    return LeadStatsPublic(
        dealers=stats.dealers,
        by_state=stats.by_state,
        by_dealer_status=stats.by_dealer_status,
        by_stage=stats.by_stage,
    )
