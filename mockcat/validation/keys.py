"""What a received key means: a current field, an old name, a typo (contract §8)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum, auto
from functools import lru_cache
from typing import Final

from mockcat.spec.update_fields import (
    DEPRECATED_FIELDS,
    FIELDS_BY_NAME,
    RENAMED_FIELDS,
)


class KeyKind(Enum):
    """How a key relates to the POST table."""

    CURRENT = auto()  # a field of the table, spelled exactly
    DEPRECATED = auto()  # leadAlreadyKnown: accepted and ignored
    RENAMED = auto()  # an old name with a current replacement
    REMOVED = auto()  # an old name with no replacement (closedDisqualified)
    UNKNOWN = auto()  # none of the above


@dataclass(frozen=True, slots=True)
class KeyVerdict:
    """A key's reading.

    ``field`` is the current field it stands for (None if unknown or removed);
    ``spaced`` says the key only matched once surrounding spaces were trimmed.
    """

    kind: KeyKind
    field: str | None = None
    spaced: bool = False


_EXACT: Final[dict[str, KeyVerdict]] = {
    name: KeyVerdict(
        KeyKind.DEPRECATED if name in DEPRECATED_FIELDS else KeyKind.CURRENT, name
    )
    for name in FIELDS_BY_NAME
}
_OLD: Final[dict[str, KeyVerdict]] = {
    old: KeyVerdict(KeyKind.RENAMED if new else KeyKind.REMOVED, new)
    for old, new in RENAMED_FIELDS.items()
}
_KNOWN: Final = {**_EXACT, **_OLD}
_UNKNOWN: Final = KeyVerdict(KeyKind.UNKNOWN)

# Hints point at current names only; an old name is hinted as its successor.
_HINT_TARGETS: Final[dict[str, str]] = {
    **{name.casefold(): name for name in FIELDS_BY_NAME},
    **{old.casefold(): new for old, new in RENAMED_FIELDS.items() if new},
}
_HINT_LIMIT: Final = 100  # longer keys are not typos of a field name


def read_key(key: str) -> KeyVerdict:
    """The reading of ``key``: a dict hit for every well-formed key."""
    verdict = _KNOWN.get(key)
    if verdict is not None:
        return verdict
    stripped = key.strip()
    if stripped != key and stripped in _KNOWN:
        known = _KNOWN[stripped]
        return KeyVerdict(known.kind, known.field, spaced=True)
    return _UNKNOWN


@lru_cache(maxsize=512)
def nearest_field(key: str) -> str | None:
    """The current field a mistyped key most likely meant, if any is close."""
    if len(key) > _HINT_LIMIT:
        return None
    folded = key.strip().casefold()
    if folded in _HINT_TARGETS:  # differs only in case
        return _HINT_TARGETS[folded]
    near = difflib.get_close_matches(folded, list(_HINT_TARGETS), n=1, cutoff=0.6)
    return _HINT_TARGETS[near[0]] if near else None


def spacing(key: str) -> str:
    """Which side of ``key`` carries the stray spaces, in words."""
    leading = key[:1].isspace()
    trailing = key[-1:].isspace()
    if leading and trailing:
        return "spaces around it"
    return "a leading space" if leading else "a trailing space"
