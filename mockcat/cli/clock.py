"""``mockcat clock``: read, advance or set a running simulator's clock."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit

app = typer.Typer(help="The simulator's clock: tokens, dates and journal follow it.")


def _show(clock: dict[str, Any]) -> Any:
    def show(console: Console) -> None:
        console.print(f"now {clock['now']} (offset {clock['offsetSeconds']:+.3f} s)")

    return show


@app.command("show")
def show(url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Print the simulator's time and its offset from the real time."""
    clock = Remote(url).call("GET", "/clock")
    emit(clock, as_json, _show(clock))


@app.command("advance")
def advance(
    seconds: Annotated[float, typer.Argument(help="Seconds; negative goes back.")],
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Move the clock, e.g. 3601 to expire every token issued so far."""
    clock = Remote(url).call("POST", "/clock/advance", body={"seconds": seconds})
    emit(clock, as_json, _show(clock))


@app.command("set")
def set_clock(
    moment: Annotated[str, typer.Argument(help="ISO 8601 with an offset.")],
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Set the clock, e.g. 2030-01-01T00:00:00Z; it runs on from there."""
    clock = Remote(url).call("PUT", "/clock", body={"now": moment})
    emit(clock, as_json, _show(clock))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="clock")
