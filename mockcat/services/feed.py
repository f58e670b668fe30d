"""The live feed: new leads and Caterpillar updates per dealer at set rates.

Every worker process runs a producer task; only the one holding the feed lease
in the store produces, so the rates hold however many workers serve.
"""

from __future__ import annotations

import logging
import os
import random
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI

from mockcat.generator import generate_leads
from mockcat.services.background import repeating
from mockcat.services.updates import caterpillar_update
from mockcat.store import Store
from mockcat.store.feed import Due
from mockcat.store.leads import DuplicateLead
from mockcat.store.state import real_now_us

logger = logging.getLogger("mockcat.feed")

TICK_SECONDS = 0.1
LEASE_US = 2_000_000


def _real_us() -> int:
    # Feed rates are paced in real time: advancing the simulator's clock an hour
    # must not pour an hour of leads in at once.
    return real_now_us()


class FeedProducer:
    """One worker's producer: waits for the lease, then produces every tick."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.holding = False

    def tick(self) -> None:
        if not self.store.feeds.any():
            self._let_go()
            return
        now = _real_us()
        holding = self.store.feeds.hold_lease(
            self.worker, now_real=now, ttl_us=LEASE_US
        )
        if holding != self.holding:
            logger.info(
                "feed producer %s: %s the lease",
                self.worker,
                "took" if holding else "lost",
            )
            self.holding = holding
        if holding:
            for due in self.store.feeds.claim_due(now):
                self.produce(due)

    def _let_go(self) -> None:
        if self.holding:
            self.store.feeds.release_lease(self.worker)
            self.holding = False

    def produce(self, due: Due) -> None:
        if due.leads:
            self._new_leads(due)
        for _ in range(due.updates):
            self._update_one(due.feed.dealer_code)

    def _new_leads(self, due: Due) -> None:
        end = self.store.clock.now()
        leads = generate_leads(
            dealer_code=due.feed.dealer_code,
            count=due.leads,
            seed=secrets.randbits(63),
            start=end - timedelta(seconds=1),
            end=end,
            country=due.feed.country,
            business_unit=due.feed.business_unit,
        )
        try:
            self.store.leads.add(leads)
        except DuplicateLead as exc:
            logger.warning("feed for %s skipped a batch: %s", due.feed.dealer_code, exc)

    def _update_one(self, dealer_code: str) -> None:
        """Flip catPrequalificationStatus of a delivered lead, else a pending one."""
        lead_id = self._delivered_lead(dealer_code)
        lead_id = lead_id or self.store.feeds.oldest_pending(dealer_code)
        if lead_id is None:
            return
        lead = self.store.leads.get(lead_id)
        if lead is not None:
            current = bool(lead.fields.get("catPrequalificationStatus"))
            caterpillar_update(self.store, lead_id, not current)

    def _delivered_lead(self, dealer_code: str) -> str | None:
        found = self.store.feeds.created_range(dealer_code)
        if found is None:
            return None
        return self.store.feeds.delivered_lead(dealer_code, _between(*found))

    def stop(self) -> None:
        self._let_go()


def _between(first: str, last: str) -> str:
    """A random moment from ``first`` to ``last`` (sortable UTC texts)."""
    lo = datetime.fromisoformat(first).replace(tzinfo=UTC).timestamp()
    hi = datetime.fromisoformat(last).replace(tzinfo=UTC).timestamp()
    moment = datetime.fromtimestamp(random.uniform(lo, hi), UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")


@asynccontextmanager
async def feed_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run this worker's feed producer for as long as the app serves."""
    producer = FeedProducer(app.state.store)
    app.state.feed_producer = producer
    producing = repeating(
        producer.tick, seconds=TICK_SECONDS, name="feed producer", logger=logger
    )
    try:
        async with producing:
            yield
    finally:
        producer.stop()
