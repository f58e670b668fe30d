"""How the dashboard's files are served: one origin, no secrets, clear 404s."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import load_settings

UI = "/_mockcat/ui"


def test_the_page_and_its_files_are_served_with_their_types(http: TestClient) -> None:
    page = http.get(f"{UI}/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<meta name="mockcat-admin" content="none">' in page.text
    for name in re.findall(r'(?:src|href)="([a-z]+\.(?:js|css|svg))"', page.text):
        asset = http.get(f"{UI}/{name}")
        assert asset.status_code == 200, name
    assert (
        http.get(f"{UI}/app.js").headers["content-type"].startswith("text/javascript")
    )
    assert http.get(f"{UI}/app.css").headers["content-type"].startswith("text/css")


def test_the_page_loads_nothing_from_another_origin(http: TestClient) -> None:
    page = http.get(f"{UI}/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    for name in ("index.html", "app.js", "api.js", "app.css"):
        text = http.get(f"{UI}/{name}").text
        assert "http://" not in text and "https://" not in text, name


def test_the_bare_prefix_redirects_to_the_page(http: TestClient) -> None:
    response = http.get(UI, follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == f"{UI}/"


def test_an_unknown_file_is_a_json_404(http: TestClient) -> None:
    for path in (f"{UI}/nope.js", f"{UI}/..%2Fmain.py", f"{UI}/__init__.py"):
        response = http.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"message": "Endpoint not found."}


def test_with_an_admin_token_the_page_asks_for_it_but_never_holds_it(
    tmp_path: Path, clients_file: Path
) -> None:
    settings = load_settings(
        database=tmp_path / "db.sqlite",
        clients_file=clients_file,
        admin_token="s3cret-admin",
    )
    app = create_app(settings)
    with TestClient(app) as http:
        page = http.get(f"{UI}/")
        assert page.status_code == 200  # the files hold no data
        assert '<meta name="mockcat-admin" content="required">' in page.text
        assert "s3cret-admin" not in page.text
        assert http.get("/_mockcat/stats").status_code == 401
        authorized = {"Authorization": "Bearer s3cret-admin"}
        assert http.get("/_mockcat/stats", headers=authorized).status_code == 200
    app.state.store.close()
