"""One field's received value: is it acceptable, and what is its normal form.

Each checker takes the raw JSON value (never None: null means absent and is
handled by the caller) and returns the normalized value or raises
``Invalid``. Lenient relaxations append a warning to ``Relax.warnings``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Final

from mockcat.spec.fields import Field, FieldType
from mockcat.spec.update_fields import CURRENCY_CODES, UPDATE_FIELDS, YES_NO
from mockcat.validation.enums import EnumMatcher, Match
from mockcat.validation.model import clip, json_type, show


class Invalid(Exception):
    """A value the profile does not accept, told the way a Problem tells it."""

    def __init__(
        self, message: str, expected: str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.hint = hint


@dataclass(slots=True)
class Relax:
    """The profile in force for one update, and the warnings it produced."""

    lenient: bool
    warnings: list[str] = field(default_factory=list)


Checker = Callable[[object, Relax], object]

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_PREFIX: Final = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]")
_DECIMAL_TEXT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_INTEGER_TEXT: Final = re.compile(r"-?[0-9]+")
_CURRENCIES: Final = frozenset(CURRENCY_CODES)
_CENT: Final = Decimal("0.01")
_AMOUNT_EXPECTED: Final = (
    "a number or numeric string, at least 0, with at most 14 digits before "
    "the point and 2 after"
)
_PERCENT_EXPECTED: Final = "a whole number from 0 to 100 (number or string)"


def need_str(name: str, raw: object) -> str:
    """``raw`` if it is a JSON string; strings must be sent as strings (§8)."""
    if isinstance(raw, str):
        return raw
    hint = None
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        hint = f'send it in quotes: "{show(raw)}"'
    raise Invalid(
        f"{name} must be a JSON string, not {json_type(raw)}", "a string", hint
    )


def text_checker(spec: Field) -> Checker:
    """Free text: a string no longer than the table's maximum, in characters."""
    name, limit = spec.name, spec.max_length

    def check(raw: object, relax: Relax) -> object:
        text = need_str(name, raw)
        if limit is not None and len(text) > limit:
            raise Invalid(
                f"{name} is {len(text)} characters long; the maximum is {limit}",
                f"a string of at most {limit} characters",
            )
        return text

    return check


def enum_checker(spec: Field) -> Checker:
    """A listed value; Yes/No fields also meet JSON booleans."""
    assert spec.enum is not None
    name, matcher = spec.name, EnumMatcher(spec.enum)
    yes_no = spec.enum == YES_NO

    def check(raw: object, relax: Relax) -> object:
        if yes_no and isinstance(raw, bool):
            return yes_no_from_bool(name, raw, relax)
        text = need_str(name, raw)
        found = matcher.strict(text)
        if found is not None:
            return found
        return relaxed_enum(name, text, matcher, relax)

    return check


def yes_no_from_bool(name: str, raw: bool, relax: Relax) -> str:
    """Contract §8: true/false stand for Yes/No only under the lenient profile."""
    word = "Yes" if raw else "No"
    shown = "true" if raw else "false"
    if relax.lenient:
        relax.warnings.append(f'{name}: JSON {shown} taken as "{word}"')
        return word
    raise Invalid(
        f'{name} must be the string "Yes" or "No", not the JSON boolean {shown}',
        'one of: "Yes", "No"',
        f'send "{word}"',
    )


def relaxed_enum(name: str, text: str, matcher: EnumMatcher, relax: Relax) -> str:
    """A value only the lenient profile can place, or the error that explains it."""
    match = matcher.lenient(text)
    if match is not None and relax.lenient:
        relax.warnings.append(f'{name}: "{clip(text)}" taken as "{match.value}"')
        return match.value
    raise Invalid(
        f'{name} "{clip(text)}" is not one of the listed values',
        matcher.expected(),
        enum_hint(text, match, matcher),
    )


