"""The controls under two worker processes: one shared state, one feed producer."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.utils.dealers import LEADS_PATH, DealerClient, write_clients_file
from tests.utils.server import ServerProcess, running_server

THREADS = 8


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    workdir = tmp_path_factory.mktemp("workers")
    clients = write_clients_file(workdir / "clients.json")
    flags = ("--workers", "2", "--clients-file", str(clients))
    with running_server(workdir, *flags) as running:
        yield running


@pytest.fixture
def http(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        assert client.post("/_mockcat/reset").status_code == 200
        yield client


def _statuses(url: str, token: str, count: int) -> list[int]:
    headers = {"Authorization": f"Bearer {token}"}

    def call(_: int) -> int:
        with httpx.Client(base_url=url, timeout=30) as client:
            return client.get(LEADS_PATH, headers=headers).status_code

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(call, range(count)))


def test_two_workers_are_running(server: ServerProcess) -> None:
    # The first worker to start answers the health check; the second may still
    # be starting then, so its log line is waited for (not assumed).
    deadline = time.monotonic() + 20
    started: list[str] = []
    while time.monotonic() < deadline:
        started = re.findall(r"Started server process \[(\d+)\]", server.log())
        if len(set(started)) >= 2:
            break
        time.sleep(0.1)

    assert len(set(started)) == 2


def test_the_next_n_means_n_across_workers(
    server: ServerProcess, http: httpx.Client
) -> None:
    token = DealerClient(http, "b330-crm", "b330-secret", "B330").token
    http.post("/_mockcat/faults", json={"path": LEADS_PATH, "status": 500, "times": 25})

    statuses = _statuses(server.url, token, 120)

    assert statuses.count(500) == 25
    assert statuses.count(200) == 95
    [rule] = http.get("/_mockcat/faults").json()["data"]
    assert (rule["hits"], rule["remaining"]) == (25, 0)


def test_every_worker_follows_the_clock(
    server: ServerProcess, http: httpx.Client
) -> None:
    token = DealerClient(http, "b330-crm", "b330-secret", "B330").token
    fresh = _statuses(server.url, token, 40)

    http.post("/_mockcat/clock/advance", json={"seconds": 3601})
    expired = _statuses(server.url, token, 40)

    assert set(fresh) == {200}
    assert set(expired) == {401}


def test_the_journal_holds_the_requests_of_every_worker(
    server: ServerProcess, http: httpx.Client
) -> None:
    token = DealerClient(http, "b330-crm", "b330-secret", "B330").token

    _statuses(server.url, token, 100)
    journal = _journal_once_settled(http, LEADS_PATH, 100)

    assert journal["count"] == 100
    assert len({entry["requestId"] for entry in journal["data"]}) == 100


def _journal_once_settled(
    http: httpx.Client, path: str, expected: int
) -> dict[str, Any]:
    """The journal, read until it holds ``expected`` entries or 10 s pass.

    Each worker writes its entries in batches (every 25 ms); the worker that
    answers this read has written its own, the other may not have yet.
    """
    deadline = time.monotonic() + 10
    while True:
        journal: dict[str, Any] = http.get(
            "/_mockcat/journal", params={"path": path}
        ).json()
        if journal["count"] >= expected or time.monotonic() > deadline:
            return journal
        time.sleep(0.05)


def _run_feed(http: httpx.Client, seconds: float, **rates: float) -> dict[str, float]:
    started = time.monotonic()
    answer = http.post("/_mockcat/feed", json={"dealer": "FD01", **rates})
    assert answer.status_code == 201, answer.text
    time.sleep(seconds)
    [status] = http.get("/_mockcat/feed").json()["data"]
    took = time.monotonic() - started
    assert http.delete("/_mockcat/feed/FD01").status_code == 204
    time.sleep(0.3)  # what was claimed before the stop is stored by now
    return {"took": took, **status}


def test_the_feed_produces_its_rate_once_with_two_workers(http: httpx.Client) -> None:
    run = _run_feed(http, 3.0, leadsPerMinute=1200)

    stored = http.get("/_mockcat/leads", params={"dealer": "FD01"}).json()["count"]

    expected = 1200 / 60 * run["took"]
    assert abs(stored - expected) <= 0.1 * expected, (stored, expected)
    assert run["leadsMade"] <= stored  # counted before the stop, stored after


def test_feed_updates_make_delivered_leads_updated(http: httpx.Client) -> None:
    http.post(
        "/_mockcat/clients",
        json={"clientId": "fd", "clientSecret": "s", "dealer": "FD01"},
    )
    fd = DealerClient(http, "fd", "s", "FD01")
    fd.seed(40, seed=51)
    fd.get_leads()

    run = _run_feed(http, 3.0, updatesPerMinute=600)
    pending = fd.get_leads().json()

    expected = 600 / 60 * run["took"]
    assert abs(run["updatesMade"] - expected) <= 0.1 * expected
    assert pending and {lead["leadState"] for lead in pending} == {"UPDATED"}
    assert http.get("/_mockcat/leads", params={"dealer": "FD01"}).json()["count"] == 40


def test_feed_status_names_one_producer(http: httpx.Client) -> None:
    http.post("/_mockcat/feed", json={"dealer": "FD02", "leadsPerMinute": 6})
    time.sleep(0.5)

    status = http.get("/_mockcat/feed").json()
    http.delete("/_mockcat/feed/FD02")

    assert status["producer"] is not None
    assert [feed["dealer"] for feed in status["data"]] == ["FD02"]


def test_bad_feeds_are_refused(http: httpx.Client) -> None:
    none = http.post("/_mockcat/feed", json={"dealer": "FD03"})
    negative = http.post(
        "/_mockcat/feed", json={"dealer": "FD03", "leadsPerMinute": -1, "country": "XX"}
    )
    unknown = http.delete("/_mockcat/feed/FD03")

    assert none.status_code == 400
    locations = {e["location"] for e in negative.json()["errors"]}
    assert locations == {"body.leadsPerMinute", "body.country"}
    assert unknown.status_code == 404
