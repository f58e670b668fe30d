"""The guide's POST table ("Request JSON - Leads object"): one dealer update.

Types, lengths and required flags are the guide's, corrected where the
contract (§8) says the guide is wrong. The conditional rules (R1-R9) live in
``mockcat.validation.rules``; here a conditional field is marked ``C``.
"""

from __future__ import annotations

from typing import Final

import pycountry

from mockcat.spec.fields import Field, FieldType, Required

YES_NO: Final = ("Yes", "No")

# Contract §8: an ISO 4217 alphabetic code, upper case.
CURRENCY_CODES: Final = tuple(sorted(c.alpha_3 for c in pycountry.currencies))

LEAD_STATUSES: Final = ("Accepted", "Rejected", "Disqualified")

RATINGS: Final = ("High", "Medium", "Low")

# Caterpillar's opportunity stages, in the order a won deal passes them; the
# percentage (and closedNoDeal at 0) decides which one an update puts a lead in.
STAGES: Final = (
    "Qualification",
    "Develop Solution",
    "Proposal/Negotiation",
    "Closed Won",
    "Closed Lost",
    "Closed No Deal",
)

REJECTED_REASONS: Final = (
    "Bad Contact Information",
    "For Another Dealer",
    "Product/Service Not Offered at Dealership",
    "End-user, end-use or end-destination may be restricted",
    "Duplicate Lead Received",
    "Spam/Inappropriate Lead Submission",
)

DISQUALIFIED_REASONS: Final = (
    "Cannot reach/no response from customer",
    "Purchase time frame changed",
    "No budget",
    "No longer a product need/want",
    "Customer already purchased",
    "End-user, end-use or end-destination may be restricted",
    "Dealer not interested in pursuing",
    "Lead Already Known",
    "Other",
)

# The guide's "Standard Closed Reason" list, rebuilt from the typeset text:
# hyphens that start a line are list bullets, and the spaces the typesetter put
# around "/" are dropped (contract §8 compares values that way anyway).
CLOSED_REASONS: Final = (
    "Products/Parts Not in Cat Network",
    "Products/Parts Not in Dealer's Network",
    "Inconvenient Service Location",
    "Dealer Operating hours",
    "Dealer Service Capability",
    "Sales Capability (Expertise/Coverage/Participation/SFM)",
    "Quote Processing Time",
    "Competitive Financial (Term/Rates/Scope)",
    "Warranty Term (Term/Rate/Scope)",
    "Product Durability",
    "Product Family Quality",
    "Application Fit",
    "Product Serviceability (access, ease of maintenance)",
    "Product Specification",
    "Mixed/Full Fleet Solution Not Available",
    "Used Parts/Equipment not Available",
    "Cat Price too High",
    "Cat Value story not Convincing",
    "Cat Value story - Not available",
    "Competition lifetime value superior",
)

_S, _D = FieldType.STRING, FieldType.DATE
_Y, _N, _C = Required.YES, Required.NO, Required.CONDITIONAL

