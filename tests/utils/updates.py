"""Update bodies for POST tests, and reading their effect back over HTTP."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.testclient import TestClient

from tests.utils.dealers import DealerClient

# The six fields required always (contract §8), for an Accepted lead.
MINIMAL: dict[str, Any] = {
    "dealerLeadId": "CRM-1",
    "dealerSalesRep": "Jane Roe",
    "dealerSalesRepNumber": "AB12496",
    "leadStatus": "Accepted",
    "currencyIsoCode": "USD",
}

# What an open opportunity needs (R6), without its percentage.
OPPORTUNITY: dict[str, Any] = {
    **MINIMAL,
    "dealerOpportunityId": "OPP-1",
    "opportunityAmount": "1999.45",
    "targetDate": "2021-09-23",
}

# What a closed one needs besides (R7-R9), for percentage 0 with no deal.
CLOSED: dict[str, Any] = {
    **OPPORTUNITY,
    "dealerCustomerNumber": "DCN-1",
    "closedNoDeal": 1,
}


def update(
    lead_id: str, base: dict[str, Any] = MINIMAL, **fields: Any
) -> dict[str, Any]:
    """An update of ``lead_id``: ``base`` with ``fields`` over it."""
    return {"leadId": lead_id, **base, **fields}


def without(body: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in names}


def errors(response: httpx.Response) -> list[dict[str, Any]]:
    """The problems of a 400 answer, after checking it is one."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert "nothing was stored" in body["message"]
    return list(body["errors"])


def problem_fields(response: httpx.Response) -> list[tuple[int | None, str | None]]:
    """(index, field) of every problem, in the answer's order."""
    return [(e["index"], e["field"]) for e in errors(response)]


def results(response: httpx.Response) -> list[dict[str, Any]]:
    """The per-update answers of a 200."""
    assert response.status_code == 200, response.text
    return list(response.json()["updates"])


def lead(http: TestClient | httpx.Client, lead_id: str) -> dict[str, Any]:
    """The lead as the control plane shows it (state, dealer status, stage)."""
    response = http.get(f"/_mockcat/leads/{lead_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def dealer_updates(http: TestClient | httpx.Client, lead_id: str) -> list[Any]:
    """The lead's stored dealer updates, oldest first, from its timeline."""
    response = http.get(f"/_mockcat/leads/{lead_id}/timeline")
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    return [e["details"] for e in events if e["kind"] == "dealer_update"]


def post_one(dealer: DealerClient, body: dict[str, Any]) -> httpx.Response:
    return dealer.post_updates([body])
