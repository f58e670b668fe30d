"""One place where errors become responses (contract §2, §3, §9)."""

from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from mockcat.core.errors import (
    ApiError,
    EndpointNotFound,
    MethodNotAllowed,
    OAuthError,
)

logger = logging.getLogger("mockcat.errors")

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def json_response(
    status_code: int, body: object, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        orjson.dumps(body),
        status_code=status_code,
        headers=headers,
        media_type="application/json",
    )


def error_response(error: ApiError) -> Response:
    return json_response(error.status_code, error.body(), error.headers)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _oauth_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OAuthError)
    headers = dict(NO_STORE)
    if exc.status_code == 401:
        headers["WWW-Authenticate"] = 'Basic realm="mockcat"'
    return json_response(exc.status_code, exc.body(), headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return error_response(EndpointNotFound())
    if exc.status_code == 405:
        return error_response(MethodNotAllowed())
    headers = dict(exc.headers) if exc.headers else None
    return json_response(exc.status_code, {"message": str(exc.detail)}, headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": ".".join(str(p) for p in err["loc"]), "message": err["msg"]}
        for err in exc.errors()
    ]
    where = ", ".join(e["location"] for e in errors)
    return json_response(
        400, {"message": f"Invalid request: {where}.", "errors": errors}
    )


async def _unexpected(request: Request, exc: Exception) -> Response:
    request_id = request.scope.get("state", {}).get("request_id", "-")
    if isinstance(exc, ApiError):
        return error_response(exc)
    logger.exception("unexpected failure, request_id=%s", request_id)
    body = {"message": "Internal server error.", "requestId": request_id}
    return json_response(500, body)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(OAuthError, _oauth_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
