"""Caterpillar's side of a lead's life: changes made after it was created."""

from __future__ import annotations

from mockcat.store import Store
from mockcat.store.leads import StoredLead
from mockcat.store.timeline import CATERPILLAR_UPDATE


def caterpillar_update(
    store: Store, lead_id: str, prequalified: bool
) -> StoredLead | None:
    """Set catPrequalificationStatus as Caterpillar would (contract §6).

    A delivered lead becomes UPDATED and is delivered again; a NEW one stays NEW.
    The change goes on the lead's timeline. None if there is no such lead.
    """
    before = store.leads.get(lead_id)
    if before is None:
        return None
    now = store.clock.now_us()
    after = store.leads.caterpillar_update(
        lead_id, {"catPrequalificationStatus": prequalified}, now_us=now
    )
    if after is None:
        return None
    details = {
        "changes": {"catPrequalificationStatus": prequalified},
        "previous": {
            "catPrequalificationStatus": before.fields.get("catPrequalificationStatus")
        },
        "stateBefore": before.state,
        "stateAfter": after.state,
    }
    store.timeline.add_event(lead_id, CATERPILLAR_UPDATE, details, at_us=now)
    return after
