"""Dealer updates survive a SIGKILL: every batch answered 200 is kept, whole."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import httpx

from tests.utils.dealers import DealerClient, write_clients_file
from tests.utils.server import ServerProcess
from tests.utils.updates import OPPORTUNITY, dealer_updates, update

LEADS = 20
BATCH = 10  # each batch updates ten leads, so a torn batch would show
WANTED = 30  # successes before the kill


def _batch(lead_ids: list[str], number: int) -> list[dict[str, object]]:
    """Batch ``number``: its own dealerLeadId on every update, to find it again."""
    start = (number * BATCH) % LEADS
    chosen = [lead_ids[(start + k) % LEADS] for k in range(BATCH)]
    return [
        update(
            i,
            OPPORTUNITY,
            dealerLeadId=f"batch-{number}",
            probabilityOfClosurePercentage=50,
        )
        for i in chosen
    ]


def _post_until_refused(
    url: str,
    token: str,
    lead_ids: list[str],
    answered: list[int],
    enough: threading.Event,
) -> None:
    """Post batches until the server is gone; note each one answered 200."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=10) as http:
        for number in range(100_000):
            try:
                response = http.post(
                    "/marketing/ecrm/leadManagement/v2/leads",
                    json=_batch(lead_ids, number),
                )
            except httpx.HTTPError:
                return
            assert response.status_code == 200, response.text
            answered.append(number)
            if len(answered) >= WANTED:
                enough.set()


def test_batches_answered_200_survive_sigkill_and_none_is_torn(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    server = ServerProcess(tmp_path, "--clients-file", str(clients))
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        lead_ids = dealer.seed(LEADS, seed=81)
        token = dealer.token
    answered: list[int] = []
    enough = threading.Event()
    poster = threading.Thread(
        target=_post_until_refused, args=(server.url, token, lead_ids, answered, enough)
    )

    poster.start()
    assert enough.wait(timeout=120), server.log()
    server.stop(signal.SIGKILL)
    poster.join(timeout=60)
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        stored = [
            u["values"]["dealerLeadId"]
            for i in lead_ids
            for u in dealer_updates(http, i)
        ]
    server.stop()

    counts = {name: stored.count(name) for name in set(stored)}
    assert not poster.is_alive()
    assert len(answered) >= WANTED
    assert all(counts.get(f"batch-{n}") == BATCH for n in answered)
    assert all(count == BATCH for count in counts.values()), (
        "a batch was stored in part"
    )
