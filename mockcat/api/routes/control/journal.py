"""The journal: the recent requests to the simulated API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, Field

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel, iso, micros
from mockcat.store.journal import JournalQuery, JournalRecord

router = APIRouter(tags=["Simulator: journal"])


class JournalEntryPublic(ControlModel):
    at: datetime = Field(description="When it arrived, on the simulator's clock.")
    method: str
    path: str
    query: str
    status: int = Field(description="0 when a fault rule dropped the connection.")
    client_id: str | None
    duration_ms: float
    request_id: str
    body: str | None = Field(description="A POST's body, secrets masked.")
    errors: list[Any] | None = Field(description="A rejected POST's problems.")


class JournalPage(ControlModel):
    data: list[JournalEntryPublic]
    count: int = Field(description="How many entries match, in all.")


def _public(record: JournalRecord) -> JournalEntryPublic:
    at = iso(record.at)
    assert at is not None
    return JournalEntryPublic(
        at=at,
        method=record.method,
        path=record.path,
        query=record.query,
        status=record.status,
        client_id=record.client_id,
        duration_ms=record.duration_ms,
        request_id=record.request_id,
        body=record.body,
        errors=record.errors,
    )


def _status(raw: str | None) -> int | None:
    """An exact status, or a class: 5xx is kept as 5."""
    if raw is None:
        return None
    return int(raw[0]) if raw.endswith("xx") else int(raw)


@router.get("/journal")
async def read_journal(
    store: StoreDep,
    method: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,7}$")] = None,
    path: Annotated[
        str | None, Query(max_length=500, description="Paths starting so.")
    ] = None,
    status: Annotated[
        str | None,
        Query(pattern=r"^([1-5][0-9][0-9]|[1-5]xx|0)$", description="404, 5xx, ..."),
    ] = None,
    client: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[AwareDatetime | None, Query()] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JournalPage:
    """The recent requests, newest first, filtered; with the total count."""
    query = JournalQuery(
        method=method,
        path=path,
        status=_status(status),
        client_id=client,
        since_us=None if since is None else micros(since),
        limit=limit,
        offset=offset,
    )
    found, count = store.journal.find(query)
    return JournalPage(data=[_public(r) for r in found], count=count)
