"""Writing this worker's queued journal entries while the app serves."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI

from mockcat.store import Store
from mockcat.store.journal import FLUSH_SECONDS

logger = logging.getLogger("mockcat.journal")


async def _flush_every(store: Store, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            store.journal.flush()
        except Exception:
            # A witness: its failure is logged and must not stop the next flush.
            logger.exception("journal write failed")


@asynccontextmanager
async def journal_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Flush the journal every FLUSH_SECONDS, and once more on the way out."""
    store: Store = app.state.store
    task = asyncio.create_task(_flush_every(store, FLUSH_SECONDS), name="journal")
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        store.journal.flush()
