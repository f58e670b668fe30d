"""Property tests of generated leads against the guide's Leads table and contract §5.

The generator is called directly: these tests are about the data, not the API.
Every check collects all violations before asserting, so a failure lists them all.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mockcat.generator import SUPPORTED_COUNTRIES, generate_leads
from mockcat.generator.catalogue import load_catalogue
from mockcat.generator.countries import COUNTRIES_BY_CODE
from mockcat.generator.ids import checksum
from mockcat.spec.fields import Field, FieldType, Required
from mockcat.spec.lead_fields import (
    BUSINESS_UNITS,
    LEAD_FIELD_NAMES,
    LEAD_FIELDS,
    LEAD_FIELDS_BY_NAME,
    OFF_LIST_SPELLINGS,
    lead_json_schema,
)

Lead = dict[str, object]

ROOT = Path(__file__).resolve().parents[1]
END = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
START = END - timedelta(days=30)
SEEDS = (11, 22, 33, 44, 55)
PER_SEED = 2000
GENERATED = tuple(n for n in LEAD_FIELD_NAMES if n != "leadState")
CHINA_ONLY = tuple(f.name for f in LEAD_FIELDS if f.china_only)
LEAD_ID = re.compile(r"00Q[0-9A-Za-z]{15}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def _batch(seed: int, count: int = PER_SEED, **options: object) -> list[Lead]:
    return list(
        generate_leads(
            dealer_code="B330",
            count=count,
            seed=seed,
            start=START,
            end=END,
            **options,  # type: ignore[arg-type]
        )
    )


@pytest.fixture(scope="module")
def leads() -> list[Lead]:
    return [lead for seed in SEEDS for lead in _batch(seed)]


# The checker ------------------------------------------------------------------


def _type_problem(field: Field, value: object) -> str | None:
    """Why `value` is not of the field's documented type, or None."""
    match field.type:
        case FieldType.STRING:
            ok = isinstance(value, str)
        case FieldType.BOOLEAN:
            ok = isinstance(value, bool)
        case FieldType.INTEGER:
            ok = isinstance(value, int) and not isinstance(value, bool)
        case FieldType.DATE:
            ok = isinstance(value, str) and _is_date(value)
        case FieldType.DATETIME:
            ok = isinstance(value, str) and _is_datetime(value)
        case FieldType.DECIMAL:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else f"not a {field.type}: {value!r}"


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return DAY.fullmatch(text) is not None


def _is_datetime(text: str) -> bool:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return False
    return DATETIME.fullmatch(text) is not None and parsed.tzinfo is not None


def _field_problems(field: Field, value: object) -> list[str]:
    if value is None:
        return ["required but null"] if field.required is Required.YES else []
    problem = _type_problem(field, value)
    if problem:
        return [problem]
    found = []
    if field.enum is not None and value not in field.enum:
        found.append(f"{value!r} is not in the guide's list")
    if field.max_length is not None and len(str(value)) > field.max_length:
        found.append(f"{len(str(value))} characters, over {field.max_length}")
    return found


def _china_problems(lead: Lead) -> list[str]:
    is_china = lead.get("countryCode") == "CN"
    return [
        f"{name}: {'missing on a China lead' if is_china else 'set outside China'}"
        for name in CHINA_ONLY
        if (lead.get(name) is None) == is_china
    ]


def violations(lead: Lead) -> list[str]:
    """Everything in one lead that breaks the guide's table or contract §5."""
    found = []
    if list(lead) != list(GENERATED):
        found.append(
            f"keys differ from the guide's fields: {set(lead) ^ set(GENERATED)}"
        )
    for name in GENERATED:
        field = LEAD_FIELDS_BY_NAME[name]
        found += [f"{name}: {p}" for p in _field_problems(field, lead.get(name))]
    found += _china_problems(lead)
    lead_id = str(lead.get("leadId"))
    if not LEAD_ID.fullmatch(lead_id) or checksum(lead_id[:15]) != lead_id[15:]:
        found.append(f"leadId {lead_id!r} is not a Salesforce-style 18-character id")
    return found


