"""Seeding: `mockcat seed` writing a million leads into a fresh database file.

Target: at least 20,000 leads/s (a million in under a minute). The reference,
measured in the same run, is the generator alone (no storing), which bounds it.
The file it leaves (million.db, every lead pending) is what bench_feed drains.

    python bench/bench_seed.py [WORKDIR] [COUNT]
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    DEALER,
    FROM,
    PYTHON,
    ROOT,
    SERVER_CPU,
    TO,
    Figure,
    bench_env,
    note,
    pinned,
    report,
    workdir_from_args,
)

TARGET = 20_000
GENERATOR_SAMPLE = 200_000


def generator_rate() -> float:
    """Leads per second the generator makes, with nothing stored."""
    from mockcat.generator import generate_leads

    start = datetime(2024, 1, 1, tzinfo=UTC)
    end = datetime(2024, 1, 31, tzinfo=UTC)
    leads = generate_leads(
        dealer_code=DEALER, count=2_000, seed=2, start=start, end=end
    )
    for _ in leads:  # the Faker pools are made on first use: not counted
        pass
    began = time.perf_counter()
    for _ in generate_leads(
        dealer_code=DEALER, count=GENERATOR_SAMPLE, seed=1, start=start, end=end
    ):
        pass
    return GENERATOR_SAMPLE / (time.perf_counter() - began)


def seed_with_cli(database: Path, count: int) -> float:
    """Seconds `mockcat seed` takes, from spawn to exit, on core 0."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    command = [
        PYTHON, "-m", "mockcat", "seed", "--dealer", DEALER, "--count", str(count),
        "--seed", "1", "--from", FROM, "--to", TO, "--database", str(database),
    ]  # fmt: skip
    began = time.perf_counter()
    subprocess.run(pinned(SERVER_CPU, command), cwd=ROOT, env=bench_env(), check=True)
    return time.perf_counter() - began


def main() -> None:
    workdir = workdir_from_args("seed")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    print(f"seeding {count:,} leads with mockcat seed", flush=True)
    seconds = seed_with_cli(workdir / "million.db", count)
    rate = count / seconds
    size = (workdir / "million.db").stat().st_size / 1e6
    note(f"{count:,} leads in {seconds:.1f} s; file {size:,.0f} MB")
    generator = generator_rate()
    note(f"generator alone: {generator:,.0f} leads/s")
    report(
        Figure(
            name="seeding (mockcat seed, direct)",
            measured=rate,
            unit="leads/s",
            target=f">= {TARGET:,} leads/s",
            passed=rate >= TARGET,
            reference=f"generator alone {generator:,.0f} leads/s",
            ratio=rate / TARGET,
        )
    )


if __name__ == "__main__":
    main()
