"""What the demo's dealer does with each lead: a story of update bodies.

Every body is valid under the strict profile (contract §8): the six required
fields are always there and each step meets R1-R9. One story in a few starts
with a deliberate mistake, so the dashboard has a refused update to show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final

# The order stories are handed out in: every outcome shows up within the first
# handful of leads, so even a short demo reaches them all.
STORY_CYCLE: Final = (
    "won",
    "rejected",
    "lost",
    "disqualified",
    "nodeal",
    "won",
    "accepted",
    "lost",
    "won",
)

# Every this many leads, the dealer's first opportunity update forgets fields.
MISTAKE_EVERY: Final = 4

SALES_REPS: Final = (
    ("Dana Whitfield", "SR-1042"),
    ("Marco Ruiz", "SR-2210"),
    ("Aiko Tanaka", "SR-3307"),
    ("Sam Okafor", "SR-4175"),
)

CURRENCIES: Final = ("USD", "USD", "EUR", "CAD", "AUD")


@dataclass
class Step:
    """One POST of the story, and how to say it on the console."""

    body: dict[str, Any]
    caption: str
    expect_refusal: bool = False


@dataclass
class Story:
    lead_id: str
    kind: str
    steps: list[Step] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return not self.steps


def _base(lead_id: str, number: int, rng: random.Random, today: date) -> dict[str, Any]:
    rep, rep_number = rng.choice(SALES_REPS)
    return {
        "leadId": lead_id,
        "dealerLeadId": f"CRM-{number:05d}",
        "dealerSalesRep": rep,
        "dealerSalesRepNumber": rep_number,
        "currencyIsoCode": rng.choice(CURRENCIES),
        "customerPreviouslyKnown": rng.choice(("Yes", "No")),
        "customerContacted": "Yes",
        "dateContacted": today.isoformat(),
    }


def _opportunity(
    base: dict[str, Any], number: int, amount: str, today: date, percent: int
) -> dict[str, Any]:
    body = {
        **base,
        "leadStatus": "Accepted",
        "dealerOpportunityId": f"OPP-{number:05d}",
        "probabilityOfClosurePercentage": percent,
        "opportunityAmount": amount,
        "targetDate": (today + timedelta(days=60)).isoformat(),
    }
    if percent in (0, 100):
        body["dealerCustomerNumber"] = f"DCN-{number:06d}"
    return body


def build_story(lead_id: str, number: int, rng: random.Random, today: date) -> Story:
    """The steps for the ``number``-th lead the demo dealer has pulled."""
    kind = STORY_CYCLE[number % len(STORY_CYCLE)]
    base = _base(lead_id, number, rng, today)
    amount = f"{rng.randrange(40, 900) * 1000}.00"
    accept = Step(
        {**base, "leadStatus": "Accepted", "rating": rng.choice(("High", "Medium"))},
        "Accepted",
    )

    def opp(percent: int, caption: str, **extra: Any) -> Step:
        body = _opportunity(base, number, amount, today, percent)
        return Step({**body, **extra}, caption)

    steps: list[Step]
    if kind == "rejected":
        steps = [
            Step(
                {
                    **base,
                    "leadStatus": "Rejected",
                    "rejectedReasonWhy": "For Another Dealer",
                    "rejectedReasonComments": "Jobsite is in another dealer's area.",
                },
                "Rejected (For Another Dealer)",
            )
        ]
    elif kind == "disqualified":
        steps = [
            accept,
            Step(
                {
                    **base,
                    "leadStatus": "Disqualified",
                    "disqualifiedReasonWhy": "No budget",
                },
                "Disqualified (No budget)",
            ),
        ]
    elif kind == "accepted":
        steps = [accept]
    elif kind == "won":
        steps = [
            accept,
            opp(10, "Qualification (10%)"),
            opp(30, "Develop Solution (30%)"),
            opp(60, "Proposal/Negotiation (60%)", quoteId=f"Q-{number:05d}"),
            opp(100, "Closed Won (100%)"),
        ]
    elif kind == "lost":
        steps = [
            accept,
            opp(15, "Qualification (15%)"),
            opp(35, "Develop Solution (35%)"),
            opp(
                0,
                "Closed Lost (Cat Price too High)",
                closedNoDeal=0,
                primaryClosedReason="Cat Price too High",
            ),
        ]
    else:  # nodeal
        steps = [
            accept,
            opp(20, "Qualification (20%)"),
            opp(0, "Closed No Deal", closedNoDeal=1),
        ]
    if number % MISTAKE_EVERY == 0 and len(steps) > 1 and kind != "disqualified":
        steps.insert(1, _mistake(steps[1]))
    return Story(lead_id, kind, steps)


def _mistake(step: Step) -> Step:
    """The next step as a hasty client sends it: without amount and target date."""
    body = {
        k: v
        for k, v in step.body.items()
        if k not in ("opportunityAmount", "targetDate")
    }
    return Step(body, step.caption + " without amount and date", expect_refusal=True)
