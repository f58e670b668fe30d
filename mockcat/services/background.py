"""A step a worker repeats in the background while the app serves."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress


@asynccontextmanager
async def repeating(
    step: Callable[[], None], *, seconds: float, name: str, logger: logging.Logger
) -> AsyncIterator[None]:
    """Call ``step`` every ``seconds`` until the block ends.

    A step that fails is logged and tried again on the next round: the feed and
    the journal must outlive a passing error (a locked database, say).
    """

    async def loop() -> None:
        while True:
            try:
                step()
            except Exception:
                logger.exception("%s failed; trying again", name)
            await asyncio.sleep(seconds)

    task = asyncio.create_task(loop(), name=name)
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
