"""GET historic: delivered leads by creation date (contract §7)."""

from __future__ import annotations

import pytest

from tests.utils.dealers import DealerClient

RANGE = {"startdate": "2024-03-01", "enddate": "2024-03-31"}


def _seed_march(dealer: DealerClient, count: int) -> list[str]:
    return dealer.seed(
        count,
        seed=11,
        created_from="2024-03-01T00:00:00+00:00",
        created_to="2024-03-31T23:59:59+00:00",
    )


def test_historic_returns_only_delivered_leads_as_sent(dealer: DealerClient) -> None:
    _seed_march(dealer, 10)
    delivered = {lead["leadId"] for lead in dealer.get_leads(limit=4).json()}

    response = dealer.historic(**RANGE)

    assert response.status_code == 200
    leads = response.json()
    assert {lead["leadId"] for lead in leads} == delivered
    assert {lead["leadState"] for lead in leads} == {"SENT"}


def test_historic_pages_in_a_stable_order(dealer: DealerClient) -> None:
    _seed_march(dealer, 250)
    for _ in range(3):
        dealer.get_leads()

    pages = [
        dealer.historic(**RANGE, offset=o, limit=100).json() for o in (0, 100, 200, 300)
    ]

    assert [len(p) for p in pages] == [100, 100, 50, 0]
    keys = [(lead["dateCreated"], lead["leadId"]) for p in pages for lead in p]
    assert len(set(keys)) == 250
    assert keys == sorted(keys)


def test_historic_changes_no_state(dealer: DealerClient) -> None:
    _seed_march(dealer, 5)
    dealer.get_leads(limit=2)

    dealer.historic(**RANGE)

    assert len(dealer.get_leads().json()) == 3


def test_historic_dates_are_inclusive(dealer: DealerClient) -> None:
    _seed_march(dealer, 60)
    leads = dealer.get_leads().json()
    days = sorted({lead["dateCreated"][:10] for lead in leads})
    first, last = days[0], days[-1]

    one_day = dealer.historic(startdate=first, enddate=first).json()
    span = dealer.historic(startdate=first, enddate=last).json()

    assert one_day and {lead["dateCreated"][:10] for lead in one_day} == {first}
    assert len(span) == 60


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"enddate": "2024-03-31"}, "startdate"),
        ({"startdate": "2024-03-01"}, "enddate"),
        ({"startdate": "2024-3-1", "enddate": "2024-03-31"}, "startdate"),
        ({"startdate": "2024-03-01", "enddate": "2024-02-30"}, "enddate"),
        ({"startdate": "01/03/2024", "enddate": "2024-03-31"}, "startdate"),
        ({"startdate": "2024-04-01", "enddate": "2024-03-01"}, "startdate"),
        ({**RANGE, "offset": "-1"}, "offset"),
        ({**RANGE, "offset": "x"}, "offset"),
        ({**RANGE, "limit": "0"}, "limit"),
        ({**RANGE, "limit": "abc"}, "limit"),
    ],
)
def test_bad_historic_parameters_are_400(
    dealer: DealerClient, params: dict[str, str], named: str
) -> None:
    response = dealer.historic(**params)

    assert response.status_code == 400
    assert named in response.json()["message"]


def test_historic_limit_is_capped_at_100(dealer: DealerClient) -> None:
    _seed_march(dealer, 120)
    dealer.get_leads()
    dealer.get_leads()

    response = dealer.historic(**RANGE, limit=500)

    assert len(response.json()) == 100
