"""POST batches of 100 updates, validated and stored, against a bare parser.

The reference is a bare FastAPI endpoint, on the same uvicorn flags, that
reads the same body and parses it with the same parser (``parse_json_body``)
and does nothing else; both run in this process's run, one worker each, on
core 0, with wrk on core 1. Printed: batches/s and updates/s of each, their
ratio, and the same for a batch with one bad update (answered 400).

Target: 200 valid batches/s (20,000 updates/s) on one worker.

    python bench/bench_updates.py [--seconds N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request
from starlette.responses import Response

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mockcat.validation import parse_json_body  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LEADS_PATH = "/marketing/ecrm/leadManagement/v2/leads"
SERVER_CPU, CLIENT_CPU = "0", "1"
BATCH = 100
TARGET_BATCHES = 200.0
CLIENT = {
    "client_id": "bench-crm",
    "client_secret": "bench-secret",
    "dealer_code": "B330",
}

LUA = """\
wrk.method = "POST"
local f = io.open("{body}", "rb")
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
"""


@dataclass(frozen=True, slots=True)
class Load:
    per_second: float
    p50_ms: float
    non_2xx: int
    requests: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pinned(cpu: str, command: list[str]) -> list[str]:
    return ["taskset", "-c", cpu, *command] if shutil.which("taskset") else command


@contextmanager
def server(command: list[str], port: int, log: Path, ready: str) -> Iterator[str]:
    """A server process on core 0, until the block ends."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    env["PYTHONPATH"] = str(ROOT)
    with log.open("ab") as out:
        process = subprocess.Popen(
            pinned(SERVER_CPU, command), cwd=ROOT, env=env, stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url + ready, process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited while starting: {url}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"server did not start: {url}")


def wrk(url: str, script: Path, seconds: int) -> Load:
    """wrk, one thread and four connections on core 1, posting the script's body."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    command = [
        "wrk",
        "-t1",
        "-c4",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    output = subprocess.run(
        pinned(CLIENT_CPU, command), capture_output=True, text=True, check=True
    ).stdout
    done = re.search(r"(\d+) requests in ([\d.]+)(m?s)", output)
    if done is None:
        raise SystemExit(f"unexpected wrk output:\n{output}")
    requests = int(done.group(1))
    took = float(done.group(2)) / (1000 if done.group(3) == "ms" else 1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return Load(
        per_second=requests / took,
        p50_ms=float(p50.group(1)) * scale[p50.group(2)] if p50 else float("nan"),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        requests=requests,
    )


def batch(lead_ids: list[str], bad: bool) -> list[dict[str, object]]:
    """100 opportunity updates; with ``bad``, the last one has an unlisted rating."""
    updates: list[dict[str, object]] = [
        {
            "leadId": lead_id,
            "dealerLeadId": f"CRM-{n}",
            "dealerSalesRep": "Jane Roe",
            "dealerSalesRepNumber": "AB12496",
            "leadStatus": "Accepted",
            "currencyIsoCode": "USD",
            "customerContacted": "Yes",
            "dateContacted": "2024-02-01",
            "dealerOpportunityId": f"OPP-{n}",
            "probabilityOfClosurePercentage": 10 + n % 89,
            "opportunityAmount": "125000.00",
            "targetDate": "2024-06-30",
            "rating": "High",
            "comments": "Demo scheduled with the customer's fleet manager",
        }
        for n, lead_id in enumerate(lead_ids)
    ]
    if bad:
        updates[-1]["rating"] = "Hot"
    return updates


def prepare(url: str, work: Path) -> tuple[str, Path, Path]:
    """Seed the dealer's leads; the token and the valid and bad body files."""
    seeded = httpx.post(
        url + "/_mockcat/seed",
        json={"dealer": "B330", "count": BATCH, "seed": 1},
        timeout=60,
    )
    seeded.raise_for_status()
    lead_ids = seeded.json()["lead_ids"]
    answer = httpx.post(
        url + "/as/token.oauth2",
        data={"grant_type": "client_credentials"},
        auth=(CLIENT["client_id"], CLIENT["client_secret"]),
    )
    answer.raise_for_status()
    valid, bad = work / "valid.json", work / "bad.json"
    valid.write_text(json.dumps(batch(lead_ids, bad=False)), encoding="utf-8")
    bad.write_text(json.dumps(batch(lead_ids, bad=True)), encoding="utf-8")
    return str(answer.json()["access_token"]), valid, bad


def script(work: Path, body: Path, token: str) -> Path:
    path = work / f"{body.stem}.lua"
    path.write_text(LUA.format(body=body, token=token), encoding="utf-8")
    return path


def check_once(url: str, body: Path, token: str, status: int) -> None:
    """One request by hand first: the load must measure the intended answer."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    answer = httpx.post(url, content=body.read_bytes(), headers=headers, timeout=30)
    if answer.status_code != status:
        raise SystemExit(
            f"expected {status}, got {answer.status_code}: {answer.text[:300]}"
        )


def run(seconds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-updates-") as tmp:
        work = Path(tmp)
        clients = work / "clients.json"
        clients.write_text(json.dumps({"clients": [CLIENT]}), encoding="utf-8")
        port = free_port()
        mockcat = [
            sys.executable, "-m", "mockcat", "serve", "--port", str(port),
            "--database", str(work / "bench.db"), "--clients-file", str(clients),
            "--log-level", "warning",
        ]  # fmt: skip
        with server(mockcat, port, work / "mockcat.log", "/_mockcat/health") as url:
            token, valid, bad = prepare(url, work)
            check_once(url + LEADS_PATH, valid, token, 200)
            check_once(url + LEADS_PATH, bad, token, 400)
            stored = wrk(url + LEADS_PATH, script(work, valid, token), seconds)
            refused = wrk(url + LEADS_PATH, script(work, bad, token), seconds)
        port = free_port()
        reference = [sys.executable, str(Path(__file__)), "--reference", str(port)]
        with server(reference, port, work / "reference.log", "/health") as url:
            check_once(url + "/parse", valid, token, 200)
            parsed = wrk(url + "/parse", script(work, valid, token), seconds)
    print_report(stored, refused, parsed)


def print_report(stored: Load, refused: Load, parsed: Load) -> None:
    passed = stored.per_second >= TARGET_BATCHES and stored.non_2xx == 0
    rows = [
        ("reference: parse only", parsed),
        ("valid batch: validated and stored (200)", stored),
        ("one bad update: all validated, none stored (400)", refused),
    ]
    print(f"batches of {BATCH} updates, one worker, wrk -t1 -c4")
    for name, load in rows:
        print(
            f"  {name:50} {load.per_second:8,.1f} batches/s "
            f"{load.per_second * BATCH:10,.0f} updates/s  p50 {load.p50_ms:6.2f} ms  "
            f"ratio {load.per_second / parsed.per_second:.2f}  non-2xx {load.non_2xx}"
        )
    verdict = "PASS" if passed else "FAIL"
    figure = f"{stored.per_second:,.1f}/s; target {TARGET_BATCHES:.0f}/s"
    print(f"[{verdict}] valid batches: {figure}")


def reference_app(port: int) -> None:
    """The bare endpoint: read the body, parse it as the POST route does, answer."""
    app = FastAPI()

    @app.post("/parse")
    async def parse(request: Request) -> Response:
        body = parse_json_body(await request.body())
        count = len(body) if isinstance(body, list) else 0
        return Response(json.dumps({"parsed": count}), media_type="application/json")

    @app.get("/health")
    async def health() -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--reference", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        reference_app(args.reference)
    else:
        run(args.seconds)


if __name__ == "__main__":
    main()
