"""The product catalogue: Caterpillar families and models by business unit.

The data lives in `catalogue.json` inside this package, so a wheel install carries
it; `fixtures/catalogue.json` at the repository root is the same file, for reading.
Loading checks it against the guide (unit names, industries, lengths), so a bad
edit fails at once rather than producing off-contract leads.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass
from importlib import resources

from pydantic import BaseModel, ConfigDict

from mockcat.spec.lead_fields import BUSINESS_UNITS, INDUSTRIES, LEAD_FIELDS_BY_NAME

CATALOGUE_FILE = "catalogue.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _RawSubFamily(_Strict):
    name: str
    models: list[str]
    ratings: dict[str, list[str]] = {}
    liftingCapacities: list[str] = []


class _RawFamily(_Strict):
    name: str
    subFamilies: list[_RawSubFamily]


class _RawUnit(_Strict):
    name: str
    weight: float
    industries: list[str]
    interest: str = ""
    families: list[_RawFamily]


class _RawCatalogue(_Strict):
    about: str
    businessUnits: list[_RawUnit]


@dataclass(frozen=True, slots=True)
class Product:
    """One model, with everything a lead says about it."""

    family: str
    sub_family: str
    model: str
    model_id: str
    ratings: tuple[str, ...]
    lifting_capacities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """One business unit: how often it occurs and what its leads ask about."""

    name: str
    weight: float
    industries: tuple[str, ...]
    interest: str
    products: tuple[Product, ...]
    sub_families: tuple[str, ...]


def model_id(sub_family: str, model: str) -> str:
    """A stable five-digit id (cat.com's look) for a model within its sub-family."""
    return str(10000 + zlib.crc32(f"{sub_family}|{model}".encode()) % 90000)


def _products(raw: _RawUnit) -> tuple[Product, ...]:
    return tuple(
        Product(
            family=fam.name,
            sub_family=sub.name,
            model=model,
            model_id=model_id(sub.name, model),
            ratings=tuple(sub.ratings.get(model, ()))[:3],
            lifting_capacities=tuple(sub.liftingCapacities),
        )
        for fam in raw.families
        for sub in fam.subFamilies
        for model in sub.models
    )


def _unit(raw: _RawUnit) -> Unit:
    subs = tuple(dict.fromkeys(s.name for f in raw.families for s in f.subFamilies))
    return Unit(
        raw.name, raw.weight, tuple(raw.industries), raw.interest, _products(raw), subs
    )


def _check(units: tuple[Unit, ...]) -> None:
    """Reject data that would put off-contract values into leads."""
    if missing := set(BUSINESS_UNITS) - {u.name for u in units}:
        raise ValueError(f"catalogue: business units missing: {sorted(missing)}")
    for unit in units:
        if unit.name not in BUSINESS_UNITS:
            raise ValueError(f"catalogue: {unit.name!r} is not a guide business unit")
        if not unit.industries or set(unit.industries) - set(INDUSTRIES):
            raise ValueError(f"catalogue: {unit.name}: industries must be guide values")
        if unit.products and not unit.interest:
            raise ValueError(f"catalogue: {unit.name} has products but no interest")
        for product in unit.products:
            _check_lengths(product)


def _check_lengths(product: Product) -> None:
    values = {
        "systemFamily": product.family,
        "systemSubFamily": product.sub_family,
        "systemModel": product.model,
        "powerRating1": max(product.ratings, key=len, default=""),
        "liftingCapacity": max(product.lifting_capacities, key=len, default=""),
    }
    for field, value in values.items():
        limit = LEAD_FIELDS_BY_NAME[field].max_length
        if limit is not None and len(value) > limit:
            raise ValueError(f"catalogue: {field} {value!r} is over {limit} characters")


def parse_catalogue(text: str) -> tuple[Unit, ...]:
    """Units from the catalogue's JSON text, checked against the guide."""
    raw = _RawCatalogue.model_validate_json(text)
    units = tuple(_unit(u) for u in raw.businessUnits)
    _check(units)
    return units


@functools.cache
def load_catalogue() -> tuple[Unit, ...]:
    """The packaged catalogue, read once per process."""
    text = (
        resources.files("mockcat.generator").joinpath(CATALOGUE_FILE).read_text("utf-8")
    )
    return parse_catalogue(text)