def _all_violations(leads: list[Lead]) -> list[str]:
    return [f"{lead.get('leadId')}: {v}" for lead in leads for v in violations(lead)]


# The guide's table -------------------------------------------------------------


def test_the_table_has_every_guide_field_in_order() -> None:
    assert len(LEAD_FIELDS) == 75
    assert LEAD_FIELD_NAMES[:3] == (
        "additionalInformationMaster",
        "address1",
        "address2",
    )
    assert LEAD_FIELD_NAMES[-2:] == ("utmCampaign", "zipOrPostal")
    assert len(set(LEAD_FIELD_NAMES)) == len(LEAD_FIELD_NAMES)
    required = {f.name for f in LEAD_FIELDS if f.required is Required.YES}
    assert required == {"leadId", "leadState"}
    assert set(CHINA_ONLY) == {"agreeToContact", "county", "gender", "dateRegistered"}


def test_contract_types_and_lists_override_the_table() -> None:
    by = LEAD_FIELDS_BY_NAME
    assert by["dateCreated"].type is FieldType.DATETIME
    assert by["dateRegistered"].type is FieldType.DATETIME
    assert by["productOfInterestQuantity"].type is FieldType.INTEGER
    assert by["catPrequalificationStatus"].type is FieldType.BOOLEAN
    assert by["leadState"].enum == ("NEW", "UPDATED", "SENT")
    assert by["systemLanguage"].enum is not None
    assert "en_US" in by["systemLanguage"].enum
    assert by["businessUnit"].enum == BUSINESS_UNITS
    assert len(BUSINESS_UNITS) == 25
    for name, spellings in OFF_LIST_SPELLINGS.items():
        allowed = by[name].enum or ()
        assert not set(spellings) & set(allowed), name


def test_json_schema_lists_every_field() -> None:
    schema = lead_json_schema()
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert list(properties) == list(LEAD_FIELD_NAMES)
    assert schema["required"] == ["leadId", "leadState"]
    assert properties["leadId"]["type"] == "string"
    assert properties["leadState"]["enum"] == ["NEW", "UPDATED", "SENT"]


# Generated data ----------------------------------------------------------------


def test_checker_catches_bad_leads(leads: list[Lead]) -> None:
    broken = dict(leads[0])
    broken["businessUnit"] = "Bulldozers"
    broken["city"] = "x" * 41
    broken["productOfInterestQuantity"] = "100"
    broken["gender"] = "MALE" if broken["countryCode"] != "CN" else None
    assert len(violations(broken)) == 4, violations(broken)


def test_ten_thousand_leads_break_no_rule(leads: list[Lead]) -> None:
    assert len(leads) == 10_000
    found = _all_violations(leads)
    print("\n".join(found[:200]))
    assert found == []


def test_lead_ids_are_unique_across_seeds_and_dealers(leads: list[Lead]) -> None:
    ids = [lead["leadId"] for lead in leads]
    other_dealer = [
        lead["leadId"]
        for lead in generate_leads(
            dealer_code="C120", count=500, seed=SEEDS[0], start=START, end=END
        )
    ]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & set(other_dealer)


def test_dates_fall_in_the_window_oldest_first() -> None:
    batch = _batch(SEEDS[0], count=3000)
    created = [datetime.fromisoformat(str(lead["dateCreated"])) for lead in batch]
    outside = [c for c in created if not START <= c <= END]
    assert outside == []
    assert created == sorted(created)
    assert created[-1] - created[0] > timedelta(days=29)


def test_china_leads_carry_their_own_fields(leads: list[Lead]) -> None:
    china = [lead for lead in leads if lead["countryCode"] == "CN"]
    assert len(china) > 100
    assert {lead["gender"] for lead in china} == {"MALE", "FEMALE"}
    registered = [
        lead
        for lead in china
        if str(lead["dateRegistered"]) >= str(lead["dateCreated"])
    ]
    assert registered == []


