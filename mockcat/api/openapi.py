"""The OpenAPI document of the real API's routes: bodies, errors and security.

Routes declare what is theirs (the POST route its request and answers); this
module adds what the real API's routes share, once: the shape of an error
body, how each route authenticates, and the token endpoint's form and answers,
which FastAPI cannot see because the route reads its body itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from fastapi import FastAPI

LEADS_PREFIX: Final = "/marketing/ecrm/leadManagement/v2/leads"
TOKEN_PATH: Final = "/as/token.oauth2"
FORM: Final = "application/x-www-form-urlencoded"
JSON: Final = "application/json"

BEARER: Final = "leadApiToken"
BASIC: Final = "clientCredentials"

SECURITY_SCHEMES: Final[dict[str, Any]] = {
    BEARER: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token from the token endpoint, scope manage:all.",
    },
    BASIC: {
        "type": "http",
        "scheme": "basic",
        "description": "client_id and client_secret (client_secret_basic); "
        "they may instead be sent as form fields (client_secret_post).",
    },
}

# Contract §3: every error body of the Lead API is {"message": ...}, with
# more keys for some errors (a parameter's name, a request id).
ERROR_BODY: Final[dict[str, Any]] = {
    "title": "Error",
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "requestId": {"type": "string", "description": "Only on a 500."},
        "parameter": {"type": "string", "description": "The query parameter."},
        "received": {"description": "What the parameter held."},
    },
    "required": ["message"],
}

OAUTH_ERROR: Final[dict[str, Any]] = {
    "title": "OAuthError",
    "type": "object",
    "properties": {
        "error": {
            "type": "string",
            "enum": [
                "invalid_request",
                "invalid_client",
                "unsupported_grant_type",
                "invalid_scope",
            ],
        },
        "error_description": {"type": "string"},
    },
    "required": ["error", "error_description"],
}

TOKEN_BODY: Final[dict[str, Any]] = {
    "title": "AccessToken",
    "type": "object",
    "properties": {
        "access_token": {"type": "string", "description": "A signed JWT."},
        "token_type": {"type": "string", "enum": ["Bearer"]},
        "expires_in": {"type": "integer", "minimum": 0},
    },
    "required": ["access_token", "token_type", "expires_in"],
}

TOKEN_FORM: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "grant_type": {"type": "string", "enum": ["client_credentials"]},
        "scope": {"type": "string", "examples": ["manage:all"]},
        "client_id": {"type": "string"},
        "client_secret": {"type": "string", "format": "password"},
    },
    "required": ["grant_type"],
}

_WWW_AUTHENTICATE: Final = {
    "WWW-Authenticate": {
        "description": "How to authenticate.",
        "schema": {"type": "string"},
    }
}

_ERROR_STATUSES: Final = ("400", "401", "403", "413", "500")


def error_content(message: str, schema: dict[str, Any] | None = None) -> Any:
    """A JSON error body with its schema and one example."""
    return {JSON: {"schema": schema or ERROR_BODY, "example": {"message": message}}}


def install(app: FastAPI) -> None:
    """Finish the document FastAPI builds, once, on its first request."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = finish(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def finish(doc: dict[str, Any]) -> dict[str, Any]:
    """Add security and complete the error answers of the real API's routes."""
    components = doc.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    for path, operations in doc.get("paths", {}).items():
        if path == TOKEN_PATH:
            finish_token(operations["post"])
        elif path.startswith(LEADS_PREFIX):
            for operation in operations.values():
                finish_lead_api(operation)
    return doc


def finish_lead_api(operation: dict[str, Any]) -> None:
    """Bearer security and a JSON body with a schema for every error status."""
    operation["security"] = [{BEARER: []}]
    for status, response in operation.get("responses", {}).items():
        if status not in _ERROR_STATUSES:
            continue
        content = response.setdefault("content", {}).setdefault(JSON, {})
        content.setdefault("schema", ERROR_BODY)
        if status == "401":
            response["headers"] = _WWW_AUTHENTICATE


def finish_token(operation: dict[str, Any]) -> None:
    """The form the token endpoint reads and the answers it gives (§2)."""
    operation["security"] = [{BASIC: []}, {}]
    operation["requestBody"] = {
        "required": True,
        "content": {FORM: {"schema": TOKEN_FORM}},
    }
    responses = operation["responses"]
    responses["200"]["content"][JSON]["schema"] = TOKEN_BODY
    for status in ("400", "401"):
        example = "invalid_request" if status == "400" else "invalid_client"
        responses[status]["content"] = {
            JSON: {
                "schema": OAUTH_ERROR,
                "example": {"error": example, "error_description": "..."},
            }
        }
    responses["401"]["headers"] = _WWW_AUTHENTICATE
