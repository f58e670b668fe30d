"""Leads from Caterpillar's side: given leads, Caterpillar updates, the reads the
dashboard uses, and each lead's timeline."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.utils.dealers import DealerClient

SEED_LEADS = "/_mockcat/seed/leads"


def _update(lead_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "leadId": lead_id,
        "dealerLeadId": "D-1",
        "dealerSalesRep": "Ann Rep",
        "dealerSalesRepNumber": "42",
        "leadStatus": "Accepted",
        "currencyIsoCode": "USD",
        **extra,
    }


def _opportunity(lead_id: str) -> dict[str, Any]:
    return _update(
        lead_id,
        probabilityOfClosurePercentage=30,
        dealerOpportunityId="OPP-1",
        opportunityAmount=1000,
        targetDate="2030-01-31",
    )


def _cat_update(http: TestClient, lead_id: str, value: bool) -> dict[str, Any]:
    response = http.post(
        f"/_mockcat/leads/{lead_id}/caterpillar-update",
        json={"catPrequalificationStatus": value},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_given_leads_are_stored_with_nulls_and_defaults(
    http: TestClient, dealer: DealerClient
) -> None:
    given = [
        {"leadId": "00QGIVEN000000001", "firstName": "Ada", "countryCode": "US"},
        {"firstName": "Wei", "countryCode": "CN", "gender": "FEMALE"},
    ]

    response = http.post(SEED_LEADS, json={"dealer": "B330", "leads": given})
    served = dealer.get_leads().json()

    assert response.status_code == 201, response.text
    assert response.json()["lead_ids"][0] == "00QGIVEN000000001"
    assert len(served) == 2
    first = next(lead for lead in served if lead["leadId"] == "00QGIVEN000000001")
    assert first["firstName"] == "Ada"
    assert first["catDealerCode"] == "B330"
    assert first["leadState"] == "NEW"
    assert first["company"] is None
    assert first["dateCreated"].endswith("+00:00")
    assert len(next(x for x in served if x is not first)["leadId"]) == 18


def test_given_leads_with_problems_name_index_and_field(
    http: TestClient, dealer: DealerClient
) -> None:
    given = [
        {"leadId": "ok-1", "city": "Peoria"},
        {"leadId": "bad-1", "city": "x" * 41, "catPrequalificationStatus": "yes"},
        {"leadId": "bad-2", "gender": "MALE", "countryCode": "US"},
        {"leadId": "bad-3", "industry": "Knitting", "fristName": "Al"},
        {"leadId": "ok-1"},
        "not a lead",
    ]

    response = http.post(SEED_LEADS, json={"dealer": "B330", "leads": given})

    assert response.status_code == 400
    errors = {(e["index"], e["field"]) for e in response.json()["errors"]}
    assert errors == {
        (1, "city"),
        (1, "catPrequalificationStatus"),
        (2, "gender"),
        (3, "industry"),
        (3, "fristName"),
        (4, "leadId"),
        (5, None),
    }
    hint = next(e for e in response.json()["errors"] if e["field"] == "fristName")
    assert "firstName" in hint["message"]
    assert http.get("/_mockcat/leads").json()["count"] == 0


def test_given_leads_without_a_dealer_need_catdealercode(http: TestClient) -> None:
    response = http.post(SEED_LEADS, json={"leads": [{"leadId": "x"}]})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "catDealerCode"


def test_caterpillar_update_of_a_sent_lead_makes_it_updated(
    http: TestClient, dealer: DealerClient
) -> None:
    [lead_id] = dealer.seed(1, seed=11)
    dealer.get_leads()

    changed = _cat_update(http, lead_id, True)
    served = dealer.get_leads().json()

    assert changed["leadState"] == "UPDATED"
    assert changed["fields"]["catPrequalificationStatus"] is True
    assert [(x["leadId"], x["leadState"]) for x in served] == [(lead_id, "UPDATED")]
    assert served[0]["catPrequalificationStatus"] is True


def test_caterpillar_update_of_a_new_lead_keeps_it_new(
    http: TestClient, dealer: DealerClient
) -> None:
    [lead_id] = dealer.seed(1, seed=12)

    changed = _cat_update(http, lead_id, False)
    served = dealer.get_leads().json()

    assert changed["leadState"] == "NEW"
    assert served[0]["leadState"] == "NEW"
    assert served[0]["catPrequalificationStatus"] is False


def test_caterpillar_update_of_an_unknown_lead_is_404(http: TestClient) -> None:
    response = http.post(
        "/_mockcat/leads/nope/caterpillar-update",
        json={"catPrequalificationStatus": True},
    )
    bad = http.post(
        "/_mockcat/leads/nope/caterpillar-update",
        json={"catPrequalificationStatus": "maybe"},
    )

    assert response.status_code == 404
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["location"] == "body.catPrequalificationStatus"


def test_timeline_tells_a_lead_s_whole_story(
    http: TestClient, dealer: DealerClient
) -> None:
    [lead_id] = dealer.seed(1, seed=13)
    delivery = dealer.get_leads()
    _cat_update(http, lead_id, True)
    dealer.get_leads()
    accepted = dealer.post_updates([_opportunity(lead_id)])
    refused = dealer.post_updates([_update(lead_id, leadStatus="Maybe")])

    timeline = http.get(f"/_mockcat/leads/{lead_id}/timeline").json()

    assert accepted.status_code == 200 and refused.status_code == 400
    kinds = [e["kind"] for e in timeline["events"]]
    assert kinds == [
        "created",
        "delivered",
        "caterpillar_update",
        "delivered",
        "dealer_update",
        "dealer_update_rejected",
    ]
    events = timeline["events"]
    assert events[1]["requestId"] == delivery.headers["x-request-id"]
    assert events[1]["clientId"] == "b330-crm"
    assert events[3]["details"]["leadState"] == "UPDATED"
    assert events[4]["details"]["stage"] == "Develop Solution"
    assert events[4]["details"]["values"]["dealerOpportunityId"] == "OPP-1"
    assert events[4]["requestId"] == accepted.headers["x-request-id"]
    assert events[5]["details"]["errors"][0]["field"] == "leadStatus"


def test_lead_detail_and_list_show_dealer_status_and_stage(
    http: TestClient, dealer: DealerClient
) -> None:
    lead_ids = dealer.seed(3, seed=14)
    dealer.get_leads(limit=2)
    dealer.post_updates([_opportunity(lead_ids[0])])

    detail = http.get(f"/_mockcat/leads/{lead_ids[0]}").json()
    staged = http.get("/_mockcat/leads", params={"stage": "Develop Solution"}).json()
    untouched = http.get("/_mockcat/leads", params={"status": "none"}).json()
    sent = http.get("/_mockcat/leads", params={"state": "SENT"}).json()

    assert detail["dealerStatus"] == "Accepted"
    assert detail["stage"] == "Develop Solution"
    assert detail["fields"]["leadId"] == lead_ids[0]
    assert detail["fields"]["leadState"] == detail["leadState"]
    assert [x["leadId"] for x in staged["data"]] == [lead_ids[0]]
    assert staged["data"][0]["updatedAt"] is not None
    assert untouched["count"] == 2
    assert sent["count"] == 2


def test_lead_list_pages_and_searches(http: TestClient, dealer: DealerClient) -> None:
    dealer.seed(30, seed=15)
    http.post(
        SEED_LEADS,
        json={"dealer": "K100", "leads": [{"leadId": "L-Z", "company": "Zyxwv Ltd"}]},
    )

    page = http.get("/_mockcat/leads", params={"dealer": "B330", "limit": 10}).json()
    rest = http.get(
        "/_mockcat/leads", params={"dealer": "B330", "offset": 25, "limit": 10}
    ).json()
    found = http.get("/_mockcat/leads", params={"q": "zyxwv"}).json()

    assert page["count"] == 30 and len(page["data"]) == 10
    assert len(rest["data"]) == 5
    dates = [x["dateCreated"] for x in page["data"]]
    assert dates == sorted(dates, reverse=True)
    assert set(page["data"][0]) == {
        "leadId",
        "dealer",
        "leadState",
        "dealerStatus",
        "stage",
        "name",
        "company",
        "countryCode",
        "businessUnit",
        "dateCreated",
        "updatedAt",
    }
    assert [x["leadId"] for x in found["data"]] == ["L-Z"]


def test_lead_list_refuses_bad_filters(http: TestClient) -> None:
    response = http.get("/_mockcat/leads", params={"state": "LOST", "limit": 0})

    assert response.status_code == 400
    locations = {e["location"] for e in response.json()["errors"]}
    assert locations == {"query.state", "query.limit"}


def test_unknown_lead_is_404(http: TestClient) -> None:
    assert http.get("/_mockcat/leads/nope").status_code == 404
    assert http.get("/_mockcat/leads/nope/timeline").status_code == 404


def test_stats_count_by_state_status_and_stage(
    http: TestClient, dealer: DealerClient
) -> None:
    lead_ids = dealer.seed(4, seed=16)
    dealer.get_leads(limit=3)
    dealer.post_updates(
        [_opportunity(lead_ids[0]), _update(lead_ids[1], leadStatus="Accepted")]
    )

    stats = http.get("/_mockcat/stats", params={"dealer": "B330"}).json()
    other = http.get("/_mockcat/stats", params={"dealer": "K100"}).json()

    assert stats["dealers"] == ["B330", "K100"]
    assert stats["byState"] == {"NEW": 1, "SENT": 3, "UPDATED": 0}
    assert stats["byDealerStatus"] == {
        "Accepted": 2,
        "Rejected": 0,
        "Disqualified": 0,
        "none": 2,
    }
    assert stats["byStage"]["Develop Solution"] == 1
    assert sum(stats["byStage"].values()) == 1
    assert other["byState"] == {"NEW": 0, "SENT": 0, "UPDATED": 0}


def test_lead_search_finds_a_full_name_and_takes_underscore_literally(
    http: TestClient,
) -> None:
    leads = [
        {"leadId": "L-ADA", "name": "Ada Lovelace", "firstName": "Ada",
         "lastName": "Lovelace"},
        {"leadId": "L-UND", "emailAddress": "a_b@example.com"},
        {"leadId": "L-AXB", "emailAddress": "axb@example.com"},
    ]  # fmt: skip
    http.post(SEED_LEADS, json={"dealer": "K100", "leads": leads})

    by_name = http.get("/_mockcat/leads", params={"q": "ada lovelace"}).json()
    by_email = http.get("/_mockcat/leads", params={"q": "a_b@"}).json()

    assert [lead["leadId"] for lead in by_name["data"]] == ["L-ADA"]
    assert [lead["leadId"] for lead in by_email["data"]] == ["L-UND"]