def enum_hint(text: str, match: Match | None, matcher: EnumMatcher) -> str | None:
    """What to send instead of an unlisted value, when a guess is safe."""
    if match is None:
        near = matcher.suggest(text)
        return f'did you mean "{near}"?' if near else None
    why = [
        reason
        for reason, applies in (
            ("no surrounding spaces", match.trimmed),
            ("mind the case", match.case_changed),
        )
        if applies
    ]
    return f'send "{match.value}" ({", ".join(why)})'


def check_currency(raw: object, relax: Relax) -> object:
    """An upper-case ISO 4217 alphabetic code; lenient trims and upper-cases."""
    text = need_str("currencyIsoCode", raw)
    if text in _CURRENCIES:
        return text
    fixed = text.strip().upper()
    if fixed in _CURRENCIES and relax.lenient:
        relax.warnings.append(f'currencyIsoCode: "{text}" taken as "{fixed}"')
        return fixed
    raise Invalid(
        f'currencyIsoCode "{clip(text)}" is not an upper-case ISO 4217 alphabetic code',
        "an ISO 4217 code such as USD, EUR or CNY",
        f'send "{fixed}"' if fixed in _CURRENCIES else None,
    )


def date_checker(spec: Field) -> Checker:
    """A real calendar date written YYYY-MM-DD, returned in that form."""
    name = spec.name

    def check(raw: object, relax: Relax) -> object:
        text = need_str(name, raw)
        if _DATE.fullmatch(text) is None:
            prefix = _DATE_PREFIX.match(text)
            hint = f'send the date alone: "{prefix.group(1)}"' if prefix else None
            raise Invalid(
                f'{name} "{clip(text)}" is not written YYYY-MM-DD',
                "a date as YYYY-MM-DD",
                hint,
            )
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise Invalid(
                f"{name} {text} is not a calendar date", "a real date as YYYY-MM-DD"
            ) from None

    return check


def check_amount(raw: object, relax: Relax) -> object:
    """opportunityAmount (16,2): returned as a string with two decimals."""
    number = amount_decimal(raw)
    if number < 0:
        raise Invalid(f"opportunityAmount {show(raw)} is negative", _AMOUNT_EXPECTED)
    before, after = digit_counts(number)
    if before > 14 or after > 2:
        raise Invalid(
            f"opportunityAmount {show(raw)} has {before} digits before the "
            f"point and {after} after; at most 14 and 2 are allowed",
            _AMOUNT_EXPECTED,
        )
    if number == 0:
        number = Decimal(0)  # no "-0.00"
    return f"{number.quantize(_CENT):f}"


