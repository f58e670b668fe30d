"""POST over HTTP, field by field: required fields, enumerations, lengths."""

from __future__ import annotations

from typing import Any

import pytest

from mockcat.spec.fields import FieldType
from mockcat.spec.update_fields import (
    CURRENCY_CODES,
    DEPRECATED_FIELDS,
    FIELDS_BY_NAME,
    REQUIRED_FIELDS,
    UPDATE_FIELDS,
)
from tests.utils.dealers import DealerClient
from tests.utils.updates import (
    MINIMAL,
    dealer_updates,
    errors,
    lead,
    post_one,
    problem_fields,
    results,
    update,
    without,
)

# What a value of each enumerated field needs beside it to pass R1-R9.
_CONTEXT: dict[str, dict[str, Any]] = {
    "leadStatus": {
        "rejectedReasonWhy": "Bad Contact Information",
        "disqualifiedReasonWhy": "No budget",
    },
    "customerContacted": {"dateContacted": "2020-04-19"},
    "rejectedReasonWhy": {"leadStatus": "Rejected", "rejectedReasonComments": "c"},
    "disqualifiedReasonWhy": {
        "leadStatus": "Disqualified",
        "disqualifiedReasonComments": "c",
    },
    "dealerOpportunityId": {
        "probabilityOfClosurePercentage": 50,
        "opportunityAmount": 1,
        "targetDate": "2021-01-01",
    },
}

ENUM_FIELDS = [
    f.name
    for f in UPDATE_FIELDS
    if f.enum is not None and f.name not in DEPRECATED_FIELDS
]

# Free-text fields with a maximum length; leadId is left out (a leadId of the
# maximum length cannot name a seeded lead) and checked over the limit only.
TEXT_FIELDS = [
    f.name
    for f in UPDATE_FIELDS
    if f.type is FieldType.STRING
    and f.enum is None
    and f.max_length is not None
    and f.name not in ("leadId", "currencyIsoCode")
]

# Characters outside ASCII, one of them outside the Basic Multilingual Plane:
# lengths count characters, not bytes or UTF-16 units.
WIDE = "é中🚜"


@pytest.fixture
def lead_id(dealer: DealerClient) -> str:
    return dealer.seed(1, seed=11)[0]


