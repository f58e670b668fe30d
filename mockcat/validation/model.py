"""What validation hands back to the route: clean updates or problems."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final

# A received value is echoed back in the error body; cap what a client sees so
# a megabyte string does not come back a hundred times (contract §9).
_ECHO_LIMIT: Final = 200
_INT_BITS: Final = 256
_INT64_MIN: Final = -(2**63)
_UINT64_MAX: Final = 2**64 - 1


class Profile(StrEnum):
    """How forgiving validation is (contract §8)."""

    STRICT = "strict"
    LENIENT = "lenient"


@dataclass(slots=True)
class Problem:
    """One thing wrong with a POST body; ``index`` is None for the whole body."""

    index: int | None
    lead_id: str | None
    field: str | None
    message: str
    received: object = None
    expected: str | None = None
    hint: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The error-body entry; every key is always present (None allowed)."""
        return {
            "index": self.index,
            "leadId": self.lead_id,
            "field": self.field,
            "message": self.message,
            "received": echo(self.received),
            "expected": self.expected,
            "hint": self.hint,
        }


@dataclass(slots=True)
class CleanUpdate:
    """An update that passed: current field names, normalized values."""

    index: int
    lead_id: str
    values: dict[str, object]
    stage: str | None
    status: str
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BatchResult:
    """All updates when there are no problems; otherwise the problems count."""

    updates: list[CleanUpdate]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        """True when the batch may be stored (all or nothing, contract §8)."""
        return not self.problems


def echo(value: object) -> object:
    """A JSON-safe, bounded rendering of a received value."""
    if isinstance(value, str):
        return clip(value)
    if isinstance(value, float):
        # NaN and infinities are not JSON; show them as text.
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        # orjson writes 64-bit integers only; a larger one goes back as text.
        return value if _INT64_MIN <= value <= _UINT64_MAX else show(value)
    if isinstance(value, dict):
        return f"an object with {len(value)} keys"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    return value


def show(value: object) -> str:
    """A received value in words, short and safe to format whatever it is."""
    match value:
        case None:
            return "null"
        case bool():
            return "true" if value else "false"
        case int() if value.bit_length() > _INT_BITS:
            # str() of a huge int is slow and may raise; say what it is.
            return "a very large integer"
        case str():
            return f'"{clip(value)}"'
        case dict() | list():
            return f"an {json_type(value)}"
    return clip(str(value))


def clip(text: str, limit: int = _ECHO_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, marked when cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    match value:
        case None:
            return "null"
        case bool():
            return "boolean"
        case int() | float() | Decimal():
            return "number"
        case str():
            return "string"
        case list():
            return "array"
        case dict():
            return "object"
    return type(value).__name__
