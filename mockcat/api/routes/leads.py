"""The Lead API's GET routes: the pending feed and historic (contract §5–§7)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from mockcat.api.deps import CallerDep, SettingsDep, StoreDep, request_now_us
from mockcat.core.config import EmptyFeed
from mockcat.core.errors import InvalidParameter
from mockcat.spec.lead_fields import lead_json_schema
from mockcat.store.leads import render_page
from mockcat.store.timeline import DeliveryNote

LEADS_PATH = "/marketing/ecrm/leadManagement/v2/leads"
MAX_LIMIT = 100
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")

router = APIRouter(tags=["Lead API v2"])


def _error(status: int, description: str, message: str) -> dict[str, Any]:
    example = {"message": message}
    schema = {
        "type": "object",
        "properties": {"message": {"type": "string"}},
        "required": ["message"],
    }
    content = {"application/json": {"schema": schema, "example": example}}
    return {"description": description, "content": content}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error(400, "Invalid parameter or header.", "Invalid request header."),
    401: _error(401, "Missing or invalid token.", "Invalid access token."),
    403: _error(403, "Not allowed.", "You are not authorized to perform that action."),
    500: _error(500, "Unexpected failure.", "Internal server error."),
}


def _leads_array(description: str) -> dict[str, Any]:
    schema = {"type": "array", "items": lead_json_schema()}
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def _int_param(
    name: str, description: str, minimum: int, default: int
) -> dict[str, Any]:
    schema = {"type": "integer", "minimum": minimum, "default": default}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _date_param(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": True,
        "description": description,
        "schema": {"type": "string", "format": "date"},
    }


_LIMIT = _int_param(
    "limit", "How many leads at most; above 100 is served as 100.", 1, MAX_LIMIT
)


def parse_limit(raw: str | None) -> int:
    if raw is None:
        return MAX_LIMIT
    if not _INTEGER.match(raw.strip()):
        raise InvalidParameter("limit", "expected an integer from 1 to 100", raw)
    value = int(raw)
    if value < 1:
        raise InvalidParameter("limit", "must be at least 1", raw)
    return min(value, MAX_LIMIT)


def parse_offset(raw: str | None) -> int:
    if raw is None:
        return 0
    if not _INTEGER.match(raw.strip()) or int(raw) < 0:
        raise InvalidParameter("offset", "expected an integer of 0 or more", raw)
    return int(raw)


def parse_date(name: str, raw: str | None) -> date:
    if raw is None or raw == "":
        raise InvalidParameter(name, "required, as YYYY-MM-DD", raw)
    try:
        if not _DATE.match(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidParameter(name, "expected a date as YYYY-MM-DD", raw) from None


@router.get(
    LEADS_PATH,
    responses={
        200: _leads_array("Pending leads, now marked SENT."),
        204: {"description": "Nothing pending (when so configured)."},
        **ERROR_RESPONSES,
    },
    openapi_extra={"parameters": [_LIMIT]},
    response_class=Response,
)
async def get_leads(
    request: Request, caller: CallerDep, store: StoreDep, settings: SettingsDep
) -> Response:
    """Take the caller's pending leads (NEW or UPDATED), oldest first."""
    limit = parse_limit(request.query_params.get("limit"))
    note = DeliveryNote(
        request.state.request_id, caller.client_id, request_now_us(request, store)
    )
    taken = store.leads.take_pending(caller.dealer_code, limit, note=note)
    if not taken and settings.empty_feed is EmptyFeed.NO_CONTENT:
        return Response(status_code=204)
    body = render_page((state, fields) for _, state, fields in taken)
    return Response(body, media_type="application/json")


@router.get(
    LEADS_PATH + "/historic",
    responses={
        200: _leads_array("Delivered leads, latest values, state SENT."),
        **ERROR_RESPONSES,
    },
    openapi_extra={
        "parameters": [
            _date_param("startdate", "First creation date, inclusive (UTC)."),
            _date_param("enddate", "Last creation date, inclusive (UTC)."),
            _int_param("offset", "How many leads to skip.", 0, 0),
            _LIMIT,
        ]
    },
    response_class=Response,
)
async def get_historic(
    request: Request, caller: CallerDep, store: StoreDep
) -> Response:
    """Page through the caller's delivered leads by creation date."""
    query = request.query_params
    start = parse_date("startdate", query.get("startdate"))
    end = parse_date("enddate", query.get("enddate"))
    if start > end:
        raise InvalidParameter(
            "startdate", f"must not be after enddate ({end.isoformat()})", str(start)
        )
    offset = parse_offset(query.get("offset"))
    limit = parse_limit(query.get("limit"))
    page = store.leads.historic_page(
        caller.dealer_code, start, end, offset=offset, limit=limit
    )
    return Response(page, media_type="application/json")
