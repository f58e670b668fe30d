"""A database file made before lead bodies had their own table still serves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mockcat.api.main import create_app
from mockcat.cli import app as cli
from mockcat.core.config import load_settings
from tests.utils.dealers import DealerClient


def _as_before_lead_body(database: Path) -> None:
    """Put the bodies back into the lead row, as files of the first schema had."""
    with sqlite3.connect(database, isolation_level=None) as conn:
        conn.execute("ALTER TABLE lead ADD COLUMN body BLOB")
        conn.execute(
            "UPDATE lead SET body ="
            " (SELECT body FROM lead_body WHERE lead_body.seq = lead.seq)"
        )
        conn.execute("DROP TABLE lead_body")
        conn.execute("PRAGMA user_version = 0")


def test_an_old_file_keeps_its_leads(tmp_path: Path, clients_file: Path) -> None:
    database = tmp_path / "old.db"
    args = ["seed", "--dealer", "B330", "--count", "30", "--seed", "4"]
    result = CliRunner().invoke(cli, [*args, "--database", str(database)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as conn:
        expected = [row[0] for row in conn.execute("SELECT lead_id FROM lead")]
    _as_before_lead_body(database)

    app = create_app(load_settings(database=database, clients_file=clients_file))
    with TestClient(app) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        leads = dealer.get_leads(limit=100).json()
    app.state.store.close()

    assert sorted(lead["leadId"] for lead in leads) == sorted(expected)
    assert all(lead["catDealerCode"] == "B330" for lead in leads)


def _as_before_packed_deliveries(database: Path) -> None:
    """Give each delivered lead a lead_delivery row again, as files had before."""
    with sqlite3.connect(database, isolation_level=None) as conn:
        conn.execute(
            "CREATE TABLE lead_delivery (lead_seq INTEGER NOT NULL,"
            " delivery_id INTEGER NOT NULL, state VARCHAR NOT NULL,"
            " PRIMARY KEY (lead_seq, delivery_id)) WITHOUT ROWID"
        )
        conn.execute(
            "INSERT INTO lead_delivery SELECT e.value ->> 0, d.id, e.value ->> 1"
            " FROM delivery AS d, json_each(d.leads) AS e"
        )
        conn.execute("ALTER TABLE delivery DROP COLUMN leads")
        conn.execute("ALTER TABLE lead DROP COLUMN last_delivery")
        conn.execute("PRAGMA user_version = 0")


def test_an_old_file_keeps_each_leads_deliveries(
    tmp_path: Path, clients_file: Path
) -> None:
    database = tmp_path / "old.db"
    settings = load_settings(database=database, clients_file=clients_file)
    app = create_app(settings)
    with TestClient(app) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        lead_id = dealer.seed(3, seed=8)[0]
        first = dealer.get_leads(limit=100)
        update = {"catPrequalificationStatus": True}
        http.post(f"/_mockcat/leads/{lead_id}/caterpillar-update", json=update)
        second = dealer.get_leads(limit=100)
    app.state.store.close()
    _as_before_packed_deliveries(database)

    app = create_app(settings)
    with TestClient(app) as http:
        events = http.get(f"/_mockcat/leads/{lead_id}/timeline").json()["events"]
    app.state.store.close()

    delivered = [e for e in events if e["kind"] == "delivered"]
    assert [e["requestId"] for e in delivered] == [
        first.headers["x-request-id"],
        second.headers["x-request-id"],
    ]
    assert [e["details"]["leadState"] for e in delivered] == ["NEW", "UPDATED"]
