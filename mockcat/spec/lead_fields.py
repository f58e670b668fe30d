"""The guide's GET "Response JSON - Leads object" table, held once.

Rows keep the guide's order. Where the guide's table disagrees with its own samples
the contract settles the type (dates that are date-times, a quantity that is an
integer); enumerations are the guide's lists, re-joined where the PDF-to-text
flattening broke a value across lines. Samples are the guide's, with straight quotes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Final

from mockcat.spec.fields import Field, FieldType, Required

_LONG: Final = 32768  # the guide's size for its free-text "Master" fields

BUSINESS_UNITS: Final = (
    "BCP",
    "Cat Financial",
    "Cat Rental",
    "CD&T",
    "Electric Power",
    "Enterprise/Brand",
    "eCommerce",
    "Equipment Training Solutions",
    "Forestry",
    "GCI",
    "GASD",
    "Governmental",
    "Industrial Power",
    "Industrial and Waste",
    "Marine",
    "Mining",
    "Oil and Gas",
    "On Highway Truck",
    "Paving",
    "Portable Generators",
    "Product Support",
    "Safety",
    "Technology",
    "Used",
    "Work Tools",
)

CALL_CENTER_FOLLOW_UP_STATUSES: Final = (
    "Contact - No Purchase",
    "Contact - Nurture",
    "Contact - Purchased Caterpillar",
    "Contact - Purchased Competitor",
    "Contact - Redistribute",
    "No Contact - No Action",
    "No Contact - No Purchase",
    "No Contact - Nurture",
    "No Contact - Purchased Caterpillar",
    "No Contact - Purchased Competitor",
    "No Contact - Redistribute",
)

CONTACT_SOURCES: Final = (
    "Form Submission",
    "Dealer Upload",
    "Event List",
    "Database List",
    "Purchased List",
    "Call Center Integration",
)

# "Landscaping" and "Marine" share a line in the flattened text; the list's dashes
# show they are two values.
INDUSTRIES: Final = (
    "Agriculture",
    "Caterpillar Defense",
    "Governmental Local/State",
    "Construction",
    "Demolition & Scrap/Recycling",
    "Electric Power",
    "Forestry",
    "Industrial Power",
    "Landscaping",
    "Marine",
    "Material Handling with Forklifts",
    "Mining",
    "Oil and Gas",
    "On-Highway Trucks",
    "Paving",
    "Pipeline",
    "Powerplants",
    "Quarry, Aggregates and Cement",
    "Snow Removal",
    "Waste Industry",
)

PURCHASE_TIMEFRAMES: Final = (
    "Less Than A Week",
    "One Month or Less",
    "1-3 Months",
    "4-6 Months",
    "7-9 Months",
    "10-12 Months",
    "12-24 Month",
    "More than 24 Month",
)

# The guide's list, then en_US: its own sample value, admitted by the contract (§5).
SYSTEM_LANGUAGES: Final = (
    "en_ZA",
    "es_ES",
    "es_MX",
    "es_US",
    "fr_DZ",
    "fr_FR",
    "fr_US",
    "id_ID",
    "it_IT",
    "ja_JP",
    "ko_KR",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "ru_RU",
    "sv_SE",
    "zh_CN",
    "zh_TW",
    "zh_ZA",
    "en_US",
)

LEAD_STATES: Final = ("NEW", "UPDATED", "SENT")
GENDERS: Final = ("MALE", "FEMALE")
NEW_USED_RENTAL: Final = ("New", "Used", "Rental")

_SHOPPING_CART_SAMPLE: Final = (
    '<tr><td style="font:12px Arial;" bgcolor="#dfdfdf">376-1410</td>'
    '<td style="font:12px Arial;" bgcolor="#dfdfdf">376-1410</td>'
    '<td style="font:12px Arial;" align="right" bgcolor="#dfdfdf">1</td></tr>'
)


def _s(
    name: str,
    max_length: int | None,
    description: str,
    example: object,
    *,
    enum: tuple[str, ...] | None = None,
    china_only: bool = False,
    required: Required = Required.NO,
) -> Field:
    """A string row: most of the table, so the shortest spelling."""
    return Field(
        name,
        FieldType.STRING,
        description,
        max_length=max_length,
        required=required,
        enum=enum,
        china_only=china_only,
        example=example,
    )


LEAD_FIELDS: Final[tuple[Field, ...]] = (
    _s(
        "additionalInformationMaster",
        _LONG,
        "Extra topics the requester asked about, colon-separated.",
        "Financing Options:Extended Protection or Insurance Options:"
        "Parts Information:Service Options:Training Opportunities",
    ),
    _s("address1", 255, "Contact's street address, first line.", "100 N. Main St."),
    _s("address2", 255, "Contact's street address, second line.", "Suite 100"),
    _s("address3", 255, "Contact's street address, third line.", "Main St."),
    Field(
        "agreeToContact",
        FieldType.BOOLEAN,
        "Whether the contact consents to be contacted (China leads only).",
        china_only=True,
        example=True,
    ),
    _s(
        "bcpNewUsedRental",
        None,
        "Whether a BCP request is for new, used or rental equipment.",
        "Rental",
        enum=NEW_USED_RENTAL,
    ),
    _s(
        "businessPhone",
        255,
        "Contact's business phone, country code then local number.",
        "+1 +1 (309)-654-5555",
    ),
    _s(
        "businessUnit",
        255,
        "Caterpillar business unit the lead belongs to.",
        "BCP",
        enum=BUSINESS_UNITS,
    ),
    _s(
        "callCenterComments",
        5000,
        "Notes written by the call center.",
        "No plans to purchase at this time",
    ),
    _s(
        "callCenterFollowUpStatus",
        255,
        "Outcome of the call center's follow-up.",
        "No Purchase",
        enum=CALL_CENTER_FOLLOW_UP_STATUSES,
    ),
    Field(
        "callCenterProcessDate1",
        FieldType.DATE,
        "Day the call center handled the lead.",
        example="2019-08-24",
    ),
    _s(
        "catCampaignMostRecent",
        255,
        "Latest Caterpillar campaign the contact responded to.",
        "Cat.com Request a Quote",
    ),
    _s("catDealerCode", 255, "Code of the dealer the lead is assigned to.", "B330"),
    Field(
        "catPrequalificationStatus",
        FieldType.BOOLEAN,
        "Cat Financial prequalification from payment history or credit score.",
        example=True,
    ),
    _s("clFleetSize", 255, "Size of the customer's fleet.", "1"),
    _s("city", 40, "Contact's city.", "Peoria"),
    _s(
        "commentsMaster",
        _LONG,
        "The requester's own comments.",
        "I'm looking for a rental price by the day on a 90hp high flow track "
        "machine with a forestry mulching attachment.",
    ),
    _s("company", 255, "The customer's company name.", "Future Innovations Inc."),
    _s("companySize", 255, "Head count of the customer's company.", "1000"),
    _s("contactForQuestions", 255, "Who to ask about the request.", "John Doe"),
    _s(
        "contactSourceOriginal",
        255,
        "Kind of campaign through which the contact first came in.",
        "Tradeshow List",
        enum=CONTACT_SOURCES,
    ),
    _s("country", 100, "Contact's country name.", "United States of America"),
    _s("countryCode", 10, "Contact's country, ISO 3166 alpha-2.", "US"),
    _s(
        "county",
        100,
        "Contact's county or district (China leads only).",
        "Peoria",
        china_only=True,
    ),
    _s(
        "currentProductMaster",
        _LONG,
        "Equipment the customer already owns.",
        "Serial #: TAW05166Box #:549-3131Harness #:532-5452",
    ),
    Field(
        "dateCreated",
        FieldType.DATETIME,
        "When Caterpillar created the lead.",
        example="2020-04-19T20:31:04+00:00",
    ),
    Field(
        "dateRegistered",
        FieldType.DATETIME,
        "When the contact registered (China leads only).",
        china_only=True,
        example="2020-01-23T20:31:04+00:00",
    ),
    _s("digitalActivity", 255, "Web analytics activity score.", "45"),
    _s("emailAddress", 80, "Contact's email address.", "John.doe@gmail.com"),
    _s("enginePerformanceNumber", 255, "Engine performance number.", "60"),
    _s("equipmentNumber", 255, "Equipment number.", "966K"),
    _s(
        "featureCode",
        255,
        "Promotion code supplied by a dealer or campaign.",
        "CI5DECE",
    ),
    _s("financingMethod", 255, "How the customer means to pay.", "Buy"),
    _s("firstName", 40, "Contact's given name.", "John"),
    _s(
        "gender",
        50,
        "Contact's gender (China leads only).",
        "F",
        enum=GENDERS,
        china_only=True,
    ),
    _s(
        "industry",
        255,
        "Industry of the customer's company.",
        "Agriculture",
        enum=INDUSTRIES,
    ),
    _s("jobRole", 255, "Contact's role at work.", "Owner/Operator"),
    _s("jobsiteAddress1", 255, "Job site street address.", "6614 N. Wild Dr."),
    _s("jobsiteAddress2", 255, "Job site address, second line.", "Floor 2"),
    _s("jobsiteCity", 255, "Job site city.", "Peoria"),
    _s("jobsiteCountry", 255, "Job site country, ISO 3166 alpha-2.", "US"),
    _s("jobsiteStateProv", 255, "Job site state or province code.", "IL"),
    _s("jobsiteZipPostal", 255, "Job site postal code.", "61533"),
    _s("lastName", 80, "Contact's family name.", "Doe"),
    _s(
        "leadId",
        255,
        "Caterpillar's id of the lead.",
        "ab0b1G00000EuLYGQU",
        required=Required.YES,
    ),
    _s("leadScore", 255, "Score ranking the lead within the DCC.", "86"),
    _s("leadSourceMostRecent", 255, "Latest lead activity.", "NA"),
    _s(
        "leadState",
        10,
        "Delivery state: NEW, UPDATED since last delivered, or SENT (historic).",
        "NEW",
        enum=LEAD_STATES,
        required=Required.YES,
    ),
    _s(
        "levelOfInterest",
        255,
        "How keen the customer is to buy or lease.",
        "Requesting dealer consultation",
    ),
    _s("liftingCapacity", 255, "Lifting capacity wanted.", "10,000-14,000 lbs"),
    _s("mobilePhone", 255, "Contact's mobile phone.", "309-111-2222"),
    _s("name", 120, "Contact's full name.", "John Doe"),
    _s("partQuoteNumber", 255, "Number of a parts quote.", "3572518"),
    _s(
        "partShoppingCart",
        _LONG,
        "Parts cart, as HTML table rows.",
        _SHOPPING_CART_SAMPLE,
    ),
    _s("powerRating1", 255, "First power rating of the equipment.", ""),
    _s("powerRating2", 255, "Second power rating of the equipment.", ""),
    _s("powerRating3", 255, "Third power rating of the equipment.", ""),
    _s(
        "productOfInterest",
        1000,
        "Product picked on a cat.com product page.",
        "Selected Gensets: Number of Gensets: 1, Model: DE18E3, Duty: Standby",
    ),
    _s(
        "productOfInterestList",
        _LONG,
        "Products the customer named, free text.",
        "Skid Steer Loaders",
    ),
    Field(
        "productOfInterestQuantity",
        FieldType.INTEGER,
        "How many units the customer wants.",
        max_length=6,
        example=100,
    ),
    _s(
        "purchaseTimeframe",
        255,
        "When the deal could close.",
        "1-3 months",
        enum=PURCHASE_TIMEFRAMES,
    ),
    Field(
        "rentalEndDate",
        FieldType.DATE,
        "Last day of the rental.",
        example="2019-11-04",
    ),
    Field(
        "rentalStartDate",
        FieldType.DATE,
        "First day the customer needs the rented machine.",
        example="2019-10-24",
    ),
    _s("serialNumber", 255, "Machine serial number, for service leads.", "MLW00643"),
    _s("sfmcActivity", 255, "Marketing-cloud activity score.", "56"),
    _s(
        "shippingInformation",
        _LONG,
        "Where to ship.",
        "100 N W Columbus Rd, Washington",
    ),
    _s(
        "stateOrProvince",
        255,
        "Contact's state or province, code or name, or UNKNOWN.",
        "OH",
    ),
    _s(
        "systemFamily",
        255,
        "Product family from cat.com.",
        "Electric Power Generation",
    ),
    _s(
        "systemLanguage",
        255,
        "Language of the lead.",
        "en_US",
        enum=SYSTEM_LANGUAGES,
    ),
    _s("systemModel", 255, "Product model.", "416F2"),
    _s("systemModelId", 255, "Id of the product model.", "10084"),
    _s("systemScore", 255, "Letter A-E and digit 1-5 score.", "A3"),
    _s(
        "systemSubFamily",
        255,
        "Product sub-family from cat.com.",
        "Diesel Generator Sets",
    ),
    _s("utmCampaign", 255, "Campaign tag of the lead.", "ep_pd_email1"),
    _s("zipOrPostal", 20, "Contact's postal code.", "61615"),
)

LEAD_FIELD_NAMES: Final[tuple[str, ...]] = tuple(f.name for f in LEAD_FIELDS)

LEAD_FIELDS_BY_NAME: Final[Mapping[str, Field]] = MappingProxyType(
    {f.name: f for f in LEAD_FIELDS}
)

# Values the guide's samples print that its own lists don't hold (contract §5):
# served only when the generator is asked for a messier feed.
OFF_LIST_SPELLINGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "gender": ("F",),
        "contactSourceOriginal": ("Tradeshow List",),
        "callCenterFollowUpStatus": ("No Purchase",),
        "purchaseTimeframe": ("1-3 months",),
    }
)

REQUIRED_LEAD_FIELDS: Final[tuple[str, ...]] = tuple(
    f.name for f in LEAD_FIELDS if f.required is Required.YES
)


def lead_json_schema() -> dict[str, object]:
    """JSON Schema of one lead as GET serves it, for the OpenAPI document."""
    return {
        "title": "Lead",
        "type": "object",
        "description": "A lead as the GET endpoints serve it; empty fields are null.",
        "properties": {f.name: _listed_example(f).json_schema() for f in LEAD_FIELDS},
        "required": list(REQUIRED_LEAD_FIELDS),
    }


def _listed_example(field: Field) -> Field:
    """The row without its example when the guide's sample is off its own list.

    The samples spell some values off-list ("F" for gender); a schema whose
    example contradicts its enum is not a valid document.
    """
    if field.enum is None or field.example is None or field.example in field.enum:
        return field
    return replace(field, example=None)
