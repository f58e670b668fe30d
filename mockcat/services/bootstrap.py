"""What a start does before serving: schema, signing key, clients, demo data."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from mockcat.core.config import ClientConfig, SettingError, Settings
from mockcat.store import Store

logger = logging.getLogger("mockcat.bootstrap")

DEMO_CLIENT_ID = "mockcat-demo"
DEMO_CLIENT_SECRET = "mockcat-demo-secret"
DEMO_DEALER_CODE = "B330"

_clients_adapter = TypeAdapter(list[ClientConfig])


@dataclass(frozen=True, slots=True)
class DemoClient:
    client_id: str
    client_secret: str
    dealer_code: str


def read_clients_file(path: Path) -> list[ClientConfig]:
    """Clients from a JSON file: ``{"clients": [...]}`` or a bare list."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingError("clients_file", str(path), str(exc)) from None
    if isinstance(data, dict):
        data = data.get("clients")
    try:
        return _clients_adapter.validate_python(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        reason = f"clients[{where}]: {error['msg']}"
        raise SettingError("clients_file", str(path), reason) from None


def configured_clients(settings: Settings) -> list[tuple[ClientConfig, str]]:
    """The clients of the clients file and of MOCKCAT_CLIENTS, with their source."""
    found = [(client, "env") for client in settings.clients]
    if settings.clients_file is not None:
        found += [(c, "file") for c in read_clients_file(settings.clients_file)]
    return found


def prepare(settings: Settings, store: Store) -> DemoClient | None:
    """Make the store ready to serve; returns the demo client if one is in use.

    Safe to run in several processes at once, and again on every start.
    """
    store.create_schema()
    store.keys.signing_key(store.clock.now_us())
    clients = configured_clients(settings)
    for client, source in clients:
        store.clients.put(
            client_id=client.client_id,
            secret=client.client_secret.get_secret_value(),
            dealer_code=client.dealer_code,
            name=client.name,
            enabled=client.enabled,
            scopes=client.scopes,
            validation_profile=client.validation_profile,
            source=source,
        )
    if clients:
        store.clients.remove_source("demo")
        return None
    store.clients.put(
        client_id=DEMO_CLIENT_ID,
        secret=DEMO_CLIENT_SECRET,
        dealer_code=DEMO_DEALER_CODE,
        name="mockcat demo dealer",
        source="demo",
    )
    return DemoClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_DEALER_CODE)
