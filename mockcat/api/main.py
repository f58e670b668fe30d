"""The application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI

from mockcat import __version__, dashboard
from mockcat.api import errors, openapi
from mockcat.api.faults import FaultMiddleware
from mockcat.api.middleware import BodyLimitMiddleware, RequestContextMiddleware
from mockcat.api.reads import LeadReadsMiddleware
from mockcat.api.routes import control, leads, simulator, token, updates
from mockcat.core.config import Settings, load_settings
from mockcat.core.tokens import TokenSigner
from mockcat.services.bootstrap import prepare
from mockcat.services.feed import feed_lifespan
from mockcat.services.journal import journal_lifespan
from mockcat.store import Store

DESCRIPTION = """\
A local simulator of Caterpillar's PP+ Lead API v2: the token endpoint of
fedlogin and the leads routes of services, with controls of its own under
`/_mockcat`.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The worker's background tasks; the journal's is left last, so that it
    flushes what the others wrote while stopping."""
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(journal_lifespan(app))
        await stack.enter_async_context(feed_lifespan(app))
        yield


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; with no settings, they are read from MOCKCAT_* variables."""
    settings = settings or load_settings()
    store = Store(settings.database)
    prepare(settings, store)
    kid, pem = store.keys.signing_key(store.clock.now_us())

    app = FastAPI(
        title="mockcat: Caterpillar Lead API v2 simulator",
        version=__version__,
        description=DESCRIPTION,
        docs_url=f"{simulator.SIM_PREFIX}/docs",
        redoc_url=None,
        openapi_url=f"{simulator.SIM_PREFIX}/openapi.json",
        openapi_tags=control.TAGS,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.signer = TokenSigner(kid, pem, settings.issuer)

    app.include_router(token.router)
    app.include_router(leads.router)
    app.include_router(updates.router)
    app.include_router(simulator.router)
    app.include_router(control.router)
    app.include_router(dashboard.router)
    errors.install(app)
    openapi.install(app)
    # Outermost last: request id and journal, then faults, then the body limit,
    # then the Lead API's GET routes (innermost, so all the above apply to them).
    app.add_middleware(LeadReadsMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(FaultMiddleware)
    app.add_middleware(RequestContextMiddleware)
    return app
