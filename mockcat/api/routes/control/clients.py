"""OAuth clients and their dealers, added and removed while the server runs."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import Field, SecretStr, field_validator
from starlette.responses import Response

from mockcat.api.deps import StoreDep
from mockcat.api.routes.control.common import ControlModel
from mockcat.core.config import ValidationProfile
from mockcat.core.errors import NotFound
from mockcat.store.clients import Client

router = APIRouter(tags=["Simulator: clients"])


class ClientCreate(ControlModel):
    """A dealer's OAuth client; a new dealer code makes a new dealer."""

    client_id: str = Field(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")
    client_secret: SecretStr = Field(min_length=1, max_length=500)
    dealer: str = Field(min_length=1, max_length=255, examples=["B330"])
    name: str = Field(default="", max_length=200)
    enabled: bool = True
    scopes: list[str] = Field(default_factory=lambda: ["manage:all"], max_length=20)
    validation_profile: ValidationProfile | None = None

    @field_validator("scopes")
    @classmethod
    def _scopes(cls, value: list[str]) -> list[str]:
        if any(not scope or not scope.isprintable() or " " in scope for scope in value):
            raise ValueError("each scope is one word, e.g. manage:all")
        return value


class ClientChange(ControlModel):
    enabled: bool


class ClientPublic(ControlModel):
    client_id: str
    dealer: str
    name: str
    enabled: bool
    scopes: list[str]
    validation_profile: str | None
    source: str = Field(description="file, env, demo, or api (added here).")


class ClientList(ControlModel):
    data: list[ClientPublic]
    count: int


def _public(client: Client) -> ClientPublic:
    return ClientPublic(
        client_id=client.client_id,
        dealer=client.dealer_code,
        name=client.name,
        enabled=client.enabled,
        scopes=client.scopes.split(),
        validation_profile=client.validation_profile,
        source=client.source,
    )


@router.get("/clients")
async def list_clients(store: StoreDep) -> ClientList:
    """Every client and its dealer; secrets are never shown."""
    clients = [_public(c) for c in store.clients.all()]
    return ClientList(data=clients, count=len(clients))


@router.post("/clients", status_code=201)
async def add_client(
    client: ClientCreate, store: StoreDep, response: Response
) -> ClientPublic:
    """Add a client, or replace the one with the same id (then 200)."""
    existed = store.clients.get(client.client_id) is not None
    added = store.clients.put(
        client_id=client.client_id,
        secret=client.client_secret.get_secret_value(),
        dealer_code=client.dealer,
        name=client.name,
        enabled=client.enabled,
        scopes=client.scopes,
        validation_profile=client.validation_profile,
        source="api",
    )
    if existed:
        response.status_code = 200
    return _public(added)


@router.patch("/clients/{client_id}")
async def change_client(
    client_id: str, change: ClientChange, store: StoreDep
) -> ClientPublic:
    """Enable or disable a client: a disabled one gets 401 and 403 answers."""
    client = store.clients.set_enabled(client_id, change.enabled)
    if client is None:
        raise NotFound(f"No client with id {client_id!r}.")
    return _public(client)


@router.delete("/clients/{client_id}", status_code=204, response_class=Response)
async def remove_client(client_id: str, store: StoreDep) -> Response:
    """Remove a client: its tokens stop working at once."""
    if not store.clients.remove(client_id):
        raise NotFound(f"No client with id {client_id!r}.")
    return Response(status_code=204)
