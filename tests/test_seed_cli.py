"""``mockcat seed``: into a database file, and into a running simulator."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mockcat.api.main import create_app
from mockcat.cli import app as cli
from mockcat.core.config import load_settings
from tests.utils.dealers import HISTORIC_PATH, DealerClient
from tests.utils.server import running_server

runner = CliRunner()


def _seed(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["seed", *args])
    return result.exit_code, result.output


@contextmanager
def _dealer(database: Path, clients_file: Path) -> Iterator[DealerClient]:
    """Dealer B330's client of an app over the given database file."""
    settings = load_settings(database=database, clients_file=clients_file)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as http:
        yield DealerClient(http, "b330-crm", "b330-secret", "B330")
    app.state.store.close()


def _drain(dealer: DealerClient) -> list[dict[str, object]]:
    leads: list[dict[str, object]] = []
    while page := dealer.get_leads(limit=100).json():
        leads += page
    return leads


def _historic(dealer: DealerClient, start: str, end: str) -> list[dict[str, object]]:
    leads: list[dict[str, object]] = []
    while True:
        params = {"startdate": start, "enddate": end, "offset": len(leads)}
        response = dealer.historic(**params, limit=100)
        assert response.status_code == 200, response.text
        if not response.json():
            return leads
        leads += response.json()


def test_direct_seed_stores_the_count_as_new_leads(
    tmp_path: Path, clients_file: Path
) -> None:
    database = tmp_path / "seeded.db"

    code, output = _seed(
        "--dealer", "B330", "--count", "250", "--database", str(database)
    )

    assert code == 0, output
    assert "seeded 250 leads for dealer B330" in output
    with _dealer(database, clients_file) as dealer:
        leads = _drain(dealer)
    assert len(leads) == 250
    assert {lead["leadState"] for lead in leads} == {"NEW"}
    assert {lead["catDealerCode"] for lead in leads} == {"B330"}


def test_same_seed_gives_the_same_lead_ids(tmp_path: Path, clients_file: Path) -> None:
    ids = []
    for name in ("one.db", "two.db", "three.db"):
        seed = "8" if name == "three.db" else "7"
        database = tmp_path / name
        code, output = _seed(
            "--dealer", "B330", "--count", "120", "--seed", seed,
            "--from", "2024-01-01", "--to", "2024-01-31", "--database", str(database),
        )  # fmt: skip
        assert code == 0, output
        with _dealer(database, clients_file) as dealer:
            ids.append([lead["leadId"] for lead in _drain(dealer)])

    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 120
    assert not set(ids[0]) & set(ids[2])


def test_leads_spread_over_the_range_and_historic_pages_through_them(
    tmp_path: Path, clients_file: Path
) -> None:
    database = tmp_path / "range.db"
    code, output = _seed(
        "--dealer", "B330", "--count", "600", "--seed", "3",
        "--from", "2024-03-01", "--to", "2024-03-30", "--database", str(database),
    )  # fmt: skip
    assert code == 0, output

    with _dealer(database, clients_file) as dealer:
        delivered = _drain(dealer)
        paged = _historic(dealer, "2024-03-01", "2024-03-30")
        first_half = _historic(dealer, "2024-03-01", "2024-03-15")
        outside = _historic(dealer, "2024-02-01", "2024-02-29")

    created = [datetime.fromisoformat(str(lead["dateCreated"])) for lead in paged]
    days = {moment.astimezone(UTC).date() for moment in created}
    assert len(paged) == 600
    assert {lead["leadId"] for lead in paged} == {lead["leadId"] for lead in delivered}
    assert min(created) >= datetime(2024, 3, 1, tzinfo=UTC)
    assert max(created) <= datetime(2024, 3, 30, 23, 59, 59, tzinfo=UTC)
    # Every day of the range has leads: they are spread, not bunched.
    assert len(days) == 30
    assert 240 <= len(first_half) <= 360
    assert outside == []


def test_default_range_is_the_30_days_before_now(
    tmp_path: Path, clients_file: Path
) -> None:
    database = tmp_path / "default.db"
    code, output = _seed(
        "--dealer", "B330", "--count", "300", "--database", str(database)
    )
    assert code == 0, output

    with _dealer(database, clients_file) as dealer:
        leads = _drain(dealer)
    created = [datetime.fromisoformat(str(lead["dateCreated"])) for lead in leads]
    now = datetime.now(UTC)
    assert max(created) <= now
    assert (now - min(created)).days in (29, 30)
    assert (now - max(created)).days == 0


def test_database_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "env.db"
    monkeypatch.setenv("MOCKCAT_DATABASE", str(database))

    code, output = _seed("--dealer", "K100", "--count", "5")

    assert code == 0, output
    assert str(database) in output
    assert database.exists()


