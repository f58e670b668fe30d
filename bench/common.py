"""What every benchmark shares: servers, the load generator, data, reporting.

The machine has two cores: a server runs pinned to core 0 and the load generator
(wrk) to core 1, so the two never compete for one core. Everything is on
127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SERVER_CPU = "0"
CLIENT_CPU = "1"
DEALER = "B330"
CLIENT_ID = "bench-crm"
CLIENT_SECRET = "bench-secret"
LEADS_PATH = "/marketing/ecrm/leadManagement/v2/leads"
HISTORIC_PATH = LEADS_PATH + "/historic"
# Every seeded lead falls in this range, so one historic query covers them all.
FROM, TO = "2024-01-01", "2024-01-31"
RESULTS_ENV = "MOCKCAT_BENCH_RESULTS"
CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- reporting


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure, with its reference and target."""

    name: str
    measured: float
    unit: str
    target: str
    passed: bool
    reference: str = ""
    ratio: float | None = None
    bound: str = ""


def report(figure: Figure) -> None:
    """Print the figure, and add it to run_all's results file when there is one."""
    verdict = "PASS" if figure.passed else "FAIL"
    ratio = f", ratio {figure.ratio:.2f}" if figure.ratio is not None else ""
    reference = f" (reference: {figure.reference})" if figure.reference else ""
    print(
        f"[{verdict}] {figure.name}: {figure.measured:,.1f} {figure.unit}"
        f"{ratio}{reference}; target {figure.target}",
        flush=True,
    )
    if figure.bound:
        print(f"         bound: {figure.bound}", flush=True)
    results = os.environ.get(RESULTS_ENV)
    if results:
        with open(results, "a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(figure)) + "\n")


def note(text: str) -> None:
    print(f"  {text}", flush=True)


# ------------------------------------------------------------------ processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pinned(cpu: str, command: Sequence[str]) -> list[str]:
    return ["taskset", "-c", cpu, *command] if shutil.which("taskset") else [*command]


def bench_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


class Server:
    """A server process on core 0, answering on ``url`` once started."""

    def __init__(self, command: Sequence[str], port: int, log: Path) -> None:
        self.command = pinned(SERVER_CPU, command)
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str], ready_path: str) -> float:
        """Start it; returns the seconds from spawn to the first 200 on ready_path."""
        began = time.perf_counter()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=env, stdout=log, stderr=log
            )
        return first_ok(self.url + ready_path, self.process, began)

    @property
    def pid(self) -> int:
        assert self.process is not None
        # taskset execs the command, so the pid is the server's own.
        return self.process.pid

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def first_ok(url: str, process: subprocess.Popen[bytes], began: float) -> float:
    """Poll every 5 ms until ``url`` answers 200; the seconds since ``began``."""
    deadline = began + 60
    with httpx.Client(timeout=1) as http:
        while time.perf_counter() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                if http.get(url).status_code == 200:
                    return time.perf_counter() - began
            except httpx.TransportError:
                pass
            time.sleep(0.005)
    raise RuntimeError(f"{url} did not answer 200 within 60 s")


def mockcat_command(database: Path, port: int, clients: Path) -> list[str]:
    return [
        PYTHON, "-m", "mockcat", "serve", "--database", str(database),
        "--port", str(port), "--clients-file", str(clients),
    ]  # fmt: skip


def reference_command(page: Path, port: int) -> list[str]:
    return [PYTHON, str(ROOT / "bench" / "reference_app.py"), str(page), str(port)]


@contextmanager
def mockcat_server(database: Path, workdir: Path) -> Iterator[Server]:
    port = free_port()
    clients = clients_file(workdir)
    server = Server(
        mockcat_command(database, port, clients), port, workdir / "mockcat.log"
    )
    server.start(bench_env(), "/_mockcat/health")
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def reference_server(page: Path, workdir: Path) -> Iterator[Server]:
    port = free_port()
    server = Server(reference_command(page, port), port, workdir / "reference.log")
    server.start(bench_env(), "/health")
    try:
        yield server
    finally:
        server.stop()


