"""Every benchmark in one run, sharing one working folder, then a summary table.

    .venv/bin/python bench/run_all.py [WORKDIR]

Order matters: bench_http saves the page the reference serves; bench_seed makes
the million-lead file that bench_feed drains and bench_scale reads. About six
minutes on two cores, and about 6 GB of disk under WORKDIR (default: a new
folder in /tmp, removed at the end).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = (
    "bench_http.py",
    "bench_startup.py",
    "bench_seed.py",
    "bench_feed.py",
    "bench_scale.py",
)


def main() -> None:
    given = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    workdir = given or Path(tempfile.mkdtemp(prefix="mockcat-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = workdir / "results.jsonl"
    results.unlink(missing_ok=True)
    env = {**os.environ, "MOCKCAT_BENCH_RESULTS": str(results)}
    began = time.perf_counter()
    try:
        for script in SCRIPTS:
            print(f"\n== {script}", flush=True)
            subprocess.run(
                [sys.executable, str(BENCH / script), str(workdir)], env=env, check=True
            )
    finally:
        print(f"\n== summary ({time.perf_counter() - began:.0f} s)\n")
        if results.exists():
            print_table(results)
        if given is None:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(results: Path) -> None:
    print("| figure | target | measured | reference (same run) | ratio | verdict |")
    print("| --- | --- | --- | --- | --- | --- |")
    for line in results.read_text().splitlines():
        f = json.loads(line)
        ratio = "" if f["ratio"] is None else f"{f['ratio']:.2f}"
        verdict = "pass" if f["passed"] else "**fail**"
        print(
            f"| {f['name']} | {f['target']} | {f['measured']:,.2f} {f['unit']} |"
            f" {f['reference']} | {ratio} | {verdict} |"
        )


if __name__ == "__main__":
    main()
