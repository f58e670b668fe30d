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
