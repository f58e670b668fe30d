"""The lifecycle dashboard: static pages served under ``/_mockcat/ui/``.

The page is plain HTML, CSS and JavaScript with no build step and nothing
fetched from elsewhere, so it works offline. It reads the control plane's JSON
endpoints, which enforce the admin token; the files themselves are public
because they hold no data.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from fastapi import APIRouter
from starlette.responses import RedirectResponse, Response

from mockcat.api.deps import SettingsDep
from mockcat.core.config import Settings
from mockcat.core.errors import EndpointNotFound

UI_PREFIX: Final = "/_mockcat/ui"

_MEDIA_TYPES: Final = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}

# Only this origin: a proof that the page loads nothing from a CDN, and a
# guard against script injection through lead data.
_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The files change with the package version; revalidate rather than guess.
    "Cache-Control": "no-cache",
}


def _load() -> dict[str, tuple[bytes, str]]:
    """Every file of the static folder, read once, with its media type."""
    folder = resources.files(__package__).joinpath("static")
    files: dict[str, tuple[bytes, str]] = {}
    for item in folder.iterdir():
        suffix = "." + item.name.rpartition(".")[2]
        if item.is_file() and suffix in _MEDIA_TYPES:
            files[item.name] = (item.read_bytes(), _MEDIA_TYPES[suffix])
    return files


_FILES: Final = _load()

router = APIRouter(include_in_schema=False)


@router.get(UI_PREFIX)
async def ui_root() -> Response:
    return RedirectResponse(f"{UI_PREFIX}/", status_code=308)


@router.get(f"{UI_PREFIX}/")
async def ui_index(settings: SettingsDep) -> Response:
    return _index(settings)


@router.get(f"{UI_PREFIX}/{{name}}")
async def ui_asset(name: str, settings: SettingsDep) -> Response:
    if name == "index.html":
        return _index(settings)
    if name not in _FILES:
        raise EndpointNotFound()
    return _asset(name)


def _index(settings: Settings) -> Response:
    # The page asks for the admin token before its first call when one is set,
    # instead of learning it from a 401 (which browsers log as an error).
    content, media_type = _FILES["index.html"]
    admin = b"required" if settings.admin_token is not None else b"none"
    content = content.replace(b"{{admin}}", admin)
    return Response(content, media_type=media_type, headers=_HEADERS)


def _asset(name: str) -> Response:
    content, media_type = _FILES[name]
    return Response(content, media_type=media_type, headers=_HEADERS)
