"""The simulator's clock over HTTP: tokens, dates and the journal follow it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.utils.dealers import DealerClient

CLOCK = "/_mockcat/clock"


def test_clock_reads_now_with_no_offset(http: TestClient) -> None:
    clock = http.get(CLOCK).json()

    now = datetime.fromisoformat(clock["now"])
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
    assert clock["offsetSeconds"] == 0


def test_advancing_3601_seconds_expires_an_issued_token(
    http: TestClient, dealer: DealerClient
) -> None:
    before = dealer.get_leads()

    moved = http.post(f"{CLOCK}/advance", json={"seconds": 3601})
    after = dealer.get_leads()

    assert before.status_code == 200
    assert moved.json()["offsetSeconds"] == pytest.approx(3601, abs=0.001)
    assert after.status_code == 401
    assert after.json() == {"message": "Invalid access token."}


def test_advancing_3599_seconds_keeps_the_token(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.get_leads()

    http.post(f"{CLOCK}/advance", json={"seconds": 3590})

    assert dealer.get_leads().status_code == 200


def test_set_clock_dates_new_leads_and_the_journal(
    http: TestClient, dealer: DealerClient
) -> None:
    target = "2031-06-01T12:00:00+00:00"

    answer = http.put(CLOCK, json={"now": target})
    dealer.seed(1, seed=21)
    lead = dealer.get_leads().json()[0]
    entry = http.get("/_mockcat/journal", params={"limit": 1}).json()["data"][0]

    now = datetime.fromisoformat(answer.json()["now"])
    assert abs(now - datetime.fromisoformat(target)) < timedelta(seconds=5)
    assert lead["dateCreated"] < "2031-06-01T12:01"
    assert lead["dateCreated"] > "2031-05-01"
    assert entry["at"].startswith("2031-06-01")


def test_a_token_issued_in_the_future_expires_in_the_future(
    http: TestClient, dealer: DealerClient
) -> None:
    http.put(CLOCK, json={"now": "2031-06-01T12:00:00Z"})
    dealer.get_leads()

    http.put(CLOCK, json={"now": "2031-06-01T12:59:00Z"})
    still = dealer.get_leads()
    http.put(CLOCK, json={"now": "2031-06-01T13:00:01Z"})
    expired = dealer.get_leads()

    assert still.status_code == 200
    assert expired.status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "body", "location"),
    [
        ("POST", f"{CLOCK}/advance", {"seconds": "soon"}, "body.seconds"),
        ("POST", f"{CLOCK}/advance", {}, "body.seconds"),
        ("POST", f"{CLOCK}/advance", {"seconds": 1e12}, "body.seconds"),
        ("PUT", CLOCK, {"now": "2031-06-01T12:00:00"}, "body.now"),
        ("PUT", CLOCK, {"now": "tomorrow"}, "body.now"),
    ],
)
def test_bad_clock_changes_name_the_field(
    http: TestClient, method: str, path: str, body: object, location: str
) -> None:
    response = http.request(method, path, json=body)

    assert response.status_code == 400
    assert location in [e["location"] for e in response.json()["errors"]]
    assert http.get(CLOCK).json()["offsetSeconds"] == 0


def test_the_clock_can_not_leave_a_century_either_way(http: TestClient) -> None:
    http.post(f"{CLOCK}/advance", json={"seconds": 3_000_000_000})

    response = http.post(f"{CLOCK}/advance", json={"seconds": 1_000_000_000})

    assert response.status_code == 400
    assert response.json()["field"] == "seconds"
    assert http.get(CLOCK).json()["offsetSeconds"] == pytest.approx(3e9, abs=1)
