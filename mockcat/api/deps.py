"""Dependencies the route handlers declare, as ``Annotated`` aliases."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from mockcat.core.config import Settings, ValidationProfile
from mockcat.core.errors import (
    AdminUnauthorized,
    InvalidAccessToken,
    InvalidRequestHeader,
    MissingAuthorization,
    NotAuthorized,
)
from mockcat.core.tokens import LEAD_API_SCOPE, TokenSigner
from mockcat.store import Store


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_signer(request: Request) -> TokenSigner:
    signer: TokenSigner = request.app.state.signer
    return signer


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SignerDep = Annotated[TokenSigner, Depends(get_signer)]


@dataclass(frozen=True, slots=True)
class Caller:
    """The dealer's client behind a Lead API request."""

    client_id: str
    dealer_code: str
    validation_profile: ValidationProfile


def _bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise MissingAuthorization()
    return token


def _accepts_json(accept: str) -> bool:
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if media.lower() not in ("application/json", "application/*", "*/*", ""):
            continue
        if any(
            p.replace(" ", "").lower() in ("q=0", "q=0.0", "q=0.00", "q=0.000")
            for p in params
        ):
            continue
        return True
    return False


def request_now_us(request: Request, store: Store) -> int:
    """The simulator's time for this request.

    The request middleware reads the clock's offset from the store as the
    request starts (with the other shared values, in one query); reading it
    again here would be a second query for the same value.
    """
    offset = getattr(request.state, "clock_offset_us", None)
    return store.clock.now_us(None if offset is None else int(offset))


async def lead_api_caller(
    request: Request, store: StoreDep, signer: SignerDep, settings: SettingsDep
) -> Caller:
    """Check a Lead API request's headers and token, in the order of contract §3."""
    token = _bearer_token(request)
    claims = signer.verify(token, now=request_now_us(request, store) // 1_000_000)
    client = store.clients.access(claims.client_id)
    if client is None:
        raise InvalidAccessToken()
    request.state.client_id = client.client_id
    if LEAD_API_SCOPE not in claims.scopes or not client.enabled:
        raise NotAuthorized()
    accept = request.headers.get("accept")
    if accept is not None and not _accepts_json(accept):
        raise InvalidRequestHeader()
    profile = client.validation_profile or settings.validation_profile
    return Caller(client.client_id, client.dealer_code, ValidationProfile(profile))


CallerDep = Annotated[Caller, Depends(lead_api_caller)]


async def require_admin(request: Request, settings: SettingsDep) -> None:
    """The simulator's controls need the admin token, when one is set."""
    if settings.admin_token is None:
        return
    expected = settings.admin_token.get_secret_value()
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        given = request.headers.get("x-mockcat-admin-token", "")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise AdminUnauthorized()


AdminDep = Depends(require_admin)
