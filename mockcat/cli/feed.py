"""``mockcat feed``: start, stop and watch a dealer's live feed."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit, table

app = typer.Typer(help="Live feeds: new leads and Caterpillar updates at set rates.")


def _show(feeds: list[dict[str, Any]], producer: str | None) -> Any:
    def show(console: Console) -> None:
        rows = [
            (
                f["dealer"],
                f["leadsPerMinute"],
                f["updatesPerMinute"],
                f["leadsMade"],
                f["updatesMade"],
                f["startedAt"],
            )
            for f in feeds
        ]
        columns = ("dealer", "leads/min", "updates/min", "leads", "updates", "since")
        console.print(table("Feeds", columns, rows))
        if producer:
            console.print(f"produced by worker {producer}")

    return show


@app.command("start")
def start(
    dealer: Annotated[str, typer.Option(help="The dealer's code.")],
    leads_per_minute: Annotated[float, typer.Option(help="New leads a minute.")] = 0,
    updates_per_minute: Annotated[
        float, typer.Option(help="Caterpillar updates a minute.")
    ] = 0,
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
    business_unit: Annotated[
        str | None, typer.Option(help="Only this business unit.")
    ] = None,
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Start a dealer's feed, or change its rates."""
    body = {
        "dealer": dealer,
        "leadsPerMinute": leads_per_minute,
        "updatesPerMinute": updates_per_minute,
        "country": country,
        "businessUnit": business_unit,
    }
    feed = Remote(url).call("POST", "/feed", body=body)
    emit(feed, as_json, _show([feed], None))


@app.command("stop")
def stop(
    dealer: Annotated[str, typer.Argument(help="The dealer's code.")],
    url: UrlOption = DEFAULT_URL,
) -> None:
    """Stop a dealer's feed."""
    Remote(url).call("DELETE", f"/feed/{dealer}")
    typer.echo(f"stopped the feed of dealer {dealer}")


@app.command("status")
def status(url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """The running feeds and what they have made."""
    feeds = Remote(url).call("GET", "/feed")
    emit(feeds, as_json, _show(feeds["data"], feeds["producer"]))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="feed")
