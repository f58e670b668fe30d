"""``mockcat journal``: the recent requests, or one lead's timeline."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit, table


def _requests(page: dict[str, Any]) -> Any:
    def show(console: Console) -> None:
        rows = [
            (
                e["at"],
                e["method"],
                e["path"] + (f"?{e['query']}" if e["query"] else ""),
                e["status"] or "dropped",
                e["clientId"],
                f"{e['durationMs']:.1f}",
                e["requestId"],
            )
            for e in page["data"]
        ]
        columns = ("at", "method", "path", "status", "client", "ms", "request id")
        title = f"Journal: {len(rows)} of {page['count']}, newest first"
        console.print(table(title, columns, rows))
        for entry in page["data"]:
            for error in entry["errors"] or []:
                console.print(f"  {entry['requestId']}: {error}")

    return show


def _timeline(timeline: dict[str, Any]) -> Any:
    def show(console: Console) -> None:
        rows = [
            (e["at"], e["kind"], e["summary"], e["requestId"], e["clientId"])
            for e in timeline["events"]
        ]
        columns = ("at", "event", "summary", "request id", "client")
        console.print(table(f"Lead {timeline['leadId']}", columns, rows))

    return show


def journal(
    method: Annotated[str | None, typer.Option(help="Only this method.")] = None,
    path: Annotated[str | None, typer.Option(help="Paths starting so.")] = None,
    status: Annotated[
        str | None, typer.Option(help="A status (404) or a class (5xx).")
    ] = None,
    client: Annotated[str | None, typer.Option(help="Only this client id.")] = None,
    since: Annotated[
        str | None, typer.Option(help="From this ISO 8601 time on.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    lead: Annotated[
        str | None, typer.Option(help="Show this lead's timeline instead.")
    ] = None,
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Show the recent requests (newest first), or a lead's timeline."""
    remote = Remote(url)
    if lead is not None:
        found = remote.call("GET", f"/leads/{lead}/timeline")
        emit(found, as_json, _timeline(found))
        return
    params = {
        "method": method,
        "path": path,
        "status": status,
        "client": client,
        "since": since,
        "limit": limit,
    }
    page = remote.call("GET", "/journal", params=params)
    emit(page, as_json, _requests(page))


def register(root: typer.Typer) -> None:
    root.command()(journal)
