"""Fill one lead, a group of related fields at a time.

Each function writes into a lead dict that starts with every field None, so an
absent value is simply not written. Shares of present values are mockcat's guess at
a web-form-fed CRM feed: contact basics nearly always, marketing scores often,
call-center and service fields seldom.
"""

from __future__ import annotations

import string
from typing import Final

from mockcat.generator import vocab
from mockcat.generator.catalogue import Product, Unit
from mockcat.generator.countries import Country
from mockcat.generator.draw import DAY, Rand, code, day, digits, pick, stamp, weighted
from mockcat.generator.pools import Company, Name, Pool
from mockcat.spec.lead_fields import (
    CALL_CENTER_FOLLOW_UP_STATUSES,
    CONTACT_SOURCES,
    LEAD_FIELDS_BY_NAME,
    PURCHASE_TIMEFRAMES,
)

Lead = dict[str, object]

_NAME_MAX: Final = LEAD_FIELDS_BY_NAME["name"].max_length or 0
_EMAIL_MAX: Final = LEAD_FIELDS_BY_NAME["emailAddress"].max_length or 0
_SCORES: Final = tuple(str(n) for n in range(101))
_SYSTEM_SCORES: Final = tuple(f"{a}{n}" for a in "ABCDE" for n in "12345")
_CODE_CHARS: Final = string.ascii_uppercase + string.digits

_SOURCES: Final = weighted(
    [(s, 10 if s == "Form Submission" else 2) for s in CONTACT_SOURCES]
)
_NEW_USED_RENTAL: Final = weighted([("New", 6), ("Used", 2), ("Rental", 2)])
_QUANTITY: Final = weighted([(1, 60), (2, 12), (3, 8), (5, 6), (10, 4), (20, 1)])

# What the messy option swaps in: each off-list spelling of the guide's samples
# stands in for the documented value it plainly means.
_MESSY: Final = (
    ("gender", "FEMALE", "F"),
    ("contactSourceOriginal", "Event List", "Tradeshow List"),
    ("callCenterFollowUpStatus", "Contact - No Purchase", "No Purchase"),
    ("callCenterFollowUpStatus", "No Contact - No Purchase", "No Purchase"),
    ("purchaseTimeframe", "1-3 Months", "1-3 months"),
)


def person(r: Rand, lead: Lead, country: Country, pool: Pool, female: bool) -> None:
    """Name, email, phones, company and role of the contact."""
    first = pick(r, pool.female if female else pool.male)
    last = pick(r, pool.last)
    if r() < 0.97:
        lead["firstName"] = first.text
        lead["lastName"] = last.text
        parts = (last, first) if country.family_name_first else (first, last)
        full = f"{parts[0].text}{country.name_separator}{parts[1].text}"
        lead["name"] = full[:_NAME_MAX]
    company = pick(r, pool.companies) if r() < 0.65 else None
    if r() < 0.92:
        lead["emailAddress"] = email(r, first, last, company, pool)
    if r() < 0.75:
        lead["businessPhone"] = pick(r, pool.phones)[0]
    if r() < 0.4:
        lead["mobilePhone"] = pick(r, pool.phones)[1]
    if company is not None:
        lead["company"] = company.name
        if r() < 0.45:
            lead["companySize"] = pick(r, vocab.COMPANY_SIZES)
        if r() < 0.3:
            lead["clFleetSize"] = pick(r, vocab.FLEET_SIZES)
    if r() < 0.45:
        lead["jobRole"] = pick(r, vocab.JOB_ROLES)


def email(r: Rand, first: Name, last: Name, company: Company | None, pool: Pool) -> str:
    """An address built from the contact's name where it has Latin letters."""
    if company is not None and company.domain and r() < 0.4:
        domain = company.domain
    else:
        domain = pick(r, pool.mail_domains)
    if first.slug and last.slug:
        v = r()
        if v < 0.5:
            local = f"{first.slug}.{last.slug}"
        elif v < 0.8:
            local = f"{first.slug[0]}{last.slug}"
        else:
            local = f"{first.slug}{last.slug}{int(r() * 100)}"
    else:
        local = pick(r, pool.user_names)
    return f"{local[: _EMAIL_MAX - len(domain) - 1]}@{domain}"


def address(r: Rand, lead: Lead, pool: Pool) -> None:
    """The contact's postal address; some leads carry only part of it."""
    if r() >= 0.8:
        return
    place = pick(r, pool.localities)
    lead["city"] = place.city
    lead["stateOrProvince"] = place.state
    lead["zipOrPostal"] = place.postcode
    if r() < 0.85:
        lead["address1"] = pick(r, pool.streets)
        if pool.secondary and r() < 0.2:
            lead["address2"] = pick(r, pool.secondary)
        if r() < 0.03:
            lead["address3"] = pick(r, vocab.ADDRESS3_LINES)


