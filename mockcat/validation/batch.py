"""A parsed POST body in, clean updates or every problem out (contract §8).

Whether a leadId exists and whose lead it is are the store's questions and
are left to the route.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from mockcat.spec.update_fields import (
    DEPRECATED_FIELDS,
    FIELDS_BY_NAME,
    REQUIRED_FIELDS,
)
from mockcat.validation.keys import (
    KeyKind,
    KeyVerdict,
    nearest_field,
    read_key,
    spacing,
)
from mockcat.validation.model import (
    BatchResult,
    CleanUpdate,
    Problem,
    Profile,
    clip,
    json_type,
)
from mockcat.validation.rules import RULES, Facts, derive_stage, stray_closed_no_deal
from mockcat.validation.values import CHECKERS, EXPECTED, Invalid, Relax

# Contract §9: bad input must not make the server slow or its answer huge. A
# batch lists at most this many problems, and only the first few unknown keys
# get a (difflib) nearest-name hint.
MAX_PROBLEMS: Final = 1000
HINT_BUDGET: Final = 50

CURRENT_NAMES: Final = frozenset(FIELDS_BY_NAME) - DEPRECATED_FIELDS

# Contract §8, lenient profile: the guide's samples never send both.
LENIENT_OPTIONAL: Final = frozenset({"dealerSalesRep", "dealerSalesRepNumber"})


def validate_batch(
    body: object, *, profile: Profile, max_batch: int = 100
) -> BatchResult:
    """Check a whole POST body; ``updates`` may be stored only if no problems."""
    whole = body_problem(body, max_batch)
    if whole is not None:
        return BatchResult([], [whole])
    assert isinstance(body, list)
    tally = Tally()
    result = BatchResult([], [])
    for index, item in enumerate(body):
        if tally.full:
            break
        outcome = check_item(index, item, profile, tally)
        if isinstance(outcome, CleanUpdate):
            result.updates.append(outcome)
        else:
            result.problems.extend(outcome)
    if tally.full:
        result.problems.append(tally.overflow())
    return result


def body_problem(body: object, max_batch: int) -> Problem | None:
    """The problem with the body as a whole, if its shape is wrong."""
    expected = f"a JSON array of 1 to {max_batch} update objects"
    if not isinstance(body, list):
        hint = "wrap the update in [ ]" if isinstance(body, dict) else None
        message = f"the body must be a JSON array, not {json_type(body)}"
        return Problem(None, None, None, message, body, expected, hint)
    if not body:
        return Problem(None, None, None, "the array is empty", body, expected)
    if len(body) > max_batch:
        message = f"the array holds {len(body)} updates; at most {max_batch} fit"
        hint = "send them in several requests"
        return Problem(None, None, None, message, body, expected, hint)
    return None


@dataclass(slots=True)
class Tally:
    """Batch-wide allowances for problems and hints."""

    problems_left: int = MAX_PROBLEMS
    hints_left: int = HINT_BUDGET
    full: bool = False

    def take_problem(self) -> bool:
        """Whether one more problem may be listed."""
        if self.problems_left <= 0:
            self.full = True
            return False
        self.problems_left -= 1
        return True

    def take_hint(self) -> bool:
        """Whether one more nearest-name search may run."""
        self.hints_left -= 1
        return self.hints_left >= 0

    def overflow(self) -> Problem:
        """The closing entry of a truncated problem list."""
        message = f"more than {MAX_PROBLEMS} problems; the rest are not listed"
        return Problem(None, None, None, message)


def check_item(
    index: int, item: object, profile: Profile, tally: Tally
) -> CleanUpdate | list[Problem]:
    """One element of the array."""
    if not isinstance(item, dict):
        if not tally.take_problem():
            return []
        message = f"update {index} must be a JSON object, not {json_type(item)}"
        return [Problem(index, None, None, message, item, "an update object")]
    return UpdateCheck(index, profile == Profile.LENIENT, tally).run(item)


@dataclass(slots=True)
class Issue:
    """A problem before its index and leadId are known."""

    field: str | None
    message: str
    received: object = None
    expected: str | None = None
    hint: str | None = None

    def at(self, index: int, lead_id: str | None) -> Problem:
        """The finished problem."""
        return Problem(
            index,
            lead_id,
            self.field,
            self.message,
            self.received,
            self.expected,
            self.hint,
        )


_SPACED_HINTS: Final = {
    KeyKind.REMOVED: 'leave "{}" out; it was removed',
    KeyKind.DEPRECATED: 'leave "{}" out; it is deprecated',
}


class UpdateCheck:
    """The checks of one update object and what they found."""

    __slots__ = (
        "index",
        "lenient",
        "tally",
        "relax",
        "values",
        "given",
        "sent_as",
        "issues",
        "failed",
        "lead_raw",
    )

    def __init__(self, index: int, lenient: bool, tally: Tally) -> None:
        self.index = index
        self.lenient = lenient
        self.tally = tally
        self.relax = Relax(lenient)
        self.values: dict[str, object] = {}
        self.given: set[str] = set()
        self.sent_as: dict[str, str] = {}  # field -> the key it came under
        self.issues: list[Issue] = []
        self.failed = False  # also set for problems beyond the batch's cap
        self.lead_raw: object = None

    def run(self, item: dict[str, object]) -> CleanUpdate | list[Problem]:
        """All checks, in order: keys and values, required fields, rules."""
        for key, raw in item.items():
            if self.tally.full:
                self.failed = True  # unchecked keys: never a clean update
                break
            self.take(key, raw)
        self.check_required()
        self.check_rules()
        return self.outcome()

    def report(self, issue: Issue) -> None:
        """Record a problem, within the batch's allowance."""
        self.failed = True
        if self.tally.take_problem():
            self.issues.append(issue)

    def warn(self, text: str) -> None:
        """Record a warning for the answer to an accepted update."""
        self.relax.warnings.append(text)

    # Keys

    def take(self, key: str, raw: object) -> None:
        """Route one key/value pair by what the key turns out to be."""
        if key in CURRENT_NAMES:  # the usual case: one set lookup, straight on
            if key == "leadId":
                self.lead_raw = raw
            self.take_value(key, key, raw)
            return
        verdict = read_key(key)
        if verdict.field == "leadId":
            self.lead_raw = raw
        if verdict.spaced and not self.lenient:
            self.spaced_key(key, verdict, raw)
            return
        if verdict.spaced:
            self.warn(f'key "{key}" taken as "{key.strip()}" (spaces trimmed)')
        self.take_known(key, verdict, raw)

    def take_known(self, key: str, verdict: KeyVerdict, raw: object) -> None:
        """A key without stray spaces (or trimmed by the lenient profile)."""
        match verdict.kind:
            case KeyKind.CURRENT:
                assert verdict.field is not None
                self.take_value(verdict.field, key, raw)
            case KeyKind.DEPRECATED:
                self.deprecated(raw)
            case KeyKind.RENAMED:
                assert verdict.field is not None
                self.renamed(key, verdict.field, raw)
            case KeyKind.REMOVED:
                self.removed(key, raw)
            case KeyKind.UNKNOWN:
                self.unknown(key)

    def spaced_key(self, key: str, verdict: KeyVerdict, raw: object) -> None:
        """Strict: a known name with stray spaces is an error that says so (§8).

        The value is still checked, so one round trip shows every problem,
        and the field then counts as sent: it is not also reported missing.
        """
        target = verdict.field or key.strip()
        message = f'key "{key}" has {spacing(key)}'
        if verdict.kind is KeyKind.RENAMED:
            message += f' and is an old name for "{target}"'
        hint = _SPACED_HINTS.get(verdict.kind, 'send the key as "{}"').format(target)
        self.report(Issue(key, message, key, f'"{target}"', hint))
        if raw is None or verdict.field is None:
            return
        self.given.add(verdict.field)
        if verdict.kind is KeyKind.CURRENT:
            self.check_only(verdict.field, key, raw)

    def deprecated(self, raw: object) -> None:
        """leadAlreadyKnown: accepted, ignored, answered with a warning (§8)."""
        if raw is not None:
            self.warn("leadAlreadyKnown is deprecated; its value was ignored")

    def renamed(self, key: str, target: str, raw: object) -> None:
        """An old field name: an error naming the new one, or mapped (lenient)."""
        if self.lenient:
            self.warn(f'"{key}" taken as "{target}" (the field was renamed)')
            if target in DEPRECATED_FIELDS:
                self.deprecated(raw)
            else:
                self.take_value(target, key, raw)
            return
        message = f'"{key}" is an old field name; the field is now "{target}"'
        if target in DEPRECATED_FIELDS:
            message += ", which is itself deprecated"
        hint = "leave it out" if target in DEPRECATED_FIELDS else f'use "{target}"'
        self.report(Issue(key, message, key, f'"{target}"', hint))
        if raw is not None:
            self.given.add(target)

    def removed(self, key: str, raw: object) -> None:
        """closedDisqualified: gone from the API (§8); lenient ignores it."""
        if self.lenient:
            if raw is not None:
                self.warn(f'"{key}" was removed from the API; its value was ignored')
            return
        message = f'"{key}" was removed from the API'
        self.report(Issue(key, message, key, None, "leave it out"))

    def unknown(self, key: str) -> None:
        """Any other key: an error with the nearest field name as a hint."""
        near = nearest_field(key) if self.tally.take_hint() else None
        hint = f'did you mean "{near}"?' if near else None
        shown = clip(key, 100)
        self.report(
            Issue(key, f'"{shown}" is not a field of an update', key, None, hint)
        )

    # Values

    def take_value(self, name: str, key: str, raw: object) -> None:
        """Check and keep one field's value; null means absent (§8)."""
        if raw is None:
            return
        first = self.sent_as.setdefault(name, key)
        if first != key:
            message = f'{name} is sent twice, as "{first}" and as "{key}"'
            self.report(Issue(key, message, key, None, "keep one of them"))
            return
        value = self.check_only(name, key, raw)
        if value is not None:
            self.values[name] = value
            if type(value) is str and (not value or value.isspace()):
                return  # blank: kept, but not "sent" for required checks
        self.given.add(name)

    def check_only(self, name: str, key: str, raw: object) -> object:
        """The normalized value, or None after reporting why it is refused."""
        try:
            return CHECKERS[name](raw, self.relax)
        except Invalid as bad:
            self.report(Issue(key, bad.message, raw, bad.expected, bad.hint))
            return None

    # Whole-update checks

    def check_required(self) -> None:
        """Fields required always (§8); lenient lets the sales rep ones go."""
        for name in REQUIRED_FIELDS:
            if name in self.given:
                continue
            if self.lenient and name in LENIENT_OPTIONAL:
                self.warn(f"{name} not sent (the strict profile requires it)")
                continue
            self.report(self.absent(name, "it is required"))

    def check_rules(self) -> None:
        """R1-R9, and closedNoDeal only beside a percentage of 0."""
        facts = Facts(self.values, self.given)
        for rule in RULES:
            for name in rule.missing(facts):
                why = f"it is required when {rule.description} ({rule.number})"
                self.report(self.absent(name, why))
            if rule.wrong_status(facts):
                self.report(
                    self.status_issue(rule.status, rule.description, rule.number)
                )
        if stray_closed_no_deal(facts):
            message = "closedNoDeal is only sent with probabilityOfClosurePercentage 0"
            key = self.sent_as["closedNoDeal"]
            self.report(
                Issue(key, message, self.values["closedNoDeal"], None, "leave it out")
            )

    def absent(self, name: str, why: str) -> Issue:
        """The issue for a field that was not sent, or sent blank."""
        blank = name in self.values
        message = f"{name} is {'blank' if blank else 'missing'}; {why}"
        return Issue(name, message, self.values.get(name), EXPECTED[name])

    def status_issue(self, status: str | None, description: str, number: str) -> Issue:
        """R6: an opportunity's leadStatus must be Accepted."""
        received = self.values.get("leadStatus")
        message = f'leadStatus must be "{status}" when {description} ({number})'
        return Issue(
            self.sent_as.get("leadStatus", "leadStatus"),
            message,
            received,
            f'"{status}"',
        )

    def outcome(self) -> CleanUpdate | list[Problem]:
        """The clean update, or this update's problems with index and leadId."""
        if self.failed:
            lead_id = self.lead_id()
            return [issue.at(self.index, lead_id) for issue in self.issues]
        status, lead = self.values["leadStatus"], self.values["leadId"]
        assert isinstance(status, str) and isinstance(lead, str)
        stage = derive_stage(self.values)
        return CleanUpdate(
            self.index, lead, self.values, stage, status, self.relax.warnings
        )

    def lead_id(self) -> str | None:
        """The leadId to tag problems with: as sent, if it was a string."""
        return clip(self.lead_raw, 100) if isinstance(self.lead_raw, str) else None
