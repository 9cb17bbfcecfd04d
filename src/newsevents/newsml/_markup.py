"""
Escaping for the writer, which builds NewsML-G2 as text (several times faster than
building lxml trees). Every value the model accepts is XML 1.0 text, so escaping is all
that is needed; the round-trip properties check the result against the XSD and the reader.
"""

from __future__ import annotations

import re

__all__ = ["attr", "text"]

_TEXT = re.compile(r"[&<>\r]")
_ATTR = re.compile(r'[&<>"\t\n\r]')


def text(value: str) -> str:
    """Escape character data (a carriage return is kept as ``&#13;``, as parsers drop a raw one)."""
    if _TEXT.search(value) is None:
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attr(value: str) -> str:
    """Escape a double-quoted attribute value (white space as references, which parsers keep)."""
    if _ATTR.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )
