"""What the control routes share: their models' base and time formatting."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ControlModel(BaseModel):
    """JSON in camelCase, like the Lead API; unknown keys are an error."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid"
    )


def iso(micros: int | None) -> datetime | None:
    """A simulator time (microseconds since the epoch) as an aware datetime."""
    if micros is None:
        return None
    return datetime.fromtimestamp(micros / 1_000_000, UTC)


def micros(moment: datetime) -> int:
    return int(moment.timestamp()) * 1_000_000 + moment.microsecond
