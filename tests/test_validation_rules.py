"""Table-driven tests of the POST validation (contract §8, §9), without HTTP."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockcat.spec.fields import Field, FieldType
from mockcat.spec.update_fields import (
    CLOSED_REASONS,
    DISQUALIFIED_REASONS,
    FIELDS_BY_NAME,
    RENAMED_FIELDS,
    REQUIRED_FIELDS,
    UPDATE_FIELDS,
    update_json_schema,
)
from mockcat.validation import (
    MAX_PROBLEMS,
    RULES,
    BatchResult,
    BodyError,
    Facts,
    Profile,
    derive_stage,
    parse_json_body,
    validate_batch,
)

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "samples"
LEAD = "00Q1W00001SmV5oUAF"
BASE: dict[str, object] = {
    "leadId": LEAD,
    "dealerLeadId": "A123VSDFDFF",
    "dealerSalesRep": "JOHN DOE",
    "dealerSalesRepNumber": "AB12496",
    "leadStatus": "Accepted",
    "currencyIsoCode": "USD",
}
# Enough to satisfy every rule a single enumerated field can set off.
FULL: dict[str, object] = {
    **BASE,
    "dateContacted": "2020-04-19",
    "rejectedReasonWhy": "Bad Contact Information",
    "rejectedReasonComments": "note",
    "disqualifiedReasonWhy": "No budget",
    "disqualifiedReasonComments": "note",
}
OPPORTUNITY: dict[str, object] = {
    **BASE,
    "dealerOpportunityId": "OPP-1",
    "opportunityAmount": 1999.45,
    "targetDate": "2021-09-23",
    "dealerCustomerNumber": "123433",
}


def check(update: dict[str, object], profile: Profile = Profile.STRICT) -> BatchResult:
    return validate_batch([update], profile=profile)


def fields(result: BatchResult) -> list[str | None]:
    return [p.field for p in result.problems]


def without(update: dict[str, object], *names: str) -> dict[str, object]:
    return {k: v for k, v in update.items() if k not in names}


def passes(update: dict[str, object], profile: Profile = Profile.STRICT) -> None:
    result = check(update, profile)
    assert result.problems == [], [p.as_dict() for p in result.problems]
    assert len(result.updates) == 1


# The table ------------------------------------------------------------------


def test_table_has_every_row_of_the_guide() -> None:
    names = [f.name for f in UPDATE_FIELDS]
    assert len(names) == len(set(names)) == 28
    assert set(REQUIRED_FIELDS) == {
        "leadId",
        "dealerLeadId",
        "dealerSalesRep",
        "dealerSalesRepNumber",
        "leadStatus",
        "currencyIsoCode",
    }
    assert len(CLOSED_REASONS) == 20
    assert len(DISQUALIFIED_REASONS) == 9
    assert FIELDS_BY_NAME["customerContacted"].enum == ("Yes", "No")
    assert FIELDS_BY_NAME["opportunityAmount"].precision == (16, 2)


def test_json_schema_lists_properties_and_required() -> None:
    schema = update_json_schema()
    props = schema["properties"]
    assert isinstance(props, dict)
    assert set(props) == set(FIELDS_BY_NAME)
    assert schema["required"] == list(REQUIRED_FIELDS)
    assert props["leadAlreadyKnown"]["deprecated"] is True
    json.dumps(schema)


# Required fields --------------------------------------------------------------


def test_minimal_update_passes_with_no_stage() -> None:
    result = check(dict(BASE))
    assert result.problems == []
    update = result.updates[0]
    assert (update.lead_id, update.status, update.stage) == (LEAD, "Accepted", None)
    assert update.values == BASE
    assert update.warnings == []


@pytest.mark.parametrize("name", REQUIRED_FIELDS)
@pytest.mark.parametrize("how", ["absent", "null"])
def test_each_required_field_missing(name: str, how: str) -> None:
    update = without(BASE, name) if how == "absent" else {**BASE, name: None}
    result = check(update)
    assert fields(result) == [name]
    assert "missing" in result.problems[0].message


@pytest.mark.parametrize("name", ["dealerLeadId", "dealerSalesRep", "leadId"])
def test_blank_required_text_is_reported_as_blank(name: str) -> None:
    result = check({**BASE, name: "  "})
    assert fields(result) == [name]
    assert "blank" in result.problems[0].message


@pytest.mark.parametrize("name", ["dealerSalesRep", "dealerSalesRepNumber"])
def test_lenient_lets_sales_rep_fields_go_with_a_warning(name: str) -> None:
    result = check(without(BASE, name), Profile.LENIENT)
    assert result.problems == []
    assert any(name in w for w in result.updates[0].warnings)


@pytest.mark.parametrize("name", ["leadId", "dealerLeadId", "leadStatus"])
def test_lenient_still_requires_the_others(name: str) -> None:
    assert fields(check(without(BASE, name), Profile.LENIENT)) == [name]


# R1-R9 --------------------------------------------------------------------------


RuleCase = tuple[str, dict[str, object], list[str], dict[str, object]]


def _case(
    number: str, trigger: dict[str, object], needed: list[str], fix: dict[str, object]
) -> RuleCase:
    return number, trigger, needed, fix


RULE_CASES: list[RuleCase] = [
    ("R1", {"leadStatus": "Rejected"}, ["rejectedReasonWhy"],
     {"rejectedReasonWhy": "Bad Contact Information"}),
    *[
        _case("R2", {"leadStatus": "Rejected", "rejectedReasonWhy": why},
              ["rejectedReasonComments"], {"rejectedReasonComments": "who to call"})
        for why in (
            "End-user, end-use or end-destination may be restricted",
            "For Another Dealer",
            "Product/Service Not Offered at Dealership",
        )
    ],
    ("R3", {"leadStatus": "Disqualified"}, ["disqualifiedReasonWhy"],
     {"disqualifiedReasonWhy": "No budget"}),
    *[
        _case("R4", {"leadStatus": "Disqualified", "disqualifiedReasonWhy": why},
              ["disqualifiedReasonComments"], {"disqualifiedReasonComments": "why"})
        for why in (
            "End-user, end-use or end-destination may be restricted",
            "Other",
            "Lead Already Known",
        )
    ],
    ("R5", {"customerContacted": "Yes"}, ["dateContacted"],
     {"dateContacted": "2020-04-19"}),
    ("R6", {"probabilityOfClosurePercentage": 50},
     ["dealerOpportunityId", "opportunityAmount", "targetDate"],
     {"dealerOpportunityId": "OPP-1", "opportunityAmount": "10",
      "targetDate": "2021-01-31"}),
    ("R6", {"dealerOpportunityId": "OPP-1"},
     ["probabilityOfClosurePercentage", "opportunityAmount", "targetDate"],
     {"probabilityOfClosurePercentage": "50", "opportunityAmount": 10,
      "targetDate": "2021-01-31"}),
    ("R7", {**OPPORTUNITY, "probabilityOfClosurePercentage": 0},
     ["closedNoDeal"], {"closedNoDeal": 1}),
    ("R8", {**OPPORTUNITY, "probabilityOfClosurePercentage": 0,
            "closedNoDeal": 0},
     ["primaryClosedReason"], {"primaryClosedReason": "Application Fit"}),
    ("R9", {**without(OPPORTUNITY, "dealerCustomerNumber"),
            "probabilityOfClosurePercentage": 100},
     ["dealerCustomerNumber"], {"dealerCustomerNumber": "DCN-1"}),
    ("R9", {**without(OPPORTUNITY, "dealerCustomerNumber"),
            "probabilityOfClosurePercentage": 0, "closedNoDeal": 1},
     ["dealerCustomerNumber"], {"dealerCustomerNumber": "DCN-1"}),
]  # fmt: skip


@pytest.mark.parametrize(("number", "trigger", "needed", "fix"), RULE_CASES)
def test_rule_triggered_then_satisfied(
    number: str,
    trigger: dict[str, object],
    needed: list[str],
    fix: dict[str, object],
) -> None:
    result = check({**BASE, **trigger})
    assert sorted(map(str, fields(result))) == sorted(needed)
    assert all(f"({number})" in p.message for p in result.problems)
    passes({**BASE, **trigger, **fix})


def test_rules_are_data_numbered_r1_to_r9() -> None:
    assert [r.number for r in RULES] == [f"R{i}" for i in range(1, 10)]
    r6 = RULES[5]
    facts = Facts({"leadStatus": "Rejected"}, {"dealerOpportunityId"})
    assert r6.when(facts) and r6.wrong_status(facts)
    assert r6.missing(facts) == [
        "probabilityOfClosurePercentage",
        "opportunityAmount",
        "targetDate",
    ]
    assert not RULES[1].when(
        Facts({"rejectedReasonWhy": "Bad Contact Information"}, set())
    )
    assert not RULES[7].when(
        Facts({"probabilityOfClosurePercentage": 0, "closedNoDeal": 1}, set())
    )


def test_r6_demands_accepted() -> None:
    opportunity = {**OPPORTUNITY, "probabilityOfClosurePercentage": 50}
    result = check({**opportunity, "leadStatus": "Rejected",
                    "rejectedReasonWhy": "Bad Contact Information"})  # fmt: skip
    assert fields(result) == ["leadStatus"]
    assert "(R6)" in result.problems[0].message


@pytest.mark.parametrize("percent", [50, None])
def test_closed_no_deal_only_with_zero(percent: int | None) -> None:
    update = {**OPPORTUNITY, "closedNoDeal": 0}
    if percent is None:
        update = without(update, "dealerOpportunityId")
    else:
        update["probabilityOfClosurePercentage"] = percent
    assert fields(check(update)) == ["closedNoDeal"]


def test_invalid_value_does_not_also_set_off_its_rule() -> None:
    # " For Another Dealer " is refused in strict, so R2 is not asked again.
    result = check(
        {**BASE, "leadStatus": "Rejected", "rejectedReasonWhy": " For Another Dealer "}
    )
    assert fields(result) == ["rejectedReasonWhy"]


# Stages ---------------------------------------------------------------------------

STAGES = [
    (1, None, "Qualification"),
    (20, None, "Qualification"),
    (21, None, "Develop Solution"),
    (40, None, "Develop Solution"),
    (41, None, "Proposal/Negotiation"),
    (99, None, "Proposal/Negotiation"),
    (100, None, "Closed Won"),
    (0, 0, "Closed Lost"),
    (0, 1, "Closed No Deal"),
]


@pytest.mark.parametrize(("percent", "no_deal", "stage"), STAGES)
def test_every_stage(percent: int, no_deal: int | None, stage: str) -> None:
    update: dict[str, object] = {
        **OPPORTUNITY,
        "probabilityOfClosurePercentage": percent,
    }
    if no_deal is not None:
        update["closedNoDeal"] = no_deal
    if no_deal == 0:
        update["primaryClosedReason"] = "Cat Price too High"
    result = check(update)
    assert result.problems == []
    assert result.updates[0].stage == stage
    assert derive_stage({"probabilityOfClosurePercentage": percent,
                         "closedNoDeal": no_deal}) == stage  # fmt: skip


@pytest.mark.parametrize("status", ["Accepted", "Rejected", "Disqualified"])
def test_no_percentage_no_stage(status: str) -> None:
    result = check({**FULL, "leadStatus": status})
    assert result.problems == []
    assert (result.updates[0].stage, result.updates[0].status) == (None, status)


# Enumerations ---------------------------------------------------------------------

ENUM_FIELDS = [f for f in UPDATE_FIELDS if f.enum and f.name != "leadAlreadyKnown"]


@pytest.mark.parametrize(
    ("name", "value"), [(f.name, v) for f in ENUM_FIELDS for v in f.enum or ()]
)
def test_every_listed_value_passes(name: str, value: str) -> None:
    result = check({**FULL, name: value})
    assert result.problems == [], [p.as_dict() for p in result.problems]
    assert result.updates[0].values[name] == value


@pytest.mark.parametrize("name", [f.name for f in ENUM_FIELDS])
@pytest.mark.parametrize("value", ["Nope", "", 7])
def test_unlisted_value_fails(name: str, value: object) -> None:
    result = check({**FULL, name: value})
    assert fields(result) == [name]
    assert result.problems[0].received == value


@pytest.mark.parametrize(
    ("name", "typeset", "canonical"),
    [
        ("primaryClosedReason", "Products / Parts Not in Cat Network",
         "Products/Parts Not in Cat Network"),
        ("primaryClosedReason", "Products/Parts Not in Dealer\u2019s Network",
         "Products/Parts Not in Dealer's Network"),
        ("primaryClosedReason",
         "Sales Capability (Expertise/ Coverage / Participation / SFM)",
         "Sales Capability (Expertise/Coverage/Participation/SFM)"),
        ("disqualifiedReasonWhy", "No  budget", "No budget"),
        ("rejectedReasonWhy", "Product / Service Not Offered at Dealership",
         "Product/Service Not Offered at Dealership"),
    ],
)  # fmt: skip
def test_typeset_spellings_pass_strict(name: str, typeset: str, canonical: str) -> None:
    result = check({**FULL, name: typeset})
    assert result.problems == []
    assert result.updates[0].values[name] == canonical


@pytest.mark.parametrize(
    ("name", "sent", "value"),
    [
        ("leadStatus", " Accepted ", "Accepted"),
        ("leadStatus", "ACCEPTED", "Accepted"),
        ("rating", "low", "Low"),
        ("customerContacted", True, "Yes"),
        ("customerPreviouslyKnown", False, "No"),
        ("primaryClosedReason", " cat price too high", "Cat Price too High"),
        ("currencyIsoCode", " usd", "USD"),
    ],
)
def test_strict_refuses_what_lenient_takes_with_a_warning(
    name: str, sent: object, value: str
) -> None:
    strict = check({**FULL, name: sent})
    assert fields(strict) == [name]
    assert strict.problems[0].hint is not None
    lenient = check({**FULL, name: sent}, Profile.LENIENT)
    assert lenient.problems == []
    assert lenient.updates[0].values[name] == value
    assert len(lenient.updates[0].warnings) == 1


@pytest.mark.parametrize("code", ["USD", "CNY", "EUR", "JPY"])
def test_currency_codes(code: str) -> None:
    passes({**BASE, "currencyIsoCode": code})


@pytest.mark.parametrize("code", ["US", "ABC", "usd", "US D", 840, "DOLLAR"])
def test_bad_currency_codes(code: object) -> None:
    assert fields(check({**BASE, "currencyIsoCode": code})) == ["currencyIsoCode"]


# Lengths, types, dates, numbers -----------------------------------------------------

TEXT_FIELDS = [
    f for f in UPDATE_FIELDS
    if f.type is FieldType.STRING and f.enum is None and f.name != "currencyIsoCode"
]  # fmt: skip


@pytest.mark.parametrize("spec", TEXT_FIELDS, ids=lambda f: f.name)
@pytest.mark.parametrize("char", ["é", "漢"])
def test_max_length_in_characters(spec: Field, char: str) -> None:
    context = {**FULL, **OPPORTUNITY, "probabilityOfClosurePercentage": 50}
    limit = spec.max_length
    assert isinstance(limit, int)
    passes({**context, spec.name: char * limit})
    result = check({**context, spec.name: char * (limit + 1)})
    assert fields(result) == [spec.name]
    assert str(limit) in result.problems[0].message


def test_strings_must_be_strings() -> None:
    result = check({**BASE, "dealerLeadId": 12345})
    assert fields(result) == ["dealerLeadId"]
    assert result.problems[0].hint == 'send it in quotes: "12345"'


@pytest.mark.parametrize("name", ["dateContacted", "quoteSentDate", "targetDate"])
@pytest.mark.parametrize(
    "bad",
    ["2021-02-30", "2021-13-01", "19/04/2020", "2020-4-19", "2020-04-19T10:00:00Z",
     "", 20200419],
)  # fmt: skip
def test_bad_dates(name: str, bad: object) -> None:
    update = {**BASE, name: bad}
    result = check(update)
    assert name in fields(result)
    if bad == "2020-04-19T10:00:00Z":
        assert result.problems[0].hint == 'send the date alone: "2020-04-19"'


def test_leap_day_is_a_date() -> None:
    passes({**BASE, "quoteSentDate": "2020-02-29"})


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        (0, "0.00"),
        ("0", "0.00"),
        (1999.45, "1999.45"),
        ("1999.45", "1999.45"),
        (Decimal("1999.450"), "1999.45"),
        (10, "10.00"),
        ("99999999999999.99", "99999999999999.99"),
        (Decimal("12345678901234.56"), "12345678901234.56"),
    ],
)
def test_good_amounts(sent: object, stored: str) -> None:
    result = check({**BASE, "opportunityAmount": sent})
    assert result.problems == []
    assert result.updates[0].values["opportunityAmount"] == stored


@pytest.mark.parametrize(
    "sent",
    [-1, "-1", 1999.455, "1999.455", 10**14, "100000000000000", "abc", "1e3",
     " 12", True, [], "", float("nan")],
)  # fmt: skip
def test_bad_amounts(sent: object) -> None:
    assert fields(check({**BASE, "opportunityAmount": sent})) == ["opportunityAmount"]


@pytest.mark.parametrize("sent", [0, 1, 50, 100, "0", "50", "100"])
def test_good_percentages(sent: object) -> None:
    update = {**OPPORTUNITY, "probabilityOfClosurePercentage": sent}
    if sent in (0, "0"):
        update |= {"closedNoDeal": 1}
    result = check(update)
    assert result.problems == []
    stored = result.updates[0].values["probabilityOfClosurePercentage"]
    assert stored == int(str(sent))


@pytest.mark.parametrize(
    "sent", [-1, 101, "101", "-5", 10.5, 10.0, "10.0", True, "ten", " 50", 10**30]
)
def test_bad_percentages(sent: object) -> None:
    update = {**OPPORTUNITY, "probabilityOfClosurePercentage": sent}
    assert fields(check(update)) == ["probabilityOfClosurePercentage"]


def test_whole_float_percentage_gets_a_hint() -> None:
    result = check({**OPPORTUNITY, "probabilityOfClosurePercentage": 10.0})
    assert result.problems[0].hint == "send 10 without decimals"


@pytest.mark.parametrize("sent", [2, -1, "1", True, 1.0])
def test_bad_closed_no_deal(sent: object) -> None:
    update = {**OPPORTUNITY, "probabilityOfClosurePercentage": 0, "closedNoDeal": sent}
    assert fields(check(update)) == ["closedNoDeal"]


def test_null_optional_fields_are_absent() -> None:
    nulls = {f.name: None for f in UPDATE_FIELDS if f.name not in REQUIRED_FIELDS}
    result = check({**BASE, **nulls})
    assert result.problems == []
    assert result.updates[0].values == BASE


# Keys -------------------------------------------------------------------------------

RENAMED_VALUES: dict[str, object] = {
    "customerAlreadyKnown": "Yes",
    "opportunityAlreadyKnown": "No",
    "dealerContactDateTime": "2020-04-19",
    "quoteDateTime": "2020-04-19",
    "isoCurrencyCode": "USD",
    "primaryClosedLostReason": "Application Fit",
    "primaryClosedWonReason": "Application Fit",
    "PrimaryClosedWonReasonComments": "note",
    "closedDisqualified": True,
    "secondayClosedReason": "note",
}


@pytest.mark.parametrize(("old", "new"), RENAMED_FIELDS.items())
def test_renamed_fields(old: str, new: str | None) -> None:
    update = without(BASE, "currencyIsoCode") if old == "isoCurrencyCode" else BASE
    update = {**update, old: RENAMED_VALUES[old]}
    result = check(update)
    assert fields(result) == [old]
    if new is not None:
        assert new in result.problems[0].message
    lenient = check(update, Profile.LENIENT)
    assert lenient.problems == []
    values = lenient.updates[0].values
    assert old not in values
    if new is not None and new != "leadAlreadyKnown":
        assert values[new] == RENAMED_VALUES[old]
    assert lenient.updates[0].warnings


def test_deprecated_field_is_accepted_and_ignored() -> None:
    result = check({**BASE, "leadAlreadyKnown": "Yes"})
    assert result.problems == []
    assert "leadAlreadyKnown" not in result.updates[0].values
    assert any("deprecated" in w for w in result.updates[0].warnings)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("dealerCustomerNumber ", "a trailing space"),
        (" rating", "a leading space"),
        (" rating ", "spaces around it"),
    ],
)
def test_keys_with_spaces(key: str, words: str) -> None:
    value = "High" if "rating" in key else "123433"
    result = check({**BASE, key: value})
    assert fields(result) == [key]
    assert words in result.problems[0].message
    assert key.strip() in str(result.problems[0].hint)
    lenient = check({**BASE, key: value}, Profile.LENIENT)
    assert lenient.problems == []
    assert lenient.updates[0].values[key.strip()] == value


def test_spaced_key_value_is_still_checked() -> None:
    result = check({**BASE, "dealerCustomerNumber ": "x" * 41})
    assert fields(result) == ["dealerCustomerNumber ", "dealerCustomerNumber "]


def test_key_sent_twice_under_lenient() -> None:
    result = check({**BASE, "leadStatus ": "Accepted"}, Profile.LENIENT)
    assert fields(result) == ["leadStatus "]
    assert "twice" in result.problems[0].message


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("Rating", "rating"),
        ("dealerSalesRepNum", "dealerSalesRepNumber"),
        ("dateContact", "dateContacted"),
        ("secondaryCloseReason", "secondaryClosedReason"),
        ("zzz", None),
    ],
)
@pytest.mark.parametrize("profile", list(Profile))
def test_unknown_keys(key: str, hint: str | None, profile: Profile) -> None:
    result = check({**BASE, key: "x"}, profile)
    assert fields(result) == [key]
    expected = None if hint is None else f'did you mean "{hint}"?'
    assert result.problems[0].hint == expected


# Batches ----------------------------------------------------------------------------


def test_every_problem_of_every_update_is_reported() -> None:
    bad = {**BASE, "leadStatus": "Won", "rating": "Hot", "targetDate": "2021-02-30"}
    body: list[object] = [dict(BASE), bad, "not an object", without(BASE, "leadId")]
    result = validate_batch(body, profile=Profile.STRICT)
    assert [(p.index, p.field) for p in result.problems] == [
        (1, "leadStatus"),
        (1, "rating"),
        (1, "targetDate"),
        (2, None),
        (3, "leadId"),
    ]
    assert result.problems[0].lead_id == LEAD
    assert result.problems[-1].lead_id is None
    assert [u.index for u in result.updates] == [0]
    assert not result.ok


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"leadId": LEAD}, "must be a JSON array"),
        ("text", "must be a JSON array"),
        ([], "empty"),
        ([dict(BASE)] * 101, "at most 100"),
    ],
)
def test_body_shape(body: object, words: str) -> None:
    result = validate_batch(body, profile=Profile.STRICT)
    assert len(result.problems) == 1
    assert result.problems[0].index is None
    assert words in result.problems[0].message


def test_max_batch_is_a_setting() -> None:
    assert validate_batch(
        [dict(BASE)] * 3, profile=Profile.STRICT, max_batch=2
    ).problems
    assert validate_batch([dict(BASE)] * 2, profile=Profile.STRICT, max_batch=2).ok


def test_problem_list_is_capped() -> None:
    junk = {f"junk{i}": i for i in range(50)}
    body = [{**BASE, **junk} for _ in range(100)]
    result = validate_batch(body, profile=Profile.STRICT)
    assert len(result.problems) == MAX_PROBLEMS + 1
    assert "not listed" in result.problems[-1].message
    assert result.updates == []


def test_updates_past_the_cap_are_never_clean() -> None:
    junk = {f"junk{i}": i for i in range(MAX_PROBLEMS)}
    body = [{**BASE, **junk}, without(BASE, "leadStatus"), dict(BASE)]
    result = validate_batch(body, profile=Profile.STRICT)
    assert result.updates == []
    assert "not listed" in result.problems[-1].message


def test_problem_as_dict_is_stable_and_serializable() -> None:
    result = check({**BASE, "opportunityAmount": Decimal("1.234")})
    entry = result.problems[0].as_dict()
    assert list(entry) == ["index", "leadId", "field", "message", "received",
                           "expected", "hint"]  # fmt: skip
    assert entry["received"] == 1.234
    orjson.dumps(entry)


def test_100_valid_updates_are_fast() -> None:
    body = [{**OPPORTUNITY, "probabilityOfClosurePercentage": 100}] * 100
    best = min(_timed(body) for _ in range(5))
    assert best < 0.05  # 0.5 ms an update at most; typically ~20 µs


def _timed(body: list[dict[str, object]]) -> float:
    start = time.perf_counter()
    assert validate_batch(body, profile=Profile.STRICT).ok
    return time.perf_counter() - start


# The guide's samples ----------------------------------------------------------------

_SPACED_DCN = "dealerCustomerNumber "
_SPACED_CUR = "currencyIsoCode "
_REP_NO = "dealerSalesRepNumber"
AS_PRINTED_STRICT: dict[str, list[str]] = {
    "rejected_no_comments": [_SPACED_DCN, "dealerSalesRep", _REP_NO],
    "rejected_with_comments": [
        _SPACED_DCN,
        "rejectedReasonWhy",
        "dealerSalesRep",
        _REP_NO,
    ],
    "rejected_with_comments_or": [_SPACED_DCN, "rejectedReasonWhy", _REP_NO],
    "accepted": [_SPACED_DCN, _SPACED_CUR, _REP_NO],
    "disqualified_contacted": ["customerContacted", _SPACED_DCN, _SPACED_CUR, _REP_NO],
    "disqualified_contacted_or": [_SPACED_DCN, _REP_NO],
    "disqualified_with_comments": [
        "customerContacted",
        _SPACED_DCN,
        _SPACED_CUR,
        _REP_NO,
    ],
    "qualification": [_SPACED_DCN, "leadStatus", _REP_NO],
    "develop_solution": [_SPACED_DCN, "leadStatus", _REP_NO],
    "proposal_negotiation": [_SPACED_DCN, "leadStatus", _REP_NO],
    "closed_won": [_SPACED_DCN, "leadStatus", "secondayClosedReason", _REP_NO],
    "closed_no_deal": [
        _SPACED_DCN,
        "rating",
        "leadStatus",
        "secondayClosedReason",
        _REP_NO,
    ],
    "closed_lost": [
        _SPACED_DCN,
        "rating",
        "leadStatus",
        "secondayClosedReason",
        _REP_NO,
    ],
}
CORRECTED_STAGE: dict[str, str | None] = {
    "qualification": "Qualification",
    "develop_solution": "Develop Solution",
    "proposal_negotiation": "Proposal/Negotiation",
    "closed_won": "Closed Won",
    "closed_no_deal": "Closed No Deal",
    "closed_lost": "Closed Lost",
}


def _sample(folder: str, name: str) -> object:
    return parse_json_body((SAMPLES / folder / f"{name}.json").read_bytes())


def test_sample_folders_hold_every_scenario() -> None:
    for folder in ("as_printed", "corrected"):
        found = {p.stem for p in (SAMPLES / folder).glob("*.json")}
        assert found == set(AS_PRINTED_STRICT)


@pytest.mark.parametrize(("name", "expected"), AS_PRINTED_STRICT.items())
def test_sample_as_printed(name: str, expected: list[str]) -> None:
    body = _sample("as_printed", name)
    assert fields(validate_batch(body, profile=Profile.STRICT)) == expected
    lenient = validate_batch(body, profile=Profile.LENIENT)
    assert lenient.problems == []
    assert lenient.updates[0].stage == CORRECTED_STAGE.get(name)


@pytest.mark.parametrize("name", AS_PRINTED_STRICT)
def test_sample_corrected(name: str) -> None:
    result = validate_batch(_sample("corrected", name), profile=Profile.STRICT)
    assert result.problems == []
    update = result.updates[0]
    assert (update.lead_id, update.stage) == (LEAD, CORRECTED_STAGE.get(name))
    assert update.warnings == []


# parse_json_body ----------------------------------------------------------------------

BODY_ERRORS: list[tuple[bytes, str, int | None, int | None]] = [
    (b"", "empty", None, None),
    (b'[{"a": "\xff"}]', "offset 8", 1, 9),
    (b'[\n {"a": 1,}\n]', "line 2, column 10", 2, 10),
    (b'[{"a" "b"}]', "line 1, column 7", 1, 7),
    (b"[" * 33 + b"]" * 33, "deeper than 32", 1, 33),
    (b"[" * 5000 + b"]" * 5000, "deeper than 32", 1, 33),
    (b"[" + b"9" * 101 + b"]", "more than 100 digits", 1, 2),
    (b"[1e999]", "range", 1, 2),
    (b"[NaN]", "not a JSON number", 1, 2),
    (b'{"x": -Infinity}', "not a JSON number", 1, 7),
    (b'["\\ud800"]', "surrogate", 1, 3),
    ('["é"]'.encode("utf-16"), "UTF-16", 1, 1),
    (b"[1] [2]", "Extra data", 1, 5),
]


@pytest.mark.parametrize(("raw", "words", "line", "column"), BODY_ERRORS)
def test_body_errors(
    raw: bytes, words: str, line: int | None, column: int | None
) -> None:
    with pytest.raises(BodyError) as caught:
        parse_json_body(raw)
    assert words in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)


def test_body_parses_numbers_exactly() -> None:
    assert parse_json_body(b'\xef\xbb\xbf[1, 1999.45, "\\ud83d\\ude00"]') == [
        1,
        Decimal("1999.45"),
        "\U0001f600",
    ]


def test_depth_is_a_setting() -> None:
    assert parse_json_body(b"[[[1]]]", max_depth=3) == [[[1]]]
    with pytest.raises(BodyError):
        parse_json_body(b"[[[1]]]", max_depth=2)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_json_or_body_error(raw: bytes) -> None:
    try:
        body = parse_json_body(raw)
    except BodyError:
        return
    validate_batch(body, profile=Profile.STRICT)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from([*FIELDS_BY_NAME, " leadId", "x"]), inner)
        ),
        max_leaves=20,
    )
)
def test_any_json_value_validates_without_raising(body: object) -> None:
    for profile in Profile:
        result = validate_batch([body], profile=profile)
        for problem in result.problems:
            orjson.dumps(problem.as_dict())