def test_country_and_business_unit_hold_for_every_lead(
    tmp_path: Path, clients_file: Path
) -> None:
    database = tmp_path / "only.db"
    code, output = _seed(
        "--dealer", "B330", "--count", "50", "--country", "CN",
        "--business-unit", "Marine", "--database", str(database),
    )  # fmt: skip
    assert code == 0, output

    with _dealer(database, clients_file) as dealer:
        leads = _drain(dealer)
    assert {lead["countryCode"] for lead in leads} == {"CN"}
    assert {lead["businessUnit"] for lead in leads} == {"Marine"}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--country", "ZZ"], "--country"),
        (["--business-unit", "Bananas"], "--business-unit"),
        (["--from", "2024-13-01"], "--from"),
        (["--to", "yesterday"], "--to"),
        (["--from", "2024-06-01", "--to", "2024-05-01"], "--from"),
        (["--from", "2999-01-01"], "--from"),
        (["--count", "0"], "--count"),
        (["--url", "http://127.0.0.1:1", "--database", "x.db"], "--url"),
        (["--database", "/nonexistent/dir/x.db"], "--database"),
    ],
)
def test_bad_options_exit_2_naming_the_option(
    tmp_path: Path, args: list[str], named: str
) -> None:
    database = tmp_path / "bad.db"
    given = args if "--database" in args else [*args, "--database", str(database)]

    code, output = _seed("--dealer", "B330", *given)

    assert code == 2, output
    assert named in output
    assert "Traceback" not in output
    assert not database.exists() or _stored(database) == 0


def _stored(database: Path) -> int:
    import sqlite3

    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT count(*) FROM lead").fetchone()[0])


def test_seeding_the_same_leads_twice_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "twice.db"
    args = ("--dealer", "B330", "--count", "20", "--seed", "5", "--database")
    assert _seed(*args, str(database))[0] == 0

    code, output = _seed(*args, str(database))

    assert code == 2
    assert "exists already" in output
    assert _stored(database) == 20


def test_seed_over_http_matches_direct_seed(tmp_path: Path, clients_file: Path) -> None:
    options = ["--dealer", "B330", "--count", "40", "--seed", "11"]
    options += ["--from", "2024-02-01", "--to", "2024-02-10"]
    direct = tmp_path / "direct.db"
    assert _seed(*options, "--database", str(direct))[0] == 0
    with _dealer(direct, clients_file) as dealer:
        expected = [lead["leadId"] for lead in _drain(dealer)]

    served = tmp_path / "served.db"
    with running_server(
        tmp_path, "--database", str(served), "--clients-file", str(clients_file)
    ) as server:
        code, output = _seed(*options, "--url", server.url)
        with httpx.Client(base_url=server.url) as http:
            dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
            got = [lead["leadId"] for lead in _drain(dealer)]
            historic = dealer.http.get(
                HISTORIC_PATH,
                params={"startdate": "2024-02-01", "enddate": "2024-02-10"},
                headers=dealer.headers,
            )

    assert code == 0, output
    assert "seeded 40 leads" in output
    assert got == expected
    assert len(historic.json()) == 40


@pytest.mark.parametrize(
    ("args", "named"),
    [(["--country", "ZZ"], "country"), (["--business-unit", "Bananas"], "business")],
)
def test_bad_options_over_http_exit_2_with_the_servers_reason(
    tmp_path: Path, args: list[str], named: str
) -> None:
    with running_server(tmp_path, "--database", str(tmp_path / "s.db")) as server:
        code, output = _seed("--dealer", "B330", *args, "--url", server.url)
        log = server.log()

    assert code == 2, output
    assert named in output
    assert "Traceback" not in log


def test_unreachable_server_exits_1(tmp_path: Path) -> None:
    code, output = _seed("--dealer", "B330", "--url", "http://127.0.0.1:1")

    assert code == 1
    assert "127.0.0.1:1" in output


def test_seed_endpoint_answers_400_for_bad_generator_options(
    http: TestClient,
) -> None:
    for body in (
        {"dealer": "B330", "count": 5, "country": "ZZ"},
        {"dealer": "B330", "count": 5, "business_unit": "Bananas"},
        {"dealer": "B330", "count": 5, "created_from": "2024-05-01T00:00:00"},
        {
            "dealer": "B330",
            "count": 5,
            "created_from": "2024-06-01T00:00:00Z",
            "created_to": "2024-05-01T00:00:00Z",
        },
    ):
        response = http.post("/_mockcat/seed", json=body)
        assert response.status_code == 400, (body, response.text)
        assert "Invalid seed request" in response.json()["message"]


def test_seed_endpoint_answers_409_for_leads_seeded_already(
    http: TestClient,
) -> None:
    body = {"dealer": "B330", "count": 5, "seed": 1}
    assert http.post("/_mockcat/seed", json=body).status_code == 201

    response = http.post("/_mockcat/seed", json=body)

    assert response.status_code == 409
    assert "exists already" in response.json()["message"]
