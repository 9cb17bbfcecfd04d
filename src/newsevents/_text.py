"""Which strings every codec can carry: XML 1.0 characters, no lone surrogates."""

from __future__ import annotations

import re

__all__ = ["first_illegal_char"]

# XML 1.0 Char production, negated; lone surrogates cannot be encoded as UTF-8 either.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def first_illegal_char(text: str) -> int | None:
    """
    Return the index of the first character XML 1.0 or UTF-8 cannot carry, or None.
    """
    found = _ILLEGAL.search(text)
    return None if found is None else found.start()
