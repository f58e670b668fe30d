"""``mockcat health``: is the simulator on the configured address up?"""

from __future__ import annotations

from typing import Annotated

import httpx
import typer

from mockcat.cli.serve import settings_or_exit
from mockcat.core.config import Settings


def local_url(settings: Settings) -> str:
    """The base URL to reach a server bound to the configured host and port."""
    host = settings.host
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "[::1]"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


def health(
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for an answer.")
    ] = 3.0,
) -> None:
    """Exit 0 if the simulator answers its health check, 1 if not.

    It asks the address that MOCKCAT_HOST and MOCKCAT_PORT configure, so a
    container's HEALTHCHECK follows the settings.
    """
    url = local_url(settings_or_exit()) + "/_mockcat/health"
    try:
        response = httpx.get(url, timeout=timeout)
    except httpx.HTTPError as exc:
        typer.echo(f"unhealthy: {url}: {exc}", err=True)
        raise typer.Exit(1) from None
    if response.status_code != 200:
        typer.echo(f"unhealthy: {url} answered {response.status_code}", err=True)
        raise typer.Exit(1)
    typer.echo(f"healthy: {url}")


def register(app: typer.Typer) -> None:
    app.command()(health)
