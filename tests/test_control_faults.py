"""Fault rules over HTTP: failures, delays and dropped connections on purpose."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.utils.dealers import LEADS_PATH, TOKEN_PATH, DealerClient, write_clients_file
from tests.utils.server import running_server

FAULTS = "/_mockcat/faults"


def _add(http: TestClient | httpx.Client, **rule: object) -> dict[str, object]:
    response = http.post(FAULTS, json=rule)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_four_500s_then_success_on_the_fifth_call(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.seed(3, seed=1)
    _add(http, method="GET", path=LEADS_PATH, status=500, times=4)

    statuses = [dealer.get_leads().status_code for _ in range(5)]

    assert statuses == [500, 500, 500, 500, 200]
    assert len(dealer.get_leads().json()) == 0  # the fifth call took all three


def test_failed_calls_before_delivery_leave_the_leads_pending(
    http: TestClient, dealer: DealerClient
) -> None:
    seeded = dealer.seed(3, seed=2)
    _add(http, method="GET", path=LEADS_PATH, status=503, times=2)

    failures = [dealer.get_leads().json() for _ in range(2)]
    leads = dealer.get_leads().json()

    assert failures[0] == {"message": failures[0]["message"]}
    assert "fault rule" in failures[0]["message"]
    assert sorted(lead["leadId"] for lead in leads) == sorted(seeded)


def test_429_with_retry_after(http: TestClient, dealer: DealerClient) -> None:
    body = {"message": "Too many requests."}
    _add(
        http,
        path=LEADS_PATH,
        status=429,
        body=body,
        headers={"Retry-After": "30"},
        times=1,
    )

    throttled = dealer.get_leads()
    after = dealer.get_leads()

    assert throttled.status_code == 429
    assert throttled.headers["retry-after"] == "30"
    assert throttled.json() == body
    assert after.status_code == 200


def test_token_endpoint_outage(http: TestClient) -> None:
    _add(http, method="POST", path=TOKEN_PATH, status=503, body="down", times=3)
    form = {"grant_type": "client_credentials"}

    answers = [
        http.post(TOKEN_PATH, data=form, auth=("b330-crm", "b330-secret"))
        for _ in range(4)
    ]

    assert [a.status_code for a in answers] == [503, 503, 503, 200]
    assert answers[0].text == "down"
    assert answers[0].headers["content-type"].startswith("text/plain")
    assert answers[3].json()["token_type"] == "Bearer"


def test_delay_rule_slows_the_answer_and_keeps_it(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.seed(2, seed=3)
    _add(http, path=LEADS_PATH, delay_ms=300, times=1)

    started = time.perf_counter()
    response = dealer.get_leads()
    took = time.perf_counter() - started

    assert response.status_code == 200
    assert len(response.json()) == 2
    assert took >= 0.3


def test_after_rule_marks_the_leads_sent_then_fails(
    http: TestClient, dealer: DealerClient
) -> None:
    seeded = dealer.seed(4, seed=4)
    _add(http, method="GET", path=LEADS_PATH, status=502, when="after", times=1)

    failed = dealer.get_leads()
    pending = dealer.get_leads().json()
    historic = dealer.historic(startdate="2000-01-01", enddate="2100-01-01").json()

    assert failed.status_code == 502
    assert pending == []
    assert sorted(lead["leadId"] for lead in historic) == sorted(seeded)


def test_probability_rule_fires_on_about_that_share(
    http: TestClient, dealer: DealerClient
) -> None:
    _add(http, path=LEADS_PATH, status=500, probability=0.5)

    statuses = [dealer.get_leads().status_code for _ in range(200)]

    assert 60 <= statuses.count(500) <= 140
    assert set(statuses) == {200, 500}


def test_wildcard_path_and_any_method(http: TestClient, dealer: DealerClient) -> None:
    _add(http, method="*", path="/marketing/*", status=500, times=2)

    get = dealer.get_leads()
    post = dealer.post_updates([])

    assert (get.status_code, post.status_code) == (500, 500)
    assert dealer.get_leads().status_code == 200


def test_rules_are_listed_with_hits_and_cleared(
    http: TestClient, dealer: DealerClient
) -> None:
    first = _add(http, path=LEADS_PATH, status=500, times=2)
    dealer.get_leads()
    second = _add(http, path="/elsewhere", method="POST", drop=True)

    listed = http.get(FAULTS).json()
    removed = http.delete(f"{FAULTS}/{second['id']}")
    cleared = http.delete(FAULTS).json()

    rules = {rule["id"]: rule for rule in listed["data"]}
    assert rules[first["id"]]["hits"] == 1
    assert rules[first["id"]]["remaining"] == 1
    assert rules[second["id"]]["hits"] == 0
    assert rules[second["id"]]["drop"] is True
    assert removed.status_code == 204
    assert cleared == {"removed": 1}
    assert http.get(FAULTS).json() == {"data": [], "count": 0}
    assert dealer.get_leads().status_code == 200


def test_removing_an_unknown_rule_is_404(http: TestClient) -> None:
    response = http.delete(f"{FAULTS}/999")

    assert response.status_code == 404
    assert "999" in response.json()["message"]


@pytest.mark.parametrize(
    ("rule", "location"),
    [
        ({"path": LEADS_PATH}, "body"),
        ({"path": LEADS_PATH, "status": 700}, "body.status"),
        ({"path": "leads", "status": 500}, "body.path"),
        ({"path": "/_mockcat/faults", "status": 500}, "body.path"),
        ({"path": LEADS_PATH, "status": 500, "drop": True}, "body"),
        ({"path": LEADS_PATH, "status": 500, "method": "G E T"}, "body.method"),
        ({"path": LEADS_PATH, "status": 500, "times": 0}, "body.times"),
        ({"path": LEADS_PATH, "status": 500, "probability": 1.5}, "body.probability"),
        ({"path": LEADS_PATH, "status": 500, "when": "during"}, "body.when"),
        ({"path": LEADS_PATH, "status": 500, "headers": {"A B": "1"}}, "body.headers"),
        ({"path": LEADS_PATH, "status": 500, "colour": "red"}, "body.colour"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(
    http: TestClient, rule: dict[str, object], location: str
) -> None:
    response = http.post(FAULTS, json=rule)

    assert response.status_code == 400
    locations = [e["location"] for e in response.json()["errors"]]
    assert location in locations
    assert http.get(FAULTS).json()["count"] == 0


def test_control_routes_are_never_faulted(http: TestClient) -> None:
    _add(http, path="*", status=500)

    response = http.get("/_mockcat/clock")

    assert response.status_code == 200


def _received(dealer: DealerClient) -> list[str]:
    return [lead["leadId"] for lead in dealer.get_leads(limit=50).json()]


def test_deliver_then_drop_is_recovered_through_historic(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    with running_server(tmp_path, "--clients-file", str(clients)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
            seeded = dealer.seed(150, seed=5)
            kept = _received(dealer)
            _add(http, path=LEADS_PATH, method="GET", drop=True, when="after", times=1)
            with pytest.raises(httpx.TransportError):
                dealer.get_leads(limit=50)
            kept += _received(dealer)
            kept += _received(dealer)
            historic = [
                lead["leadId"]
                for page in range(2)
                for lead in dealer.historic(
                    startdate="2000-01-01", enddate="2100-01-01", offset=page * 100
                ).json()
            ]
            dropped = http.get("/_mockcat/journal", params={"status": "0"}).json()
            lost = sorted(set(historic) - set(kept))
            timelines = [
                http.get(f"/_mockcat/leads/{lead_id}/timeline").json()
                for lead_id in lost
            ]

    assert len(kept) == 100 and len(set(kept)) == 100
    assert sorted(historic) == sorted(seeded)
    assert len(lost) == 50
    assert dropped["count"] == 1
    request_id = dropped["data"][0]["requestId"]
    delivered_by = {
        e["requestId"]
        for t in timelines
        for e in t["events"]
        if e["kind"] == "delivered"
    }
    assert delivered_by == {request_id}


def test_drop_before_leaves_the_leads_pending(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    with running_server(tmp_path, "--clients-file", str(clients)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
            seeded = dealer.seed(5, seed=6)
            _add(http, path=LEADS_PATH, drop=True, times=1)
            with pytest.raises(httpx.TransportError):
                dealer.get_leads()
            received = _received(dealer)

    assert sorted(received) == sorted(seeded)
