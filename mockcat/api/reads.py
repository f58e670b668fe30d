"""The Lead API's two GET routes, dispatched without FastAPI's router.

A polling CRM calls GET leads and GET historic far more than anything else. In
a profile of a historic page, FastAPI's route matching and dependency solving
took more time than the checks, the query and the page together, so these two
paths are answered from here: the same route functions and the same caller
checks (``lead_api_caller``) run, on every request, in the same order. The
FastAPI routes stay registered, for the OpenAPI document and as the fallback.

It is the innermost middleware, so request ids, the access log, the journal,
faults and the body limit all apply as to any route.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mockcat.api.deps import lead_api_caller
from mockcat.api.errors import error_response
from mockcat.api.routes import leads
from mockcat.core.errors import ApiError

Handler = Callable[[Request], Awaitable[Response]]


async def _feed(request: Request) -> Response:
    app = request.app
    store, settings = app.state.store, app.state.settings
    caller = await lead_api_caller(request, store, app.state.signer, settings)
    return await leads.get_leads(request, caller, store, settings)


async def _historic(request: Request) -> Response:
    app = request.app
    store = app.state.store
    caller = await lead_api_caller(request, store, app.state.signer, app.state.settings)
    return await leads.get_historic(request, caller, store)


ROUTES: dict[str, Handler] = {
    leads.LEADS_PATH: _feed,
    leads.LEADS_PATH + "/historic": _historic,
}


class LeadReadsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        handler = None
        if scope["type"] == "http" and scope["method"] == "GET":
            handler = ROUTES.get(scope["path"])
        if handler is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await handler(request)
        except ApiError as exc:
            # The same body the app's ApiError handler gives (api/errors.py).
            response = error_response(exc)
        await response(scope, receive, send)
