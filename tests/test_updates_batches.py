"""POST over HTTP: whole batches, all or nothing, history, and the profiles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import load_settings
from tests.utils.dealers import CLIENTS, LEADS_PATH, DealerClient
from tests.utils.updates import (
    MINIMAL,
    OPPORTUNITY,
    dealer_updates,
    errors,
    lead,
    problem_fields,
    results,
    update,
    without,
)

PERCENT = "probabilityOfClosurePercentage"


def _nothing_stored(http: TestClient, lead_ids: list[str]) -> None:
    for lead_id in lead_ids:
        assert dealer_updates(http, lead_id) == []
        assert lead(http, lead_id)["dealerStatus"] is None


def test_several_bad_items_are_all_reported_and_none_stored(
    http: TestClient, dealer: DealerClient
) -> None:
    ids = dealer.seed(4, seed=41)
    batch = [
        update(ids[0]),
        update(ids[1], rating="Hot"),
        without(update(ids[2]), "dealerLeadId"),
        update(ids[3], **{PERCENT: 20, "leadStatus": "Rejected"}),
        update("00QnoSuchLead000000"),
    ]

    response = dealer.post_updates(batch)

    assert problem_fields(response) == [
        (1, "rating"),
        (2, "dealerLeadId"),
        (3, "rejectedReasonWhy"),
        (3, "dealerOpportunityId"),
        (3, "opportunityAmount"),
        (3, "targetDate"),
        (3, "leadStatus"),
        (4, "leadId"),
    ]
    assert [e["leadId"] for e in errors(response)][:3] == [ids[1], ids[2], ids[3]]
    _nothing_stored(http, ids)


def test_every_problem_says_what_came_and_what_was_expected(
    dealer: DealerClient,
) -> None:
    (lead_id,) = dealer.seed(1, seed=42)

    response = dealer.post_updates([update(lead_id, rating="Hot")])

    assert errors(response) == [
        {
            "index": 0,
            "leadId": lead_id,
            "field": "rating",
            "message": 'rating "Hot" is not one of the listed values',
            "received": "Hot",
            "expected": 'one of: "High", "Medium", "Low"',
            "hint": None,
        }
    ]


def test_an_unknown_lead_is_a_problem_and_nothing_is_stored(
    http: TestClient, dealer: DealerClient
) -> None:
    (lead_id,) = dealer.seed(1, seed=43)

    response = dealer.post_updates([update(lead_id), update("00QunknownLead00000")])

    (problem,) = errors(response)
    assert (problem["index"], problem["field"]) == (1, "leadId")
    assert problem["message"] == "No lead with this leadId exists."
    _nothing_stored(http, [lead_id])


def test_another_dealers_lead_forbids_the_whole_request(
    http: TestClient, dealer: DealerClient, other_dealer: DealerClient
) -> None:
    (mine,) = dealer.seed(1, seed=44)
    (theirs,) = other_dealer.seed(1, seed=45)

    response = dealer.post_updates([update(mine), update(theirs)])

    assert response.status_code == 403
    assert response.json() == {
        "message": "You are not authorized to perform that action."
    }
    _nothing_stored(http, [mine, theirs])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([], "the array is empty"),
        ({"leadId": "x"}, "the body must be a JSON array, not object"),
        ("text", "the body must be a JSON array, not string"),
        (3, "the body must be a JSON array, not number"),
    ],
)
def test_a_body_that_is_not_a_batch_is_refused(
    dealer: DealerClient, body: Any, message: str
) -> None:
    response = dealer.post_updates(body)

    (problem,) = errors(response)
    assert problem["index"] is None
    assert problem["message"] == message


def test_more_than_a_hundred_updates_are_refused(dealer: DealerClient) -> None:
    (lead_id,) = dealer.seed(1, seed=46)

    response = dealer.post_updates([update(lead_id)] * 101)

    (problem,) = errors(response)
    assert problem["message"] == "the array holds 101 updates; at most 100 fit"


def test_a_hundred_updates_are_answered_in_order(
    http: TestClient, dealer: DealerClient
) -> None:
    ids = dealer.seed(100, seed=47)
    batch = [update(i, OPPORTUNITY, **{PERCENT: n % 99 + 1}) for n, i in enumerate(ids)]

    response = dealer.post_updates(batch)

    answered = results(response)
    assert [(r["index"], r["leadId"]) for r in answered] == list(enumerate(ids))
    assert lead(http, ids[50])["stage"] == answered[50]["stage"]


def test_history_keeps_every_update_in_order_and_the_latest_wins(
    http: TestClient, dealer: DealerClient
) -> None:
    (lead_id,) = dealer.seed(1, seed=48)
    first = update(lead_id, OPPORTUNITY, **{PERCENT: 10})
    second = update(lead_id, OPPORTUNITY, **{PERCENT: 70})
    third = update(
        lead_id, leadStatus="Disqualified", disqualifiedReasonWhy="No budget"
    )

    for body in ([first, second], [third]):
        results(dealer.post_updates(body))

    history = dealer_updates(http, lead_id)
    assert [(h["leadStatus"], h["stage"]) for h in history] == [
        ("Accepted", "Qualification"),
        ("Accepted", "Proposal/Negotiation"),
        ("Disqualified", None),
    ]
    assert history[2]["values"] == third
    stored = lead(http, lead_id)
    assert (stored["dealerStatus"], stored["stage"]) == ("Disqualified", None)


def test_a_post_leaves_the_lead_state_alone(
    http: TestClient, dealer: DealerClient
) -> None:
    ids = dealer.seed(2, seed=49)
    delivered = dealer.get_leads(limit=1).json()[0]["leadId"]
    waiting = next(i for i in ids if i != delivered)

    results(dealer.post_updates([update(delivered), update(waiting)]))

    assert lead(http, delivered)["leadState"] == "SENT"
    assert lead(http, waiting)["leadState"] == "NEW"
    assert [x["leadId"] for x in dealer.get_leads().json()] == [waiting]


def test_a_post_that_is_not_json_is_refused_by_header(dealer: DealerClient) -> None:
    headers = {**dealer.headers, "Content-Type": "text/plain"}

    response = dealer.http.post(LEADS_PATH, content=b"[]", headers=headers)

    assert response.status_code == 400
    assert response.json() == {"message": "Invalid request header."}


# Profiles ----------------------------------------------------------------------

LENIENT_CLIENT = {
    "client_id": "b330-lenient",
    "client_secret": "lenient-secret",
    "dealer_code": "B330",
    "validation_profile": "lenient",
}
STRICT_CLIENT = {**LENIENT_CLIENT, "client_id": "b330-strict"}
STRICT_CLIENT["validation_profile"] = "strict"

# A body as the guide's samples write one.
SAMPLE_STYLE: dict[str, Any] = {
    "dealerLeadId": "A123VSDFDFF",
    "customerContacted": True,
    "dateContacted": "2020-04-19",
    "dealerCustomerNumber ": "123433",
    "leadStatus": " accepted",
    "currencyIsoCode": "cny",
    "rating": "low",
    "customerAlreadyKnown": "Yes",
}

STRICT_PROBLEMS = sorted(
    [
        "customerContacted",
        "dealerCustomerNumber ",
        "leadStatus",
        "currencyIsoCode",
        "rating",
        "customerAlreadyKnown",
        "dealerSalesRep",
        "dealerSalesRepNumber",
    ]
)


def _app(tmp_path: Path, **settings: Any) -> Iterator[TestClient]:
    clients = tmp_path / "clients.json"
    all_clients = [*CLIENTS, LENIENT_CLIENT, STRICT_CLIENT]
    clients.write_text(json.dumps({"clients": all_clients}), encoding="utf-8")
    app = create_app(
        load_settings(database=tmp_path / "db", clients_file=clients, **settings)
    )
    with TestClient(app, raise_server_exceptions=False) as http:
        yield http
    app.state.store.close()


@pytest.fixture
def strict_by_default(tmp_path: Path) -> Iterator[TestClient]:
    yield from _app(tmp_path)


@pytest.fixture
def lenient_by_default(tmp_path: Path) -> Iterator[TestClient]:
    yield from _app(tmp_path, validation_profile="lenient")


def _post_sample(http: TestClient, client_id: str, secret: str) -> Any:
    client = DealerClient(http, client_id, secret, "B330")
    (lead_id,) = client.seed(1, seed=50)
    return client.post_updates([{"leadId": lead_id, **SAMPLE_STYLE}])


def test_a_lenient_client_passes_sample_style_bodies_with_warnings(
    strict_by_default: TestClient,
) -> None:
    response = _post_sample(strict_by_default, "b330-lenient", "lenient-secret")

    (result,) = results(response)
    assert (result["leadStatus"], result["stage"]) == ("Accepted", None)
    assert len(result["warnings"]) == 8
    assert any("customerAlreadyKnown" in w for w in result["warnings"])


def test_the_same_body_fails_a_strict_client_beside_it(
    strict_by_default: TestClient,
) -> None:
    response = _post_sample(strict_by_default, "b330-crm", "b330-secret")

    assert sorted(e["field"] for e in errors(response)) == STRICT_PROBLEMS


def test_the_lenient_setting_applies_to_every_client_without_its_own(
    lenient_by_default: TestClient,
) -> None:
    response = _post_sample(lenient_by_default, "b330-crm", "b330-secret")

    assert len(results(response)) == 1


def test_a_client_set_to_strict_stays_strict_under_the_lenient_setting(
    lenient_by_default: TestClient,
) -> None:
    response = _post_sample(lenient_by_default, "b330-strict", "lenient-secret")

    assert sorted(e["field"] for e in errors(response)) == STRICT_PROBLEMS


def test_lenient_still_requires_the_other_fields_and_the_rules(
    lenient_by_default: TestClient,
) -> None:
    client = DealerClient(lenient_by_default, "b330-crm", "b330-secret", "B330")
    (lead_id,) = client.seed(1, seed=51)
    body = without(update(lead_id, MINIMAL, leadStatus="rejected"), "currencyIsoCode")

    response = client.post_updates([body])

    assert [e["field"] for e in errors(response)] == [
        "currencyIsoCode",
        "rejectedReasonWhy",
    ]