def jobsite(r: Rand, lead: Lead, country: Country, pool: Pool) -> None:
    """Where the machine will work, for about one lead in five."""
    if r() >= 0.2:
        return
    place = pick(r, pool.localities)
    lead["jobsiteAddress1"] = pick(r, pool.streets)
    if r() < 0.15:
        lead["jobsiteAddress2"] = pick(r, vocab.JOBSITE_SECOND_LINES)
    lead["jobsiteCity"] = place.city
    lead["jobsiteStateProv"] = place.state
    lead["jobsiteZipPostal"] = place.postcode
    lead["jobsiteCountry"] = country.code


def product(r: Rand, lead: Lead, unit: Unit, language: str, created: int) -> None:
    """Business unit, industry and a product that agree with each other."""
    lead["businessUnit"] = unit.name
    if r() < 0.6:
        lead["industry"] = pick(r, unit.industries)
    condition = _new_used_rental(r, lead, unit.name, created)
    chosen = pick(r, unit.products) if unit.products and r() < 0.9 else None
    if chosen is None:
        if r() < 0.3:
            lead["commentsMaster"] = pick(r, vocab.GENERIC_COMMENTS)
        return
    lead["systemFamily"] = chosen.family
    lead["systemSubFamily"] = chosen.sub_family
    if r() < 0.85:
        lead["systemModel"] = chosen.model
        lead["systemModelId"] = chosen.model_id
    quantity = pick(r, _QUANTITY) if r() < 0.4 else None
    lead["productOfInterestQuantity"] = quantity
    if r() < 0.5:
        lead["productOfInterest"] = _interest(r, unit, chosen, quantity, condition)
    if r() < 0.6:
        lead["productOfInterestList"] = _interest_list(r, unit, chosen)
    _equipment(r, lead, chosen)
    if r() < 0.35:
        lead["commentsMaster"] = _comment(r, chosen, language)


def _new_used_rental(r: Rand, lead: Lead, unit: str, created: int) -> str:
    """Set bcpNewUsedRental where the unit implies it; return the item's condition."""
    value: str | None = None
    if unit == "BCP" and r() < 0.7:
        value = pick(r, _NEW_USED_RENTAL)
    elif unit in ("Cat Rental", "Used"):
        value = "Rental" if unit == "Cat Rental" else "Used"
    lead["bcpNewUsedRental"] = value
    if value == "Rental" and r() < 0.6:
        _rental_dates(r, lead, created)
    return value or "New"


def _rental_dates(r: Rand, lead: Lead, created: int) -> None:
    """A rental that starts within a month of the request and runs up to 90 days."""
    start = created + DAY * (1 + int(r() * 30))
    lead["rentalStartDate"] = day(start)
    lead["rentalEndDate"] = day(start + DAY * (1 + int(r() * 90)))


def _interest(
    r: Rand, unit: Unit, chosen: Product, quantity: int | None, condition: str
) -> str:
    return unit.interest.format(
        model=chosen.model,
        subFamily=chosen.sub_family,
        quantity=quantity or 1,
        duty=pick(r, vocab.DUTIES),
        condition=condition,
    )[:1000]


def _interest_list(r: Rand, unit: Unit, chosen: Product) -> str:
    if r() < 0.75 or len(unit.sub_families) < 2:
        return chosen.sub_family
    other = pick(r, unit.sub_families)
    return (
        chosen.sub_family
        if other == chosen.sub_family
        else f"{chosen.sub_family}, {other}"
    )


def _equipment(r: Rand, lead: Lead, chosen: Product) -> None:
    """Ratings, capacities and numbers that only some products have."""
    ratings = chosen.ratings
    if ratings and r() < 0.7:
        lead["powerRating1"] = ratings[0]
        if len(ratings) > 1 and r() < 0.6:
            lead["powerRating2"] = ratings[1]
        if len(ratings) > 2 and r() < 0.6:
            lead["powerRating3"] = ratings[2]
        if r() < 0.2:
            lead["enginePerformanceNumber"] = str(10 + int(r() * 90))
    if chosen.lifting_capacities and r() < 0.6:
        lead["liftingCapacity"] = pick(r, chosen.lifting_capacities)
    if r() < 0.05:
        lead["equipmentNumber"] = chosen.model


def _comment(r: Rand, chosen: Product, language: str) -> str:
    templates = vocab.COMMENTS.get(language[:2], vocab.COMMENTS["en"])
    return pick(r, templates).format(model=chosen.model, subFamily=chosen.sub_family)


