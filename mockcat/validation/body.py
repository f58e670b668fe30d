"""Raw POST bytes to a JSON value, with a precise reason when that fails.

Contract §9: malformed JSON is a 400 that says where, non-UTF-8 is a 400, and
no input takes the server down, so ``parse_json_body`` raises ``BodyError``
and nothing else, whatever the bytes.

Numbers with a fraction or an exponent come back as ``decimal.Decimal`` so
that opportunityAmount's precision (16,2) is judged on the digits the client
wrote, not on a binary float's approximation of them.
"""

from __future__ import annotations

import codecs
import json
import re
from decimal import Decimal
from typing import Final

MAX_DIGITS: Final = 100

# Tokens that matter when locating a fault after the fact: strings (skipped),
# numbers, the non-standard constants and brackets.
_TOKENS: Final = re.compile(
    r'"(?:[^"\\]|\\.)*"'
    r"|(?P<num>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<const>NaN|-?Infinity)"
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
)
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE: Final = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


class BodyError(Exception):
    """Why the body is not acceptable JSON, and where (1-based), if known."""

    def __init__(
        self, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _BadNumber(Exception):
    """Raised inside the decoder's hooks; turned into a located BodyError."""

    def __init__(self, token: str, why: str) -> None:
        super().__init__(why)
        self.token = token
        self.why = why


def parse_json_body(raw: bytes, *, max_depth: int = 32) -> object:
    """The JSON value in ``raw`` or a BodyError that explains what is wrong."""
    try:
        text = decode_utf8(bytes(raw))
        value = loads(text, max_depth)
        if too_deep(value, max_depth):
            raise nesting_error(text, max_depth)
        if _SURROGATE_ESCAPE.search(text) is not None:
            check_surrogates(text, value)
        return value
    except BodyError:
        raise
    except Exception as exc:  # §9: never anything but BodyError, never a 500
        raise BodyError(
            f"the body could not be read as JSON ({type(exc).__name__})"
        ) from exc


def decode_utf8(data: bytes) -> str:
    """UTF-8 text, naming the first bad byte's offset when it is not."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # RFC 8259 §8.1 allows ignoring it
    if not data.strip():
        raise BodyError("the body is empty; expected a JSON array", None, None)
    if b"\x00" in data[:4] or data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise BodyError("the body looks like UTF-16 or UTF-32; send UTF-8", 1, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start)
        message = (
            f"the body is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start} (line {line}, column {column}) {exc.reason}"
        )
        raise BodyError(message, line, column) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def loads(text: str, max_depth: int) -> object:
    """The stdlib decoder with hooks that refuse absurd numbers."""
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise BodyError(message, exc.lineno, exc.colno) from None
    except _BadNumber as exc:
        raise number_error(text, exc) from None
    except RecursionError:
        raise nesting_error(text, max_depth) from None


def parse_int(token: str) -> int:
    """An integer of at most MAX_DIGITS digits (beyond that, int() is slow)."""
    if len(token) - token.startswith("-") > MAX_DIGITS:
        raise _BadNumber(token, f"has more than {MAX_DIGITS} digits")
    return int(token)


def parse_float(token: str) -> Decimal:
    """A number with a fraction or exponent, exact, within a double's range."""
    digits = sum(ch.isdigit() for ch in token.partition("e")[0].partition("E")[0])
    if digits > MAX_DIGITS or len(token) > MAX_DIGITS + 20:
        raise _BadNumber(token, f"has more than {MAX_DIGITS} digits")
    number = Decimal(token)
    as_float = float(number)
    if as_float in (float("inf"), float("-inf")) or (as_float == 0 and number != 0):
        raise _BadNumber(token, "is outside the range of a 64-bit float")
    return number


def refuse_constant(token: str) -> object:
    """NaN and Infinity are not JSON (RFC 8259 §6)."""
    raise _BadNumber(token, "is not a JSON number")


_DECODER: Final = json.JSONDecoder(
    parse_float=parse_float, parse_int=parse_int, parse_constant=refuse_constant
)


def number_error(text: str, exc: _BadNumber) -> BodyError:
    """A located error for the first occurrence of the refused number."""
    shown = exc.token if len(exc.token) <= 40 else exc.token[:40] + "…"
    for match in _TOKENS.finditer(text):
        if exc.token in (match.group("num"), match.group("const")):
            line, column = text_position(text, match.start())
            where = f"at line {line}, column {column}"
            return BodyError(f"the number {shown} {where} {exc.why}", line, column)
    return BodyError(f"the number {shown} {exc.why}")


def too_deep(value: object, max_depth: int) -> bool:
    """Whether arrays/objects nest more than ``max_depth`` levels."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > max_depth:
            return True
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
    return False


def nesting_error(text: str, max_depth: int) -> BodyError:
    """A located error at the bracket that goes one level too deep."""
    depth = 0
    for match in _TOKENS.finditer(text):
        if match.group("open"):
            depth += 1
            if depth > max_depth:
                line, column = text_position(text, match.start())
                message = (
                    f"the JSON nests deeper than {max_depth} levels "
                    f"at line {line}, column {column}"
                )
                return BodyError(message, line, column)
        elif match.group("close"):
            depth -= 1
    return BodyError(f"the JSON nests deeper than {max_depth} levels")


def check_surrogates(text: str, value: object) -> None:
    """Refuse \\uD800-style escapes that pair with nothing: not Unicode text.

    They would parse, then fail when stored as UTF-8; say so now instead.
    """
    try:
        json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        match = _LONE_SURROGATE.search(text)
        line, column = text_position(text, match.start()) if match else (None, None)
        where = f" at line {line}, column {column}" if match else ""
        message = f"the body holds an unpaired UTF-16 surrogate escape{where}"
        raise BodyError(message, line, column) from None
