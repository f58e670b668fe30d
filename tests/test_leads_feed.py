"""GET leads: the pending feed (contract §5, §6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import load_settings
from mockcat.spec.lead_fields import LEAD_FIELD_NAMES
from tests.utils.dealers import LEADS_PATH, DealerClient


def test_150_leads_come_as_100_then_50_then_empty(dealer: DealerClient) -> None:
    seeded = dealer.seed(150, seed=7)

    pages = [dealer.get_leads() for _ in range(3)]

    assert [p.status_code for p in pages] == [200, 200, 200]
    assert [len(p.json()) for p in pages] == [100, 50, 0]
    received = [lead["leadId"] for p in pages for lead in p.json()]
    assert sorted(received) == sorted(seeded)


def test_leads_come_oldest_first_as_new(dealer: DealerClient) -> None:
    dealer.seed(30, seed=3)

    leads = dealer.get_leads(limit=30).json()

    created = [lead["dateCreated"] for lead in leads]
    assert created == sorted(created)
    assert {lead["leadState"] for lead in leads} == {"NEW"}


def test_lead_carries_every_field_of_the_guide(dealer: DealerClient) -> None:
    dealer.seed(5, seed=1)

    leads = dealer.get_leads().json()

    for lead in leads:
        assert set(lead) == set(LEAD_FIELD_NAMES)
        assert lead["catDealerCode"] == "B330"


def test_dealers_never_see_each_others_leads(
    dealer: DealerClient, other_dealer: DealerClient
) -> None:
    mine = set(dealer.seed(20, seed=1))
    theirs = set(other_dealer.seed(20, seed=2))

    got_mine = {lead["leadId"] for lead in dealer.get_leads().json()}
    got_theirs = {lead["leadId"] for lead in other_dealer.get_leads().json()}

    assert got_mine == mine
    assert got_theirs == theirs


@pytest.mark.parametrize(
    ("limit", "served"),
    [("1", 1), ("100", 100), ("101", 100), ("1000", 100), (None, 100)],
)
def test_limit_is_capped_at_100(
    dealer: DealerClient, limit: str | None, served: int
) -> None:
    dealer.seed(120, seed=5)
    params = {} if limit is None else {"limit": limit}

    response = dealer.get_leads(**params)

    assert response.status_code == 200
    assert len(response.json()) == served


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1.5", ""])
def test_bad_limit_is_400_naming_limit(dealer: DealerClient, limit: str) -> None:
    dealer.seed(3, seed=5)

    response = dealer.get_leads(limit=limit)

    assert response.status_code == 400
    assert "limit" in response.json()["message"]
    assert len(dealer.get_leads().json()) == 3


def test_unknown_parameters_are_ignored(dealer: DealerClient) -> None:
    dealer.seed(2, seed=5)

    response = dealer.get_leads(page="2", foo="bar")

    assert response.status_code == 200
    assert len(response.json()) == 2


def test_empty_feed_is_204_when_configured(tmp_path: Path, clients_file: Path) -> None:
    settings = load_settings(
        database=tmp_path / "db.sqlite", clients_file=clients_file, empty_feed="204"
    )
    with TestClient(create_app(settings)) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")

        response = http.get(LEADS_PATH, headers=dealer.headers)

    assert response.status_code == 204
    assert response.content == b""


def test_response_is_json_with_request_id(dealer: DealerClient) -> None:
    response = dealer.get_leads()

    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-request-id"]
    assert response.json() == []
