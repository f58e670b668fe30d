"""Per-country pools of names, addresses, companies and phones, made by Faker once.

Faker costs tens of microseconds a call, far too slow to call per lead at the speed
seeding needs, so each country's pool is drawn once per process with a seed fixed
by the country code, and leads then pick from it with their own seeded random. The
pools never depend on the caller's seed, so output stays reproducible whatever
order countries are first used in.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faker import Faker

from mockcat.generator.countries import COUNTRIES_BY_CODE, Country
from mockcat.spec.lead_fields import LEAD_FIELDS_BY_NAME


@dataclass(frozen=True, slots=True)
class Name:
    """A name as shown, and its ASCII slug for email addresses ("" if none)."""

    text: str
    slug: str


@dataclass(frozen=True, slots=True)
class Locality:
    """City, state or province, and postal code, as one address line's tail."""

    city: str
    state: str
    postcode: str


@dataclass(frozen=True, slots=True)
class Company:
    """A company name and the web domain its staff would mail from ("" if none)."""

    name: str
    domain: str


@dataclass(frozen=True, slots=True)
class Pool:
    """Everything per-lead generation draws from for one country."""

    male: tuple[Name, ...]
    female: tuple[Name, ...]
    last: tuple[Name, ...]
    streets: tuple[str, ...]
    secondary: tuple[str, ...]
    localities: tuple[Locality, ...]
    counties: tuple[str, ...]
    companies: tuple[Company, ...]
    phones: tuple[tuple[str, str], ...]  # (international, as dialled locally)
    mail_domains: tuple[str, ...]
    user_names: tuple[str, ...]


def _limit(field: str) -> int:
    """The guide's maximum length of a lead field (pools hold nothing longer)."""
    limit = LEAD_FIELDS_BY_NAME[field].max_length
    assert limit is not None
    return limit


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits of a name; "" for non-Latin scripts."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]", "", folded.decode().lower())


def _unique(make: Callable[[], str], size: int, max_len: int) -> tuple[str, ...]:
    """Up to `size` distinct values of `make()` that fit `max_len` characters."""
    seen: dict[str, None] = {}
    for _ in range(size * 3):
        value = make().strip()
        if value and len(value) <= max_len:
            seen[value] = None
        if len(seen) >= size:
            break
    return tuple(seen)


def _names(make: Callable[[], str], size: int, max_len: int) -> tuple[Name, ...]:
    return tuple(Name(n, slug(n)) for n in _unique(make, size, max_len))


def _method(fake: Faker, name: str) -> Callable[[], str] | None:
    """A Faker provider method by name, if the locale has it."""
    if not name:
        return None
    try:
        method: Callable[[], str] = getattr(fake, name)
    except AttributeError:
        return None
    return method


def _street(fake: Faker, country: Country) -> Callable[[], str]:
    """Street lines; ja_JP's generic format mixes in English, so build a real one."""
    if country.code == "JP":
        return lambda: f"{fake.town()}{fake.chome()}{fake.ban()}{fake.gou()}"
    return lambda: str(fake.street_address())


def _localities(fake: Faker, country: Country, size: int) -> tuple[Locality, ...]:
    city = _method(fake, country.city_method) or fake.city
    state = _method(fake, country.state_method)
    suffix = "市" if country.code == "CN" else ""
    found: list[Locality] = []
    for _ in range(size):
        name = f"{city()}{suffix}"
        postcode = str(fake.postcode())
        if len(name) <= _limit("city") and len(postcode) <= _limit("zipOrPostal"):
            found.append(Locality(name, state() if state else "UNKNOWN", postcode))
    return tuple(found)


def _companies(fake: Faker, country: Country, size: int) -> tuple[Company, ...]:
    names = _unique(fake.company, size, _limit("company"))
    return tuple(Company(n, _domain(n, country)) for n in names)


def _domain(company: str, country: Country) -> str:
    """A plausible mail domain from the company's first Latin word, if it has one."""
    words = [slug(w) for w in company.split()]
    first = next((w for w in words if len(w) > 2), "")
    return f"{first}.{country.tld}" if first else ""


def _phones(fake: Faker, country: Country, size: int) -> tuple[tuple[str, str], ...]:
    raw = _unique(fake.phone_number, size, _limit("mobilePhone"))
    return tuple(_phone_pair(p, country.calling_code) for p in raw)


def _phone_pair(raw: str, calling_code: str) -> tuple[str, str]:
    """International and local spellings of one Faker number, extension dropped."""
    local = raw.split("x")[0].strip()
    for prefix in (f"+{calling_code}", f"00{calling_code}"):
        if local.startswith(prefix):
            local = local.removeprefix(prefix).lstrip(" -")
            break
    if calling_code == "1":
        local = local.removeprefix("1-")
    digits = " ".join(local.replace("(", "").replace(")", " ").split())
    if calling_code != "1":
        # The trunk prefix is not dialled from abroad.
        digits = digits.removeprefix("0").lstrip(" -")
    return f"+{calling_code} {digits}", local


def _faker(country: Country) -> Faker:
    # Imported on first use: a server that never generates a lead starts
    # without Faker (about 45 ms).
    from faker import Faker

    fake = Faker(country.faker_locale)
    fake.seed_instance(zlib.crc32(country.code.encode()))
    return fake


@functools.cache
def pool(code: str) -> Pool:
    """The pool of one country, built on first use and kept for the process."""
    country = COUNTRIES_BY_CODE[code]
    fake = _faker(country)
    size = country.pool_size
    secondary = _method(fake, "secondary_address")
    district = _method(fake, "district")
    return Pool(
        male=_names(fake.first_name_male, size, _limit("firstName")),
        female=_names(fake.first_name_female, size, _limit("firstName")),
        last=_names(fake.last_name, size, _limit("lastName")),
        streets=_unique(_street(fake, country), size, _limit("address1")),
        secondary=_unique(secondary, size // 4, 255) if secondary else (),
        localities=_localities(fake, country, size),
        counties=_unique(district, size // 2, _limit("county")) if district else (),
        companies=_companies(fake, country, size // 2),
        phones=_phones(fake, country, size),
        mail_domains=_unique(fake.free_email_domain, 8, 40),
        user_names=_unique(fake.user_name, size, 40),
    )
