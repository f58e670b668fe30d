"""Authentication and errors on every Lead API route (contract §3)."""

from __future__ import annotations

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient

from tests.utils.dealers import HISTORIC_PATH, LEADS_PATH, TOKEN_PATH, DealerClient

HISTORIC = HISTORIC_PATH + "?startdate=2020-01-01&enddate=2030-01-01"
ROUTES = [("GET", LEADS_PATH), ("GET", HISTORIC), ("POST", LEADS_PATH)]


def _call(http: TestClient, method: str, path: str, headers: dict[str, str]) -> object:
    if method == "POST":
        return http.post(
            path, content=b"[]", headers={"Content-Type": "application/json", **headers}
        )
    return http.get(path, headers=headers)


def _foreign_token(dealer: DealerClient) -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    real = jwt.decode(dealer.token, options={"verify_signature": False})
    kid = jwt.get_unverified_header(dealer.token)["kid"]
    return jwt.encode(real, key, algorithm="RS256", headers={"kid": kid})


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize(
    "authorization", [None, "", "Basic abc", "Bearer", "Bearer  ", "eyJabc"]
)
def test_missing_or_non_bearer_authorization(
    http: TestClient, method: str, path: str, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}

    response = _call(http, method, path, headers)

    assert response.status_code == 401
    assert response.json() == {"message": "Invalid request header."}
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("kind", ["garbage", "tampered", "foreign-key", "expired"])
def test_invalid_access_token(
    http: TestClient, dealer: DealerClient, method: str, path: str, kind: str
) -> None:
    token = {
        "garbage": lambda: "eyJhbGciOi.not.a-token",
        "tampered": lambda: (
            dealer.token[:-4]
            + ("AAAA" if not dealer.token.endswith("AAAA") else "BBBB")
        ),
        "foreign-key": lambda: _foreign_token(dealer),
        "expired": lambda: _expired_token(http),
    }[kind]()

    response = _call(http, method, path, {"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert response.json() == {"message": "Invalid access token."}
    assert response.headers["www-authenticate"].startswith("Bearer")


def _expired_token(http: TestClient) -> str:
    token = DealerClient(http, "b330-crm", "b330-secret", "B330").token
    response = http.post("/_mockcat/clock/advance", json={"seconds": 3601})
    assert response.status_code == 200
    return token


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_token_without_scope_is_forbidden(
    http: TestClient, method: str, path: str
) -> None:
    token = http.post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials", "scope": "read"},
        auth=("b330-readonly", "ro-secret"),
    ).json()["access_token"]

    response = _call(http, method, path, {"Authorization": f"Bearer {token}"})

    assert response.status_code == 403
    assert response.json() == {
        "message": "You are not authorized to perform that action."
    }


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_disabled_client_is_forbidden(
    http: TestClient, dealer: DealerClient, method: str, path: str
) -> None:
    headers = dealer.headers
    disabled = http.patch("/_mockcat/clients/b330-crm", json={"enabled": False})
    assert disabled.status_code == 200

    response = _call(http, method, path, headers)

    assert response.status_code == 403
    assert response.json() == {
        "message": "You are not authorized to perform that action."
    }


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize(
    "accept", ["text/html", "application/xml, text/plain", "application/json;q=0"]
)
def test_accept_excluding_json(
    http: TestClient, dealer: DealerClient, method: str, path: str, accept: str
) -> None:
    response = _call(http, method, path, {**dealer.headers, "Accept": accept})

    assert response.status_code == 400
    assert response.json() == {"message": "Invalid request header."}


@pytest.mark.parametrize(
    "accept", ["*/*", "application/*", "text/html, application/json"]
)
def test_accept_including_json(
    http: TestClient, dealer: DealerClient, accept: str
) -> None:
    response = http.get(LEADS_PATH, headers={**dealer.headers, "Accept": accept})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded"]
)
def test_post_without_json_content_type(
    http: TestClient, dealer: DealerClient, content_type: str | None
) -> None:
    headers = dict(dealer.headers)
    if content_type:
        headers["Content-Type"] = content_type

    response = http.post(LEADS_PATH, content=b"[]", headers=headers)

    assert response.status_code == 400
    assert response.json() == {"message": "Invalid request header."}


@pytest.mark.parametrize(
    "path",
    ["/", "/marketing/ecrm/leadManagement/v1/leads", LEADS_PATH + "/x", "/as/token"],
)
def test_unknown_path_is_json_404(http: TestClient, path: str) -> None:
    response = http.get(path)

    assert response.status_code == 404
    assert response.json() == {"message": "Endpoint not found."}


def test_unexpected_failure_is_json_500_with_request_id(
    http: TestClient, dealer: DealerClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = http.app.state.store  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire at /secret/path")

    monkeypatch.setattr(store.leads, "take_pending", broken)

    response = dealer.get_leads()

    assert response.status_code == 500
    body = response.json()
    assert body["message"] == "Internal server error."
    assert body["requestId"]
    assert "fire" not in response.text and "secret" not in response.text
