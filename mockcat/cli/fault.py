"""``mockcat fault``: make requests to a running simulator fail on purpose."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit, table

app = typer.Typer(help="Fault rules: fail, delay or drop matching requests.")


def _body(raw: str | None) -> Any:
    """JSON if it parses as JSON, else the text as it is."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _headers(raw: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for item in raw:
        name, colon, value = item.partition(":")
        if not colon or not name.strip():
            raise typer.BadParameter(
                f"{item!r}: expected Name: value", param_hint="--header"
            )
        headers[name.strip()] = value.strip()
    return headers


def _describe(rule: dict[str, Any]) -> str:
    if rule["drop"]:
        action = "drop the connection"
    elif rule["status"] is not None:
        action = f"answer {rule['status']}"
    else:
        action = "pass"
    if rule["delayMs"]:
        action = f"wait {rule['delayMs']} ms, {action}"
    return f"{action} ({rule['when']})"


def _how_often(rule: dict[str, Any]) -> str:
    parts = []
    if rule["times"] is not None:
        parts.append(f"{rule['remaining']} of {rule['times']} left")
    if rule["probability"] is not None:
        parts.append(f"p={rule['probability']}")
    return ", ".join(parts) or "always"


def _show(rules: list[dict[str, Any]]) -> Any:
    def show(console: Console) -> None:
        rows = [
            (r["id"], r["method"], r["path"], _describe(r), _how_often(r), r["hits"])
            for r in rules
        ]
        columns = ("id", "method", "path", "does", "how often", "hits")
        console.print(table("Fault rules", columns, rows))

    return show


@app.command("add")
def add(
    path: Annotated[str, typer.Option(help="Path, or pattern with * wildcards.")],
    method: Annotated[str, typer.Option(help="GET, POST, ... or *.")] = "*",
    status: Annotated[int | None, typer.Option(help="Answer this status.")] = None,
    body: Annotated[
        str | None, typer.Option(help="Answer's body: JSON, or plain text.")
    ] = None,
    header: Annotated[
        list[str] | None, typer.Option(help="Answer header 'Name: value'; repeatable.")
    ] = None,
    delay_ms: Annotated[int, typer.Option(help="Wait this long first.")] = 0,
    drop: Annotated[bool, typer.Option(help="Cut the connection.")] = False,
    when: Annotated[
        str, typer.Option(help="before: the API never sees it; after: it does.")
    ] = "before",
    times: Annotated[int | None, typer.Option(help="Only the next N matches.")] = None,
    probability: Annotated[
        float | None, typer.Option(help="Fire on this share of matches (0-1].")
    ] = None,
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Add a rule, e.g. --path /as/token.oauth2 --status 503 --times 3."""
    rule = {
        "method": method,
        "path": path,
        "status": status,
        "body": _body(body),
        "headers": _headers(header or []),
        "delayMs": delay_ms,
        "drop": drop,
        "when": when,
        "times": times,
        "probability": probability,
    }
    added = Remote(url).call("POST", "/faults", body=rule)
    emit(added, as_json, _show([added]))


@app.command("list")
def list_rules(url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """List the rules, with how often each has fired."""
    rules = Remote(url).call("GET", "/faults")
    emit(rules, as_json, _show(rules["data"]))


@app.command("remove")
def remove(
    rule_id: Annotated[int, typer.Argument(help="The rule's id.")],
    url: UrlOption = DEFAULT_URL,
) -> None:
    """Remove one rule."""
    Remote(url).call("DELETE", f"/faults/{rule_id}")
    typer.echo(f"removed fault rule {rule_id}")


@app.command("clear")
def clear(url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Remove every rule."""
    result = Remote(url).call("DELETE", "/faults")
    emit(result, as_json, lambda c: c.print(f"removed {result['removed']} rule(s)"))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="fault")
