"""Salesforce-style 18-character lead ids, reproducible from (dealer, seed, index).

Layout: "00Q" (Salesforce's Lead key prefix), seven characters from a hash of the
dealer code and seed, five from the lead's index, then Salesforce's three-character
case-check suffix. The hash part keeps batches of different dealers and seeds apart;
the index part makes ids within one batch distinct by construction.
"""

from __future__ import annotations

import hashlib
from typing import Final

_BASE62: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_PREFIX: Final = "00Q"
_SALT_DIGITS: Final = 7
_INDEX_DIGITS: Final = 5
MAX_BATCH: Final = 62**_INDEX_DIGITS

# Every two-digit base-62 string with its upper-case mask, so an index's five
# digits and checksum bits come from three table look-ups rather than a loop.
_PAIRS: Final = tuple(a + b for a in _BASE62 for b in _BASE62)


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, d = divmod(number, 62)
        digits.append(_BASE62[d])
    return "".join(reversed(digits))


def _case_bits(chunk: str) -> int:
    """Salesforce's checksum of a 5-character chunk: one bit per upper-case letter."""
    return sum(1 << i for i, c in enumerate(chunk) if "A" <= c <= "Z")


_PAIR_BITS: Final = tuple(_case_bits(p) for p in _PAIRS)
_DIGIT_BITS: Final = tuple(_case_bits(c) for c in _BASE62)


def checksum(id15: str) -> str:
    """The three characters that turn a 15-character id into its 18-character form."""
    return "".join(_SUFFIX[_case_bits(id15[i : i + 5])] for i in (0, 5, 10))


class LeadIds:
    """Ids for one batch; the fixed head and its checksum are computed once."""

    def __init__(self, dealer_code: str, seed: int) -> None:
        digest = hashlib.blake2b(f"{dealer_code}\x1f{seed}".encode(), digest_size=8)
        salt = int.from_bytes(digest.digest(), "big") % 62**_SALT_DIGITS
        self._head = _PREFIX + _base62(salt, _SALT_DIGITS)
        self._head_check = checksum(self._head + "00000")[:2]

    def __call__(self, index: int) -> str:
        if not 0 <= index < MAX_BATCH:
            raise ValueError(f"a batch holds at most {MAX_BATCH} leads")
        high, low = divmod(index, 3844)
        top, mid = divmod(high, 3844)
        bits = _DIGIT_BITS[top] | _PAIR_BITS[mid] << 1 | _PAIR_BITS[low] << 3
        tail = f"{_BASE62[top]}{_PAIRS[mid]}{_PAIRS[low]}"
        return f"{self._head}{tail}{self._head_check}{_SUFFIX[bits]}"
