"""The dashboard in a real browser, against a real ``mockcat serve`` process.

A dealer's client works over HTTP beside the page, and the page must show what
it did without being reloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.utils.browser import PageWatch, chromium
from tests.utils.dealers import DealerClient, write_clients_file
from tests.utils.server import ServerProcess, running_server

# Waiting for something to appear (the page polls every 1.5 s), not timing it.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as found:
        yield found


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    clients = write_clients_file(tmp_path / "clients.json")
    flags = ("--database", str(tmp_path / "mockcat.db"), "--clients-file", str(clients))
    with running_server(tmp_path, *flags) as process:
        yield process


@pytest.fixture
def http(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


@pytest.fixture
def dealer(http: httpx.Client) -> DealerClient:
    return DealerClient(http, "b330-crm", "b330-secret", "B330")


@pytest.fixture
def page(browser: Browser, server: ServerProcess) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.watch = PageWatch(opened)  # type: ignore[attr-defined]
    yield opened
    context.close()


def open_dashboard(page: Page, server: ServerProcess, route: str = "") -> PageWatch:
    page.goto(f"{server.url}/_mockcat/ui/{route}")
    watch: PageWatch = page.watch  # type: ignore[attr-defined]
    return watch


def state_count(page: Page, state: str) -> Any:
    return page.locator(f'.card-state [data-count="{state}"]')


def opportunity(lead_id: str, percent: int, **extra: Any) -> dict[str, Any]:
    body = {
        "leadId": lead_id,
        "dealerLeadId": "CRM-1",
        "dealerSalesRep": "Dana Whitfield",
        "dealerSalesRepNumber": "SR-1042",
        "leadStatus": "Accepted",
        "currencyIsoCode": "USD",
        "dealerOpportunityId": "OPP-1",
        "probabilityOfClosurePercentage": percent,
        "opportunityAmount": "125000.00",
        "targetDate": "2031-06-30",
    }
    return {**body, **extra}


def pulled_lead(dealer: DealerClient) -> str:
    dealer.seed(1, seed=5)
    response = dealer.get_leads(limit=1)
    assert response.status_code == 200, response.text
    return str(response.json()[0]["leadId"])


def test_the_page_loads_with_no_console_errors_and_nothing_from_elsewhere(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    dealer.seed(3, seed=1)
    watch = open_dashboard(page, server)
    expect(state_count(page, "NEW")).to_have_text("3")
    expect(page.get_by_role("heading", name="Opportunity funnel")).to_be_visible()
    page.get_by_role("link", name="Leads", exact=True).click()
    expect(page.locator("table.leads tbody tr")).to_have_count(3)
    page.get_by_role("link", name="Requests", exact=True).click()
    expect(page.get_by_role("heading", name="Requests")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert watch.errors == []
    assert watch.urls and all(url.startswith(server.url) for url in watch.urls)


def test_seeding_from_the_page_adds_leads(
    page: Page, server: ServerProcess, http: httpx.Client
) -> None:
    open_dashboard(page, server)
    expect(state_count(page, "NEW")).to_have_text("0")
    page.locator("#seed-dealer").fill("K100")
    page.locator("#seed-count").fill("7")
    page.get_by_role("button", name="Seed leads").click()
    expect(page.locator("#status-line")).to_contain_text("Seeded 7 new leads for K100")
    expect(state_count(page, "NEW")).to_have_text("7")
    stats = http.get("/_mockcat/stats", params={"dealer": "K100"}).json()
    assert stats["byState"]["NEW"] == 7


def test_a_pull_moves_leads_from_new_to_sent_without_a_reload(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    dealer.seed(5, seed=2)
    open_dashboard(page, server)
    expect(state_count(page, "NEW")).to_have_text("5")
    expect(state_count(page, "SENT")).to_have_text("0")
    page.evaluate("window.__notReloaded = true")

    pulled = dealer.get_leads(limit=3).json()

    expect(state_count(page, "NEW")).to_have_text("2")
    expect(state_count(page, "SENT")).to_have_text("3")
    page.get_by_role("link", name="Leads", exact=True).click()
    for lead in pulled:
        row = page.locator(f'tr[data-lead-id="{lead["leadId"]}"]')
        expect(row.locator(".cell-state")).to_have_text("SENT")
    assert page.evaluate("window.__notReloaded") is True


def test_a_post_shows_the_new_stage_on_the_leads_timeline(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    lead_id = pulled_lead(dealer)
    open_dashboard(page, server, f"#/lead/{lead_id}")
    expect(page.locator(".event-delivered")).to_have_count(1)
    expect(page.locator("#lead-stage")).to_have_text("—")

    response = dealer.post_updates([opportunity(lead_id, 30)])
    assert response.status_code == 200, response.text

    update = page.locator(".event-dealer_update")
    expect(update).to_have_count(1)
    expect(update.locator(".badge")).to_have_text("Develop Solution")
    expect(page.locator("#lead-stage")).to_have_text("Develop Solution")

    closing = opportunity(lead_id, 100, dealerCustomerNumber="DCN-1")
    assert dealer.post_updates([closing]).status_code == 200
    expect(update).to_have_count(2)
    expect(update.first.locator(".badge")).to_have_text("Closed Won")
    expect(page.locator("#lead-stage")).to_have_text("Closed Won")
    expect(page.locator("#lead-status")).to_have_text("Accepted")


def test_a_rejected_post_shows_its_errors(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    lead_id = pulled_lead(dealer)
    bad = opportunity(lead_id, 0)
    del bad["currencyIsoCode"]
    response = dealer.post_updates([bad])
    assert response.status_code == 400
    fields = {problem["field"] for problem in response.json()["errors"]}
    assert {"currencyIsoCode", "closedNoDeal"} <= fields

    open_dashboard(page, server, "#/requests")
    refused = page.locator(".journal-entry.s4").filter(has_text="400")
    expect(refused).to_have_count(1)
    for field in ("currencyIsoCode", "closedNoDeal"):
        expect(refused.locator(".err-field", has_text=field)).to_have_count(1)

    page.goto(f"{server.url}/_mockcat/ui/#/lead/{lead_id}")
    event = page.locator(".event-dealer_update_rejected")
    expect(event).to_have_count(1)
    expect(event.locator(".err-field", has_text="currencyIsoCode")).to_have_count(1)
    expect(page.locator("#lead-status")).to_have_text("—")


def test_a_fault_added_on_the_page_fails_the_next_pull(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    dealer.seed(2, seed=3)
    open_dashboard(page, server)
    page.locator("#fault-endpoint").select_option(label="Pull leads (GET …/leads)")
    page.locator("#fault-status").fill("503")
    page.locator("#fault-times").fill("1")
    page.get_by_role("button", name="Add fault").click()
    expect(page.locator(".fault")).to_have_count(1)
    expect(page.locator(".fault")).to_contain_text("1 left")

    assert dealer.get_leads().status_code == 503
    expect(page.locator(".fault")).to_contain_text("fired 1×")
    assert dealer.get_leads().status_code == 200
    expect(state_count(page, "SENT")).to_have_text("2")

    page.get_by_role("button", name="Clear all faults").click()
    expect(page.locator("#no-faults")).to_be_visible()


def test_advancing_the_clock_from_the_page(
    page: Page, server: ServerProcess, http: httpx.Client
) -> None:
    open_dashboard(page, server)
    expect(page.locator("#clock-offset")).to_have_text("")
    page.get_by_role("button", name="+1 day").click()
    expect(page.locator("#clock-offset")).to_have_text("+1d")
    assert http.get("/_mockcat/clock").json()["offsetSeconds"] >= 86_400
    page.locator("#clock-seconds").fill("3600")
    page.locator("#clock-seconds").press("Enter")
    expect(page.locator("#clock-offset")).to_have_text("+1d 1h")


def test_reset_from_the_page_empties_the_simulator(
    page: Page, server: ServerProcess, dealer: DealerClient, http: httpx.Client
) -> None:
    dealer.seed(4, seed=4)
    open_dashboard(page, server)
    expect(state_count(page, "NEW")).to_have_text("4")
    page.get_by_role("button", name="Reset simulator…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(state_count(page, "NEW")).to_have_text("0")
    assert http.get("/_mockcat/leads").json()["count"] == 0


def test_a_caterpillar_update_from_the_leads_page(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    lead_id = pulled_lead(dealer)
    open_dashboard(page, server, f"#/lead/{lead_id}")
    expect(page.locator("#lead-state")).to_have_text("SENT")
    before = page.locator("#cat-prequal-now").inner_text()
    assert before in ("true", "false")
    page.get_by_role("button", name="Send Caterpillar update").click()
    expect(page.locator("#lead-state")).to_have_text("UPDATED")
    expected = "false" if before == "true" else "true"
    expect(page.locator("#cat-prequal-now")).to_have_text(expected)
    expect(page.locator(".event-caterpillar_update")).to_have_count(1)

    again = dealer.get_leads().json()
    assert [lead["leadId"] for lead in again] == [lead_id]
    assert again[0]["leadState"] == "UPDATED"
    expect(page.locator("#lead-state")).to_have_text("SENT")
    expect(page.locator(".event-delivered")).to_have_count(2)


def test_the_caterpillar_update_control_of_the_overview(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    lead_id = pulled_lead(dealer)
    open_dashboard(page, server)
    expect(state_count(page, "SENT")).to_have_text("1")
    page.locator("#cat-lead").fill(lead_id)
    page.locator("#cat-value").select_option("false")
    page.get_by_role("button", name="Update lead").click()
    expect(state_count(page, "UPDATED")).to_have_text("1")
    page.locator("#cat-lead").fill("00QnoSuchLead")
    page.get_by_role("button", name="Update lead").click()
    expect(page.locator("#status-line")).to_contain_text("No lead")


def test_leads_table_filters_and_search(
    page: Page, server: ServerProcess, dealer: DealerClient
) -> None:
    lead_id = pulled_lead(dealer)
    dealer.seed(4, seed=6)
    open_dashboard(page, server, "#/leads")
    rows = page.locator("table.leads tbody tr")
    expect(rows).to_have_count(5)
    page.get_by_label("State", exact=True).select_option("SENT")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-lead-id", lead_id)
    page.get_by_role("button", name="Clear", exact=True).click()
    expect(rows).to_have_count(5)
    page.get_by_label("Search", exact=True).fill(lead_id)
    page.get_by_label("Search", exact=True).press("Enter")
    expect(rows).to_have_count(1)
    rows.first.get_by_role("link", name=lead_id).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lead_id)


def test_the_page_works_from_the_keyboard_and_in_large_type(
    page: Page, server: ServerProcess
) -> None:
    open_dashboard(page, server)
    expect(state_count(page, "NEW")).to_have_text("0")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.locator("#seed-dealer").focus()
    page.keyboard.type("B330")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    expect(state_count(page, "NEW")).to_have_text("2")

    before = page.evaluate("getComputedStyle(document.body).fontSize")
    page.get_by_role("button", name="Large type").click()
    expect(page.locator("html")).to_have_class("large")
    after = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(after.removesuffix("px")) > float(before.removesuffix("px"))


def test_with_an_admin_token_the_page_asks_for_it_once(
    browser: Browser, tmp_path: Path
) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    flags = ("--database", str(tmp_path / "db.sqlite"), "--clients-file", str(clients))
    env = {"MOCKCAT_ADMIN_TOKEN": "letmein"}
    with running_server(tmp_path, *flags, env=env) as server:
        assert httpx.get(f"{server.url}/_mockcat/stats").status_code == 401
        context = browser.new_context()
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(f"{server.url}/_mockcat/ui/")
        dialog = page.get_by_role("dialog", name="Admin token")
        expect(dialog).to_be_visible()
        page.get_by_label("Token", exact=True).fill("letmein")
        page.get_by_role("button", name="Use token").click()
        expect(dialog).to_be_hidden()
        expect(state_count(page, "NEW")).to_have_text("0")
        page.reload()
        expect(state_count(page, "NEW")).to_have_text("0")
        expect(dialog).to_be_hidden()
        assert watch.errors == []
        context.close()