def test_products_agree_within_a_lead(leads: list[Lead]) -> None:
    known = {
        (unit.name, p.family, p.sub_family, p.model, p.model_id)
        for unit in load_catalogue()
        for p in unit.products
    }
    families = {
        (unit.name, p.family, p.sub_family)
        for unit in load_catalogue()
        for p in unit.products
    }
    found = []
    for lead in leads:
        key = (lead["businessUnit"], lead["systemFamily"], lead["systemSubFamily"])
        if lead["systemSubFamily"] is not None and key not in families:
            found.append(f"{lead['leadId']}: {key}")
        if (
            lead["systemModel"] is not None
            and (*key, lead["systemModel"], lead["systemModelId"]) not in known
        ):
            found.append(f"{lead['leadId']}: model {lead['systemModel']} not in {key}")
    assert found == []


def test_languages_match_countries(leads: list[Lead]) -> None:
    found = [
        f"{lead['countryCode']}: {lead['systemLanguage']}"
        for lead in leads
        if lead["systemLanguage"]
        not in dict(COUNTRIES_BY_CODE[str(lead["countryCode"])].languages)
    ]
    assert found == []


def test_the_mix_is_realistic(leads: list[Lead]) -> None:
    countries = Counter(lead["countryCode"] for lead in leads)
    assert countries.most_common(1)[0][0] == "US"
    assert 0.4 < countries["US"] / len(leads) < 0.7
    assert len(countries) >= 12
    units = Counter(lead["businessUnit"] for lead in leads)
    assert units.most_common(1)[0][0] == "BCP"
    nulls = sum(v is None for lead in leads for v in lead.values())
    share = nulls / (len(leads) * len(GENERATED))
    assert 0.4 < share < 0.85, share
    always_null = [n for n in GENERATED if all(lead[n] is None for lead in leads)]
    assert always_null == []


def test_same_seed_same_leads() -> None:
    assert _batch(7, count=500) == _batch(7, count=500)


def test_different_seeds_differ() -> None:
    first, second = _batch(7, count=200), _batch(8, count=200)
    same_names = sum(a["name"] == b["name"] for a, b in zip(first, second, strict=True))
    assert same_names < 20
    assert not {a["leadId"] for a in first} & {b["leadId"] for b in second}


def test_messy_mixes_in_the_samples_spellings() -> None:
    messy = _batch(5, count=3000, messy=True)
    seen = Counter(
        name
        for lead in messy
        for name, spellings in OFF_LIST_SPELLINGS.items()
        if lead[name] in spellings
    )
    assert set(seen) == set(OFF_LIST_SPELLINGS), seen
    off_list_only = [
        v for v in _all_violations(messy) if "is not in the guide's list" not in v
    ]
    assert off_list_only == []


def test_filters_pin_country_and_business_unit() -> None:
    batch = _batch(3, count=300, country="cn", business_unit="Electric Power")
    assert {lead["countryCode"] for lead in batch} == {"CN"}
    assert {lead["businessUnit"] for lead in batch} == {"Electric Power"}
    assert _all_violations(batch) == []
    for code in SUPPORTED_COUNTRIES:
        assert _all_violations(_batch(4, count=50, country=code)) == []


@pytest.mark.parametrize(
    "options",
    [
        {"country": "XX"},
        {"business_unit": "Bulldozers"},
        {"start": datetime(2024, 1, 1)},
        {"start": END, "end": START},
        {"count": -1},
        {"dealer_code": ""},
    ],
)
def test_bad_arguments_are_refused(options: dict[str, object]) -> None:
    arguments: dict[str, object] = {"dealer_code": "B330", "count": 1, **options}
    with pytest.raises(ValueError):
        generate_leads(**arguments)  # type: ignore[arg-type]


def test_catalogue_fixture_is_the_packaged_copy() -> None:
    fixture = (ROOT / "fixtures" / "catalogue.json").read_bytes()
    packaged = (ROOT / "mockcat" / "generator" / "catalogue.json").read_bytes()
    assert fixture == packaged
    assert json.loads(fixture)["businessUnits"]
