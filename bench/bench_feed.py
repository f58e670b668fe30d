"""Feed delivery from a million pending leads, then the server's memory.

Targets: at least 100,000 leads/s through GET leads (limit 100) with 1,000,000
pending; at most 150 MB resident after serving all of them. The reference, in
the same run, is the reference app serving a page of 100 leads (leads/s = its
pages/s x 100): the most this machine's FastAPI on uvicorn can hand out.

It drains million.db (left by bench_seed, or seeded here) in windows of wrk
load, counting what each window delivered from the database, and renames the
file million-delivered.db for bench_scale.

    python bench/bench_feed.py [WORKDIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    LEADS_PATH,
    Figure,
    Load,
    describe,
    mockcat_server,
    note,
    pending,
    reference_server,
    report,
    rss_mb,
    seed_database,
    token,
    workdir_from_args,
    wrk,
)

STORED = 1_000_000
WINDOW = 4
TARGET_RATE = 100_000
TARGET_MB = 150.0


def drain(database: Path, workdir: Path) -> tuple[list[float], float, float, Load]:
    """Per-window leads/s until nothing is pending; then RSS now and peak (MB)."""
    rates: list[float] = []
    left = pending(database)
    with mockcat_server(database, workdir) as server:
        note(f"server started: {rss_mb(server.pid)[0]:.0f} MB resident")
        url = f"{server.url}{LEADS_PATH}?limit=100"
        bearer = token(server.url)
        load = None
        while left:
            load = wrk(url, seconds=WINDOW, server_pid=server.pid, token=bearer)
            now = pending(database)
            if now:  # a window that emptied the feed also timed empty pages
                rates.append((left - now) / load.seconds)
            note(f"{left - now:,} leads in {load.seconds:.1f} s; {describe(load)}")
            left = now
        rss, peak = rss_mb(server.pid)
    assert load is not None
    return rates, rss, peak, load


def reference(workdir: Path) -> float:
    page = workdir / "page.json"
    if not page.exists():
        raise SystemExit("run bench_http first: it saves the page of 100 leads")
    with reference_server(page, workdir) as server:
        wrk(server.url + "/leads", seconds=1, server_pid=server.pid)
        load = wrk(server.url + "/leads", seconds=WINDOW, server_pid=server.pid)
    return load.requests_per_s * 100


def main() -> None:
    workdir = workdir_from_args("feed")
    database = workdir / "million.db"
    if not database.exists() or pending(database) < STORED:
        print(f"seeding {STORED:,} leads (no pending million.db)", flush=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        seed_database(database, STORED)
    print(f"feed delivery, {pending(database):,} pending, limit 100", flush=True)
    rates, rss, peak, _ = drain(database, workdir)
    first = rates[0] if rates else 0.0
    ref = reference(workdir)
    note(f"reference app: {ref:,.0f} leads/s (pages/s x 100)")
    report(
        Figure(
            name="feed delivery, 1M pending, limit 100",
            measured=first,
            unit="leads/s",
            target=f">= {TARGET_RATE:,} leads/s",
            passed=first >= TARGET_RATE,
            reference=f"reference app {ref:,.0f} leads/s; later windows "
            + ", ".join(f"{r:,.0f}" for r in rates[1:]),
            ratio=first / ref,
        )
    )
    report(
        Figure(
            name="resident memory after serving 1M leads",
            measured=rss,
            unit="MB",
            target=f"<= {TARGET_MB:.0f} MB",
            passed=rss <= TARGET_MB,
            reference=f"peak {peak:.0f} MB",
        )
    )
    delivered = workdir / "million-delivered.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            source.rename(f"{delivered}{suffix}")


if __name__ == "__main__":
    main()
