"""mockcat's exceptions, and how each becomes a response.

Routes raise these; one set of handlers (in ``mockcat.api.errors``) turns them into
the vendor-shaped bodies of contract §2 and §3.
"""

from __future__ import annotations

from typing import Any


class MockcatError(Exception):
    """Base of every error mockcat raises on purpose."""


class ApiError(MockcatError):
    """An error of the Lead API: a status and a body ``{"message": ...}``."""

    status_code = 400
    message = "Bad request."

    def __init__(
        self,
        message: str | None = None,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or type(self).message
        self.extra = extra or {}
        self.headers = headers or {}
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        return {"message": self.message, **self.extra}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status_code}, {self.message!r})"


class InvalidRequestHeader(ApiError):
    """A header the Lead API can't work with (contract §3)."""

    message = "Invalid request header."


class MissingAuthorization(InvalidRequestHeader):
    """``Authorization`` is absent or not ``Bearer <token>``."""

    status_code = 401

    def __init__(self) -> None:
        super().__init__(headers={"WWW-Authenticate": "Bearer"})


class InvalidAccessToken(ApiError):
    """The bearer token is malformed, badly signed or expired."""

    status_code = 401
    message = "Invalid access token."

    def __init__(self) -> None:
        super().__init__(headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


class NotAuthorized(ApiError):
    """A valid token without the scope, or a disabled client, or another dealer."""

    status_code = 403
    message = "You are not authorized to perform that action."


class InvalidParameter(ApiError):
    """A query parameter that is missing or not of its documented form."""

    def __init__(self, name: str, reason: str, received: str | None) -> None:
        super().__init__(
            f"Invalid query parameter '{name}': {reason}.",
            extra={"parameter": name, "received": received},
        )


class EndpointNotFound(ApiError):
    status_code = 404
    message = "Endpoint not found."


class MethodNotAllowed(ApiError):
    status_code = 405
    message = "Method not allowed."


class PayloadTooLarge(ApiError):
    status_code = 413
    message = "Request body too large."


class AdminUnauthorized(ApiError):
    """The simulator's controls were called without the admin token."""

    status_code = 401
    message = "Admin token required."

    def __init__(self) -> None:
        super().__init__(headers={"WWW-Authenticate": "Bearer"})


class NotFound(ApiError):
    """A simulator resource (a lead, a client, a rule) that does not exist."""

    status_code = 404


class OAuthError(MockcatError):
    """An RFC 6749 §5.2 error of the token endpoint."""

    def __init__(self, error: str, description: str, status_code: int = 400) -> None:
        super().__init__(error, description)
        self.error = error
        self.description = description
        self.status_code = status_code

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}

    def __str__(self) -> str:
        return f"{self.error}: {self.description}"