def amount_decimal(raw: object) -> Decimal:
    """The exact number behind a JSON number or numeric string."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise Invalid(
            f"opportunityAmount must be a number, not {json_type(raw)}",
            _AMOUNT_EXPECTED,
        )
    if isinstance(raw, str):
        if raw.startswith("-"):  # "-0" too: a sign has no place in an amount
            raise Invalid(
                f'opportunityAmount "{clip(raw)}" is negative', _AMOUNT_EXPECTED
            )
        if len(raw) > 40 or _DECIMAL_TEXT.fullmatch(raw) is None:
            raise Invalid(
                f'opportunityAmount "{clip(raw)}" is not a plain decimal number',
                _AMOUNT_EXPECTED,
                "digits with an optional point, no spaces, signs or exponent",
            )
        return Decimal(raw)
    return finite_decimal("opportunityAmount", raw, _AMOUNT_EXPECTED)


def finite_decimal(name: str, raw: int | float | Decimal, expected: str) -> Decimal:
    """``raw`` as a Decimal (floats by their shortest repr), rejecting NaN/inf."""
    if isinstance(raw, int) and raw.bit_length() > 128:
        raise Invalid(f"{name} is far too large", expected)
    try:
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    except (InvalidOperation, ValueError):
        number = Decimal("NaN")
    if not number.is_finite():
        raise Invalid(f"{name} must be a finite number", expected)
    return number


def digit_counts(number: Decimal) -> tuple[int, int]:
    """Digits before and after the point, ignoring leading and trailing zeros."""
    if number == 0:
        return 0, 0
    # Not Decimal.normalize(): it rounds to the context's 28 digits.
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite numbers only
    kept = list(digits)
    while exponent < 0 and kept and kept[-1] == 0:
        kept.pop()
        exponent += 1
    return max(0, len(kept) + exponent), max(0, -exponent)


def check_percentage(raw: object, relax: Relax) -> object:
    """probabilityOfClosurePercentage: a whole number 0..100, as an int."""
    name = "probabilityOfClosurePercentage"
    value = whole_number(name, raw, _PERCENT_EXPECTED)
    # A signed string ("-0") is refused like a negative number: the OpenAPI
    # schema's pattern allows digits only, and the two must agree.
    if not 0 <= value <= 100 or (isinstance(raw, str) and raw.startswith("-")):
        raise Invalid(f"{name} {show(value)} is outside 0 to 100", _PERCENT_EXPECTED)
    return value


def whole_number(name: str, raw: object, expected: str) -> int:
    """An integer sent as a JSON integer or a string of digits.

    The guide's precision is "3,0": no decimals, so 10.0 is refused like
    10.5 (a CRM sending 10.0 would send 10.5 one day) - with a hint.
    """
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and len(raw) <= 10 and _INTEGER_TEXT.fullmatch(raw):
        return int(raw)
    hint = None
    if isinstance(raw, float | Decimal | str) and not isinstance(raw, bool):
        whole = integral_text(raw)
        hint = f"send {whole} without decimals" if whole is not None else None
    raise Invalid(
        f"{name} must be a whole number; received {show(raw)}",
        expected,
        hint,
    )


def integral_text(raw: float | Decimal | str) -> str | None:
    """ "10" for 10.0 or "10.00", None when the number has a real fraction."""
    try:
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        if number.is_finite() and number == number.to_integral_value():
            return str(int(number)) if abs(number) < 10**6 else None
    except (InvalidOperation, ValueError):
        pass
    return None


def check_closed_no_deal(raw: object, relax: Relax) -> object:
    """closedNoDeal: the JSON integer 0 or 1 (the guide's type is Integer)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and raw in (0, 1):
        return raw
    hint = None
    if isinstance(raw, bool):
        hint = f"send {int(raw)}, not {str(raw).lower()}"
    elif isinstance(raw, str) and raw in ("0", "1"):
        hint = f'send the number {raw}, not the string "{raw}"'
    raise Invalid(
        f"closedNoDeal must be the number 0 or 1; received {show(raw)}",
        "the integer 0 or 1",
        hint,
    )


_SPECIAL: Final[dict[str, Checker]] = {
    "currencyIsoCode": check_currency,
    "opportunityAmount": check_amount,
    "probabilityOfClosurePercentage": check_percentage,
    "closedNoDeal": check_closed_no_deal,
}


def checker_for(spec: Field) -> Checker:
    """The checker a table row calls for."""
    if spec.name in _SPECIAL:
        return _SPECIAL[spec.name]
    if spec.type is FieldType.DATE:
        return date_checker(spec)
    if spec.enum is not None:
        return enum_checker(spec)
    return text_checker(spec)


CHECKERS: Final[dict[str, Checker]] = {f.name: checker_for(f) for f in UPDATE_FIELDS}


def expectation(spec: Field) -> str:
    """What a field holds, in words, for a problem's ``expected`` slot."""
    if spec.name in _EXPECTED_SPECIAL:
        return _EXPECTED_SPECIAL[spec.name]
    if spec.type is FieldType.DATE:
        return "a date as YYYY-MM-DD"
    if spec.enum is not None:
        return EnumMatcher(spec.enum).expected()
    return f"a string of at most {spec.max_length} characters"


_EXPECTED_SPECIAL: Final[dict[str, str]] = {
    "currencyIsoCode": "an ISO 4217 code such as USD, EUR or CNY",
    "opportunityAmount": _AMOUNT_EXPECTED,
    "probabilityOfClosurePercentage": _PERCENT_EXPECTED,
    "closedNoDeal": "the integer 0 or 1",
}

EXPECTED: Final[dict[str, str]] = {f.name: expectation(f) for f in UPDATE_FIELDS}
