"""The simulator's own public routes: health and the token signing keys."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from mockcat import __version__
from mockcat.api.deps import SignerDep, StoreDep

SIM_PREFIX = "/_mockcat"

router = APIRouter(prefix=SIM_PREFIX, tags=["Simulator"])


@router.get("/health")
async def health(store: StoreDep) -> dict[str, Any]:
    """Whether the simulator is up and its database answers."""
    store.ping()
    return {"status": "ok", "version": __version__}


@router.get("/jwks.json")
async def jwks(signer: SignerDep) -> dict[str, Any]:
    """The public key that access tokens are signed with, as a JWKS."""
    return signer.jwks()
