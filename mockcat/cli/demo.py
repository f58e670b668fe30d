"""``mockcat demo``: the simulator, demo leads and a scripted dealer client.

The server runs in the main thread (uvicorn turns Ctrl-C into a clean
shutdown); the dealer client runs in a thread beside it and stops with it.
"""

from __future__ import annotations

import signal
import tempfile
import threading
import webbrowser
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
import uvicorn
from pydantic import SecretStr

from mockcat.api.main import create_app
from mockcat.cli.health import local_url
from mockcat.cli.serve import settings_or_exit
from mockcat.core.config import ClientConfig, Settings
from mockcat.core.logging import configure_logging, logging_config
from mockcat.services.bootstrap import prepare
from mockcat.services.demo_client import DealerScript, DemoAccount
from mockcat.services.seeding import seed_leads
from mockcat.store import Store

DEMO_CLIENT_ID = "demo-crm"
DEMO_CLIENT_SECRET = "demo-crm-secret"


def _say(text: str) -> None:
    stamp = datetime.now().strftime("%H:%M:%S")
    typer.echo(f"{stamp}  {text}")


def _prepare_data(
    settings: Settings, dealer: str, leads: int, seed: int | None
) -> None:
    store = Store(settings.database)
    try:
        prepare(settings, store)
        if leads:
            # Recent creation dates, so the leads look like this week's feed.
            end = store.clock.now()
            seed_leads(
                store,
                dealer_code=dealer,
                count=leads,
                seed=seed,
                start=end - timedelta(days=3),
                end=end,
            )
    finally:
        store.close()


def _banner(settings: Settings, dealer: str, pace: float) -> None:
    base = local_url(settings)
    typer.echo("mockcat demo")
    typer.echo(f"  dashboard:  {base}/_mockcat/ui/")
    typer.echo(f"  Lead API:   {base}/marketing/ecrm/leadManagement/v2/leads")
    typer.echo(
        f"  dealer {dealer} client: client_id={DEMO_CLIENT_ID} "
        f"client_secret={DEMO_CLIENT_SECRET}"
    )
    if settings.admin_token is not None:
        typer.echo("  the dashboard asks for the admin token (MOCKCAT_ADMIN_TOKEN)")
    typer.echo(f"  one step every {pace:g} s; Ctrl-C stops the demo")
    typer.echo("")


def demo(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    pace: Annotated[
        float,
        typer.Option(min=0.0, max=60.0, help="Seconds between the client's steps."),
    ] = 1.5,
    leads: Annotated[
        int, typer.Option(min=0, max=10_000, help="Leads to start with.")
    ] = 12,
    dealer: Annotated[str, typer.Option(help="The demo dealer's code.")] = "B330",
    seed: Annotated[
        int | None, typer.Option(help="Random seed: the same demo every time.")
    ] = None,
    duration: Annotated[
        float | None,
        typer.Option(min=0.1, help="Stop by itself after this many seconds."),
    ] = None,
    database: Annotated[
        Path | None,
        typer.Option(help="SQLite file to keep. [default: a temporary one]"),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the dashboard in a browser.")
    ] = False,
) -> None:
    """Show a lead's life: a simulator with demo leads and a dealer client at work."""
    with tempfile.TemporaryDirectory(prefix="mockcat-demo-") as folder:
        path = database or Path(folder) / "demo.db"
        client = ClientConfig(
            client_id=DEMO_CLIENT_ID,
            client_secret=SecretStr(DEMO_CLIENT_SECRET),
            dealer_code=dealer,
            name=f"Demo CRM of dealer {dealer}",
        )
        settings = settings_or_exit(
            host=host, port=port, database=path, clients=[client], log_level="warning"
        )
        _run(settings, dealer, pace, leads, seed, duration, open_browser)


def _run(
    settings: Settings,
    dealer: str,
    pace: float,
    leads: int,
    seed: int | None,
    duration: float | None,
    open_browser: bool,
) -> None:
    configure_logging(settings.log_level)
    _prepare_data(settings, dealer, leads, seed)
    stop = threading.Event()
    server = _DemoServer(
        stop,
        uvicorn.Config(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_config=logging_config(settings.log_level),
            access_log=False,
            server_header=False,
        ),
    )
    admin = settings.admin_token
    account = DemoAccount(
        base_url=local_url(settings),
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        dealer_code=dealer,
        admin_token=None if admin is None else admin.get_secret_value(),
    )
    script = DealerScript(account, pace=pace, stop=stop, say=_say, seed=seed)
    worker = threading.Thread(target=script.run, name="demo-dealer", daemon=True)
    timer = None
    if duration is not None:
        timer = threading.Timer(duration, _stop_server, args=(server,))
        timer.daemon = True
    _banner(settings, dealer, pace)
    worker.start()
    if timer is not None:
        timer.start()
    if open_browser:
        webbrowser.open(f"{local_url(settings)}/_mockcat/ui/")
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal
    # again for the handler it found; with these, that ends the demo normally.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        server.run()
    except (KeyboardInterrupt, _Interrupted):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        if timer is not None:
            timer.cancel()
        worker.join(timeout=20)
    if not server.started:
        raise typer.Exit(1)
    _say("demo stopped")


class _Interrupted(Exception):
    """SIGTERM, once the server has stopped."""


def _interrupted(sig: int, frame: FrameType | None) -> None:
    raise _Interrupted()


class _DemoServer(uvicorn.Server):
    """A uvicorn server that tells the dealer client first when it stops."""

    def __init__(self, stop: threading.Event, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.stop = stop

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.stop.set()
        super().handle_exit(sig, frame)


def _stop_server(server: _DemoServer) -> None:
    server.stop.set()
    server.should_exit = True


def register(app: typer.Typer) -> None:
    app.command()(demo)