UPDATE_FIELDS: Final[tuple[Field, ...]] = (
    Field(
        "closedNoDeal",
        FieldType.INTEGER,
        "1 if a closed opportunity ended with no deal, 0 if it was lost for "
        "another reason; sent only with probabilityOfClosurePercentage 0.",
        required=_C,
        example=1,
    ),
    Field(
        "closedReasonComments",
        _S,
        "Free-text remarks on why the opportunity was closed.",
        255,
        _N,
        example="Customer negotiated for additional discount",
    ),
    Field(
        "comments",
        _S,
        "Free text on how the dealer is working the lead, e.g. a phone "
        "consultation, a visit or a scheduled demo.",
        1000,
        _N,
        example="Working with customer on detailed configuration",
    ),
    Field(
        "currencyIsoCode",
        _S,
        "ISO 4217 alphabetic code (upper case) of opportunityAmount's "
        "currency; there is no default.",
        3,
        _Y,
        example="USD",
    ),
    Field(
        "currentProductOfInterestDetails",
        _S,
        "The products of interest as the dealer now sees them, with quantities.",
        255,
        _N,
        example="Excavator:2; Dozer:3",
    ),
    # Contract §8: the guide's length of 1 is a misprint, the Yes/No
    # enumeration holds, so the limit is the longer value's length.
    Field(
        "customerPreviouslyKnown",
        _S,
        "Whether the dealer already knew this customer.",
        3,
        _N,
        YES_NO,
        example="Yes",
    ),
    Field(
        "customerContacted",
        _S,
        "Whether the dealer has reached the customer; Yes requires dateContacted.",
        3,
        _N,
        YES_NO,
        example="No",
    ),
    Field(
        "dateContacted",
        _D,
        "The day the dealer reached the customer (YYYY-MM-DD).",
        required=_C,
        example="2020-04-19",
    ),
    Field(
        "dealerCustomerNumber",
        _S,
        "The dealer's customer account id (DCN); needed once an opportunity "
        "is closed (won, lost or no deal).",
        40,
        _C,
        example="123453",
    ),
    Field(
        "dealerLeadId",
        _S,
        "The dealer CRM's own id for this lead.",
        80,
        _Y,
        example="LEAD-1234454",
    ),
    Field(
        "dealerOpportunityId",
        _S,
        "The dealer CRM's id for the opportunity; needed once the lead is an "
        "opportunity or its stages are mapped to Caterpillar's.",
        80,
        _C,
        example="OPP-1234454",
    ),
    Field(
        "dealerSalesRep",
        _S,
        "Name of the dealer's sales representative on this lead.",
        50,
        _Y,
        example="John Doe",
    ),
    Field(
        "dealerSalesRepNumber",
        _S,
        "The dealer's number for that sales representative.",
        100,
        _Y,
        example="AB12496",
    ),
    Field(
        "disqualifiedReasonComments",
        _S,
        "Remarks on the disqualification; needed for some reasons (for a "
        "restricted end use, a dealer contact name).",
        255,
        _C,
        example="After discussing with customer requirements couldn't be met",
    ),
    Field(
        "disqualifiedReasonWhy",
        _S,
        "Why the lead was disqualified; needed when leadStatus is Disqualified.",
        255,
        _C,
        DISQUALIFIED_REASONS,
        example="No budget",
    ),
    Field(
        "leadId",
        _S,
        "Caterpillar's id of the lead being updated, as delivered by GET.",
        80,
        _Y,
        example="00Q1W00001SmV5oUAF",
    ),
    Field(
        "leadStatus",
        _S,
        "The dealer's verdict on the lead.",
        20,
        _Y,
        LEAD_STATUSES,
        example="Accepted",
    ),
    Field(
        "opportunityAmount",
        FieldType.DECIMAL,
        "Expected value of the opportunity, at least 0, up to 14 digits "
        "before the point and 2 after; a JSON number or a numeric string.",
        required=_C,
        example="142410.00",
        precision=(16, 2),
    ),
    Field(
        "primaryClosedReason",
        _S,
        "Main reason a closed opportunity was lost (one of the standard "
        "reasons); needed for Closed Lost.",
        255,
        _C,
        CLOSED_REASONS,
        example="Products/Parts Not in Dealer's Network",
    ),
    Field(
        "probabilityOfClosurePercentage",
        FieldType.INTEGER,
        "Chance of closing, 0 to 100, from which the opportunity stage "
        "follows; a JSON integer or a string of digits.",
        required=_C,
        example=50,
        precision=(3, 0),
    ),
    Field(
        "quoteSentDate",
        _D,
        "The day a quote went to the customer (YYYY-MM-DD).",
        example="2020-04-19",
    ),
    Field(
        "quoteId",
        _S,
        "The dealer's id of the quote.",
        255,
        _N,
        example="12322",
    ),
    Field(
        "rating",
        _S,
        "How promising the dealer judges the opportunity.",
        20,
        _N,
        RATINGS,
        example="High",
    ),
    Field(
        "rejectedReasonComments",
        _S,
        "Remarks on the rejection; needed for some reasons (for a restricted "
        "end use, a dealer contact name).",
        1000,
        _C,
        example="Sales Rep called customer and found this was not a valid requirement",
    ),
    Field(
        "rejectedReasonWhy",
        _S,
        "Why the dealer rejected the lead; needed when leadStatus is Rejected.",
        1000,
        _C,
        REJECTED_REASONS,
        example="Bad Contact Information",
    ),
    Field(
        "secondaryClosedReason",
        _S,
        "A further reason for the way the opportunity closed (won, lost or "
        "no deal), free text.",
        2500,
        _N,
        example="Change of Ownership",
    ),
    Field(
        "targetDate",
        _D,
        "The day the dealer expects the opportunity to close (YYYY-MM-DD); "
        "needed once the lead is an opportunity.",
        required=_C,
        example="2019-10-24",
    ),
    # Deprecated by the guide (04/19/2021) and gone from its table; contract
    # §8 accepts and ignores it, so it stays listed for the key lookup.
    Field(
        "leadAlreadyKnown",
        _S,
        "Deprecated: accepted and ignored, answered with a warning.",
        3,
        _N,
        YES_NO,
    ),
)

