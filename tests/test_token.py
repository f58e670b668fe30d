"""The token endpoint (contract §2)."""

from __future__ import annotations

import base64

import jwt
import pytest
from fastapi.testclient import TestClient

from tests.utils.dealers import TOKEN_PATH

FORM = {"grant_type": "client_credentials", "scope": "manage:all"}


def _basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


def test_token_with_basic_auth(http: TestClient) -> None:
    response = http.post(
        TOKEN_PATH, data=FORM, headers=_basic("b330-crm", "b330-secret")
    )

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3599
    assert body["access_token"].startswith("eyJ")
    assert response.headers["cache-control"] == "no-store"


def test_token_with_form_credentials_and_no_scope(http: TestClient) -> None:
    form = {
        "grant_type": "client_credentials",
        "client_id": "b330-crm",
        "client_secret": "b330-secret",
    }

    response = http.post(TOKEN_PATH, data=form)

    assert response.status_code == 200
    claims = jwt.decode(
        response.json()["access_token"], options={"verify_signature": False}
    )
    assert claims["scope"] == "manage:all"


def test_token_claims_and_jwks_signature(http: TestClient) -> None:
    token = http.post(TOKEN_PATH, data=FORM, auth=("b330-crm", "b330-secret")).json()[
        "access_token"
    ]

    jwks = http.get("/_mockcat/jwks.json").json()
    header = jwt.get_unverified_header(token)
    key = jwt.PyJWK(jwks["keys"][0])
    claims = jwt.decode(
        token, key.key, algorithms=["RS256"], options={"verify_aud": False}
    )

    assert header["alg"] == "RS256"
    assert header["kid"] == jwks["keys"][0]["kid"]
    assert claims["sub"] == "b330-crm"
    assert claims["catDealerCode"] == "B330"
    assert claims["exp"] - claims["iat"] == 3600
    assert {"iss", "jti", "scope"} <= claims.keys()


@pytest.mark.parametrize(
    ("client_id", "secret"),
    [("b330-crm", "wrong"), ("nobody", "b330-secret"), ("b330-off", "off-secret")],
)
def test_token_bad_client_is_invalid_client(
    http: TestClient, client_id: str, secret: str
) -> None:
    response = http.post(TOKEN_PATH, data=FORM, auth=(client_id, secret))

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")
    assert response.headers["cache-control"] == "no-store"
    assert secret not in response.text


def test_token_without_credentials_is_invalid_client(http: TestClient) -> None:
    response = http.post(TOKEN_PATH, data=FORM)

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"scope": "manage:all"}, "invalid_request"),
        ({"grant_type": "password"}, "unsupported_grant_type"),
        ({"grant_type": "client_credentials", "scope": "admin:all"}, "invalid_scope"),
    ],
)
def test_token_request_errors(
    http: TestClient, form: dict[str, str], error: str
) -> None:
    response = http.post(TOKEN_PATH, data=form, auth=("b330-crm", "b330-secret"))

    assert response.status_code == 400
    assert response.json()["error"] == error
    assert response.json()["error_description"]


def test_token_two_auth_methods_is_invalid_request(http: TestClient) -> None:
    form = {**FORM, "client_id": "b330-crm", "client_secret": "b330-secret"}

    response = http.post(TOKEN_PATH, data=form, auth=("b330-crm", "b330-secret"))

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_token_json_body_is_invalid_request(http: TestClient) -> None:
    response = http.post(TOKEN_PATH, json=FORM, auth=("b330-crm", "b330-secret"))

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_token_scope_the_client_lacks_is_invalid_scope(http: TestClient) -> None:
    response = http.post(TOKEN_PATH, data=FORM, auth=("b330-readonly", "ro-secret"))

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"
