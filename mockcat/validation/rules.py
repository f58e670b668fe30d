"""The conditional rules R1-R9 and the opportunity stage (contract §8).

Each rule is data: a number, a description, a predicate over what was sent
("when") and the fields that must then be present ("then"). The predicates
read ``Facts`` so each rule can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from mockcat.spec.update_fields import STAGES

PERCENT: Final = "probabilityOfClosurePercentage"


@dataclass(frozen=True, slots=True)
class Facts:
    """One update as the rules see it.

    ``values``: fields that passed their own checks, normalized (percentage and
    closedNoDeal as int, enumerations as their listed spelling).
    ``given``: fields sent with a non-null, non-blank value, valid or not, and
    fields whose key was misspelt in a way already reported; a rule never asks
    again for a field the client did send.
    """

    values: Mapping[str, object]
    given: frozenset[str] | set[str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A conditional requirement of the POST table."""

    number: str
    description: str
    when: Callable[[Facts], bool]
    then: tuple[str, ...]
    status: str | None = None  # a leadStatus the rule also demands (R6)

    def missing(self, facts: Facts) -> list[str]:
        """The required fields not sent, when the rule applies."""
        if not self.when(facts):
            return []
        return [name for name in self.then if name not in facts.given]

    def wrong_status(self, facts: Facts) -> bool:
        """True when the rule applies and a valid leadStatus is not the one due."""
        if self.status is None or not self.when(facts):
            return False
        status = facts.values.get("leadStatus")
        return status is not None and status != self.status


REJECTION_NEEDS_COMMENT: Final = frozenset(
    {
        "End-user, end-use or end-destination may be restricted",
        "For Another Dealer",
        "Product/Service Not Offered at Dealership",
    }
)
DISQUALIFICATION_NEEDS_COMMENT: Final = frozenset(
    {
        "End-user, end-use or end-destination may be restricted",
        "Other",
        "Lead Already Known",
    }
)


def is_rejected(facts: Facts) -> bool:
    """R1's condition."""
    return facts.values.get("leadStatus") == "Rejected"


def rejection_needs_comment(facts: Facts) -> bool:
    """R2's condition."""
    return facts.values.get("rejectedReasonWhy") in REJECTION_NEEDS_COMMENT


def is_disqualified(facts: Facts) -> bool:
    """R3's condition."""
    return facts.values.get("leadStatus") == "Disqualified"


def disqualification_needs_comment(facts: Facts) -> bool:
    """R4's condition."""
    return facts.values.get("disqualifiedReasonWhy") in DISQUALIFICATION_NEEDS_COMMENT


def was_contacted(facts: Facts) -> bool:
    """R5's condition."""
    return facts.values.get("customerContacted") == "Yes"


def is_opportunity(facts: Facts) -> bool:
    """R6's condition: sent at all, so an out-of-range percentage still counts."""
    return PERCENT in facts.given or "dealerOpportunityId" in facts.given


def closed_at_zero(facts: Facts) -> bool:
    """R7's condition."""
    return facts.values.get(PERCENT) == 0


def closed_lost(facts: Facts) -> bool:
    """R8's condition."""
    return closed_at_zero(facts) and facts.values.get("closedNoDeal") == 0


def is_closed(facts: Facts) -> bool:
    """R9's condition: won (100), lost or no deal (0)."""
    return facts.values.get(PERCENT) in (0, 100)


RULES: Final[tuple[Rule, ...]] = (
    Rule("R1", "leadStatus is Rejected", is_rejected, ("rejectedReasonWhy",)),
    Rule(
        "R2",
        "rejectedReasonWhy is one that needs a comment",
        rejection_needs_comment,
        ("rejectedReasonComments",),
    ),
    Rule(
        "R3", "leadStatus is Disqualified", is_disqualified, ("disqualifiedReasonWhy",)
    ),
    Rule(
        "R4",
        "disqualifiedReasonWhy is one that needs a comment",
        disqualification_needs_comment,
        ("disqualifiedReasonComments",),
    ),
    Rule("R5", "customerContacted is Yes", was_contacted, ("dateContacted",)),
    Rule(
        "R6",
        "the lead is an opportunity (probabilityOfClosurePercentage or "
        "dealerOpportunityId sent)",
        is_opportunity,
        (PERCENT, "dealerOpportunityId", "opportunityAmount", "targetDate"),
        status="Accepted",
    ),
    Rule("R7", f"{PERCENT} is 0", closed_at_zero, ("closedNoDeal",)),
    Rule(
        "R8",
        f"{PERCENT} is 0 and closedNoDeal is 0 (Closed Lost)",
        closed_lost,
        ("primaryClosedReason",),
    ),
    Rule(
        "R9",
        f"{PERCENT} is 0 or 100 (closed)",
        is_closed,
        ("dealerCustomerNumber",),
    ),
)


def stray_closed_no_deal(facts: Facts) -> bool:
    """closedNoDeal sent where the percentage is known and not 0 (§8).

    An invalid percentage was reported already, so it does not count here.
    """
    if "closedNoDeal" not in facts.values:
        return False
    percent = facts.values.get(PERCENT)
    if percent is None:
        return PERCENT not in facts.given
    return percent != 0


_QUALIFICATION, _DEVELOP, _PROPOSAL, _WON, _LOST, _NO_DEAL = STAGES

# Contract §8: each band's highest percentage, then its stage.
_BANDS: Final = (
    (20, _QUALIFICATION),
    (40, _DEVELOP),
    (99, _PROPOSAL),
    (100, _WON),
)

_AT_ZERO: Final = {0: _LOST, 1: _NO_DEAL}


def derive_stage(values: Mapping[str, object]) -> str | None:
    """The opportunity stage from the percentage (and closedNoDeal at 0)."""
    percent = values.get(PERCENT)
    if not isinstance(percent, int):
        return None  # not an opportunity: the status alone describes the lead
    if percent == 0:
        no_deal = values.get("closedNoDeal")
        return _AT_ZERO.get(no_deal) if isinstance(no_deal, int) else None
    return next((stage for top, stage in _BANDS if percent <= top), None)
