"""``mockcat serve`` and ``mockcat health`` as a person and a container run them."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.utils.server import free_port, running_server

ROOT = Path(__file__).resolve().parents[1]


def _mockcat(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    return subprocess.run(
        [sys.executable, "-m", "mockcat", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **(env or {})},
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["--port", "99999"], {}, "MOCKCAT_PORT"),
        ([], {"MOCKCAT_PORT": "eighty"}, "MOCKCAT_PORT"),
        ([], {"MOCKCAT_WORKERS": "0"}, "MOCKCAT_WORKERS"),
        ([], {"MOCKCAT_EMPTY_FEED": "404"}, "MOCKCAT_EMPTY_FEED"),
        ([], {"MOCKCAT_TOKEN_LIFETIME": "-5"}, "MOCKCAT_TOKEN_LIFETIME"),
        (["--clients-file", "/nonexistent/clients.json"], {}, "MOCKCAT_CLIENTS_FILE"),
        (["--database", "/nonexistent/dir/x.db"], {}, "MOCKCAT_DATABASE"),
    ],
)
def test_bad_setting_stops_the_start_naming_it(
    tmp_path: Path, args: list[str], env: dict[str, str], named: str
) -> None:
    result = _mockcat("serve", *args, env=env, cwd=tmp_path)

    assert result.returncode == 2
    assert named in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_clients_file_names_the_entry(tmp_path: Path) -> None:
    clients = tmp_path / "clients.json"
    clients.write_text('{"clients": [{"client_id": "x", "client_secret": "y"}]}')

    result = _mockcat("serve", "--clients-file", str(clients), cwd=tmp_path)

    assert result.returncode == 2
    assert "MOCKCAT_CLIENTS_FILE" in result.stderr
    assert "dealer_code" in result.stderr


def test_serve_announces_urls_and_the_demo_client(tmp_path: Path) -> None:
    with running_server(tmp_path) as server:
        token = httpx.post(
            server.url + "/as/token.oauth2",
            data={"grant_type": "client_credentials"},
            auth=("mockcat-demo", "mockcat-demo-secret"),
        )
        httpx.get(
            server.url + "/marketing/ecrm/leadManagement/v2/leads",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        )
    log = server.log()

    assert f"{server.url}/as/token.oauth2" in log
    assert f"{server.url}/marketing/ecrm/leadManagement/v2/leads" in log
    assert f"{server.url}/_mockcat/docs" in log
    assert "client_id=mockcat-demo client_secret=mockcat-demo-secret" in log
    assert (tmp_path / "mockcat.db").exists()
    access = [line for line in log.splitlines() if "mockcat.access" in line]
    assert any(
        re.search(
            r"GET /marketing\S+ 200 [\d.]+ms client=mockcat-demo request_id=\w+", line
        )
        for line in access
    )
    assert token.json()["access_token"] not in log


def test_configured_clients_replace_the_demo_client(tmp_path: Path) -> None:
    client = {"client_id": "ci", "client_secret": "s3cret", "dealer_code": "X9"}
    env = {"MOCKCAT_CLIENTS": json.dumps([client])}
    with running_server(tmp_path, env=env) as server:
        demo = httpx.post(
            server.url + "/as/token.oauth2",
            data={"grant_type": "client_credentials"},
            auth=("mockcat-demo", "mockcat-demo-secret"),
        )
        ours = httpx.post(
            server.url + "/as/token.oauth2",
            data={"grant_type": "client_credentials"},
            auth=("ci", "s3cret"),
        )
    log = server.log()

    assert demo.status_code == 401
    assert ours.status_code == 200
    assert "s3cret" not in log and "client_secret=" not in log


def _dockerfile_instruction(name: str) -> list[str]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith(name + " "))
    exec_form = re.search(r"(\[.*\])", line)
    assert exec_form is not None, line
    return list(json.loads(exec_form.group(1)))


def _dockerfile_env() -> dict[str, str]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("ENV "))
    return dict(item.split("=", 1) for item in shlex.split(line[4:]))


def test_dockerfile_cmd_and_healthcheck_work_as_written(tmp_path: Path) -> None:
    env = _dockerfile_env()
    port = free_port()
    env.update(MOCKCAT_PORT=str(port), MOCKCAT_DATABASE=str(tmp_path / "data.db"))
    cmd = _dockerfile_instruction("CMD")
    health = _dockerfile_instruction("HEALTHCHECK")
    assert cmd[0] == "mockcat" and health[0] == "mockcat"
    base = {k: v for k, v in os.environ.items() if not k.startswith("MOCKCAT_")}
    run_env = {**base, **env, "PATH": f"{Path(sys.executable).parent}:{base['PATH']}"}

    before = subprocess.run(health, env=run_env, capture_output=True, timeout=30)
    server = subprocess.Popen(
        cmd,
        env=run_env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            during = subprocess.run(
                health, env=run_env, capture_output=True, timeout=30
            )
            if during.returncode == 0:
                break
    finally:
        server.terminate()
        server.wait(timeout=15)

    assert before.returncode == 1
    assert during.returncode == 0
    assert env["MOCKCAT_HOST"] == "0.0.0.0"
    assert (tmp_path / "data.db").exists()
