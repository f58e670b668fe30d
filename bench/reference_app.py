"""The reference: a bare FastAPI app serving one page of leads as ready bytes.

It does nothing per request but hand back the bytes, so it is the most a FastAPI
app on uvicorn can serve on this machine. It runs with the flags ``mockcat serve``
gives uvicorn (one worker, no access log, no server header).

    python bench/reference_app.py PAGE_FILE PORT
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from starlette.responses import Response


def create_app(page: bytes) -> FastAPI:
    app = FastAPI()

    @app.get("/leads")
    async def leads() -> Response:
        return Response(page, media_type="application/json")

    @app.get("/health")
    async def health() -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    return app


def main() -> None:
    page = Path(sys.argv[1]).read_bytes()
    uvicorn.run(
        create_app(page),
        host="127.0.0.1",
        port=int(sys.argv[2]),
        log_level="warning",
        access_log=False,
        server_header=False,
    )


if __name__ == "__main__":
    main()
