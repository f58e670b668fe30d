"""The token endpoint of PingFederate: OAuth 2.0 client credentials (contract §2)."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import parse_qsl, unquote_plus

from fastapi import APIRouter, Request
from starlette.responses import Response

from mockcat.api.deps import SettingsDep, SignerDep, StoreDep
from mockcat.api.errors import NO_STORE, json_response
from mockcat.core.errors import OAuthError
from mockcat.core.tokens import LEAD_API_SCOPE
from mockcat.store.clients import Client

router = APIRouter(tags=["OAuth 2.0 (fedlogin)"])

FORM_TYPE = "application/x-www-form-urlencoded"

_TOKEN_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "An access token.",
        "content": {
            "application/json": {
                "example": {
                    "access_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...",
                    "token_type": "Bearer",
                    "expires_in": 3599,
                }
            }
        },
    },
    400: {"description": "invalid_request, unsupported_grant_type or invalid_scope."},
    401: {"description": "invalid_client: unknown client, wrong secret, disabled."},
}


def _form(request_body: bytes, content_type: str) -> dict[str, str]:
    if content_type.split(";")[0].strip().lower() != FORM_TYPE:
        raise OAuthError("invalid_request", f"The body must be {FORM_TYPE}.")
    try:
        pairs = parse_qsl(request_body.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        raise OAuthError(
            "invalid_request", "The body is not valid form data."
        ) from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if name in form:
            raise OAuthError("invalid_request", f"Parameter {name} is repeated.")
        form[name] = value
    return form


def _basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise OAuthError(
            "invalid_client", "The Basic credentials are not valid base64.", 401
        ) from None
    client_id, colon, secret = decoded.partition(":")
    if not colon:
        raise OAuthError("invalid_client", "The Basic credentials lack a ':'.", 401)
    # RFC 6749 §2.3.1: both parts are form-encoded before base64.
    return unquote_plus(client_id), unquote_plus(secret)


def _credentials(request: Request, form: dict[str, str]) -> tuple[str, str]:
    header = request.headers.get("authorization")
    basic = _basic_credentials(header) if header else None
    in_form = "client_id" in form or "client_secret" in form
    if basic and in_form:
        raise OAuthError(
            "invalid_request", "Use one client authentication method, not two."
        )
    if basic:
        return basic
    if in_form:
        return form.get("client_id", ""), form.get("client_secret", "")
    raise OAuthError("invalid_client", "Client authentication is missing.", 401)


def _check_scope(form: dict[str, str], client: Client) -> str:
    requested = form.get("scope", "").split() or [LEAD_API_SCOPE]
    allowed = set(client.scopes.split())
    unknown = [s for s in requested if s not in allowed]
    if unknown:
        raise OAuthError("invalid_scope", f"Scope not allowed: {' '.join(unknown)}.")
    return " ".join(requested)


@router.post("/as/token.oauth2", responses=_TOKEN_RESPONSES)
async def issue_token(
    request: Request, store: StoreDep, signer: SignerDep, settings: SettingsDep
) -> Response:
    """Issue an access token for a client (client credentials grant)."""
    form = _form(await request.body(), request.headers.get("content-type", ""))
    client_id, secret = _credentials(request, form)
    grant_type = form.get("grant_type")
    if not grant_type:
        raise OAuthError("invalid_request", "grant_type is missing.")
    client = store.clients.authenticate(client_id, secret)
    if client is None:
        raise OAuthError("invalid_client", "Client authentication failed.", 401)
    request.state.client_id = client.client_id
    if not client.enabled:
        raise OAuthError("invalid_client", "The client is disabled.", 401)
    if grant_type != "client_credentials":
        raise OAuthError(
            "unsupported_grant_type", f"grant_type {grant_type!r} is not supported."
        )
    scope = _check_scope(form, client)
    token = signer.issue(
        client_id=client.client_id,
        dealer_code=client.dealer_code,
        scope=scope,
        now=store.clock.now_us() // 1_000_000,
        lifetime=settings.token_lifetime,
    )
    # The guide's sample answers 3599 for a 60-minute token.
    body = {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": settings.token_lifetime - 1,
    }
    return json_response(200, body, NO_STORE)
