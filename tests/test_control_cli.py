"""The control commands against a real ``mockcat serve``, through typer's runner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner, Result

from mockcat.cli import app
from tests.utils.dealers import LEADS_PATH, DealerClient, write_clients_file
from tests.utils.server import ServerProcess, free_port, running_server

runner = CliRunner()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    workdir = tmp_path_factory.mktemp("cli")
    clients = write_clients_file(workdir / "clients.json")
    with running_server(workdir, "--clients-file", str(clients)) as running:
        yield running


@pytest.fixture
def http(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        assert client.post("/_mockcat/reset").status_code == 200
        yield client


@pytest.fixture
def dealer(http: httpx.Client) -> DealerClient:
    return DealerClient(http, "b330-crm", "b330-secret", "B330")


def _run(server: ServerProcess, *args: str, **env: str) -> Result:
    return runner.invoke(app, list(args), env={"MOCKCAT_URL": server.url, **env})


def _json(server: ServerProcess, *args: str) -> Any:
    result = _run(server, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_over_http_then_pull(server: ServerProcess, dealer: DealerClient) -> None:
    result = _run(
        server, "seed", "--url", server.url, "--dealer", "B330", "--count", "7"
    )

    assert result.exit_code == 0, result.output
    assert len(dealer.get_leads().json()) == 7


def test_fault_add_makes_four_500s_then_success(
    server: ServerProcess, dealer: DealerClient
) -> None:
    added = _json(
        server, "fault", "add", "--method", "GET", "--path", LEADS_PATH,
        "--status", "500", "--times", "4",
    )  # fmt: skip

    statuses = [dealer.get_leads().status_code for _ in range(5)]
    listed = _json(server, "fault", "list")

    assert statuses == [500, 500, 500, 500, 200]
    assert listed["data"][0]["id"] == added["id"]
    assert listed["data"][0]["hits"] == 4


def test_fault_with_headers_body_and_table_output(
    server: ServerProcess, dealer: DealerClient
) -> None:
    result = _run(
        server, "fault", "add", "--path", LEADS_PATH, "--status", "429",
        "--header", "Retry-After: 7", "--body", '{"message": "slow down"}',
    )  # fmt: skip
    answer = dealer.get_leads()
    table = _run(server, "fault", "list")

    assert result.exit_code == 0, result.output
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "7"
    assert answer.json() == {"message": "slow down"}
    assert "answer 429" in table.stdout and LEADS_PATH in table.stdout


def test_fault_remove_and_clear(server: ServerProcess, http: httpx.Client) -> None:
    first = _json(server, "fault", "add", "--path", "/a", "--status", "500")
    _json(server, "fault", "add", "--path", "/b", "--drop")

    removed = _run(server, "fault", "remove", str(first["id"]))
    cleared = _json(server, "fault", "clear")
    missing = _run(server, "fault", "remove", str(first["id"]))

    assert removed.exit_code == 0
    assert cleared == {"removed": 1}
    assert missing.exit_code == 2
    assert "No fault rule" in missing.output
    assert http.get("/_mockcat/faults").json()["count"] == 0


def test_bad_fault_is_refused_with_the_field_named(server: ServerProcess) -> None:
    result = _run(server, "fault", "add", "--path", "/x", "--status", "999")

    assert result.exit_code == 2
    assert "body.status" in result.output


def test_clock_advance_expires_tokens(
    server: ServerProcess, dealer: DealerClient
) -> None:
    dealer.get_leads()

    moved = _json(server, "clock", "advance", "3601")
    answer = dealer.get_leads()
    shown = _run(server, "clock", "show")

    assert moved["offsetSeconds"] == pytest.approx(3601, abs=0.01)
    assert answer.status_code == 401
    assert answer.json() == {"message": "Invalid access token."}
    assert "+3601" in shown.stdout


def test_clock_set(server: ServerProcess) -> None:
    clock = _json(server, "clock", "set", "2031-02-03T04:05:06Z")

    assert clock["now"].startswith("2031-02-03T04:05")


def test_journal_lists_and_filters(server: ServerProcess, dealer: DealerClient) -> None:
    dealer.get_leads()
    dealer.post_updates([{"leadId": "nope"}])

    everything = _json(server, "journal")
    rejected = _json(server, "journal", "--method", "POST", "--status", "4xx")
    table = _run(server, "journal", "--limit", "2")

    assert everything["count"] == 3
    [post] = rejected["data"]
    assert post["status"] == 400 and post["errors"]
    assert "GET" in table.stdout and "Journal: 2 of 3" in table.stdout


def test_journal_shows_a_lead_timeline(
    server: ServerProcess, dealer: DealerClient
) -> None:
    [lead_id] = dealer.seed(1, seed=61)
    dealer.get_leads()

    result = _run(server, "update", lead_id, "--prequalified")
    timeline = _json(server, "journal", "--lead", lead_id)
    table = _run(server, "journal", "--lead", lead_id)

    assert "leadState UPDATED" in result.stdout
    kinds = [e["kind"] for e in timeline["events"]]
    assert kinds == ["created", "delivered", "caterpillar_update"]
    assert "caterpillar_update" in table.stdout


def test_update_of_an_unknown_lead_fails_clearly(server: ServerProcess) -> None:
    result = _run(server, "update", "nope", "--not-prequalified")

    assert result.exit_code == 2
    assert "No lead with leadId 'nope'" in result.output


def test_clients_add_disable_enable_remove(
    server: ServerProcess, http: httpx.Client
) -> None:
    added = _json(
        server, "clients", "add", "ci-9", "--dealer", "CI09", "--secret", "pw9"
    )
    ci = DealerClient(http, "ci-9", "pw9", "CI09")
    works = ci.get_leads().status_code
    _json(server, "clients", "disable", "ci-9")
    refused = ci.get_leads().status_code
    _json(server, "clients", "enable", "ci-9")
    again = ci.get_leads().status_code
    listed = _run(server, "clients", "list")
    removed = _run(server, "clients", "remove", "ci-9")

    assert added["dealer"] == "CI09"
    assert (works, refused, again) == (200, 403, 200)
    assert "ci-9" in listed.stdout and "pw9" not in listed.stdout
    assert removed.exit_code == 0
    assert ci.get_leads().status_code == 401


def test_feed_start_status_stop(server: ServerProcess, http: httpx.Client) -> None:
    started = _json(
        server, "feed", "start", "--dealer", "F1", "--leads-per-minute", "6"
    )
    status = _json(server, "feed", "status")
    stopped = _run(server, "feed", "stop", "F1")
    after = _json(server, "feed", "status")

    assert started["leadsPerMinute"] == 6
    assert [f["dealer"] for f in status["data"]] == ["F1"]
    assert stopped.exit_code == 0
    assert after["data"] == []


def test_reset_with_reseed(server: ServerProcess, dealer: DealerClient) -> None:
    dealer.seed(3, seed=62)

    result = _run(server, "reset", "--reseed-dealer", "B330", "--count", "5")

    assert result.exit_code == 0, result.output
    assert "5 lead(s) seeded" in result.stdout
    assert len(dealer.get_leads().json()) == 5


def test_an_unreachable_server_is_a_clear_failure() -> None:
    url = f"http://127.0.0.1:{free_port()}"

    result = runner.invoke(app, ["clock", "show", "--url", url])

    assert result.exit_code == 1
    assert f"can't reach {url}" in result.output


def test_admin_token_comes_from_the_environment(tmp_path: Path) -> None:
    env = {"MOCKCAT_ADMIN_TOKEN": "let-me-in"}
    with running_server(tmp_path, env=env) as protected:
        without = runner.invoke(app, ["clock", "show", "--url", protected.url])
        with_token = runner.invoke(
            app, ["clock", "show", "--url", protected.url], env=env
        )

    assert without.exit_code == 2
    assert "Admin token required" in without.output
    assert with_token.exit_code == 0, with_token.output
    assert "let-me-in" not in with_token.output