FIELDS_BY_NAME: Final[dict[str, Field]] = {f.name: f for f in UPDATE_FIELDS}

REQUIRED_FIELDS: Final = tuple(
    f.name for f in UPDATE_FIELDS if f.required is Required.YES
)

DEPRECATED_FIELDS: Final = frozenset({"leadAlreadyKnown"})

# Contract §8: old names from the guide's history (and the samples'
# misspelling) with the field that replaced them; None means removed.
RENAMED_FIELDS: Final[dict[str, str | None]] = {
    "customerAlreadyKnown": "customerPreviouslyKnown",
    "opportunityAlreadyKnown": "leadAlreadyKnown",
    "dealerContactDateTime": "dateContacted",
    "quoteDateTime": "quoteSentDate",
    "isoCurrencyCode": "currencyIsoCode",
    "primaryClosedLostReason": "primaryClosedReason",
    "primaryClosedWonReason": "primaryClosedReason",
    "PrimaryClosedWonReasonComments": "closedReasonComments",
    "closedDisqualified": None,
    "secondayClosedReason": "secondaryClosedReason",
}

# What the checks accept as text, as patterns: leading zeros and trailing
# zeros after the point do not count as digits (16,2 and 3,0 hold anyway).
AMOUNT_PATTERN: Final = r"^0*[0-9]{1,14}(\.[0-9]{1,2}0*)?$"
PERCENT_PATTERN: Final = r"^0*(100|[0-9]{1,2})$"


_NUMBER_SCHEMAS: Final[dict[str, dict[str, object]]] = {
    "opportunityAmount": {
        "anyOf": [
            {"type": "number", "minimum": 0, "exclusiveMaximum": 1e14},
            {"type": "string", "pattern": AMOUNT_PATTERN},
        ]
    },
    "probabilityOfClosurePercentage": {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 100},
            {"type": "string", "pattern": PERCENT_PATTERN},
        ]
    },
    "closedNoDeal": {"type": "integer", "enum": [0, 1]},
}


def update_json_schema() -> dict[str, object]:
    """JSON Schema of one update object, as the strict profile accepts it."""
    properties = {f.name: _property_schema(f) for f in UPDATE_FIELDS}
    return {
        "title": "LeadUpdate",
        "type": "object",
        "description": "One dealer update of a lead (a POST body is an array "
        "of these). Conditional fields follow rules R1-R9 of the contract.",
        "properties": properties,
        "required": list(REQUIRED_FIELDS),
        "additionalProperties": False,
    }


def _property_schema(field: Field) -> dict[str, object]:
    """One property: the row's own schema, refined where the row's type is loose."""
    special = _NUMBER_SCHEMAS.get(field.name)
    if special is None:
        schema = field.json_schema()
        if field.name == "currencyIsoCode":
            schema["enum"] = list(CURRENCY_CODES)
    else:
        schema = _nullable(special, field)
    if field.name in DEPRECATED_FIELDS:
        schema["deprecated"] = True
    return schema


def _nullable(schema: dict[str, object], field: Field) -> dict[str, object]:
    """Optional fields also take null (contract §8: null means absent)."""
    top: dict[str, object] = {"description": field.description}
    if field.example is not None:
        top["examples"] = [field.example]
    return {"anyOf": [schema, {"type": "null"}], **top}
