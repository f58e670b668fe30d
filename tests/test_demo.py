"""``mockcat demo``: its scripted dealer client brings leads to every outcome."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.utils.server import free_port

WAIT = 60.0


class Demo:
    def __init__(self, process: subprocess.Popen[str], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    log = tmp_path / "demo.log"
    command = [sys.executable, "-m", "mockcat", "demo", "--port", str(port)]
    command += ["--pace", "0.02", "--duration", "15", "--seed", "3"]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=out, stderr=out, text=True
        )
    running = Demo(process, f"http://127.0.0.1:{port}", log)
    try:
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def wait_for_stats(demo: Demo, done: Any) -> dict[str, Any]:
    """Polls the simulator's stats until ``done(stats)``; fails after WAIT s."""
    deadline = time.monotonic() + WAIT
    last: dict[str, Any] = {}
    while time.monotonic() < deadline:
        assert demo.process.poll() is None, demo.output()
        try:
            last = httpx.get(f"{demo.url}/_mockcat/stats", timeout=5).json()
        except httpx.HTTPError:
            last = {}
        if last and done(last):
            return last
        time.sleep(0.2)
    raise AssertionError(f"the demo did not get there: {last}\n{demo.output()}")


def every_outcome(stats: dict[str, Any]) -> bool:
    stages, statuses = stats["byStage"], stats["byDealerStatus"]
    closed = ("Closed Won", "Closed Lost", "Closed No Deal")
    verdicts = ("Rejected", "Disqualified")
    return all(stages[s] >= 1 for s in closed) and all(
        statuses[v] >= 1 for v in verdicts
    )


def test_the_demo_brings_leads_to_every_outcome_and_stops_by_itself(
    demo: Demo,
) -> None:
    stats = wait_for_stats(demo, every_outcome)
    assert stats["dealers"] == ["B330"]
    assert stats["byDealerStatus"]["Accepted"] >= 3

    won = httpx.get(
        f"{demo.url}/_mockcat/leads", params={"stage": "Closed Won"}, timeout=5
    ).json()
    lead_id = won["data"][0]["leadId"]
    timeline = httpx.get(
        f"{demo.url}/_mockcat/leads/{lead_id}/timeline", timeout=5
    ).json()
    updates = [e for e in timeline["events"] if e["kind"] == "dealer_update"]
    stages = [e["details"].get("stage") for e in updates]
    assert stages[-1] == "Closed Won"
    assert "Qualification" in stages and "Develop Solution" in stages

    refused = httpx.get(
        f"{demo.url}/_mockcat/journal", params={"status": "400"}, timeout=5
    ).json()
    assert refused["count"] >= 1  # the client's deliberate mistake, then its fix
    assert refused["data"][0]["errors"]

    assert demo.process.wait(timeout=WAIT) == 0
    output = demo.output()
    assert f"{demo.url}/_mockcat/ui/" in output
    assert "Closed Won" in output
    assert "demo stopped" in output


def test_ctrl_c_stops_the_server_and_the_client(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    command = [sys.executable, "-m", "mockcat", "demo", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--pace", "0.05"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Demo(process, f"http://127.0.0.1:{port}", tmp_path / "unused.log")
    try:
        wait_for_stats(running, lambda stats: stats["byState"]["SENT"] >= 1)
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, output
    assert output.rstrip().endswith("demo stopped"), output
    assert "Traceback" not in output
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{running.url}/_mockcat/health", timeout=2)


def test_the_demo_refuses_a_bad_pace(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockcat", "demo", "--pace", "-1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--pace" in result.stderr
