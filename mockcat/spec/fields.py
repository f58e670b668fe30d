"""The shape of one row of a field table in the vendor guide."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FieldType(enum.StrEnum):
    """The guide's types, as mockcat serializes them."""

    STRING = "string"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"  # YYYY-MM-DD
    DATETIME = "datetime"  # ISO 8601 with a UTC offset


class Required(enum.StrEnum):
    """The guide's "Required (Y/N/C)" column."""

    YES = "Y"
    NO = "N"
    CONDITIONAL = "C"


@dataclass(frozen=True, slots=True)
class Field:
    """One row of a guide table: the facts every other layer derives from."""

    name: str
    type: FieldType
    description: str
    max_length: int | None = None
    required: Required = Required.NO
    enum: tuple[str, ...] | None = None
    china_only: bool = False
    example: object = None
    # The guide's "16,2"/"3,0" MaxLength entries for numbers: (total digits,
    # digits after the point).
    precision: tuple[int, int] | None = None

    def json_schema(self) -> dict[str, object]:
        """The field as a JSON Schema fragment (nullable unless required)."""
        schema: dict[str, object]
        match self.type:
            case FieldType.STRING:
                schema = {"type": "string"}
                if self.max_length is not None:
                    schema["maxLength"] = self.max_length
                if self.enum is not None:
                    schema["enum"] = list(self.enum)
            case FieldType.BOOLEAN:
                schema = {"type": "boolean"}
            case FieldType.INTEGER:
                schema = {"type": "integer"}
            case FieldType.DECIMAL:
                schema = {"type": ["number", "string"]}
            case FieldType.DATE:
                schema = {"type": "string", "format": "date"}
            case FieldType.DATETIME:
                schema = {"type": "string", "format": "date-time"}
        schema["description"] = self.description
        if self.example is not None:
            schema["examples"] = [self.example]
        if self.required is not Required.YES:
            schema = {"anyOf": [schema, {"type": "null"}], **_hoist(schema)}
        return schema


def _hoist(schema: dict[str, object]) -> dict[str, object]:
    """Keep description and examples at the top of a nullable schema."""
    return {k: schema[k] for k in ("description", "examples") if k in schema}
