"""``mockcat seed``: fake leads for a dealer, into a database file or a server.

Without ``--url`` the leads go straight into the SQLite file (the fast path, with a
progress bar); with ``--url`` a running simulator seeds them (POST /_mockcat/seed).
Both give the same leads for the same dealer, seed and date range.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from mockcat.core.config import ENV_PREFIX

# Below this many leads a seed takes well under a second: no bar to look at.
PROGRESS_FROM = 10_000
SEED_PATH = "/_mockcat/seed"
BAD_OPTIONS = 2


class BadOption(Exception):
    """An option value the command can't work with; exits 2 with the message."""


# The generator names its arguments; the user typed these options.
_OPTION_OF = {
    "dealer_code": "--dealer",
    "count": "--count",
    "country": "--country",
    "business_unit": "--business-unit",
    "start": "--from",
    "end": "--to",
}


def option_error(exc: ValueError) -> BadOption:
    """The generator's complaint, worded with the option's name."""
    text = str(exc)
    if text == "start must not be after end":
        return BadOption("--from is after --to (by default now on the simulator clock)")
    first, _, rest = text.partition(" ")
    return BadOption(f"{_OPTION_OF[first]} {rest}" if first in _OPTION_OF else text)


@dataclass(frozen=True, slots=True)
class SeedOptions:
    dealer: str
    count: int
    seed: int | None
    start: datetime | None
    end: datetime | None
    country: str | None
    business_unit: str | None
    messy: bool


def parse_moment(option: str, raw: str | None, *, end_of_day: bool) -> datetime | None:
    """A date or date-time option as an aware datetime (UTC when none is given).

    A bare date means the whole day: its start for --from, its last second for --to,
    so ``--from 2024-05-01 --to 2024-05-31`` covers all of May.
    """
    if raw is None:
        return None
    text = raw.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            clock = day_time(23, 59, 59) if end_of_day else day_time(0, 0, 0)
            return datetime.combine(day, clock, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadOption(
            f"{option} {raw!r}: expected a date (YYYY-MM-DD) or a date-time "
            "(YYYY-MM-DDTHH:MM[:SS][+HH:MM])"
        ) from None
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)


def check_range(start: datetime | None, end: datetime | None) -> None:
    if start is not None and end is not None and start > end:
        raise BadOption(f"--from {start.isoformat()} is after --to {end.isoformat()}")


def default_database() -> Path:
    return Path(os.environ.get(f"{ENV_PREFIX}DATABASE") or "mockcat.db")


def seed_database(options: SeedOptions, database: Path, console: Console) -> int:
    """Write the leads into the file; returns how many were stored."""
    # Imported here so that ``--url`` and ``--help`` stay quick to start.
    from mockcat.services.seeding import seed_leads
    from mockcat.store import Store
    from mockcat.store.leads import DuplicateLead

    if not database.resolve().parent.is_dir():
        raise BadOption(f"--database {database}: its folder does not exist")
    store = Store(database)
    try:
        store.create_schema()
        with _progress(console, options.count) as progress:
            task = progress.add_task(f"dealer {options.dealer}", total=options.count)
            lead_ids = seed_leads(
                store,
                dealer_code=options.dealer,
                count=options.count,
                seed=options.seed,
                start=options.start,
                end=options.end,
                country=options.country,
                business_unit=options.business_unit,
                messy=options.messy,
                progress=lambda done: progress.advance(task, done),
            )
    except ValueError as exc:
        raise option_error(exc) from None
    except DuplicateLead as exc:
        raise BadOption(f"nothing seeded: {exc} (same dealer and seed?)") from None
    finally:
        store.close()
    return len(lead_ids)


def _progress(console: Console, count: int) -> Progress:
    return Progress(
        TextColumn("seeding {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=count < PROGRESS_FROM,
    )


def seed_server(options: SeedOptions, url: str, admin_token: str | None) -> int:
    """Ask a running simulator to seed; returns how many it stored."""
    body: dict[str, Any] = {
        "dealer": options.dealer,
        "count": options.count,
        "seed": options.seed,
        "country": options.country,
        "business_unit": options.business_unit,
        "created_from": options.start.isoformat() if options.start else None,
        "created_to": options.end.isoformat() if options.end else None,
        "messy": options.messy,
    }
    headers = {"Authorization": f"Bearer {admin_token}"} if admin_token else {}
    # The server seeds in one request: allow it the time a large count takes.
    timeout = 30.0 + options.count / 5_000
    target = url.rstrip("/") + SEED_PATH
    try:
        response = httpx.post(
            target,
            json={k: v for k, v in body.items() if v is not None},
            headers=headers,
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        typer.echo(f"mockcat seed: {target}: {exc}", err=True)
        raise typer.Exit(1) from None
    if response.status_code in (400, 409, 422):
        raise BadOption(f"the server refused the options: {_reason(response)}")
    if response.status_code != 201:
        typer.echo(
            f"mockcat seed: {target} answered {response.status_code}: "
            f"{_reason(response)}",
            err=True,
        )
        raise typer.Exit(1)
    return int(response.json()["count"])


def _reason(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(data, dict) and "message" in data:
        return str(data["message"])
    return str(data)[:500]


def seed(
    dealer: Annotated[str, typer.Option(help="The dealer's catDealerCode, e.g. B330.")],
    count: Annotated[int, typer.Option(help="How many leads.", min=1)] = 100,
    seed: Annotated[
        int | None,
        typer.Option(help="Random seed: same seed, same leads.", show_default="random"),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Earliest dateCreated: a date or date-time (UTC if no offset).",
            show_default="30 days before --to",
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            help="Latest dateCreated, a date meaning its whole day.",
            show_default="now on the simulator's clock",
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Only this ISO country code, e.g. US.")
    ] = None,
    business_unit: Annotated[
        str | None, typer.Option(help="Only this business unit (the guide's names).")
    ] = None,
    messy: Annotated[
        bool, typer.Option(help="Mix in the off-list spellings of the guide's samples.")
    ] = False,
    url: Annotated[
        str | None,
        typer.Option(help="Seed a running simulator at this base URL instead."),
    ] = None,
    database: Annotated[
        Path | None,
        typer.Option(
            help="SQLite file to write.",
            show_default="MOCKCAT_DATABASE or ./mockcat.db",
        ),
    ] = None,
    admin_token: Annotated[
        str | None,
        typer.Option(
            envvar=f"{ENV_PREFIX}ADMIN_TOKEN",
            help="The server's admin token, for --url.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add N fake leads (state NEW) for a dealer, spread over a date range."""
    console = Console(stderr=True)
    try:
        if url is not None and database is not None:
            raise BadOption("give either --url or --database, not both")
        start = parse_moment("--from", from_, end_of_day=False)
        end = parse_moment("--to", to, end_of_day=True)
        check_range(start, end)
        options = SeedOptions(
            dealer, count, seed, start, end, country, business_unit, messy
        )
        began = time.perf_counter()
        if url is None:
            target = str(database or default_database())
            stored = seed_database(options, Path(target), console)
        else:
            target = url
            stored = seed_server(options, url, admin_token)
    except BadOption as exc:
        typer.echo(f"mockcat seed: {exc}", err=True)
        raise typer.Exit(BAD_OPTIONS) from None
    took = time.perf_counter() - began
    typer.echo(
        f"seeded {stored} leads for dealer {dealer} into {target} in {took:.1f}s"
    )


def register(app: typer.Typer) -> None:
    app.command()(seed)
