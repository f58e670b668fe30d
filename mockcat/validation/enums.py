"""Matching a received string against a field's listed values (contract §8).

Strict: the guide was typeset, so spaces around "/" are ignored, runs of
spaces count as one and a typographic apostrophe counts as "'"; nothing else
is forgiven. Lenient additionally trims the value and ignores case.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Final

_AROUND_SLASH: Final = re.compile(r" *\/ *")
_SPACE_RUN: Final = re.compile(r" {2,}")


def typeset_key(value: str) -> str:
    """The form two values are compared in under the strict profile."""
    value = value.replace("\u2019", "'")
    if "/" in value:
        value = _AROUND_SLASH.sub("/", value)
    if "  " in value:
        value = _SPACE_RUN.sub(" ", value)
    return value


def lenient_key(value: str) -> str:
    """The lenient comparison form: strict form, trimmed, case folded."""
    return typeset_key(value.strip()).casefold()


@dataclass(frozen=True, slots=True)
class Match:
    """A listed value found for a received one, and how it was found."""

    value: str
    trimmed: bool = False
    case_changed: bool = False

    @property
    def relaxed(self) -> bool:
        """True when only the lenient profile would accept the received text."""
        return self.trimmed or self.case_changed


class EnumMatcher:
    """The listed values of one field, indexed once for both profiles."""

    __slots__ = ("values", "_strict", "_lenient")

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values
        self._strict = {typeset_key(v): v for v in values}
        self._lenient = {lenient_key(v): v for v in values}

    def strict(self, received: str) -> str | None:
        """The listed value ``received`` stands for, strictly; else None."""
        if received in self._strict:  # the usual case: sent exactly as listed
            return self._strict[received]
        return self._strict.get(typeset_key(received))

    def lenient(self, received: str) -> Match | None:
        """The listed value under the lenient profile, with what was relaxed."""
        exact = self.strict(received)
        if exact is not None:
            return Match(exact)
        found = self._lenient.get(lenient_key(received))
        if found is None:
            return None
        stripped = received.strip()
        trimmed = stripped != received
        case_changed = typeset_key(stripped) != typeset_key(found)
        return Match(found, trimmed, case_changed)

    def suggest(self, received: str) -> str | None:
        """A hint for a value no profile accepts: the closest listed value."""
        if len(received) > 300:  # difflib is quadratic; long input gets no hint
            return None
        near = difflib.get_close_matches(
            lenient_key(received), list(self._lenient), n=1, cutoff=0.6
        )
        return self._lenient[near[0]] if near else None

    def expected(self) -> str:
        """The listed values, for the ``expected`` slot of a problem."""
        return "one of: " + ", ".join(f'"{v}"' for v in self.values)
