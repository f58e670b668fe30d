"""The journal over HTTP: recent requests, filtered, newest first, bounded."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import load_settings
from tests.utils.dealers import (
    LEADS_PATH,
    TOKEN_PATH,
    DealerClient,
    write_clients_file,
)
from tests.utils.server import running_server

JOURNAL = "/_mockcat/journal"


def test_journal_lists_requests_newest_first(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.seed(2, seed=31)
    first = dealer.get_leads(limit=1)
    second = dealer.get_leads(limit=5)

    journal = http.get(JOURNAL).json()

    assert journal["count"] == 3  # the token, then two GETs; controls are not kept
    newest, older, token = journal["data"]
    assert newest["requestId"] == second.headers["x-request-id"]
    assert older["requestId"] == first.headers["x-request-id"]
    assert newest["method"] == "GET" and newest["path"] == LEADS_PATH
    assert newest["query"] == "limit=5"
    assert newest["status"] == 200
    assert newest["clientId"] == "b330-crm"
    assert newest["durationMs"] > 0
    assert newest["body"] is None and newest["errors"] is None
    assert token["path"] == TOKEN_PATH


def test_token_request_body_is_kept_with_the_secret_masked(
    http: TestClient,
) -> None:
    http.post(
        TOKEN_PATH,
        data={
            "grant_type": "client_credentials",
            "client_id": "b330-crm",
            "client_secret": "b330-secret",
        },
    )

    entry = http.get(JOURNAL).json()["data"][0]

    assert "b330-secret" not in entry["body"]
    assert "client_secret=***" in entry["body"]
    assert "grant_type=client_credentials" in entry["body"]


def test_rejected_post_keeps_its_body_and_problems(
    http: TestClient, dealer: DealerClient
) -> None:
    [lead_id] = dealer.seed(1, seed=32)
    body = [{"leadId": lead_id, "leadStatus": "Maybe"}]
    dealer.post_updates(body)

    entry = http.get(JOURNAL, params={"method": "POST", "path": LEADS_PATH}).json()

    [rejected] = entry["data"]
    assert rejected["status"] == 400
    assert lead_id in rejected["body"]
    fields = {e["field"] for e in rejected["errors"]}
    assert "leadStatus" in fields and "dealerLeadId" in fields


def test_journal_filters(http: TestClient, dealer: DealerClient) -> None:
    dealer.get_leads()
    http.get(LEADS_PATH)  # no token: 401
    http.get("/nowhere")  # 404

    by_status = http.get(JOURNAL, params={"status": "401"}).json()
    client_errors = http.get(JOURNAL, params={"status": "4xx"}).json()
    by_client = http.get(JOURNAL, params={"client": "b330-crm"}).json()
    limited = http.get(JOURNAL, params={"limit": 1}).json()
    later = http.get(JOURNAL, params={"since": "2100-01-01T00:00:00Z"}).json()

    assert [e["status"] for e in by_status["data"]] == [401]
    assert sorted(e["status"] for e in client_errors["data"]) == [401, 404]
    assert {e["clientId"] for e in by_client["data"]} == {"b330-crm"}
    assert by_client["count"] == 2
    assert len(limited["data"]) == 1 and limited["count"] == 4
    assert later == {"data": [], "count": 0}


def test_bad_journal_filters_name_the_parameter(http: TestClient) -> None:
    response = http.get(JOURNAL, params={"status": "6xx", "since": "yesterday"})

    assert response.status_code == 400
    locations = {e["location"] for e in response.json()["errors"]}
    assert locations == {"query.status", "query.since"}


def test_journal_keeps_only_the_last_entries(tmp_path: Path) -> None:
    settings = load_settings(database=tmp_path / "j.db", journal_size=10)
    with TestClient(create_app(settings)) as http:
        for _ in range(600):
            http.get("/nowhere")

        journal = http.get(JOURNAL, params={"limit": 1000}).json()

    # Pruned in bulk every 256 requests: at most that many over the size.
    assert 10 <= journal["count"] < 10 + 256
    assert journal["data"][-1]["status"] == 404


def test_journal_size_zero_keeps_nothing(tmp_path: Path) -> None:
    settings = load_settings(database=tmp_path / "j.db", journal_size=0)
    with TestClient(create_app(settings)) as http:
        http.get("/nowhere")

        journal = http.get(JOURNAL).json()

    assert journal == {"data": [], "count": 0}


def test_a_reset_drops_what_the_worker_had_not_written_yet(
    http: TestClient, dealer: DealerClient
) -> None:
    dealer.get_leads(limit=1)

    assert http.post("/_mockcat/reset").status_code == 200
    journal = http.get(JOURNAL).json()

    assert journal == {"data": [], "count": 0}


def test_entries_written_before_a_stop_are_there_after_a_restart(
    tmp_path: Path,
) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    flags = ("--clients-file", str(clients))
    with running_server(tmp_path, *flags) as server:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            token = DealerClient(client, "b330-crm", "b330-secret", "B330").token
            headers = {"Authorization": f"Bearer {token}"}
            ids = [
                client.get(LEADS_PATH, headers=headers).headers["x-request-id"]
                for _ in range(20)
            ]
        server.stop(signal.SIGTERM)
        server.start()
        journal = httpx.get(
            server.url + JOURNAL, params={"path": LEADS_PATH}, timeout=30
        ).json()

    assert journal["count"] == 20
    assert {entry["requestId"] for entry in journal["data"]} == set(ids)


def test_an_app_that_stops_writes_what_it_still_held(tmp_path: Path) -> None:
    settings = load_settings(database=tmp_path / "j.db")
    with TestClient(create_app(settings)) as http:
        answers = [http.get("/nowhere") for _ in range(5)]
    # A second app on the same file: nothing of the first is left in memory.
    with TestClient(create_app(settings)) as http:
        journal = http.get(JOURNAL, params={"path": "/nowhere"}).json()

    assert journal["count"] == 5
    assert {e["requestId"] for e in journal["data"]} == {
        a.headers["x-request-id"] for a in answers
    }
