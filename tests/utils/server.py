"""A real ``mockcat serve`` process, for tests that need one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """``mockcat serve`` with the given flags; its output goes to a log file."""

    def __init__(
        self, workdir: Path, *flags: str, env: dict[str, str] | None = None
    ) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.flags = ["--port", str(self.port), *flags]
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
        self.env.update(env or {})
        self.log_path = workdir / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "mockcat", "serve", *self.flags]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.workdir, env=self.env, stdout=log, stderr=log
            )
        self.wait_healthy()

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log()}")
            try:
                if (
                    httpx.get(self.url + "/_mockcat/health", timeout=1).status_code
                    == 200
                ):
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None:
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def log(self) -> str:
        return (
            self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        )


@contextmanager
def running_server(
    workdir: Path, *flags: str, env: dict[str, str] | None = None
) -> Iterator[ServerProcess]:
    server = ServerProcess(workdir, *flags, env=env)
    server.start()
    try:
        yield server
    finally:
        server.stop()
