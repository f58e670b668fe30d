"""``mockcat update`` and ``mockcat reset``: Caterpillar's side, and a clean slate."""

from __future__ import annotations

from typing import Annotated

import typer

from mockcat.cli.remote import DEFAULT_URL, JsonOption, Remote, UrlOption, emit


def update(
    lead_id: Annotated[str, typer.Argument(help="The lead's leadId.")],
    prequalified: Annotated[
        bool,
        typer.Option(
            "--prequalified/--not-prequalified",
            help="The new catPrequalificationStatus.",
        ),
    ],
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Change a lead as Caterpillar does: a SENT lead becomes UPDATED."""
    body = {"catPrequalificationStatus": prequalified}
    lead = Remote(url).call("POST", f"/leads/{lead_id}/caterpillar-update", body=body)
    emit(
        lead,
        as_json,
        lambda console: console.print(
            f"lead {lead['leadId']}: catPrequalificationStatus="
            f"{str(prequalified).lower()}, leadState {lead['leadState']}"
        ),
    )


def reset(
    reseed_dealer: Annotated[
        str | None, typer.Option(help="Seed this dealer again afterwards.")
    ] = None,
    count: Annotated[int, typer.Option(help="How many leads to reseed.")] = 100,
    seed: Annotated[int | None, typer.Option(help="Random seed of the reseed.")] = None,
    url: UrlOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Empty leads, updates, journal, faults, feeds and clock; keep the clients."""
    reseed = None
    if reseed_dealer is not None:
        reseed = {"dealer": reseed_dealer, "count": count, "seed": seed}
    result = Remote(url).call("POST", "/reset", body={"reseed": reseed})
    emit(
        result,
        as_json,
        lambda console: console.print(f"reset; {result['seeded']} lead(s) seeded"),
    )


def register(root: typer.Typer) -> None:
    root.command()(update)
    root.command()(reset)
