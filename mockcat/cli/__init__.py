"""The ``mockcat`` command."""

from __future__ import annotations

import typer

from mockcat.cli import (
    clients,
    clock,
    demo,
    fault,
    feed,
    health,
    journal,
    lead,
    seed,
    serve,
)

app = typer.Typer(
    name="mockcat",
    help="A local simulator of Caterpillar's Lead API v2.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
serve.register(app)
health.register(app)
seed.register(app)
demo.register(app)
lead.register(app)
feed.register(app)
fault.register(app)
clock.register(app)
journal.register(app)
clients.register(app)


def main() -> None:
    app()
