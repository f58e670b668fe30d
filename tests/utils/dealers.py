"""A dealer's client of the simulator, as a test drives it over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

TOKEN_PATH = "/as/token.oauth2"
LEADS_PATH = "/marketing/ecrm/leadManagement/v2/leads"
HISTORIC_PATH = LEADS_PATH + "/historic"

CLIENTS: list[dict[str, Any]] = [
    {
        "client_id": "b330-crm",
        "client_secret": "b330-secret",
        "dealer_code": "B330",
        "name": "Dealer B330 CRM",
    },
    {
        "client_id": "k100-crm",
        "client_secret": "k100-secret",
        "dealer_code": "K100",
        "name": "Dealer K100 CRM",
    },
    {
        "client_id": "b330-readonly",
        "client_secret": "ro-secret",
        "dealer_code": "B330",
        "scopes": ["read"],
    },
    {
        "client_id": "b330-off",
        "client_secret": "off-secret",
        "dealer_code": "B330",
        "enabled": False,
    },
]


def write_clients_file(path: Path) -> Path:
    path.write_text(json.dumps({"clients": CLIENTS}), encoding="utf-8")
    return path


class DealerClient:
    """Gets a token once, then calls the Lead API with it."""

    def __init__(
        self, http: TestClient | httpx.Client, client_id: str, secret: str, code: str
    ) -> None:
        self.http = http
        self.client_id = client_id
        self.secret = secret
        self.dealer_code = code
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            response = self.http.post(
                TOKEN_PATH,
                data={"grant_type": "client_credentials", "scope": "manage:all"},
                auth=(self.client_id, self.secret),
            )
            assert response.status_code == 200, response.text
            self._token = str(response.json()["access_token"])
        return self._token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}

    def get_leads(self, **params: Any) -> httpx.Response:
        return self.http.get(LEADS_PATH, params=params, headers=self.headers)

    def historic(self, **params: Any) -> httpx.Response:
        return self.http.get(HISTORIC_PATH, params=params, headers=self.headers)

    def post_updates(self, updates: Any) -> httpx.Response:
        return self.http.post(LEADS_PATH, json=updates, headers=self.headers)

    def seed(self, count: int, **options: Any) -> list[str]:
        body = {"dealer": self.dealer_code, "count": count, **options}
        response = self.http.post("/_mockcat/seed", json=body)
        assert response.status_code == 201, response.text
        return list(response.json()["lead_ids"])
