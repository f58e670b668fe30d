"""Seeding: fake leads into the store, quickly, reproducibly."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from mockcat.core.config import Settings
from mockcat.generator import generate_leads
from mockcat.store import Store

logger = logging.getLogger("mockcat.seeding")

DEFAULT_SPAN = timedelta(days=30)


def seed_leads(
    store: Store,
    *,
    dealer_code: str,
    count: int,
    seed: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    country: str | None = None,
    business_unit: str | None = None,
    messy: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[str]:
    """Store ``count`` generated leads for a dealer; returns their leadIds.

    Creation dates spread over ``start``..``end``, by default the 30 days before
    the simulator's clock.
    """
    end = end or store.clock.now()
    start = start or end - DEFAULT_SPAN
    lead_ids: list[str] = []
    leads = generate_leads(
        dealer_code=dealer_code,
        count=count,
        seed=seed,
        start=start,
        end=end,
        country=country,
        business_unit=business_unit,
        messy=messy,
    )

    def noted() -> Iterator[dict[str, object]]:
        for n, lead in enumerate(leads, 1):
            lead_ids.append(str(lead["leadId"]))
            if progress is not None and n % 1000 == 0:
                progress(1000)
            yield lead

    store.leads.add(noted())
    if progress is not None and count % 1000:
        progress(count % 1000)
    return lead_ids


def seed_at_start(settings: Settings, store: Store) -> None:
    """``serve --leads N``: seed the given dealer, or the first client's."""
    dealer = settings.dealer
    if dealer is None:
        clients = store.clients.all()
        dealer = clients[0].dealer_code if clients else "B330"
    seed_leads(store, dealer_code=dealer, count=settings.leads, seed=settings.seed)
    logger.info("seeded %d leads for dealer %s", settings.leads, dealer)
