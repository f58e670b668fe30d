"""Leads given as JSON, checked against the guide's Leads table before storing.

Every problem is reported with the lead's index and the field; a list with any
problem stores nothing. Missing fields become null; a missing leadId is made
up, a missing catDealerCode is the request's dealer, a missing dateCreated is
the simulator's now.
"""

from __future__ import annotations

import difflib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mockcat.generator.ids import LeadIds
from mockcat.spec.fields import Field, FieldType
from mockcat.spec.lead_fields import LEAD_FIELD_NAMES, LEAD_FIELDS_BY_NAME

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Set by the simulator, not by whoever seeds.
_STATE = "leadState"


@dataclass(frozen=True, slots=True)
class LeadProblem:
    index: int
    field: str | None
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"index": self.index, "field": self.field, "message": self.message}


def _type_problem(spec: Field, value: Any) -> str | None:
    match spec.type:
        case FieldType.STRING:
            return _string_problem(spec, value)
        case FieldType.BOOLEAN:
            return None if isinstance(value, bool) else "must be true or false"
        case FieldType.INTEGER:
            ok = isinstance(value, int) and not isinstance(value, bool)
            return None if ok else "must be an integer"
        case FieldType.DECIMAL:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            return None if ok else "must be a number"
        case FieldType.DATE:
            return _date_problem(value)
        case FieldType.DATETIME:
            return _datetime_problem(value)
    return None


def _string_problem(spec: Field, value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    if spec.max_length is not None and len(value) > spec.max_length:
        return f"is {len(value)} characters; at most {spec.max_length}"
    if spec.enum is not None and value not in spec.enum:
        return "must be one of: " + ", ".join(spec.enum)
    return None


def _date_problem(value: Any) -> str | None:
    try:
        if isinstance(value, str) and _DATE.match(value):
            date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return "must be a date as YYYY-MM-DD"


def _datetime_problem(value: Any) -> str | None:
    try:
        if (
            isinstance(value, str)
            and datetime.fromisoformat(value).utcoffset() is not None
        ):
            return None
    except ValueError:
        pass
    return (
        "must be an ISO 8601 date-time with an offset, e.g. 2024-05-01T10:00:00+00:00"
    )


def _key_problem(key: str) -> str:
    hint = difflib.get_close_matches(key, LEAD_FIELD_NAMES, n=1)
    nearest = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"is not a field of the guide's Leads table{nearest}"


def _lead_problems(index: int, lead: dict[str, Any]) -> list[LeadProblem]:
    problems: list[LeadProblem] = []
    for key, value in lead.items():
        spec = LEAD_FIELDS_BY_NAME.get(key)
        if spec is None:
            problems.append(LeadProblem(index, key, _key_problem(key)))
        elif key == _STATE and value not in (None, "NEW"):
            problems.append(
                LeadProblem(index, key, "a seeded lead is NEW; leave it out")
            )
        elif value is not None and (reason := _type_problem(spec, value)):
            problems.append(LeadProblem(index, key, reason))
    if lead.get("countryCode") != "CN":
        problems += [
            LeadProblem(index, key, "is for China leads only (countryCode CN)")
            for key, value in lead.items()
            if value is not None
            and key in LEAD_FIELDS_BY_NAME
            and LEAD_FIELDS_BY_NAME[key].china_only
        ]
    return problems


class LeadImport:
    """Checks and completes a list of given leads."""

    def __init__(self, dealer: str | None, now: datetime) -> None:
        self.dealer = dealer
        self.now = now.replace(microsecond=0).isoformat()
        self.ids = LeadIds(dealer or "seed", secrets.randbits(63))

    def check(
        self, leads: list[Any], known: set[str]
    ) -> tuple[list[dict[str, Any]], list[LeadProblem]]:
        """The completed leads, and every problem; ``known`` are stored ids."""
        done: list[dict[str, Any]] = []
        problems: list[LeadProblem] = []
        seen: dict[str, int] = {}
        for index, given in enumerate(leads):
            if not isinstance(given, dict):
                problems.append(LeadProblem(index, None, "must be a JSON object"))
                continue
            problems += _lead_problems(index, given)
            lead = self._complete(index, given, problems)
            lead_id = str(lead["leadId"])
            if lead_id in known:
                problems.append(LeadProblem(index, "leadId", "a lead with it exists"))
            elif lead_id in seen:
                problems.append(
                    LeadProblem(index, "leadId", f"repeats lead {seen[lead_id]}'s")
                )
            seen.setdefault(lead_id, index)
            done.append(lead)
        return done, problems

    def _complete(
        self, index: int, given: dict[str, Any], problems: list[LeadProblem]
    ) -> dict[str, Any]:
        lead = {name: given.get(name) for name in LEAD_FIELD_NAMES if name != _STATE}
        if lead["leadId"] is None:
            lead["leadId"] = self.ids(index)
        if lead["catDealerCode"] is None:
            if self.dealer is None:
                problems.append(
                    LeadProblem(index, "catDealerCode", "required (or give dealer)")
                )
            lead["catDealerCode"] = self.dealer or ""
        if lead["dateCreated"] is None:
            lead["dateCreated"] = self.now
        return lead
