"""``mockcat clients``: add, disable, enable and remove clients at run time."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit, table

app = typer.Typer(help="OAuth clients and their dealers, while the server runs.")

ClientId = Annotated[str, typer.Argument(help="The client's id.")]


def _show(clients: list[dict[str, Any]]) -> Any:
    def show(console: Console) -> None:
        rows = [
            (
                c["clientId"],
                c["dealer"],
                "yes" if c["enabled"] else "no",
                " ".join(c["scopes"]),
                c["source"],
                c["name"],
            )
            for c in clients
        ]
        columns = ("client", "dealer", "enabled", "scopes", "source", "name")
        console.print(table("Clients", columns, rows))

    return show


@app.command("list")
def list_clients(url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """List the clients (never their secrets)."""
    clients = Remote(url).call("GET", "/clients")
    emit(clients, as_json, _show(clients["data"]))


@app.command("add")
def add(
    client_id: ClientId,
    dealer: Annotated[str, typer.Option(help="The dealer's code; new is fine.")],
    secret: Annotated[
        str,
        typer.Option(
            envvar="MOCKCAT_CLIENT_SECRET",
            prompt=True,
            hide_input=True,
            help="The client's secret (or MOCKCAT_CLIENT_SECRET).",
        ),
    ],
    name: Annotated[str, typer.Option(help="A label.")] = "",
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Add a client (or replace the one with that id)."""
    body = {"clientId": client_id, "clientSecret": secret, "dealer": dealer}
    added = Remote(url).call("POST", "/clients", body={**body, "name": name})
    emit(added, as_json, _show([added]))


def _set_enabled(client_id: str, enabled: bool, url: str, as_json: bool) -> None:
    changed = Remote(url).call(
        "PATCH", f"/clients/{client_id}", body={"enabled": enabled}
    )
    emit(changed, as_json, _show([changed]))


@app.command("enable")
def enable(
    client_id: ClientId, url: UrlOption = DEFAULT_URL, as_json: JsonOption = False
) -> None:
    """Let a client get tokens and call the API again."""
    _set_enabled(client_id, True, url, as_json)


@app.command("disable")
def disable(
    client_id: ClientId, url: UrlOption = DEFAULT_URL, as_json: JsonOption = False
) -> None:
    """Refuse a client's tokens (403) and new tokens (401)."""
    _set_enabled(client_id, False, url, as_json)


@app.command("remove")
def remove(client_id: ClientId, url: UrlOption = DEFAULT_URL) -> None:
    """Remove a client; its tokens stop working."""
    Remote(url).call("DELETE", f"/clients/{client_id}")
    typer.echo(f"removed client {client_id}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="clients")
