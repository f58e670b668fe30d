"""The pull side under several processes, concurrent pollers and restarts."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.utils.dealers import DealerClient, write_clients_file
from tests.utils.server import ServerProcess, running_server

POLLERS = 8
LEADS = 5_000


def _poll_until_empty(url: str) -> list[str]:
    with httpx.Client(base_url=url, timeout=30) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        received: list[str] = []
        while leads := dealer.get_leads(limit=100).json():
            received += [lead["leadId"] for lead in leads]
        return received


def test_concurrent_pollers_on_two_workers_get_each_lead_once(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    flags = ("--workers", "2", "--clients-file", str(clients))
    with running_server(tmp_path, *flags) as server:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            seeded = DealerClient(http, "", "", "B330").seed(LEADS, seed=42)

        with ThreadPoolExecutor(POLLERS) as pool:
            results = list(pool.map(_poll_until_empty, [server.url] * POLLERS))

    received = [lead_id for result in results for lead_id in result]
    assert len(received) == len(set(received)), "a lead was delivered twice"
    assert set(received) == set(seeded)
    assert sum(1 for result in results if result) > 1, "one poller took everything"


def test_restart_keeps_tokens_leads_and_states(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    server = ServerProcess(tmp_path, "--clients-file", str(clients))
    server.start()
    with httpx.Client(base_url=server.url) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        seeded = dealer.seed(30, seed=9)
        delivered = [lead["leadId"] for lead in dealer.get_leads(limit=10).json()]

        server.stop()
        server.start()
        # The same client object keeps the token it was issued before the restart.
        pending = [lead["leadId"] for lead in dealer.get_leads().json()]
        historic = dealer.historic(startdate="2000-01-01", enddate="2100-12-31")
        server.stop()

    assert len(delivered) == 10
    assert sorted(pending) == sorted(set(seeded) - set(delivered))
    assert sorted(lead["leadId"] for lead in historic.json()) == sorted(seeded)
