"""The Lead API's POST route: dealer updates (contract §8, §9)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from mockcat.api.deps import CallerDep, SettingsDep, StoreDep
from mockcat.api.errors import json_response
from mockcat.api.routes import updates_docs
from mockcat.api.routes.leads import LEADS_PATH
from mockcat.core.errors import ApiError, InvalidRequestHeader, NotAuthorized
from mockcat.store.updates import NewUpdate
from mockcat.validation import (
    BodyError,
    CleanUpdate,
    Problem,
    Profile,
    parse_json_body,
    validate_batch,
)

router = APIRouter(tags=["Lead API v2"])


class MalformedBody(ApiError):
    """A body that is not JSON, not UTF-8, or absurd (contract §9)."""


class InvalidBatch(ApiError):
    """A batch with problems: every one of them is listed, nothing stored."""


def _is_json(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == "application/json"


def _parse(raw: bytes) -> object:
    try:
        return parse_json_body(raw)
    except BodyError as exc:
        extra: dict[str, Any] = {}
        if exc.line is not None:
            extra = {"line": exc.line, "column": exc.column}
        raise MalformedBody(exc.message, extra=extra) from None


def _claimed_lead_ids(body: object) -> list[tuple[int, str]]:
    if not isinstance(body, list):
        return []
    return [
        (index, item["leadId"])
        for index, item in enumerate(body)
        if isinstance(item, dict) and isinstance(item.get("leadId"), str)
    ]


def _ownership_problems(
    body: object, store: StoreDep, dealer_code: str, known_bad: set[int]
) -> list[Problem]:
    """Unknown leads are problems; another dealer's lead forbids the request.

    A leadId already refused (too long, say) at an index in ``known_bad`` is
    not also reported unknown: one cause, one problem.
    """
    claimed = [c for c in _claimed_lead_ids(body) if c[0] not in known_bad]
    owners = store.leads.owners(lead_id for _, lead_id in claimed)
    if any(owners.get(lead_id, dealer_code) != dealer_code for _, lead_id in claimed):
        raise NotAuthorized()
    return [
        Problem(
            index,
            lead_id,
            "leadId",
            "No lead with this leadId exists.",
            received=lead_id,
            expected="the leadId of one of your leads",
        )
        for index, lead_id in claimed
        if lead_id not in owners
    ]


def _result(update: CleanUpdate) -> dict[str, Any]:
    return {
        "index": update.index,
        "leadId": update.lead_id,
        "leadStatus": update.status,
        "stage": update.stage,
        "warnings": update.warnings,
    }


@router.post(
    LEADS_PATH,
    summary="Send dealer updates of leads",
    responses=updates_docs.responses(),
    openapi_extra={"requestBody": updates_docs.request_body()},
    response_class=Response,
)
async def post_updates(
    request: Request, caller: CallerDep, store: StoreDep, settings: SettingsDep
) -> Response:
    """Send dealer updates of leads: all of the batch is stored, or none of it."""
    if not _is_json(request.headers.get("content-type", "")):
        raise InvalidRequestHeader()
    body = _parse(await request.body())
    profile = Profile(caller.validation_profile.value)
    result = validate_batch(body, profile=profile, max_batch=settings.max_batch)
    bad_ids = {p.index for p in result.problems if p.field == "leadId"}
    problems = result.problems + _ownership_problems(
        body, store, caller.dealer_code, {i for i in bad_ids if i is not None}
    )
    if problems:
        problems.sort(key=lambda p: -1 if p.index is None else p.index)
        raise InvalidBatch(
            f"{len(problems)} problem(s) in the batch; nothing was stored.",
            extra={"errors": [p.as_dict() for p in problems]},
        )
    store.updates.apply(
        [
            NewUpdate(u.lead_id, u.status, u.stage, u.values, u.warnings)
            for u in result.updates
        ],
        dealer_code=caller.dealer_code,
        client_id=caller.client_id,
        request_id=request.state.request_id,
        now_us=store.clock.now_us(),
    )
    results = [_result(update) for update in result.updates]
    return json_response(
        200, {"message": f"{len(results)} update(s) stored.", "updates": results}
    )
