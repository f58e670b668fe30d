"""The fault middleware: fails, delays or drops requests that match a rule.

Rules live in the store; each process keeps them in memory and reads them again
when their version in the store moves. Counting "the next N" is a decrement in a
write transaction, so N is N across every worker process.
"""

from __future__ import annotations

import asyncio
import logging
import random

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockcat.api.middleware import CONTROL_PREFIX
from mockcat.store import Store
from mockcat.store.faults import AFTER, Rule

logger = logging.getLogger("mockcat.faults")

# Sent before the connection is cut: a client sees headers, then no body.
_DROP_START: Message = {
    "type": "http.response.start",
    "status": 200,
    "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
}


class FaultMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._version = -1
        self._rules: list[Rule] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"] if scope["type"] == "http" else CONTROL_PREFIX
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        rule = self._fire(scope["app"].state.store, scope)
        if rule is None:
            await self.app(scope, receive, send)
            return
        scope["state"]["fault_rule"] = rule.id
        logger.info("fault rule %d applies to %s %s", rule.id, scope["method"], path)
        if rule.timing == AFTER:
            await self._after(rule, scope, receive, send)
        else:
            await self._before(rule, scope, receive, send)

    def _fire(self, store: Store, scope: Scope) -> Rule | None:
        """The first rule that matches and fires for this request, if any."""
        version = scope["state"].get("faults_version")
        if version is None:
            version = store.faults.version()
        if version != self._version:
            self._version, self._rules = store.faults.live()
        for rule in self._rules:
            if not rule.matches(scope["method"], scope["path"]):
                continue
            if rule.probability is not None and random.random() >= rule.probability:
                continue
            # Another process may have taken the last count of the rule.
            if store.faults.claim(rule.id):
                return rule
        return None

    async def _before(
        self, rule: Rule, scope: Scope, receive: Receive, send: Send
    ) -> None:
        if rule.delay_ms:
            await asyncio.sleep(rule.delay_ms / 1000)
        if rule.drop:
            await _drop(scope, send, _DROP_START, b"")
        elif rule.status is not None:
            await _answer(rule, send)
        else:
            await self.app(scope, receive, send)

    async def _after(
        self, rule: Rule, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Let the API do its work (leads get marked SENT), then spoil its answer."""
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        if rule.delay_ms:
            await asyncio.sleep(rule.delay_ms / 1000)
        if rule.drop:
            start = next(m for m in messages if m["type"] == "http.response.start")
            body = b"".join(m.get("body", b"") for m in messages if m is not start)
            await _drop(scope, send, start, body[: len(body) // 2])
        elif rule.status is not None:
            await _answer(rule, send)
        else:
            for message in messages:
                await send(message)


async def _drop(scope: Scope, send: Send, start: Message, part: bytes) -> None:
    """Start an answer and never finish it: the server closes the connection."""
    scope["state"]["dropped"] = True
    await send(start)
    if part:
        await send({"type": "http.response.body", "body": part, "more_body": True})


async def _answer(rule: Rule, send: Send) -> None:
    assert rule.status is not None
    if rule.body is None:
        message = f"Simulated failure (mockcat fault rule {rule.id})."
        body, media = orjson.dumps({"message": message}), "application/json"
    elif isinstance(rule.body, str):
        body, media = rule.body.encode(), "text/plain; charset=utf-8"
    else:
        body, media = orjson.dumps(rule.body), "application/json"
    headers = {"content-type": media, **{k.lower(): v for k, v in rule.headers.items()}}
    headers["content-length"] = str(len(body))
    await send(
        {
            "type": "http.response.start",
            "status": rule.status,
            "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": body})
