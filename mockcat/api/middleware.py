"""ASGI middleware: request ids, the access log line, the journal, the body limit."""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockcat.api.errors import error_response
from mockcat.core.errors import PayloadTooLarge
from mockcat.store import Store
from mockcat.store.faults import VERSION_KEY
from mockcat.store.journal import EPOCH_KEY, JournalRecord
from mockcat.store.state import CLOCK_OFFSET

access_logger = logging.getLogger("mockcat.access")

REQUEST_ID_HEADER = b"x-request-id"
# A caller's own request id is kept if it is short and plain; else a new one.
_SAFE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")
# The simulator's own routes are not journaled: the dashboard polls them.
CONTROL_PREFIX = "/_mockcat"
# A journaled body is cut here; the size limit allows far more.
JOURNAL_BODY_BYTES = 256 * 1024
_SECRET_FIELD = re.compile(r"((?:client_secret|password|client_assertion)=)[^&]*")


class RequestContextMiddleware:
    """Gives each request an id and writes one access log line for it.

    The line names the method, path, status, time taken, client id and request
    id; never a header, a token or a body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        started = time.perf_counter()
        journal = _Recording(scope) if _journaled(scope) else None
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                message = {**message, "headers": headers}
            elif journal is not None:
                journal.response_part(status, message)
            await send(message)

        given = journal.receive(receive) if journal is not None else receive
        try:
            await self.app(scope, given, send_with_id)
        finally:
            took = (time.perf_counter() - started) * 1000
            if state.get("dropped"):
                status = 0
            _access_line(scope, status, took, state.get("client_id"), request_id)
            if journal is not None:
                journal.save(status, took)


def _access_line(
    scope: Scope, status: int, took_ms: float, client_id: str | None, request_id: str
) -> None:
    if not access_logger.isEnabledFor(logging.INFO):
        return
    # A record made directly: logger.info would walk the stack to find its
    # caller's file and line, which the line does not show.
    record = access_logger.makeRecord(
        access_logger.name,
        logging.INFO,
        __file__,
        0,
        "%s %s %d %.1fms client=%s request_id=%s",
        (scope["method"], scope["path"], status, took_ms, client_id or "-", request_id),
        None,
    )
    access_logger.handle(record)


def _request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER and _SAFE_REQUEST_ID.match(value):
            return str(value.decode())
    return uuid.uuid4().hex


def _journaled(scope: Scope) -> bool:
    path: str = scope["path"]
    return path != CONTROL_PREFIX and not path.startswith(CONTROL_PREFIX + "/")


class _Recording:
    """One request on its way to the journal.

    It reads the shared values the request needs (clock offset, fault rules'
    version, the journal's reset epoch) in one query, keeps a POST's body, and
    the problems a rejected POST was answered with.
    """

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.store: Store = scope["app"].state.store
        self.keep: int = scope["app"].state.settings.journal_size
        shared = self.store.state.get_many(CLOCK_OFFSET, VERSION_KEY, EPOCH_KEY)
        scope["state"]["faults_version"] = int(shared.get(VERSION_KEY, 0))
        self.epoch = shared.get(EPOCH_KEY)
        offset = int(shared.get(CLOCK_OFFSET, 0))
        scope["state"]["clock_offset_us"] = offset
        self.at = self.store.clock.now_us(offset)
        self.body = bytearray()
        self.answer = bytearray()

    def receive(self, receive: Receive) -> Receive:
        if self.scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return receive

        async def keeping() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                room = JOURNAL_BODY_BYTES - len(self.body)
                self.body += message.get("body", b"")[: max(room, 0)]
            return message

        return keeping

    def response_part(self, status: int, message: Message) -> None:
        # Only a rejected POST's answer is read: its list of problems.
        if status == 400 and self.scope["method"] == "POST":
            room = JOURNAL_BODY_BYTES - len(self.answer)
            self.answer += message.get("body", b"")[: max(room, 0)]

    def save(self, status: int, took_ms: float) -> None:
        if self.keep <= 0:
            return
        state = self.scope["state"]
        record = JournalRecord(
            at=self.at,
            method=self.scope["method"],
            path=self.scope["path"],
            query=self.scope.get("query_string", b"").decode("latin-1"),
            status=status,
            client_id=state.get("client_id"),
            duration_ms=round(took_ms, 3),
            request_id=state["request_id"],
            body=self._body_text(),
            errors=self._errors(),
        )
        try:
            self.store.journal.record(record, keep=self.keep, epoch=self.epoch)
        except Exception:
            # The journal is a witness: its failure must not fail the request.
            access_logger.exception("journal write failed")

    def _body_text(self) -> str | None:
        if self.scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return None
        text = self.body.decode("utf-8", errors="replace")
        return _SECRET_FIELD.sub(r"\1***", text)

    def _errors(self) -> list[Any] | None:
        if not self.answer:
            return None
        try:
            answer = orjson.loads(self.answer)
        except orjson.JSONDecodeError:
            return None
        errors = answer.get("errors") if isinstance(answer, dict) else None
        return errors if isinstance(errors, list) else None


class BodyLimitMiddleware:
    """Refuses a body over the limit with 413, without reading the rest."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit():
                if int(value) > self.max_bytes:
                    error = PayloadTooLarge(_too_large(self.max_bytes))
                    await error_response(error)(scope, receive, send)
                    return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge(_too_large(self.max_bytes))
            return message

        await self.app(scope, limited_receive, send)


def _too_large(limit: int) -> str:
    return f"Request body too large: the limit is {limit} bytes."
