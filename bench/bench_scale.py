"""Does a GET cost more with a million stored leads than with a thousand?

Target: a GET at 1,000,000 stored leads costs at most 1.2 times the same GET at
1,000 (cost = 1 / requests per second, same load, same run). Two GETs: a
historic page of 100 (every lead delivered) and GET leads with nothing pending,
which must find that out from the pending index, not by a scan.

    python bench/bench_scale.py [WORKDIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    LEADS_PATH,
    Figure,
    Load,
    deliver_all,
    describe,
    historic_url,
    mockcat_server,
    note,
    pending,
    report,
    seed_database,
    token,
    workdir_from_args,
    wrk,
)

SECONDS = 5
TARGET = 1.2


def ready(database: Path, count: int) -> Path:
    """A file with ``count`` leads, all delivered (made if missing)."""
    if not database.exists():
        print(f"seeding {count:,} leads into {database.name}", flush=True)
        seed_database(database, count)
    if pending(database):
        deliver_all(database)
    return database


def measure(database: Path, workdir: Path) -> dict[str, Load]:
    loads = {}
    with mockcat_server(database, workdir) as server:
        bearer = token(server.url)
        urls = {
            "historic page": historic_url(server.url),
            "empty feed": f"{server.url}{LEADS_PATH}?limit=100",
        }
        for name, url in urls.items():
            wrk(url, seconds=1, server_pid=server.pid, token=bearer)
            loads[name] = wrk(url, seconds=SECONDS, server_pid=server.pid, token=bearer)
            note(f"{database.name} {name}: {describe(loads[name])}")
    return loads


def main() -> None:
    workdir = workdir_from_args("scale")
    small = ready(workdir / "http-1k.db", 1_000)
    large = ready(workdir / "million-delivered.db", 1_000_000)
    print("a GET at 1,000,000 stored leads vs at 1,000", flush=True)
    at_small = measure(small, workdir)
    at_large = measure(large, workdir)
    for name in at_small:
        cost = at_small[name].requests_per_s / at_large[name].requests_per_s
        report(
            Figure(
                name=f"{name}: cost at 1M / cost at 1k",
                measured=cost,
                unit="x",
                target=f"<= {TARGET}",
                passed=cost <= TARGET,
                reference=f"{at_small[name].requests_per_s:,.0f} req/s at 1k, "
                f"{at_large[name].requests_per_s:,.0f} at 1M",
            )
        )


if __name__ == "__main__":
    main()
