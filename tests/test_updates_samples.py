"""The guide's POST samples over HTTP: as printed and corrected (fixtures/samples).

Each sample names the lead 00Q1W00001SmV5oUAF; the tests put a seeded lead
of the dealer in its place and change nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mockcat.api.main import create_app
from mockcat.core.config import load_settings
from tests.utils.dealers import DealerClient
from tests.utils.updates import errors, lead, results

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "samples"
KEY = "dealerCustomerNumber "
REPS = ["dealerSalesRep", "dealerSalesRepNumber"]

# The strict profile's problems with each sample as printed: the fields named,
# as fixtures/samples/README.md lists them.
AS_PRINTED: dict[str, list[str]] = {
    "rejected_no_comments": [KEY, *REPS],
    "rejected_with_comments": [KEY, "rejectedReasonWhy", *REPS],
    "rejected_with_comments_or": [KEY, "rejectedReasonWhy", "dealerSalesRepNumber"],
    "accepted": [KEY, "currencyIsoCode ", "dealerSalesRepNumber"],
    "disqualified_contacted": [
        "customerContacted",
        KEY,
        "currencyIsoCode ",
        "dealerSalesRepNumber",
    ],
    "disqualified_contacted_or": [KEY, "dealerSalesRepNumber"],
    "disqualified_with_comments": [
        "customerContacted",
        KEY,
        "currencyIsoCode ",
        "dealerSalesRepNumber",
    ],
    "qualification": [KEY, "leadStatus", "dealerSalesRepNumber"],
    "develop_solution": [KEY, "leadStatus", "dealerSalesRepNumber"],
    "proposal_negotiation": [KEY, "leadStatus", "dealerSalesRepNumber"],
    "closed_won": [KEY, "leadStatus", "secondayClosedReason", "dealerSalesRepNumber"],
    "closed_no_deal": [
        KEY,
        "rating",
        "leadStatus",
        "secondayClosedReason",
        "dealerSalesRepNumber",
    ],
    "closed_lost": [
        KEY,
        "rating",
        "leadStatus",
        "secondayClosedReason",
        "dealerSalesRepNumber",
    ],
}

# Status and stage of each corrected sample.
CORRECTED: dict[str, tuple[str, str | None]] = {
    "rejected_no_comments": ("Rejected", None),
    "rejected_with_comments": ("Rejected", None),
    "rejected_with_comments_or": ("Rejected", None),
    "accepted": ("Accepted", None),
    "disqualified_contacted": ("Disqualified", None),
    "disqualified_contacted_or": ("Disqualified", None),
    "disqualified_with_comments": ("Disqualified", None),
    "qualification": ("Accepted", "Qualification"),
    "develop_solution": ("Accepted", "Develop Solution"),
    "proposal_negotiation": ("Accepted", "Proposal/Negotiation"),
    "closed_won": ("Accepted", "Closed Won"),
    "closed_no_deal": ("Accepted", "Closed No Deal"),
    "closed_lost": ("Accepted", "Closed Lost"),
}


def _sample(folder: str, name: str, lead_id: str) -> list[dict[str, Any]]:
    body = json.loads((SAMPLES / folder / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(body, list) and len(body) == 1
    return [{**item, "leadId": lead_id} for item in body]


def test_every_sample_file_is_covered() -> None:
    for folder in ("as_printed", "corrected"):
        names = {p.stem for p in (SAMPLES / folder).glob("*.json")}
        assert names == set(AS_PRINTED) == set(CORRECTED)


@pytest.mark.parametrize("name", sorted(AS_PRINTED))
def test_strict_points_at_exactly_the_printed_samples_problems(
    http: TestClient, dealer: DealerClient, name: str
) -> None:
    (lead_id,) = dealer.seed(1, seed=61)

    response = dealer.post_updates(_sample("as_printed", name, lead_id))

    problems = errors(response)
    assert sorted(p["field"] for p in problems) == sorted(AS_PRINTED[name])
    assert {(p["index"], p["leadId"]) for p in problems} == {(0, lead_id)}
    assert lead(http, lead_id)["dealerStatus"] is None


@pytest.fixture
def lenient(tmp_path: Path, clients_file: Path) -> Iterator[DealerClient]:
    """Dealer B330 on a server whose profile setting is lenient."""
    settings = load_settings(
        database=tmp_path / "lenient.db",
        clients_file=clients_file,
        validation_profile="lenient",
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as http:
        yield DealerClient(http, "b330-crm", "b330-secret", "B330")
    app.state.store.close()


@pytest.mark.parametrize("name", sorted(AS_PRINTED))
def test_lenient_passes_every_printed_sample_with_warnings(
    lenient: DealerClient, name: str
) -> None:
    (lead_id,) = lenient.seed(1, seed=62)

    response = lenient.post_updates(_sample("as_printed", name, lead_id))

    (result,) = results(response)
    status, stage = CORRECTED[name]
    assert (result["leadStatus"], result["stage"]) == (status, stage)
    assert len(result["warnings"]) >= len(AS_PRINTED[name])


@pytest.mark.parametrize("name", sorted(CORRECTED))
def test_strict_stores_every_corrected_sample_with_its_stage(
    http: TestClient, dealer: DealerClient, name: str
) -> None:
    (lead_id,) = dealer.seed(1, seed=63)

    response = dealer.post_updates(_sample("corrected", name, lead_id))

    (result,) = results(response)
    status, stage = CORRECTED[name]
    assert (result["leadStatus"], result["stage"], result["warnings"]) == (
        status,
        stage,
        [],
    )
    stored = lead(http, lead_id)
    assert (stored["dealerStatus"], stored["stage"]) == (status, stage)
