"""POST over HTTP: the conditions R1-R9 and the stage each update leads to."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.utils.dealers import DealerClient
from tests.utils.updates import (
    CLOSED,
    MINIMAL,
    OPPORTUNITY,
    errors,
    lead,
    post_one,
    results,
    update,
    without,
)

PERCENT = "probabilityOfClosurePercentage"
REJECTED = {**MINIMAL, "leadStatus": "Rejected"}
DISQUALIFIED = {**MINIMAL, "leadStatus": "Disqualified"}
RESTRICTED = "End-user, end-use or end-destination may be restricted"
CLOSED_LOST = {
    **CLOSED,
    PERCENT: 0,
    "closedNoDeal": 0,
    "primaryClosedReason": "Cat Price too High",
}

# rule, a body that sets the rule off, the field it then requires
RULE_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("R1", REJECTED, "rejectedReasonWhy"),
    (
        "R2",
        {**REJECTED, "rejectedReasonWhy": "For Another Dealer"},
        "rejectedReasonComments",
    ),
    ("R2", {**REJECTED, "rejectedReasonWhy": RESTRICTED}, "rejectedReasonComments"),
    (
        "R2",
        {
            **REJECTED,
            "rejectedReasonWhy": "Product/Service Not Offered at Dealership",
        },
        "rejectedReasonComments",
    ),
    ("R3", DISQUALIFIED, "disqualifiedReasonWhy"),
    (
        "R4",
        {**DISQUALIFIED, "disqualifiedReasonWhy": "Other"},
        "disqualifiedReasonComments",
    ),
    (
        "R4",
        {**DISQUALIFIED, "disqualifiedReasonWhy": RESTRICTED},
        "disqualifiedReasonComments",
    ),
    (
        "R4",
        {**DISQUALIFIED, "disqualifiedReasonWhy": "Lead Already Known"},
        "disqualifiedReasonComments",
    ),
    ("R5", {**MINIMAL, "customerContacted": "Yes"}, "dateContacted"),
    ("R6", {**OPPORTUNITY, PERCENT: 50}, "dealerOpportunityId"),
    ("R6", {**OPPORTUNITY, PERCENT: 50}, "opportunityAmount"),
    ("R6", {**OPPORTUNITY, PERCENT: 50}, "targetDate"),
    ("R6", OPPORTUNITY, PERCENT),
    ("R7", {**CLOSED, PERCENT: 0}, "closedNoDeal"),
    ("R8", CLOSED_LOST, "primaryClosedReason"),
    ("R9", {**CLOSED, PERCENT: 0}, "dealerCustomerNumber"),
    (
        "R9",
        {**OPPORTUNITY, PERCENT: 100, "dealerCustomerNumber": "D"},
        "dealerCustomerNumber",
    ),
]

# A value that satisfies each required field.
FILL: dict[str, Any] = {
    "rejectedReasonComments": "Incorrectly routed to our dealership",
    "disqualifiedReasonComments": "Contact: J. Smith, sales",
    "rejectedReasonWhy": "Bad Contact Information",
    "disqualifiedReasonWhy": "No budget",
    "dateContacted": "2020-04-19",
    "primaryClosedReason": "Cat Price too High",
}


@pytest.fixture
def lead_id(dealer: DealerClient) -> str:
    return dealer.seed(1, seed=21)[0]


def _ids(cases: list[tuple[str, dict[str, Any], str]]) -> list[str]:
    return [f"{rule}-{field}" for rule, _, field in cases]


@pytest.mark.parametrize(("rule", "body", "field"), RULE_CASES, ids=_ids(RULE_CASES))
def test_rule_without_its_field_names_field_and_rule(
    dealer: DealerClient, lead_id: str, rule: str, body: dict[str, Any], field: str
) -> None:
    response = post_one(dealer, update(lead_id, without(body, field)))

    (problem,) = errors(response)
    assert (problem["index"], problem["leadId"], problem["field"]) == (
        0,
        lead_id,
        field,
    )
    assert problem["message"].startswith(f"{field} is missing; it is required when")
    assert problem["message"].endswith(f"({rule})")


@pytest.mark.parametrize(("rule", "body", "field"), RULE_CASES, ids=_ids(RULE_CASES))
def test_rule_with_its_field_passes(
    dealer: DealerClient, lead_id: str, rule: str, body: dict[str, Any], field: str
) -> None:
    filled = {**body, field: body.get(field, FILL.get(field))}
    if field in (PERCENT, "dealerOpportunityId", "opportunityAmount", "targetDate"):
        filled = {**OPPORTUNITY, PERCENT: 50}

    response = post_one(dealer, update(lead_id, filled))

    assert len(results(response)) == 1


@pytest.mark.parametrize(
    "body",
    [
        {**REJECTED, "rejectedReasonWhy": "Bad Contact Information"},
        {**DISQUALIFIED, "disqualifiedReasonWhy": "No budget"},
        {**MINIMAL, "customerContacted": "No"},
        {**OPPORTUNITY, PERCENT: 50},
    ],
    ids=["R2-other-reason", "R4-other-reason", "R5-not-contacted", "R7-R9-open"],
)
def test_rules_stay_quiet_when_their_condition_is_not_met(
    dealer: DealerClient, lead_id: str, body: dict[str, Any]
) -> None:
    response = post_one(dealer, update(lead_id, body))

    assert len(results(response)) == 1


@pytest.mark.parametrize("status", ["Rejected", "Disqualified"])
def test_an_opportunity_must_be_accepted(
    dealer: DealerClient, lead_id: str, status: str
) -> None:
    body = {**OPPORTUNITY, PERCENT: 50, "leadStatus": status, **FILL}

    response = post_one(dealer, update(lead_id, body))

    (problem,) = errors(response)
    assert problem["field"] == "leadStatus"
    assert problem["received"] == status
    assert problem["expected"] == '"Accepted"'
    assert problem["message"].endswith("(R6)")


@pytest.mark.parametrize("percent", [1, 50, 100])
def test_closed_no_deal_only_goes_with_zero(
    dealer: DealerClient, lead_id: str, percent: int
) -> None:
    body = {**CLOSED, PERCENT: percent, "closedNoDeal": 1}

    response = post_one(dealer, update(lead_id, body))

    assert [e["field"] for e in errors(response)] == ["closedNoDeal"]


def test_every_missing_field_of_every_rule_is_reported_at_once(
    dealer: DealerClient, lead_id: str
) -> None:
    body = {**MINIMAL, PERCENT: 0, "customerContacted": "Yes"}

    response = post_one(dealer, update(lead_id, body))

    assert sorted(e["field"] for e in errors(response)) == sorted(
        [
            "dateContacted",
            "dealerOpportunityId",
            "opportunityAmount",
            "targetDate",
            "closedNoDeal",
            "dealerCustomerNumber",
        ]
    )


# Stages ------------------------------------------------------------------------

STAGE_CASES: list[tuple[dict[str, Any], str | None]] = [
    *[({**OPPORTUNITY, PERCENT: p}, "Qualification") for p in (1, 10, 20)],
    *[({**OPPORTUNITY, PERCENT: p}, "Develop Solution") for p in (21, 35, 40)],
    *[({**OPPORTUNITY, PERCENT: p}, "Proposal/Negotiation") for p in (41, 70, 99)],
    ({**OPPORTUNITY, PERCENT: "99"}, "Proposal/Negotiation"),
    ({**OPPORTUNITY, PERCENT: 100, "dealerCustomerNumber": "D"}, "Closed Won"),
    ({**CLOSED, PERCENT: 0, "closedNoDeal": 1}, "Closed No Deal"),
    (CLOSED_LOST, "Closed Lost"),
    ({**CLOSED_LOST, PERCENT: "0"}, "Closed Lost"),
    (MINIMAL, None),
    ({**REJECTED, "rejectedReasonWhy": "Bad Contact Information"}, None),
    ({**DISQUALIFIED, "disqualifiedReasonWhy": "No budget"}, None),
]


@pytest.mark.parametrize(("body", "stage"), STAGE_CASES)
def test_every_stage_is_derived_and_kept_on_the_lead(
    http: TestClient,
    dealer: DealerClient,
    lead_id: str,
    body: dict[str, Any],
    stage: str | None,
) -> None:
    response = post_one(dealer, update(lead_id, body))

    (result,) = results(response)
    assert result["stage"] == stage
    assert result["leadStatus"] == body["leadStatus"]
    stored = lead(http, lead_id)
    assert (stored["dealerStatus"], stored["stage"]) == (body["leadStatus"], stage)
