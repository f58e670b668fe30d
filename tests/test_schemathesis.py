"""Schemathesis against the app's own OpenAPI document: the real API's routes.

Thousands of generated requests, valid and invalid, in process: no answer may
be a 5xx, and every answer must match the status, media type, headers and
schema the document gives for it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mockcat.api.main import create_app
from mockcat.core.config import Settings
from tests.utils.dealers import DealerClient

OPENAPI_PATH = "/_mockcat/openapi.json"
# Per operation and generation mode; four operations, two modes, plus the
# explicit examples: several thousand requests in all.
EXAMPLES = 400
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
]


OPERATIONS = [
    ("POST", "/as/token.oauth2"),
    ("GET", "/marketing/ecrm/leadManagement/v2/leads"),
    ("GET", "/marketing/ecrm/leadManagement/v2/leads/historic"),
    ("POST", "/marketing/ecrm/leadManagement/v2/leads"),
]


class Target:
    """The app under test, its document, and a seeded dealer's token."""

    def __init__(self, app: FastAPI, token: str, lead_ids: list[str]) -> None:
        self.app = app
        self.token = token
        self.lead_ids = itertools.cycle(lead_ids)
        self.schema = schemathesis.openapi.from_asgi(OPENAPI_PATH, app)

    def operation(self, method: str, path: str) -> APIOperation:
        return self.schema[path][method]

    def call(self, case: Case) -> None:
        """Send one case as a dealer would, and hold the answer to the document."""
        use_seeded_leads(case, self)
        case.call_and_validate(headers=self.credentials(case), checks=CHECKS)

    def credentials(self, case: Case) -> dict[str, str] | None:
        """The dealer's token, unless the case is about a broken Authorization.

        Passed beside the case, not in it, so that schemathesis knows the
        token is a real one and probes the route without it (ignored_auth).
        """
        if not case.operation.path.startswith("/marketing/"):
            return None
        if case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER):
            return None
        return {"Authorization": f"Bearer {self.token}"}


def is_negative(case: Case) -> bool:
    return (
        case.meta is not None and case.meta.generation.mode is GenerationMode.NEGATIVE
    )


@pytest.fixture
def target(settings: Settings) -> Iterator[Target]:
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as http:
        dealer = DealerClient(http, "b330-crm", "b330-secret", "B330")
        lead_ids = dealer.seed(40, seed=5)
        yield Target(app, dealer.token, lead_ids)
    app.state.store.close()


def use_seeded_leads(case: Case, target: Target) -> None:
    """Positive bodies name leads that exist, so valid batches get stored.

    Negative bodies are left alone: their leadId may be the very thing that
    makes them invalid.
    """
    if is_negative(case) or not isinstance(case.body, list):
        return
    for item in case.body:
        if isinstance(item, dict) and isinstance(item.get("leadId"), str):
            item["leadId"] = next(target.lead_ids)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_generated_requests_get_documented_answers(
    target: Target, method: str, path: str, mode: GenerationMode
) -> None:
    strategy = target.operation(method, path).as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Case) -> None:
        target.call(case)

    run()


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_documents_own_examples_get_documented_answers(
    target: Target, method: str, path: str
) -> None:
    strategies = target.operation(method, path).get_strategies_from_examples()

    @given(case=st.one_of(strategies))
    @settings(max_examples=50, deadline=None, database=None)
    def run(case: Case) -> None:
        target.call(case)

    if strategies:
        run()
