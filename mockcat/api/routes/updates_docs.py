"""The POST route's part of the OpenAPI document: request, answers, examples.

The request schema comes from the POST table (``update_json_schema``); the
error example is what the validation really answers for a body shaped like
the guide's samples, so the document cannot drift from the behaviour.
"""

from __future__ import annotations

from typing import Any, Final

from mockcat.api.openapi import ERROR_BODY, JSON, error_content
from mockcat.spec.update_fields import LEAD_STATUSES, STAGES, update_json_schema
from mockcat.validation import Profile, validate_batch

SAMPLE_LEAD: Final = "00Q1W00001SmV5oUAF"

_REP: Final[dict[str, object]] = {
    "leadId": SAMPLE_LEAD,
    "dealerLeadId": "A123VSDFDFF",
    "dealerSalesRep": "JOHN DOE",
    "dealerSalesRepNumber": "AB12496",
    "currencyIsoCode": "USD",
}

REQUEST_EXAMPLES: Final[dict[str, dict[str, Any]]] = {
    "rejected": {
        "summary": "Rejected, with a reason that needs a comment (R1, R2)",
        "value": [
            {
                **_REP,
                "leadStatus": "Rejected",
                "rejectedReasonWhy": "For Another Dealer",
                "rejectedReasonComments": "Incorrectly routed to our dealership",
            }
        ],
    },
    "qualification": {
        "summary": "An opportunity at 10 %: stage Qualification (R6)",
        "value": [
            {
                **_REP,
                "leadStatus": "Accepted",
                "dealerOpportunityId": "B23445232ASSDDV",
                "probabilityOfClosurePercentage": 10,
                "opportunityAmount": 1999.45,
                "targetDate": "2021-09-23",
                "customerContacted": "Yes",
                "dateContacted": "2020-04-19",
            }
        ],
    },
    "closedLost": {
        "summary": "Closed Lost: 0 % and closedNoDeal 0 (R7, R8, R9)",
        "value": [
            {
                **_REP,
                "leadStatus": "Accepted",
                "dealerOpportunityId": "B23445232ASSDDV",
                "probabilityOfClosurePercentage": 0,
                "closedNoDeal": 0,
                "primaryClosedReason": "Competitive Financial (Term/Rates/Scope)",
                "opportunityAmount": "1999.45",
                "targetDate": "2019-09-23",
                "dealerCustomerNumber": "123433",
            }
        ],
    },
}

# As the guide prints its samples: a key with a trailing space, a status with
# a leading one, the misspelt secondayClosedReason, no sales rep number.
_AS_PRINTED: Final[list[object]] = [
    {
        "leadId": SAMPLE_LEAD,
        "dealerLeadId": "A123VSDFDFF",
        "dealerSalesRep": "JOHN DOE",
        "dealerCustomerNumber ": "123433",
        "leadStatus": " Accepted",
        "currencyIsoCode": "USD",
        "secondayClosedReason": "None",
    }
]

UPDATE_RESULT: Final[dict[str, Any]] = {
    "title": "UpdateResult",
    "type": "object",
    "properties": {
        "index": {"type": "integer", "minimum": 0},
        "leadId": {"type": "string"},
        "leadStatus": {"type": "string", "enum": list(LEAD_STATUSES)},
        "stage": {
            "anyOf": [{"type": "string", "enum": list(STAGES)}, {"type": "null"}],
            "description": "The opportunity stage; null when no percentage "
            "was sent (the status alone describes the lead).",
        },
        "warnings": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["index", "leadId", "leadStatus", "stage", "warnings"],
}

SUCCESS_BODY: Final[dict[str, Any]] = {
    "title": "UpdatesStored",
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "updates": {"type": "array", "items": UPDATE_RESULT},
    },
    "required": ["message", "updates"],
}

_NULLABLE_TEXT: Final = {"type": ["string", "null"]}

PROBLEM: Final[dict[str, Any]] = {
    "title": "Problem",
    "type": "object",
    "properties": {
        "index": {
            "type": ["integer", "null"],
            "description": "The update's position; null for the body as a whole.",
        },
        "leadId": {**_NULLABLE_TEXT, "description": "As sent, if a string."},
        "field": {**_NULLABLE_TEXT, "description": "The key as sent."},
        "message": {"type": "string"},
        "received": {"description": "The value received (long text cut)."},
        "expected": _NULLABLE_TEXT,
        "hint": _NULLABLE_TEXT,
    },
    "required": [
        "index",
        "leadId",
        "field",
        "message",
        "received",
        "expected",
        "hint",
    ],
}

BAD_REQUEST_BODY: Final[dict[str, Any]] = {
    "title": "UpdateError",
    "type": "object",
    "description": "A bad header (message only), a body that is not JSON "
    "(line and column, when known) or a batch with problems (errors).",
    "properties": {
        "message": {"type": "string"},
        "errors": {"type": "array", "items": PROBLEM},
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
    },
    "required": ["message"],
}


def request_schema(max_batch: int = 100) -> dict[str, Any]:
    """The body: 1 to ``max_batch`` update objects."""
    return {
        "type": "array",
        "minItems": 1,
        "maxItems": max_batch,
        "items": update_json_schema(),
    }


def problems_example() -> dict[str, Any]:
    """The strict profile's real answer to ``_AS_PRINTED``."""
    result = validate_batch(_AS_PRINTED, profile=Profile.STRICT)
    errors = [problem.as_dict() for problem in result.problems]
    message = f"{len(errors)} problem(s) in the batch; nothing was stored."
    return {"message": message, "errors": errors}


def success_example() -> dict[str, Any]:
    """The answer to the "qualification" request example."""
    update = {
        "index": 0,
        "leadId": SAMPLE_LEAD,
        "leadStatus": "Accepted",
        "stage": "Qualification",
        "warnings": [],
    }
    return {"message": "1 update(s) stored.", "updates": [update]}


def responses() -> dict[int | str, dict[str, Any]]:
    """Every answer of the POST route."""
    return {
        200: {
            "description": "Every update stored; each with its stage and warnings.",
            "content": {JSON: {"schema": SUCCESS_BODY, "example": success_example()}},
        },
        400: {
            "description": "A bad header, a body that is not JSON, or a batch "
            "with problems: every problem is listed and nothing is stored.",
            "content": {
                JSON: {"schema": BAD_REQUEST_BODY, "example": problems_example()}
            },
        },
        401: {
            "description": "Missing or invalid token.",
            "content": error_content("Invalid access token."),
        },
        403: {
            "description": "Token without manage:all, client disabled, or an "
            "update of another dealer's lead: nothing is stored.",
            "content": error_content("You are not authorized to perform that action."),
        },
        413: {
            "description": "Body over the size limit (1 MiB by default).",
            "content": error_content(
                "Request body too large: the limit is 1048576 bytes."
            ),
        },
        500: {
            "description": "Unexpected failure; details only in the log.",
            "content": error_content("Internal server error.", ERROR_BODY),
        },
    }


def request_body(max_batch: int = 100) -> dict[str, Any]:
    """The requestBody object, with the guide's scenarios as examples."""
    return {
        "required": True,
        "content": {
            JSON: {"schema": request_schema(max_batch), "examples": REQUEST_EXAMPLES}
        },
    }
