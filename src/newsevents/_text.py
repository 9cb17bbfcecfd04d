"""Which strings every codec can carry (XML 1.0 characters, no lone surrogates); quoting values in errors."""

from __future__ import annotations

import re

__all__ = ["QUOTE_LIMIT", "clip", "first_illegal_char", "quote"]

# XML 1.0 Char production, negated; lone surrogates cannot be encoded as UTF-8 either.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: The most characters of a value an error message quotes.
QUOTE_LIMIT = 80
_SMALL = 10**QUOTE_LIMIT
_LOG10_2 = 0.30103


def first_illegal_char(text: str) -> int | None:
    """
    Return the index of the first character XML 1.0 or UTF-8 cannot carry, or None.
    """
    found = _ILLEGAL.search(text)
    return None if found is None else found.start()


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """
    ``text`` itself when short, else its first ``limit`` characters, "…" and its length.

    For names put in an error's path (a JSON key, an XML element name), unquoted.
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """
    Quote a bad value for an error message, in at most about ``limit`` characters of it.

    Every error that shows a value the input gave goes through here, so a message never
    grows with the input: a long string is its first ``limit`` characters (as ``repr``),
    "…" and its length; a huge integer is its number of digits (Python refuses to write
    out an integer of more than 4,300 digits); a container is its type and size.
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    if isinstance(value, bytes | bytearray):
        if len(value) <= limit:
            return repr(bytes(value))
        return f"{bytes(value[:limit])!r}… ({len(value):,} bytes)"
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int):
        if -_SMALL < value < _SMALL:
            return repr(int(value))
        digits = int(abs(value).bit_length() * _LOG10_2) + 1
        return f"an integer of about {digits:,} digits"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return f"{type(value).__name__} of {len(value):,} items"
    try:
        shown = repr(value)
    except Exception:  # noqa: BLE001 (a broken __repr__ must not hide the real error)
        shown = f"<{type(value).__name__} object>"
    return clip(shown, limit)
