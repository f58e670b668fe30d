"""The simulator's controls (contract §10), under its own prefix."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from mockcat.api.deps import AdminDep
from mockcat.api.routes.control import (
    clients,
    clock,
    faults,
    feed,
    journal,
    leads,
    reset,
    seed,
)
from mockcat.api.routes.simulator import SIM_PREFIX

router = APIRouter(prefix=SIM_PREFIX, dependencies=[AdminDep])
for part in (seed, reset, leads, faults, clock, feed, journal, clients):
    router.include_router(part.router)

_NOTE = "Not part of the real API. Needs the admin token when one is set."

# The OpenAPI document lists the real API first, then these, each on its own.
TAGS: list[dict[str, Any]] = [
    {"name": "Simulator: data", "description": f"Seed and reset. {_NOTE}"},
    {
        "name": "Simulator: leads",
        "description": f"Leads as Caterpillar sees them. {_NOTE}",
    },
    {"name": "Simulator: faults", "description": f"Failures on purpose. {_NOTE}"},
    {"name": "Simulator: clock", "description": f"The simulator's time. {_NOTE}"},
    {"name": "Simulator: feed", "description": f"Leads arriving live. {_NOTE}"},
    {"name": "Simulator: journal", "description": f"Recent requests. {_NOTE}"},
    {"name": "Simulator: clients", "description": f"OAuth clients, dealers. {_NOTE}"},
]
