"""Small, fast random helpers and the date formats leads use.

Generation must reach tens of thousands of leads a second, so picks index with
`random()` directly instead of `Random.choice` (about three times the cost),
weighted picks use expanded tables instead of bisection, and day strings are
cached.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Final, TypeVar

T = TypeVar("T")
Rand = Callable[[], float]

DAY: Final = 86_400
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def pick(r: Rand, items: Sequence[T]) -> T:
    """A uniformly chosen item of a non-empty sequence."""
    return items[int(r() * len(items))]


def weighted(pairs: Sequence[tuple[T, float]], slots: int = 2048) -> tuple[T, ...]:
    """A lookup table for weighted choice: `pick` from it draws by weight.

    Each item gets slots in proportion to its weight (at least one), so a weighted
    draw costs one index, as a uniform one does.
    """
    if len(pairs) == 1:
        return (pairs[0][0],)
    total = sum(w for _, w in pairs)
    table: list[T] = []
    for item, w in pairs:
        table.extend([item] * max(1, round(w / total * slots)))
    return tuple(table)


@functools.lru_cache(maxsize=4096)
def _day_text(days: int) -> str:
    return (_EPOCH + timedelta(days=days)).date().isoformat()


def day(timestamp: int) -> str:
    """The UTC calendar day of a POSIX timestamp, as YYYY-MM-DD."""
    return _day_text(timestamp // DAY)


def stamp(timestamp: int) -> str:
    """A POSIX timestamp as ISO 8601 in UTC with an explicit offset."""
    s = timestamp % DAY
    clock = f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{_day_text(timestamp // DAY)}T{clock}+00:00"


def digits(r: Rand, count: int) -> str:
    """A string of `count` random decimal digits."""
    return str(int(r() * 10**count)).zfill(count)


def code(r: Rand, alphabet: str, count: int) -> str:
    """A string of `count` characters drawn from `alphabet`."""
    n = len(alphabet)
    return "".join(alphabet[int(r() * n)] for _ in range(count))
