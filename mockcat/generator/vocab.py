"""Free-text vocabulary for fields the guide leaves open (campaigns, roles, notes).

Values are mockcat's own, shaped like the guide's samples. Comment templates take
{model} and {subFamily}; languages without their own list fall back to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

CAMPAIGNS: Final = (
    "Cat.com Request a Quote",
    "Cat.com Contact a Dealer",
    "Cat.com Rental Request",
    "Cat.com Brochure Download",
    "Cat.com Used Equipment Inquiry",
    "Spring Savings Event",
    "Year-End Sales Event",
    "Cat Financial Special Offer",
    "Power Systems Webinar",
    "Trade Show Follow-Up",
)

UTM_CAMPAIGNS: Final = (
    "ep_pd_email1",
    "ep_genset_search",
    "bcp_ssl_search",
    "bcp_ctl_social",
    "gci_exc_display",
    "ps_parts_email2",
    "used_equip_search",
    "rental_ctl_social",
    "mining_trucks_display",
    "paving_pavers_email1",
)

LEAD_SOURCES: Final = (
    "NA",
    "Cat.com",
    "Call Center",
    "Dealer Website",
    "Email",
    "Event",
    "Social Media",
)

LEVELS_OF_INTEREST: Final = (
    "Requesting dealer consultation",
    "Requesting a quote",
    "Researching options",
    "Ready to purchase",
    "Just browsing",
)

FINANCING_METHODS: Final = ("Buy", "Lease", "Rent", "Finance", "Cash")

JOB_ROLES: Final = (
    "Owner/Operator",
    "Owner",
    "Fleet Manager",
    "Purchasing Manager",
    "Project Manager",
    "Operations Manager",
    "Maintenance Manager",
    "Equipment Manager",
    "Operator",
    "Homeowner",
    "Farmer",
    "Engineer",
)

COMPANY_SIZES: Final = ("1", "5", "10", "25", "50", "100", "250", "500", "1000", "5000")
FLEET_SIZES: Final = ("1", "2", "3", "5", "10", "25", "50", "100")

ADDITIONAL_TOPICS: Final = (
    "Financing Options",
    "Extended Protection or Insurance Options",
    "Parts Information",
    "Service Options",
    "Training Opportunities",
)

CALL_CENTER_NOTES: Final = (
    "No plans to purchase at this time",
    "Left voicemail, will try again",
    "Customer asked for a callback next week",
    "Wants pricing before talking to the dealer",
    "Already working with the dealer's sales rep",
    "Interested in financing options",
    "Budget approved for next quarter",
)

DUTIES: Final = ("Standby", "Prime", "Continuous")

PART_NAMES: Final = (
    "Fuel Filter",
    "Engine Oil Filter",
    "Hydraulic Filter",
    "Air Filter",
    "Bucket Tip",
    "Cutting Edge",
    "Hydraulic Hose",
    "Track Shoe",
)

_ENGLISH: Final = (
    "I'm looking for a price on the {model} ({subFamily}).",
    "Please send me a quote for the {model}.",
    "Do you have a {model} available to rent by the week?",
    "Looking to replace an older machine with a {model}. What financing is offered?",
    "Comparing {subFamily} for a job starting next month. Is the {model} in stock?",
    "Interested in a demo of the {model}.",
)

COMMENTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "es": (
            "Me interesa el precio del {model}.",
            "Por favor envíen una cotización para {subFamily} {model}.",
        ),
        "fr": (
            "Je souhaite un devis pour le {model}.",
            "Le {model} est-il disponible à la location ?",
        ),
        "pt": (
            "Gostaria de um orçamento para o {model}.",
            "Qual o prazo de entrega do {model}?",
        ),
        "zh": ("请提供{model}的报价。", "我们想了解{subFamily}的租赁价格。"),
        "ja": (
            "{model}の見積もりをお願いします。",
            "{subFamily}のレンタルについて知りたいです。",
        ),
        "en": _ENGLISH,
    }
)

GENERIC_COMMENTS: Final = (
    "Please have a dealer contact me.",
    "I'd like to learn more about your financing programs.",
    "Looking for information on service plans for our fleet.",
    "Can someone call me about training for new operators?",
)

ADDRESS3_LINES: Final = ("Building B", "Gate 3", "Attn: Purchasing", "Industrial Park")
JOBSITE_SECOND_LINES: Final = ("Floor 2", "Lot 14", "Phase 2", "North Gate", "Pit 3")