def rss_mb(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kib = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB$", status, re.MULTILINE))
    return int(kib["VmRSS"]) / 1024, int(kib["VmHWM"]) / 1024


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# ----------------------------------------------------------------------- load


@dataclass(frozen=True, slots=True)
class Load:
    requests_per_s: float
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    client_cpu: float  # share of one core the load generator used
    server_cpu: float  # share of one core the server used


def wrk(
    url: str,
    *,
    seconds: int,
    server_pid: int,
    token: str | None = None,
    connections: int = 64,
) -> Load:
    """Load ``url`` with wrk (one thread, on core 1) and measure both sides."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk (see bench/README.md)")
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    command += ["-H", "Accept: application/json", url]
    server_before = cpu_seconds(server_pid)
    before = os.times()
    done = subprocess.run(pinned(CLIENT_CPU, command), capture_output=True, text=True)
    if done.returncode != 0:
        # Not the command line: it holds the bearer token.
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
    output = done.stdout
    after = os.times()
    client = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    return _parse_wrk(output, client, cpu_seconds(server_pid) - server_before)


def _parse_wrk(output: str, client_cpu: float, server_cpu: float) -> Load:
    done = re.search(r"(\d+) requests in ([\d.]+)(m?s)", output)
    if done is None:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    requests = int(done.group(1))
    seconds = float(done.group(2)) / (1000 if done.group(3) == "ms" else 1)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
    )
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p50_ms = float(p50.group(1)) * scale[p50.group(2)] if p50 else float("nan")
    return Load(
        requests_per_s=requests / seconds,
        requests=requests,
        seconds=seconds,
        errors=errors,
        p50_ms=p50_ms,
        client_cpu=client_cpu / seconds,
        server_cpu=server_cpu / seconds,
    )


def describe(load: Load) -> str:
    return (
        f"{load.requests_per_s:,.0f} req/s, p50 {load.p50_ms:.2f} ms, "
        f"server CPU {load.server_cpu:.0%}, wrk CPU {load.client_cpu:.0%}, "
        f"errors {load.errors}"
    )


# ----------------------------------------------------------------------- data


def clients_file(workdir: Path) -> Path:
    path = workdir / "clients.json"
    client = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "dealer_code": DEALER,
    }
    path.write_text(json.dumps({"clients": [client]}), encoding="utf-8")
    return path


def token(base_url: str) -> str:
    response = httpx.post(
        base_url + "/as/token.oauth2",
        data={"grant_type": "client_credentials", "scope": "manage:all"},
        auth=(CLIENT_ID, CLIENT_SECRET),
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def seed_database(database: Path, count: int, *, seed: int = 1) -> float:
    """Seed ``count`` leads of the bench dealer into the file; the seconds taken."""
    from datetime import UTC, datetime

    from mockcat.services.seeding import seed_leads
    from mockcat.store import Store

    store = Store(database)
    began = time.perf_counter()
    try:
        store.create_schema()
        seed_leads(
            store,
            dealer_code=DEALER,
            count=count,
            seed=seed,
            start=datetime(2024, 1, 1, tzinfo=UTC),
            end=datetime(2024, 1, 31, 23, 59, 59, tzinfo=UTC),
        )
    finally:
        store.close()
    return time.perf_counter() - began


def deliver_all(database: Path) -> None:
    """Mark every lead delivered, as the feed would, without a server."""
    from mockcat.store import Store

    store = Store(database)
    try:
        while store.leads.take_pending(DEALER, 5_000):
            pass
    finally:
        store.close()


def pending(database: Path) -> int:
    import sqlite3

    with sqlite3.connect(database) as conn:
        row = conn.execute(
            "SELECT count(*) FROM lead WHERE dealer_code = ? AND state <> 'SENT'",
            (DEALER,),
        ).fetchone()
    return int(row[0])


def historic_url(base_url: str, offset: int = 0, limit: int = 100) -> str:
    query = f"startdate={FROM}&enddate={TO}&offset={offset}&limit={limit}"
    return f"{base_url}{HISTORIC_PATH}?{query}"


def workdir_from_args(name: str) -> Path:
    """The folder given as the first argument, or a new one under /tmp."""
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
        path.mkdir(parents=True, exist_ok=True)
        return path
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f"mockcat-{name}-"))