def marketing(r: Rand, lead: Lead) -> None:
    """Campaign, source, scores and the buyer's stated intent."""
    if r() < 0.85:
        lead["contactSourceOriginal"] = pick(r, _SOURCES)
    if r() < 0.6:
        lead["catCampaignMostRecent"] = pick(r, vocab.CAMPAIGNS)
    if r() < 0.4:
        lead["utmCampaign"] = pick(r, vocab.UTM_CAMPAIGNS)
    if r() < 0.7:
        lead["leadSourceMostRecent"] = pick(r, vocab.LEAD_SOURCES)
    if r() < 0.7:
        lead["leadScore"] = pick(r, _SCORES)
    if r() < 0.6:
        lead["systemScore"] = pick(r, _SYSTEM_SCORES)
    if r() < 0.4:
        lead["digitalActivity"] = pick(r, _SCORES)
    if r() < 0.3:
        lead["sfmcActivity"] = pick(r, _SCORES)
    if r() < 0.05:
        lead["featureCode"] = code(r, _CODE_CHARS, 7)
    _intent(r, lead)


def _intent(r: Rand, lead: Lead) -> None:
    if r() < 0.5:
        lead["levelOfInterest"] = pick(r, vocab.LEVELS_OF_INTEREST)
    if r() < 0.55:
        lead["purchaseTimeframe"] = pick(r, PURCHASE_TIMEFRAMES)
    if r() < 0.35:
        lead["financingMethod"] = pick(r, vocab.FINANCING_METHODS)
    if r() < 0.25:
        topics = [t for t in vocab.ADDITIONAL_TOPICS if r() < 0.5]
        lead["additionalInformationMaster"] = ":".join(topics) or None
    v = r()
    lead["catPrequalificationStatus"] = True if v < 0.15 else False if v < 0.5 else None
    if lead["name"] is not None and r() < 0.1:
        lead["contactForQuestions"] = lead["name"]


def call_center(r: Rand, lead: Lead, created: int, latest: int) -> None:
    """The call center's follow-up, on about one lead in five."""
    if r() >= 0.2:
        return
    lead["callCenterFollowUpStatus"] = pick(r, CALL_CENTER_FOLLOW_UP_STATUSES)
    lead["callCenterProcessDate1"] = day(min(created + int(r() * 3 * DAY), latest))
    if r() < 0.6:
        lead["callCenterComments"] = pick(r, vocab.CALL_CENTER_NOTES)


def service(r: Rand, lead: Lead, unit: Unit, pool: Pool) -> None:
    """Serial numbers, parts quotes and shipping, mostly on Product Support leads."""
    parts = unit.name == "Product Support"
    if r() < (0.7 if parts else 0.03):
        lead["serialNumber"] = code(r, string.ascii_uppercase, 3) + digits(r, 5)
    if parts and r() < 0.4:
        lead["partQuoteNumber"] = digits(r, 7)
        lead["partShoppingCart"] = _cart(r)
    if (parts or unit.name == "eCommerce") and r() < 0.3:
        place = pick(r, pool.localities)
        lead["shippingInformation"] = f"{pick(r, pool.streets)}, {place.city}"
    if r() < 0.05:
        serial = code(r, string.ascii_uppercase, 3) + digits(r, 5)
        box, harness = (
            f"{digits(r, 3)}-{digits(r, 4)}",
            f"{digits(r, 3)}-{digits(r, 4)}",
        )
        lead["currentProductMaster"] = (
            f"Serial #: {serial}Box #:{box}Harness #:{harness}"
        )


_CELL: Final = '<td style="font:12px Arial;" bgcolor="#dfdfdf">'


def _cart(r: Rand) -> str:
    """One to three parts as the HTML table rows cat.com's parts cart sends."""
    rows = []
    for _ in range(1 + int(r() * 3)):
        part = f"{digits(r, 3)}-{digits(r, 4)}"
        quantity = 1 + int(r() * 4)
        rows.append(
            f"<tr>{_CELL}{part}</td>{_CELL}{pick(r, vocab.PART_NAMES)}</td>"
            f'<td style="font:12px Arial;" align="right" bgcolor="#dfdfdf">'
            f"{quantity}</td></tr>"
        )
    return "".join(rows)


def china(r: Rand, lead: Lead, pool: Pool, created: int, female: bool) -> None:
    """The four fields the guide reserves for China leads, always present there."""
    lead["agreeToContact"] = r() < 0.85
    lead["county"] = pick(r, pool.counties)
    lead["gender"] = "FEMALE" if female else "MALE"
    lead["dateRegistered"] = stamp(created - 3600 - int(r() * 730 * DAY))


def mess(r: Rand, lead: Lead) -> None:
    """Swap in the guide's off-list sample spellings now and then."""
    for field, documented, spelling in _MESSY:
        if lead[field] == documented and r() < 0.5:
            lead[field] = spelling
