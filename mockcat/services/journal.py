"""Writing this worker's queued journal entries while the app serves."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mockcat.services.background import repeating
from mockcat.store import Store
from mockcat.store.journal import FLUSH_SECONDS

logger = logging.getLogger("mockcat.journal")


@asynccontextmanager
async def journal_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Flush the journal every FLUSH_SECONDS, and once more on the way out."""
    store: Store = app.state.store
    flushing = repeating(
        store.journal.flush, seconds=FLUSH_SECONDS, name="journal write", logger=logger
    )
    try:
        async with flushing:
            yield
    finally:
        store.journal.flush()
