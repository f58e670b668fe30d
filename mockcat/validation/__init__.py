"""Validation of the dealers' POST updates (contract §8 and §9).

Pure logic, no HTTP: ``parse_json_body`` turns raw bytes into JSON or a
``BodyError``; ``validate_batch`` turns the parsed body into clean updates or
the list of every problem found. Whether a leadId exists, and whose it is, is
for the route and the store to decide.
"""

from mockcat.validation.batch import MAX_PROBLEMS, validate_batch
from mockcat.validation.body import BodyError, parse_json_body
from mockcat.validation.enums import EnumMatcher, typeset_key
from mockcat.validation.model import BatchResult, CleanUpdate, Problem, Profile
from mockcat.validation.rules import RULES, Facts, Rule, derive_stage

__all__ = [
    "MAX_PROBLEMS",
    "RULES",
    "BatchResult",
    "BodyError",
    "CleanUpdate",
    "EnumMatcher",
    "Facts",
    "Problem",
    "Profile",
    "Rule",
    "derive_stage",
    "parse_json_body",
    "typeset_key",
    "validate_batch",
]
