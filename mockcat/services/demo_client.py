"""The demo's scripted dealer client, and the Caterpillar side that feeds it.

It talks to a running simulator over HTTP only, as a real CRM would: a token,
GET leads, POST updates. Each HTTP call is one step, and steps are ``pace``
seconds apart so a person watching the dashboard can follow them.
"""

from __future__ import annotations

import random
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import httpx

from mockcat.services.demo_stories import Story, build_story

TOKEN_PATH: Final = "/as/token.oauth2"
LEADS_PATH: Final = "/marketing/ecrm/leadManagement/v2/leads"

PULL_LIMIT: Final = 3  # leads per GET: small, so pulls keep happening
MAX_ACTIVE: Final = 6  # stories in progress before the dealer pulls again
FEED_BATCH: Final = 4  # new leads Caterpillar sends when the feed runs dry
CAT_UPDATE_EVERY: Final = 7  # pulls between two Caterpillar updates
START_TIMEOUT: Final = 30.0


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """Who the scripted client is, and how it reaches the simulator."""

    base_url: str
    client_id: str
    client_secret: str
    dealer_code: str
    admin_token: str | None = None


class StopDemo(Exception):
    """The demo was asked to stop."""


class DealerScript:
    """Pulls leads, works each through its story, and keeps the feed going."""

    def __init__(
        self,
        account: DemoAccount,
        *,
        pace: float,
        stop: threading.Event,
        say: Callable[[str], None],
        seed: int | None = None,
    ) -> None:
        self.account = account
        self.pace = pace
        self.stop = stop
        self.say = say
        self.rng = random.Random(seed)
        self.http = httpx.Client(base_url=account.base_url, timeout=15.0)
        self.token: str | None = None
        self.active: deque[Story] = deque()
        self.known: set[str] = set()
        self.delivered: list[str] = []
        self.pulled = 0
        self.pulls = 0

    def run(self) -> None:
        """Work until told to stop; any stop request ends it between steps."""
        try:
            self._wait_for_server()
            while not self.stop.is_set():
                try:
                    self._cycle()
                except httpx.TransportError as exc:
                    if self.stop.is_set():
                        break
                    self.say(f"the simulator did not answer ({exc}); retrying")
                    self._tick()
        except StopDemo:
            pass
        finally:
            self.http.close()

    # -- pacing -------------------------------------------------------------

    def _tick(self) -> None:
        if self.stop.wait(self.pace):
            raise StopDemo()

    def _wait_for_server(self) -> None:
        deadline = datetime.now(UTC).timestamp() + START_TIMEOUT
        while datetime.now(UTC).timestamp() < deadline:
            if self.stop.is_set():
                raise StopDemo()
            try:
                if self.http.get("/_mockcat/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            self.stop.wait(0.1)
        raise StopDemo()

    # -- one round: pull, then one step of each story ------------------------

    def _cycle(self) -> None:
        if len(self.active) < MAX_ACTIVE:
            got = self._pull()
            self._tick()
            if not got and not self.active:
                self._feed()
                self._tick()
            if self.pulls % CAT_UPDATE_EVERY == 0 and self.delivered:
                self._caterpillar_update()
                self._tick()
        for _ in range(len(self.active)):
            story = self.active.popleft()
            self._post(story)
            if not story.done:
                self.active.append(story)
            self._tick()

    def _pull(self) -> int:
        self.pulls += 1
        response = self._lead_api("GET", LEADS_PATH, params={"limit": PULL_LIMIT})
        if response is None:
            return 0
        if response.status_code == 204:
            leads: list[dict[str, Any]] = []
        elif response.status_code == 200:
            leads = response.json()
        else:
            self.say(f"GET leads answered {response.status_code}; trying again later")
            return 0
        if not leads:
            self.say("GET leads: nothing pending")
        for lead in leads:
            self._take(lead)
        return len(leads)

    def _take(self, lead: dict[str, Any]) -> None:
        lead_id = str(lead["leadId"])
        who = lead.get("name") or lead.get("company") or "no name given"
        if lead_id in self.known:
            self.say(f"GET leads: {lead_id} again ({lead.get('leadState')}), {who}")
            return
        self.known.add(lead_id)
        self.delivered.append(lead_id)
        today = datetime.now(UTC).date()
        story = build_story(lead_id, self.pulled, self.rng, today)
        self.pulled += 1
        self.active.append(story)
        self.say(f"GET leads: {lead_id} (NEW), {who}; plan: {story.kind}")

    def _post(self, story: Story) -> None:
        step = story.steps[0]
        response = self._lead_api("POST", LEADS_PATH, json=[step.body])
        if response is None:
            return
        if response.status_code == 200:
            story.steps.pop(0)
            self.say(f"POST {story.lead_id}: {step.caption}")
        elif response.status_code == 400 and step.expect_refusal:
            story.steps.pop(0)
            problems = response.json().get("errors", [])
            fields = ", ".join(sorted({str(p.get("field")) for p in problems}))
            self.say(
                f"POST {story.lead_id}: refused, {len(problems)} problem(s) "
                f"({fields}); the client fixes its body"
            )
        else:
            # A fault or a bug: the same step is tried again on the next round.
            self.say(f"POST {story.lead_id} answered {response.status_code}; retrying")

    # -- the Caterpillar side, through the simulator's controls --------------

    def _feed(self) -> None:
        body = {"dealer": self.account.dealer_code, "count": FEED_BATCH}
        response = self._control("POST", "/_mockcat/seed", body)
        if response is not None and response.status_code == 201:
            self.say(f"Caterpillar: {FEED_BATCH} new leads for {body['dealer']}")

    def _caterpillar_update(self) -> None:
        lead_id = self.rng.choice(self.delivered)
        path = f"/_mockcat/leads/{lead_id}/caterpillar-update"
        value = self.rng.choice((True, False))
        response = self._control("POST", path, {"catPrequalificationStatus": value})
        if response is not None and response.status_code < 300:
            self.say(f"Caterpillar: updated {lead_id} (prequalified: {value})")

    # -- HTTP ---------------------------------------------------------------

    def _control(
        self, method: str, path: str, body: dict[str, Any]
    ) -> httpx.Response | None:
        headers = {}
        if self.account.admin_token:
            headers["Authorization"] = f"Bearer {self.account.admin_token}"
        response = self.http.request(method, path, json=body, headers=headers)
        if response.status_code >= 300:
            self.say(f"{method} {path} answered {response.status_code}")
        return response

    def _lead_api(self, method: str, path: str, **kwargs: Any) -> httpx.Response | None:
        for _ in range(2):
            token = self._token()
            if token is None:
                return None
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            response = self.http.request(method, path, headers=headers, **kwargs)
            if response.status_code != 401:
                return response
            self.token = None  # expired (the clock may have moved): get another
        return response

    def _token(self) -> str | None:
        if self.token is None:
            response = self.http.post(
                TOKEN_PATH,
                data={"grant_type": "client_credentials", "scope": "manage:all"},
                auth=(self.account.client_id, self.account.client_secret),
            )
            if response.status_code != 200:
                self.say(f"token endpoint answered {response.status_code}")
                return None
            self.token = str(response.json()["access_token"])
            self.say("token: got an access token")
        return self.token
