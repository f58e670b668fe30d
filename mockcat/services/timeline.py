"""A lead's timeline: created, delivered, changed by Caterpillar, updated by the
dealer, and the dealer's updates that were refused, in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mockcat.store import Store
from mockcat.store.journal import JournalRecord
from mockcat.store.leads import StoredLead
from mockcat.store.timeline import DeliveryEvent, LeadEventRecord
from mockcat.store.updates import StoredUpdate


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    at: datetime
    kind: str
    summary: str
    request_id: str | None = None
    client_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def _moment(micros: int) -> datetime:
    return datetime.fromtimestamp(micros / 1_000_000, UTC)


def _created(lead: StoredLead) -> TimelineEvent:
    created = datetime.fromisoformat(str(lead.fields["dateCreated"]))
    return TimelineEvent(
        at=created,
        kind="created",
        summary=f"Created by Caterpillar for dealer {lead.dealer_code}.",
        details={"dealer": lead.dealer_code},
    )


def _delivered(event: DeliveryEvent) -> TimelineEvent:
    return TimelineEvent(
        at=_moment(event.at),
        kind="delivered",
        summary=f"Delivered as {event.state} in a page of {event.size}.",
        request_id=event.request_id,
        client_id=event.client_id,
        details={"leadState": event.state, "pageSize": event.size},
    )


def _caterpillar(event: LeadEventRecord) -> TimelineEvent:
    changes = ", ".join(f"{k} = {v}" for k, v in event.details["changes"].items())
    moved = f"{event.details['stateBefore']} -> {event.details['stateAfter']}"
    return TimelineEvent(
        at=_moment(event.at),
        kind=event.kind,
        summary=f"Caterpillar set {changes} ({moved}).",
        details=event.details,
    )


def _dealer_update(update: StoredUpdate) -> TimelineEvent:
    stage = f", stage {update.stage}" if update.stage else ""
    return TimelineEvent(
        at=_moment(update.received_at),
        kind="dealer_update",
        summary=f"Dealer update accepted: {update.lead_status}{stage}.",
        request_id=update.request_id,
        client_id=update.client_id,
        details={
            "leadStatus": update.lead_status,
            "stage": update.stage,
            "warnings": update.warnings,
            "values": update.values,
        },
    )


def _rejected(record: JournalRecord, lead_id: str) -> TimelineEvent:
    mine = [
        e
        for e in record.errors or []
        if isinstance(e, dict) and e.get("leadId") == lead_id
    ]
    return TimelineEvent(
        at=_moment(record.at),
        kind="dealer_update_rejected",
        summary=f"Dealer update refused with {len(mine)} problem(s).",
        request_id=record.request_id,
        client_id=record.client_id,
        details={"status": record.status, "errors": mine},
    )


def lead_timeline(store: Store, lead: StoredLead) -> list[TimelineEvent]:
    """Everything that happened to a lead, oldest first."""
    lead_id = lead.lead_id
    events = [_created(lead)]
    events += [_delivered(d) for d in store.timeline.deliveries(lead_id)]
    events += [_caterpillar(e) for e in store.timeline.events(lead_id)]
    events += [_dealer_update(u) for u in store.updates.history(lead_id)]
    events += [
        _rejected(r, lead_id)
        for r in store.journal.rejections_of(lead_id)
        if any(
            isinstance(e, dict) and e.get("leadId") == lead_id for e in r.errors or []
        )
    ]
    # Stable: events of one moment keep the order they were gathered in.
    return sorted(events, key=lambda event: event.at)
