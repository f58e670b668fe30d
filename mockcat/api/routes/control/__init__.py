"""The simulator's controls (contract §10), under its own prefix."""

from __future__ import annotations

from fastapi import APIRouter

from mockcat.api.deps import AdminDep
from mockcat.api.routes.control import seed
from mockcat.api.routes.simulator import SIM_PREFIX

router = APIRouter(prefix=SIM_PREFIX, dependencies=[AdminDep])
router.include_router(seed.router)
