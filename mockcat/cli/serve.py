"""``mockcat serve``: start the simulator."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from mockcat.core.config import (
    ENV_PREFIX,
    EmptyFeed,
    SettingError,
    Settings,
    ValidationProfile,
    load_settings,
)
from mockcat.core.logging import configure_logging, logging_config
from mockcat.services.bootstrap import DemoClient, prepare
from mockcat.store import Store

logger = logging.getLogger("mockcat.serve")


def settings_or_exit(**flags: object) -> Settings:
    """Settings from the environment and the given flags, or a clear exit."""
    try:
        return load_settings(**flags)
    except SettingError as exc:
        typer.echo(f"mockcat: {exc}", err=True)
        raise typer.Exit(2) from None


def export(flags: dict[str, object]) -> None:
    """Hand the flags to worker processes, which read MOCKCAT_* variables."""
    for name, value in flags.items():
        if value is not None:
            text = value.value if hasattr(value, "value") else str(value)
            os.environ[f"{ENV_PREFIX}{name.upper()}"] = str(text)


def announce(settings: Settings, demo: DemoClient | None) -> None:
    base = f"http://{_display_host(settings.host)}:{settings.port}"
    logger.info("token URL: %s/as/token.oauth2", base)
    logger.info("leads URL: %s/marketing/ecrm/leadManagement/v2/leads", base)
    logger.info("API docs: %s/_mockcat/docs", base)
    if demo is not None:
        # The one place a secret is ever printed: the demo client's, so that a
        # first run can be tried without writing a clients file.
        logger.info(
            "no clients configured; demo client: client_id=%s client_secret=%s"
            " dealer=%s",
            demo.client_id,
            demo.client_secret,
            demo.dealer_code,
        )


def _display_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind.", show_default="127.0.0.1")
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port to listen on.", show_default="8000")
    ] = None,
    database: Annotated[
        Path | None, typer.Option(help="SQLite file.", show_default="./mockcat.db")
    ] = None,
    clients_file: Annotated[
        Path | None, typer.Option(help="JSON file of OAuth clients.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes.", show_default="1")
    ] = None,
    token_lifetime: Annotated[
        int | None, typer.Option(help="Token lifetime in seconds.", show_default="3600")
    ] = None,
    empty_feed: Annotated[
        EmptyFeed | None,
        typer.Option(
            help="Answer to an empty feed: 200 with [] or 204.", show_default="200"
        ),
    ] = None,
    validation_profile: Annotated[
        ValidationProfile | None,
        typer.Option(help="How dealer updates are checked.", show_default="strict"),
    ] = None,
    leads: Annotated[
        int | None,
        typer.Option(help="Seed this many fake leads at start.", show_default="0"),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed for --leads.")] = None,
    dealer: Annotated[
        str | None,
        typer.Option(
            help="Dealer code for --leads.", show_default="the first client's"
        ),
    ] = None,
    log_level: Annotated[
        str | None,
        typer.Option(
            help="critical, error, warning, info or debug.", show_default="info"
        ),
    ] = None,
) -> None:
    """Start the simulator.

    Every option is also read from MOCKCAT_<NAME> (MOCKCAT_PORT=9000); an option
    given here wins. More settings (admin token, body limit, journal size) are
    variables only: see the README's Configuration section.
    """
    flags: dict[str, object] = {
        "host": host,
        "port": port,
        "database": database,
        "clients_file": clients_file,
        "workers": workers,
        "token_lifetime": token_lifetime,
        "empty_feed": empty_feed,
        "validation_profile": validation_profile,
        "leads": leads,
        "seed": seed,
        "dealer": dealer,
        "log_level": log_level,
    }
    settings = settings_or_exit(**flags)
    configure_logging(settings.log_level)
    store = Store(settings.database)
    try:
        demo = prepare(settings, store)
    except SettingError as exc:
        typer.echo(f"mockcat: {exc}", err=True)
        raise typer.Exit(2) from None
    if settings.leads:
        from mockcat.services.seeding import seed_at_start

        seed_at_start(settings, store)
    store.close()
    announce(settings, demo)
    export(flags)
    # Worker processes read what was exported; --leads was done once, above.
    os.environ[f"{ENV_PREFIX}LEADS"] = "0"
    uvicorn.run(
        "mockcat.api.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_config=logging_config(settings.log_level),
        access_log=False,
        server_header=False,
    )


def register(app: typer.Typer) -> None:
    app.command()(serve)
