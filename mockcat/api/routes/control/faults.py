"""Fault rules: make matching requests fail, wait, or lose their connection."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import Field, JsonValue, field_validator, model_validator
from starlette.responses import Response

from mockcat.api.deps import StoreDep
from mockcat.api.middleware import CONTROL_PREFIX
from mockcat.api.routes.control.common import ControlModel, iso
from mockcat.core.errors import NotFound
from mockcat.store.faults import NewRule, Rule

router = APIRouter(tags=["Simulator: faults"])

_METHOD = re.compile(r"^(\*|[A-Z]{3,7})$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$")
_FORBIDDEN_HEADERS = {"content-length", "transfer-encoding", "connection"}


class FaultRuleCreate(ControlModel):
    """Which requests a rule matches, what it does to them, and how often."""

    method: str = Field(
        default="*", description="GET, POST, ... or * for any.", examples=["GET"]
    )
    path: str = Field(
        min_length=1,
        max_length=500,
        description="A path, or a pattern where * matches anything.",
        examples=["/marketing/ecrm/leadManagement/v2/leads"],
    )
    status: int | None = Field(
        default=None, ge=100, le=599, description="Answer with this status."
    )
    body: JsonValue = Field(
        default=None,
        description="The answer's body: JSON, or a string sent as text. Default:"
        ' {"message": "Simulated failure ..."}.',
    )
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="Headers of the answer.",
        examples=[{"Retry-After": "30"}],
    )
    delay_ms: int = Field(
        default=0, ge=0, le=600_000, description="Wait this long first."
    )
    drop: bool = Field(
        default=False, description="Cut the connection instead of answering."
    )
    when: Literal["before", "after"] = Field(
        default="before",
        description="before: the API never sees the request. after: it does its"
        " work (GET leads marks the leads SENT), then the answer fails.",
    )
    times: int | None = Field(
        default=None, ge=1, le=1_000_000, description="Only the next N matches."
    )
    probability: float | None = Field(
        default=None, gt=0, le=1, description="Fire on this share of the matches."
    )

    @field_validator("method")
    @classmethod
    def _method(cls, value: str) -> str:
        value = value.strip().upper()
        if not _METHOD.match(value):
            raise ValueError("must be an HTTP method such as GET or POST, or *")
        return value

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.startswith(("/", "*")):
            raise ValueError("must start with /")
        if value == CONTROL_PREFIX or value.startswith(CONTROL_PREFIX + "/"):
            raise ValueError(
                f"the simulator's own routes ({CONTROL_PREFIX}) can't fail"
            )
        return value

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name, text in value.items():
            if not _HEADER_NAME.match(name) or name.lower() in _FORBIDDEN_HEADERS:
                raise ValueError(f"{name!r} can't be set as a header name")
            if any(ord(c) < 32 or ord(c) > 126 for c in text):
                raise ValueError(f"the value of {name!r} must be printable ASCII")
        return value

    @model_validator(mode="after")
    def _one_action(self) -> FaultRuleCreate:
        if self.drop and self.status is not None:
            raise ValueError("give status or drop, not both")
        if not self.drop and self.status is None and self.delay_ms == 0:
            raise ValueError("give status, drop or delayMs: the rule does nothing")
        return self


class FaultRulePublic(ControlModel):
    id: int
    method: str
    path: str
    status: int | None
    body: JsonValue
    headers: dict[str, str]
    delay_ms: int
    drop: bool
    when: str
    times: int | None
    remaining: int | None = Field(description="Matches left; null: no count.")
    probability: float | None
    hits: int = Field(description="How many requests it has fired on.")
    created_at: datetime | None


class FaultRuleList(ControlModel):
    data: list[FaultRulePublic]
    count: int


class FaultsCleared(ControlModel):
    removed: int


def _public(rule: Rule) -> FaultRulePublic:
    return FaultRulePublic(
        id=rule.id,
        method=rule.method,
        path=rule.path,
        status=rule.status,
        body=rule.body,
        headers=rule.headers,
        delay_ms=rule.delay_ms,
        drop=rule.drop,
        when=rule.timing,
        times=rule.times,
        remaining=rule.remaining,
        probability=rule.probability,
        hits=rule.hits,
        created_at=iso(rule.created_at),
    )


@router.get("/faults")
async def list_faults(store: StoreDep) -> FaultRuleList:
    """Every fault rule, oldest first, with how often each has fired."""
    rules = [_public(rule) for rule in store.faults.all()]
    return FaultRuleList(data=rules, count=len(rules))


@router.post("/faults", status_code=201)
async def add_fault(rule: FaultRuleCreate, store: StoreDep) -> FaultRulePublic:
    """Add a rule; the first matching rule that fires decides a request's fate."""
    fields: dict[str, Any] = rule.model_dump(exclude={"when"})
    added = store.faults.add(
        NewRule(**fields, timing=rule.when), now_us=store.clock.now_us()
    )
    return _public(added)


@router.delete("/faults")
async def clear_faults(store: StoreDep) -> FaultsCleared:
    """Remove every fault rule."""
    return FaultsCleared(removed=store.faults.clear())


@router.delete("/faults/{rule_id}", status_code=204, response_class=Response)
async def remove_fault(rule_id: int, store: StoreDep) -> Response:
    """Remove one fault rule."""
    if not store.faults.remove(rule_id):
        raise NotFound(f"No fault rule with id {rule_id}.")
    return Response(status_code=204)
