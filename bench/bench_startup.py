"""`mockcat serve` to its first 200, with 100,000 leads stored.

Target: at most 1.0 s, the median of several starts. The reference, in the same
run, is the bare reference app on uvicorn.

    python bench/bench_startup.py [WORKDIR]
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    Figure,
    Server,
    bench_env,
    clients_file,
    free_port,
    mockcat_command,
    note,
    reference_command,
    report,
    seed_database,
    workdir_from_args,
)

STORED = 100_000
STARTS = 7
TARGET = 1.0


def time_starts(
    make: Callable[[int], list[str]], ready: str, workdir: Path, name: str
) -> list[float]:
    times = []
    for _ in range(STARTS):
        port = free_port()
        command = make(port)
        server = Server(command, port, workdir / f"{name}-startup.log")
        try:
            times.append(server.start(bench_env(), ready))
        finally:
            server.stop()
    return times


def main() -> None:
    workdir = workdir_from_args("startup")
    database = workdir / "startup-100k.db"
    if not database.exists():
        seed_database(database, STORED)
    clients = clients_file(workdir)
    page = workdir / "empty-page.json"
    page.write_bytes(b"[]")
    print(f"mockcat serve to its first 200, {STORED:,} leads stored", flush=True)
    ours = time_starts(
        lambda port: mockcat_command(database, port, clients),
        "/_mockcat/health",
        workdir,
        "mockcat",
    )
    ref = time_starts(
        lambda port: reference_command(page, port), "/health", workdir, "reference"
    )
    note("mockcat:   " + ", ".join(f"{t:.3f}" for t in ours) + " s")
    note("reference: " + ", ".join(f"{t:.3f}" for t in ref) + " s")
    median, ref_median = statistics.median(ours), statistics.median(ref)
    report(
        Figure(
            name="serve to first 200 (100k leads)",
            measured=median,
            unit="s median",
            target=f"<= {TARGET} s",
            passed=median <= TARGET,
            reference=f"bare uvicorn app {ref_median:.3f} s",
            ratio=median / ref_median,
        )
    )


if __name__ == "__main__":
    main()
