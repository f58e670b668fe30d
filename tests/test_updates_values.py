"""POST over HTTP: dates, amounts, percentages and the keys themselves."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from mockcat.spec.update_fields import RENAMED_FIELDS
from tests.utils.dealers import LEADS_PATH, DealerClient
from tests.utils.updates import (
    OPPORTUNITY,
    dealer_updates,
    errors,
    post_one,
    results,
    update,
)

PERCENT = "probabilityOfClosurePercentage"
OPEN = {**OPPORTUNITY, PERCENT: 50}
DATE_FIELDS = ["dateContacted", "quoteSentDate", "targetDate"]


@pytest.fixture
def lead_id(dealer: DealerClient) -> str:
    return dealer.seed(1, seed=31)[0]


def _only_problem(response: Any, field: str) -> dict[str, Any]:
    (problem,) = errors(response)
    assert problem["field"] == field
    return problem


# Dates -------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATE_FIELDS)
@pytest.mark.parametrize(
    "bad",
    [
        "2021-02-29",
        "2020-13-01",
        "2020-04-31",
        "0000-01-01",
        "20200419",
        "2020-4-19",
        "19/04/2020",
        "2020-04-19T10:00:00Z",
        " 2020-04-19",
        "",
        20200419,
    ],
)
def test_bad_dates_are_refused(
    dealer: DealerClient, lead_id: str, name: str, bad: object
) -> None:
    response = post_one(dealer, update(lead_id, OPEN, **{name: bad}))

    problem = _only_problem(response, name)
    assert problem["received"] == bad


def test_a_date_time_gets_a_hint_with_the_date(
    dealer: DealerClient, lead_id: str
) -> None:
    response = post_one(dealer, update(lead_id, OPEN, targetDate="2021-09-23T00:00:00"))

    assert _only_problem(response, "targetDate")["hint"] == (
        'send the date alone: "2021-09-23"'
    )


@pytest.mark.parametrize("good", ["2020-02-29", "1999-12-31", "2100-01-01"])
def test_real_dates_pass(dealer: DealerClient, lead_id: str, good: str) -> None:
    response = post_one(dealer, update(lead_id, OPEN, quoteSentDate=good))

    assert len(results(response)) == 1


# Amounts and percentages -------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        (0, "0.00"),
        ("0", "0.00"),
        (1999.45, "1999.45"),
        ("142410.00", "142410.00"),
        (99999999999999.98, "99999999999999.98"),
        ("99999999999999.99", "99999999999999.99"),
        (1e2, "100.00"),
        (-0.0, "0.00"),
        ("12.50", "12.50"),
    ],
)
def test_amounts_in_range_are_kept_with_two_decimals(
    http: TestClient, dealer: DealerClient, lead_id: str, sent: object, stored: str
) -> None:
    response = post_one(dealer, update(lead_id, OPEN, opportunityAmount=sent))

    assert len(results(response)) == 1
    assert dealer_updates(http, lead_id)[0]["values"]["opportunityAmount"] == stored


def test_an_amount_keeps_the_digits_written_not_a_floats(
    http: TestClient, dealer: DealerClient, lead_id: str
) -> None:
    # 99999999999999.99 has no exact double: a float would store .98.
    body = orjson.dumps([update(lead_id, OPEN, opportunityAmount=0)])
    body = body.replace(
        b'"opportunityAmount":0', b'"opportunityAmount":99999999999999.99'
    )
    headers = {**dealer.headers, "Content-Type": "application/json"}

    response = http.post(LEADS_PATH, content=body, headers=headers)

    assert len(results(response)) == 1
    stored = dealer_updates(http, lead_id)[0]["values"]["opportunityAmount"]
    assert stored == "99999999999999.99"


@pytest.mark.parametrize(
    "bad",
    [
        -1,
        "-1",
        "-0",
        -0.01,
        100000000000000,
        "100000000000000.00",
        12.345,
        "12.345",
        "1,000.00",
        "1e3",
        " 12",
        "abc",
        "",
        True,
        [1],
    ],
)
def test_amounts_out_of_range_or_precision_are_refused(
    dealer: DealerClient, lead_id: str, bad: object
) -> None:
    response = post_one(dealer, update(lead_id, OPEN, opportunityAmount=bad))

    problem = _only_problem(response, "opportunityAmount")
    assert "14 digits before the point and 2 after" in problem["expected"]


@pytest.mark.parametrize(
    "bad", [-1, 101, 1000, "101", "-0", "-5", 10.5, "10.5", "x", True]
)
def test_percentages_out_of_range_are_refused(
    dealer: DealerClient, lead_id: str, bad: object
) -> None:
    response = post_one(dealer, update(lead_id, OPPORTUNITY, **{PERCENT: bad}))

    problem = _only_problem(response, PERCENT)
    assert problem["expected"] == "a whole number from 0 to 100 (number or string)"


@pytest.mark.parametrize(
    ("sent", "hint"),
    [(10.0, "send 10 without decimals"), ("50.00", "send 50 without decimals")],
)
def test_a_whole_percentage_with_decimals_gets_a_hint(
    dealer: DealerClient, lead_id: str, sent: object, hint: str
) -> None:
    response = post_one(dealer, update(lead_id, OPPORTUNITY, **{PERCENT: sent}))

    assert _only_problem(response, PERCENT)["hint"] == hint


@pytest.mark.parametrize("bad", ["1", True, 2, -1, 0.0])
def test_closed_no_deal_takes_only_the_numbers_0_and_1(
    dealer: DealerClient, lead_id: str, bad: object
) -> None:
    body = {**OPPORTUNITY, PERCENT: 0, "dealerCustomerNumber": "D", "closedNoDeal": bad}

    response = post_one(dealer, update(lead_id, body))

    assert _only_problem(response, "closedNoDeal")["expected"] == "the integer 0 or 1"


# Keys ----------------------------------------------------------------------------

RENAMED = [(old, new) for old, new in RENAMED_FIELDS.items() if new is not None]


def _value_for(name: str) -> object:
    return {
        "customerPreviouslyKnown": "Yes",
        "leadAlreadyKnown": "No",
        "dateContacted": "2020-04-19",
        "quoteSentDate": "2020-04-19",
        "currencyIsoCode": "USD",
        "primaryClosedReason": "Cat Price too High",
    }.get(name, "text")


@pytest.mark.parametrize(("old", "new"), RENAMED)
def test_each_renamed_field_is_refused_naming_the_current_one(
    dealer: DealerClient, lead_id: str, old: str, new: str
) -> None:
    response = post_one(dealer, update(lead_id, **{old: _value_for(new)}))

    problem = _only_problem(response, old)
    assert f'the field is now "{new}"' in problem["message"]
    assert problem["expected"] == f'"{new}"'


def test_the_removed_closed_disqualified_is_refused(
    dealer: DealerClient, lead_id: str
) -> None:
    response = post_one(dealer, update(lead_id, closedDisqualified=1))

    problem = _only_problem(response, "closedDisqualified")
    assert problem["message"] == '"closedDisqualified" was removed from the API'
    assert problem["hint"] == "leave it out"


def test_deprecated_lead_already_known_passes_with_a_warning(
    http: TestClient, dealer: DealerClient, lead_id: str
) -> None:
    response = post_one(dealer, update(lead_id, leadAlreadyKnown="Yes"))

    (result,) = results(response)
    assert result["warnings"] == [
        "leadAlreadyKnown is deprecated; its value was ignored"
    ]
    assert "leadAlreadyKnown" not in dealer_updates(http, lead_id)[0]["values"]


@pytest.mark.parametrize(
    ("key", "side"),
    [
        ("dealerCustomerNumber ", "a trailing space"),
        (" dealerLeadId", "a leading space"),
        (" comments ", "spaces around it"),
        ("\tquoteId", "a leading space"),
    ],
)
def test_a_key_with_spaces_is_refused_saying_so(
    dealer: DealerClient, lead_id: str, key: str, side: str
) -> None:
    response = post_one(dealer, update(lead_id, **{key: "A1"}))

    problem = _only_problem(response, key)
    assert problem["message"] == f'key "{key}" has {side}'
    assert problem["hint"] == f'send the key as "{key.strip()}"'


def test_a_spaced_required_key_is_not_also_reported_missing(
    dealer: DealerClient, lead_id: str
) -> None:
    body = update(lead_id)
    body["currencyIsoCode "] = body.pop("currencyIsoCode")

    response = post_one(dealer, body)

    assert [e["field"] for e in errors(response)] == ["currencyIsoCode "]


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("leadStatuss", 'did you mean "leadStatus"?'),
        ("LeadStatus", 'did you mean "leadStatus"?'),
        ("Rating", 'did you mean "rating"?'),
        ("opportunityID", 'did you mean "dealerOpportunityId"?'),
        ("zzzz", None),
        ("", None),
        ("x" * 500, None),
    ],
)
def test_unknown_keys_are_refused_with_the_nearest_name(
    dealer: DealerClient, lead_id: str, key: str, hint: str | None
) -> None:
    response = post_one(dealer, update(lead_id, **{key: "v"}))

    problem = _only_problem(response, key)
    assert problem["message"].endswith("is not a field of an update")
    assert problem["hint"] == hint
