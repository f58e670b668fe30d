"""generate_leads: fake leads as GET serves them, reproducible from a seed.

Everything random comes from one `random.Random` seeded by (dealer code, seed), and
the Faker pools are fixed per country, so the same arguments give the same leads.
dateCreated is stratified over the window (lead i falls in the i-th slice), so a
batch comes out oldest first and spread evenly, the order a store serves leads in.
"""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from mockcat.generator import sections
from mockcat.generator.catalogue import Unit, load_catalogue
from mockcat.generator.countries import COUNTRIES, COUNTRIES_BY_CODE, Country
from mockcat.generator.draw import Rand, pick, stamp, weighted
from mockcat.generator.ids import MAX_BATCH, LeadIds
from mockcat.generator.pools import Pool, pool
from mockcat.spec.lead_fields import (
    BUSINESS_UNITS,
    LEAD_FIELD_NAMES,
    LEAD_FIELDS_BY_NAME,
)

DEFAULT_WINDOW: Final = timedelta(days=30)
_FEMALE_SHARE: Final = 0.25
# The store owns leadState; the generator leaves it out.
_EMPTY: Final[dict[str, object]] = {
    n: None for n in LEAD_FIELD_NAMES if n != "leadState"
}


@dataclass(frozen=True, slots=True)
class _Batch:
    """What stays fixed while one batch is generated."""

    dealer_code: str
    ids: LeadIds
    countries: tuple[Country, ...]
    languages: dict[str, tuple[str, ...]]
    units: tuple[Unit, ...]
    latest: int
    messy: bool


def generate_leads(
    *,
    dealer_code: str,
    count: int,
    seed: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    country: str | None = None,
    business_unit: str | None = None,
    messy: bool = False,
) -> Iterator[dict[str, object]]:
    """Yield `count` fake leads for a dealer, every guide field present but leadState.

    start/end must be timezone-aware (default: the 30 days before now); country is
    an ISO alpha-2 code of `SUPPORTED_COUNTRIES`; business_unit a guide value.
    `messy` mixes in the off-list spellings of the guide's samples. Arguments are
    checked now, leads are made as they are consumed.
    """
    _check_scalars(dealer_code, count)
    lo, hi = _window(start, end)
    if seed is None:
        seed = secrets.randbits(63)
    batch = _Batch(
        dealer_code=dealer_code,
        ids=LeadIds(dealer_code, seed),
        countries=_countries(country),
        languages={c.code: weighted(c.languages) for c in COUNTRIES},
        units=_units(business_unit),
        latest=hi,
        messy=messy,
    )
    rng = random.Random(f"{dealer_code}\x1f{seed}")
    return _leads(batch, rng, count, lo, hi)


def _leads(
    batch: _Batch, rng: random.Random, count: int, lo: int, hi: int
) -> Iterator[dict[str, object]]:
    r = rng.random
    slice_width = (hi - lo + 1) / max(count, 1)
    for index in range(count):
        created = min(lo + int((index + r()) * slice_width), hi)
        yield _lead(batch, r, index, created)


def _lead(batch: _Batch, r: Rand, index: int, created: int) -> dict[str, object]:
    lead = _EMPTY.copy()
    country = pick(r, batch.countries)
    where: Pool = pool(country.code)
    language = pick(r, batch.languages[country.code])
    female = r() < _FEMALE_SHARE
    lead["leadId"] = batch.ids(index)
    lead["catDealerCode"] = batch.dealer_code
    lead["dateCreated"] = stamp(created)
    lead["countryCode"] = country.code
    lead["country"] = country.name
    lead["systemLanguage"] = language
    sections.person(r, lead, country, where, female)
    sections.address(r, lead, where)
    sections.jobsite(r, lead, country, where)
    unit = pick(r, batch.units)
    sections.product(r, lead, unit, language, created)
    sections.marketing(r, lead)
    sections.call_center(r, lead, created, batch.latest)
    sections.service(r, lead, unit, where)
    if country.code == "CN":
        sections.china(r, lead, where, created, female)
    if batch.messy:
        sections.mess(r, lead)
    return lead


def _check_scalars(dealer_code: str, count: int) -> None:
    limit = LEAD_FIELDS_BY_NAME["catDealerCode"].max_length or 0
    if not dealer_code or len(dealer_code) > limit:
        raise ValueError(f"dealer_code must be 1 to {limit} characters")
    if isinstance(count, bool) or not 0 <= count <= MAX_BATCH:
        raise ValueError(f"count must be an integer from 0 to {MAX_BATCH}")


def _window(start: datetime | None, end: datetime | None) -> tuple[int, int]:
    """The whole seconds in [start, end], as POSIX timestamps."""
    for name, value in (("start", start), ("end", end)):
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must be a timezone-aware datetime")
    end = datetime.now(UTC) if end is None else end
    start = end - DEFAULT_WINDOW if start is None else start
    lo, hi = math.ceil(start.timestamp()), math.floor(end.timestamp())
    if hi < lo:
        raise ValueError("start must not be after end")
    return lo, hi


def _countries(code: str | None) -> tuple[Country, ...]:
    if code is None:
        return weighted([(c, c.weight) for c in COUNTRIES])
    chosen = COUNTRIES_BY_CODE.get(code.upper())
    if chosen is None:
        raise ValueError(f"country must be one of {', '.join(SUPPORTED_COUNTRIES)}")
    return weighted([(chosen, 1.0)])


def _units(name: str | None) -> tuple[Unit, ...]:
    units = load_catalogue()
    if name is None:
        return weighted([(u, u.weight) for u in units])
    if name not in BUSINESS_UNITS:
        raise ValueError(f"business_unit must be one of the guide's: {BUSINESS_UNITS}")
    return weighted([(next(u for u in units if u.name == name), 1.0)])


SUPPORTED_COUNTRIES: Final = tuple(c.code for c in COUNTRIES)
