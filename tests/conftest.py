"""Shared fixtures: a fresh app and database per test, and a dealer's client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import Settings, load_settings
from tests.utils.dealers import DealerClient, write_clients_file


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MOCKCAT_* variable of the machine leaks into a test."""
    import os

    for name in list(os.environ):
        if name.startswith("MOCKCAT_"):
            monkeypatch.delenv(name)


@pytest.fixture
def clients_file(tmp_path: Path) -> Path:
    return write_clients_file(tmp_path / "clients.json")


@pytest.fixture
def settings(tmp_path: Path, clients_file: Path) -> Settings:
    return load_settings(database=tmp_path / "mockcat.db", clients_file=clients_file)


@pytest.fixture
def http(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    app.state.store.close()


@pytest.fixture
def dealer(http: TestClient) -> DealerClient:
    """Dealer B330's client, with a token."""
    return DealerClient(http, "b330-crm", "b330-secret", "B330")


@pytest.fixture
def other_dealer(http: TestClient) -> DealerClient:
    return DealerClient(http, "k100-crm", "k100-secret", "K100")
