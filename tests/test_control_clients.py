"""Clients and dealers at run time, and reset, over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.utils.dealers import LEADS_PATH, TOKEN_PATH, DealerClient

CLIENTS = "/_mockcat/clients"


def _new_client(http: TestClient, client_id: str, dealer: str) -> DealerClient:
    body = {"clientId": client_id, "clientSecret": "s3cret-" + client_id}
    response = http.post(CLIENTS, json={**body, "dealer": dealer})
    assert response.status_code == 201, response.text
    return DealerClient(http, client_id, "s3cret-" + client_id, dealer)


def test_a_new_client_and_dealer_work_at_once(http: TestClient) -> None:
    ci = _new_client(http, "ci-job-7", "CI07")
    ci.seed(3, seed=41)

    leads = ci.get_leads().json()
    listed = http.get(CLIENTS).json()

    assert len(leads) == 3 and {x["catDealerCode"] for x in leads} == {"CI07"}
    mine = next(c for c in listed["data"] if c["clientId"] == "ci-job-7")
    assert mine == {
        "clientId": "ci-job-7",
        "dealer": "CI07",
        "name": "",
        "enabled": True,
        "scopes": ["manage:all"],
        "validationProfile": None,
        "source": "api",
    }
    assert "s3cret" not in str(listed)


def test_disable_and_enable_a_client(http: TestClient, dealer: DealerClient) -> None:
    headers = dealer.headers

    off = http.patch(f"{CLIENTS}/b330-crm", json={"enabled": False})
    refused = http.get(LEADS_PATH, headers=headers)
    no_token = http.post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials"},
        auth=("b330-crm", "b330-secret"),
    )
    on = http.patch(f"{CLIENTS}/b330-crm", json={"enabled": True})
    again = http.get(LEADS_PATH, headers=headers)

    assert off.json()["enabled"] is False
    assert refused.status_code == 403
    assert no_token.status_code == 401
    assert on.json()["enabled"] is True
    assert again.status_code == 200


def test_removing_a_client_ends_its_tokens(
    http: TestClient, dealer: DealerClient
) -> None:
    headers = dealer.headers

    removed = http.delete(f"{CLIENTS}/b330-crm")
    answer = http.get(LEADS_PATH, headers=headers)

    assert removed.status_code == 204
    assert answer.status_code == 401
    assert http.delete(f"{CLIENTS}/b330-crm").status_code == 404
    assert http.patch(f"{CLIENTS}/nobody", json={"enabled": True}).status_code == 404


def test_posting_an_existing_client_replaces_it(http: TestClient) -> None:
    _new_client(http, "ci-1", "CI01")

    again = http.post(
        CLIENTS, json={"clientId": "ci-1", "clientSecret": "new", "dealer": "CI02"}
    )

    assert again.status_code == 200
    assert again.json()["dealer"] == "CI02"
    assert DealerClient(http, "ci-1", "new", "CI02").get_leads().status_code == 200


def test_bad_clients_are_refused_naming_the_field(http: TestClient) -> None:
    response = http.post(
        CLIENTS,
        json={"clientId": "has space", "clientSecret": "", "validationProfile": "x"},
    )

    assert response.status_code == 400
    locations = {e["location"] for e in response.json()["errors"]}
    assert locations == {
        "body.clientId",
        "body.clientSecret",
        "body.dealer",
        "body.validationProfile",
    }


def test_reset_empties_data_and_keeps_clients_working(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.seed(5, seed=42)
    dealer.get_leads(limit=2)
    http.post("/_mockcat/faults", json={"path": "/x", "status": 500})
    http.post("/_mockcat/clock/advance", json={"seconds": 60})
    http.post("/_mockcat/feed", json={"dealer": "B330", "leadsPerMinute": 1})
    _new_client(http, "ci-2", "CI02")

    reset = http.post("/_mockcat/reset", json={})
    token = DealerClient(http, "b330-crm", "b330-secret", "B330").token
    leads = http.get(LEADS_PATH, headers={"Authorization": f"Bearer {token}"})

    assert reset.json() == {"seeded": 0}
    assert leads.status_code == 200 and leads.json() == []
    assert http.get("/_mockcat/leads").json()["count"] == 0
    assert http.get("/_mockcat/faults").json()["count"] == 0
    assert http.get("/_mockcat/clock").json()["offsetSeconds"] == 0
    assert http.get("/_mockcat/feed").json()["data"] == []
    journal = http.get("/_mockcat/journal").json()
    assert journal["count"] == 2  # the token and GET leads after the reset
    assert dealer.get_leads().status_code == 200  # its old token still works
    assert _reached(http, "ci-2")


def _reached(http: TestClient, client_id: str) -> bool:
    ci = DealerClient(http, client_id, "s3cret-" + client_id, "CI02")
    return ci.get_leads().status_code == 200


def test_reset_with_reseed(http: TestClient, dealer: DealerClient) -> None:
    dealer.seed(5, seed=43)

    reset = http.post(
        "/_mockcat/reset", json={"reseed": {"dealer": "B330", "count": 7, "seed": 1}}
    )

    assert reset.json() == {"seeded": 7}
    assert len(dealer.get_leads().json()) == 7


def test_reset_without_a_body(http: TestClient, dealer: DealerClient) -> None:
    dealer.seed(2, seed=44)

    reset = http.post("/_mockcat/reset")

    assert reset.status_code == 200
    assert dealer.get_leads().json() == []