def _filled(limit: int) -> str:
    return (WIDE * (limit // len(WIDE) + 1))[:limit]


# Required fields -------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in REQUIRED_FIELDS if n != "leadId"])
@pytest.mark.parametrize("how", ["absent", "null"])
def test_each_required_field_missing_is_named(
    dealer: DealerClient, lead_id: str, name: str, how: str
) -> None:
    body = update(lead_id)
    body = without(body, name) if how == "absent" else {**body, name: None}

    response = post_one(dealer, body)

    (problem,) = errors(response)
    assert (problem["index"], problem["leadId"], problem["field"]) == (0, lead_id, name)
    assert problem["message"] == f"{name} is missing; it is required"
    assert problem["expected"]


@pytest.mark.parametrize(
    "name", ["dealerLeadId", "dealerSalesRep", "dealerSalesRepNumber"]
)
def test_blank_required_text_counts_as_missing(
    dealer: DealerClient, lead_id: str, name: str
) -> None:
    response = post_one(dealer, update(lead_id, **{name: " \t "}))

    (problem,) = errors(response)
    assert problem["field"] == name
    assert problem["message"] == f"{name} is blank; it is required"


def test_missing_lead_id_is_named_without_a_lead(dealer: DealerClient) -> None:
    response = post_one(dealer, dict(MINIMAL))

    assert problem_fields(response) == [(0, "leadId")]
    assert errors(response)[0]["leadId"] is None


def test_minimal_update_is_stored_with_no_stage(
    http: Any, dealer: DealerClient, lead_id: str
) -> None:
    response = post_one(dealer, update(lead_id))

    assert results(response) == [
        {
            "index": 0,
            "leadId": lead_id,
            "leadStatus": "Accepted",
            "stage": None,
            "warnings": [],
        }
    ]
    stored = lead(http, lead_id)
    assert (stored["dealerStatus"], stored["stage"]) == ("Accepted", None)
    assert dealer_updates(http, lead_id)[0]["values"] == update(lead_id)


# Enumerations ----------------------------------------------------------------


@pytest.mark.parametrize("name", ENUM_FIELDS)
def test_each_enumeration_takes_every_listed_value(
    dealer: DealerClient, lead_id: str, name: str
) -> None:
    values = FIELDS_BY_NAME[name].enum or ()
    context = _CONTEXT.get(name, {})
    batch = [update(lead_id, **context, **{name: value}) for value in values]

    response = dealer.post_updates(batch)

    assert [r["index"] for r in results(response)] == list(range(len(values)))


@pytest.mark.parametrize("name", ENUM_FIELDS)
@pytest.mark.parametrize("wrong", ["nope", "", "YES"])
def test_each_enumeration_refuses_an_unlisted_value(
    dealer: DealerClient, lead_id: str, name: str, wrong: str
) -> None:
    response = post_one(dealer, update(lead_id, **{name: wrong}))

    problems = [e for e in errors(response) if e["field"] == name]
    assert len(problems) == 1
    assert problems[0]["received"] == wrong
    assert problems[0]["expected"].startswith("one of: ")


@pytest.mark.parametrize(
    ("name", "sent", "hint"),
    [
        ("leadStatus", " Accepted", 'send "Accepted" (no surrounding spaces)'),
        ("rating", "low", 'send "Low" (mind the case)'),
        ("leadStatus", "Acepted", 'did you mean "Accepted"?'),
    ],
)
def test_a_near_miss_gets_a_hint(
    dealer: DealerClient, lead_id: str, name: str, sent: str, hint: str
) -> None:
    response = post_one(dealer, update(lead_id, **{name: sent}))

    assert [e["hint"] for e in errors(response) if e["field"] == name] == [hint]


@pytest.mark.parametrize(
    ("name", "typeset"),
    [
        ("rejectedReasonWhy", "Product / Service Not Offered at Dealership"),
        ("primaryClosedReason", "Products/Parts Not in Dealer\u2019s Network"),
        ("disqualifiedReasonWhy", "Cannot reach/no  response from customer"),
    ],
)
def test_typeset_spellings_of_listed_values_pass(
    dealer: DealerClient, lead_id: str, name: str, typeset: str
) -> None:
    context = {**_CONTEXT.get(name, {})}
    if name == "primaryClosedReason":
        context = {
            "dealerOpportunityId": "O",
            "opportunityAmount": 1,
            "targetDate": "2021-01-01",
            "probabilityOfClosurePercentage": 0,
            "closedNoDeal": 0,
            "dealerCustomerNumber": "D",
        }

    response = post_one(dealer, update(lead_id, **context, **{name: typeset}))

    assert len(results(response)) == 1


@pytest.mark.parametrize("code", ["EUR", "CNY", "JPY", "BRL"])
def test_currency_takes_iso_codes(
    dealer: DealerClient, lead_id: str, code: str
) -> None:
    response = post_one(dealer, update(lead_id, currencyIsoCode=code))

    assert len(results(response)) == 1


def test_currency_list_is_iso_4217() -> None:
    assert {"USD", "EUR", "CNY"} <= set(CURRENCY_CODES)
    assert all(len(code) == 3 and code.isupper() for code in CURRENCY_CODES)


@pytest.mark.parametrize(
    ("code", "hint"),
    [("usd", 'send "USD"'), ("XYZ", None), ("US", None), ("USDX", None)],
)
def test_currency_refuses_other_codes(
    dealer: DealerClient, lead_id: str, code: str, hint: str | None
) -> None:
    response = post_one(dealer, update(lead_id, currencyIsoCode=code))

    (problem,) = errors(response)
    assert (problem["field"], problem["received"], problem["hint"]) == (
        "currencyIsoCode",
        code,
        hint,
    )


# Maximum lengths ---------------------------------------------------------------


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_each_text_field_takes_its_maximum_length_in_characters(
    http: Any, dealer: DealerClient, lead_id: str, name: str
) -> None:
    limit = FIELDS_BY_NAME[name].max_length
    assert limit is not None
    value = _filled(limit)

    response = post_one(
        dealer, update(lead_id, **_CONTEXT.get(name, {}), **{name: value})
    )

    assert len(results(response)) == 1
    assert dealer_updates(http, lead_id)[0]["values"][name] == value


@pytest.mark.parametrize("name", [*TEXT_FIELDS, "leadId"])
def test_each_text_field_refuses_one_character_more(
    dealer: DealerClient, lead_id: str, name: str
) -> None:
    limit = FIELDS_BY_NAME[name].max_length
    assert limit is not None

    response = post_one(dealer, update(lead_id, **{name: _filled(limit + 1)}))

    problems = [e for e in errors(response) if e["field"] == name]
    assert len(problems) == 1
    assert (
        f"{limit + 1} characters long; the maximum is {limit}" in problems[0]["message"]
    )


@pytest.mark.parametrize("name", ["dealerLeadId", "comments", "quoteId"])
@pytest.mark.parametrize("value", [12345, 1.5, True, ["a"], {"a": 1}])
def test_text_fields_refuse_other_json_types(
    dealer: DealerClient, lead_id: str, name: str, value: Any
) -> None:
    response = post_one(dealer, update(lead_id, **{name: value}))

    problems = [e for e in errors(response) if e["field"] == name]
    assert len(problems) == 1
    assert problems[0]["expected"] == "a string"
