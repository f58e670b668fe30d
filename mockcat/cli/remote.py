"""What the control commands share: a client of a running simulator, and output.

Each command talks to the server at ``--url`` (or MOCKCAT_URL) with the admin
token from MOCKCAT_ADMIN_TOKEN, and prints a table, or the server's JSON with
``--json`` for scripts.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.table import Table

from mockcat.core.config import ENV_PREFIX

DEFAULT_URL = "http://127.0.0.1:8000"
PREFIX = "/_mockcat"
TIMEOUT = 60.0
# Exit codes: the server refused the input (2), or could not be reached or failed (1).
REFUSED, FAILED = 2, 1
PIPED_WIDTH = 200

UrlOption = Annotated[
    str,
    typer.Option(
        "--url", envvar=f"{ENV_PREFIX}URL", help="Base URL of the running simulator."
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the server's JSON answer, for scripts.")
]


def _problem(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:500]
    if not isinstance(body, dict):
        return str(body)[:500]
    lines = [str(body.get("message", body))]
    for error in body.get("errors") or []:
        where = error.get("location") or _lead_place(error)
        lines.append(f"  {where}: {error.get('message')}")
    return "\n".join(lines)


def _lead_place(error: dict[str, Any]) -> str:
    parts = [
        f"[{error['index']}]" if "index" in error else "",
        error.get("field") or "",
    ]
    return "".join(p for p in parts if p) or "request"


class Remote:
    """A running simulator's control plane."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        token = os.environ.get(f"{ENV_PREFIX}ADMIN_TOKEN")
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
    ) -> Any:
        """The JSON answer of a control route, or a clear message and an exit."""
        target = f"{self.url}{PREFIX}{path}"
        given = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = httpx.request(
                method,
                target,
                json=body,
                params=given,
                headers=self.headers,
                timeout=TIMEOUT,
            )
        except httpx.HTTPError as exc:
            typer.echo(f"mockcat: can't reach {self.url}: {exc}", err=True)
            raise typer.Exit(FAILED) from None
        if response.is_success:
            return response.json() if response.content else None
        typer.echo(
            f"mockcat: {method} {target} answered {response.status_code}:\n"
            f"{_problem(response)}",
            err=True,
        )
        raise typer.Exit(REFUSED if response.status_code < 500 else FAILED)


def emit(data: Any, as_json: bool, show: Callable[[Console], None]) -> None:
    """The JSON for scripts, or the readable form."""
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    # Piped into a file or a CI log, rows stay whole instead of wrapping at 80.
    width = None if sys.stdout.isatty() else PIPED_WIDTH
    show(Console(highlight=False, width=width))


def table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> Table:
    grid = Table(title=title, title_justify="left")
    for column in columns:
        grid.add_column(column)
    for row in rows:
        grid.add_row(*("" if cell is None else str(cell) for cell in row))
    return grid
