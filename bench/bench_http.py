"""A historic page of 100 stored leads, against the reference app.

Target: at least 0.6 of the pages per second the reference serves, measured in the
same run with the same bytes and the same load generator.

    python bench/bench_http.py [WORKDIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    Figure,
    Load,
    deliver_all,
    describe,
    historic_url,
    mockcat_server,
    note,
    reference_server,
    report,
    seed_database,
    token,
    workdir_from_args,
    wrk,
)

STORED = 1_000
SECONDS = 6
TARGET = 0.6


def mockcat_historic(workdir: Path) -> tuple[Load, Path]:
    """Load the historic route; returns the load and the page it served."""
    database = workdir / "http-1k.db"
    if not database.exists():
        seed_database(database, STORED)
        deliver_all(database)
    page_file = workdir / "page.json"
    with mockcat_server(database, workdir) as server:
        bearer = token(server.url)
        url = historic_url(server.url)
        page = httpx.get(url, headers={"Authorization": f"Bearer {bearer}"})
        page.raise_for_status()
        assert len(page.json()) == 100, "the historic page must hold 100 leads"
        page_file.write_bytes(page.content)
        wrk(url, seconds=1, server_pid=server.pid, token=bearer)  # warm-up
        load = wrk(url, seconds=SECONDS, server_pid=server.pid, token=bearer)
    return load, page_file


def reference(page_file: Path, workdir: Path) -> Load:
    with reference_server(page_file, workdir) as server:
        url = server.url + "/leads"
        wrk(url, seconds=1, server_pid=server.pid)
        return wrk(url, seconds=SECONDS, server_pid=server.pid)


def main() -> None:
    workdir = workdir_from_args("http")
    print("historic page of 100 stored leads vs the reference app", flush=True)
    ours, page_file = mockcat_historic(workdir)
    note(f"page: {page_file.stat().st_size:,} bytes")
    note(f"mockcat historic: {describe(ours)}")
    ref = reference(page_file, workdir)
    note(f"reference app:    {describe(ref)}")
    ratio = ours.requests_per_s / ref.requests_per_s
    report(
        Figure(
            name="historic page of 100 leads",
            measured=ours.requests_per_s,
            unit="pages/s",
            target=f">= {TARGET} of the reference",
            passed=ratio >= TARGET and ours.errors == 0,
            reference=f"{ref.requests_per_s:,.0f} pages/s, wrk at {ref.client_cpu:.0%}"
            " of its core",
            ratio=ratio,
        )
    )


if __name__ == "__main__":
    main()
