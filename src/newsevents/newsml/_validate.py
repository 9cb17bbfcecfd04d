"""
Validation against the official NewsML-G2 2.35 XML Schema, shipped as package data.
"""

from __future__ import annotations

import threading
from importlib import resources
from typing import Any

from lxml import etree

from newsevents.errors import ValidationError
from newsevents.newsml._safe import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_ELEMENTS,
    element_path,
    parse,
)

__all__ = ["SCHEMA_FILE", "schema", "validate"]

#: The file name of the NewsML-G2 XSD inside ``newsevents/newsml/schema``.
SCHEMA_FILE = "NewsML-G2_2.35-spec-All-Power.xsd"

_lock = threading.Lock()
_schema: etree.XMLSchema | None = None


def schema() -> etree.XMLSchema:
    """
    Return the NewsML-G2 2.35 `lxml.etree.XMLSchema`, loaded on first use and then reused.

    The XSD imports ``xml.xsd`` from beside it; both ship with newsevents, and loading
    them never touches the network.
    """
    global _schema  # noqa: PLW0603 (built once per process, on first use)
    with _lock:
        if _schema is None:
            folder = resources.files("newsevents.newsml").joinpath("schema")
            with resources.as_file(folder) as path:
                xsd = path / SCHEMA_FILE
                parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
                document = etree.fromstring(xsd.read_bytes(), parser=parser, base_url=xsd.as_uri())
                _schema = etree.XMLSchema(document)
        return _schema


def validate(
    document: Any,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_elements: int | None = DEFAULT_MAX_ELEMENTS,
    max_depth: int | None = DEFAULT_MAX_DEPTH,
) -> None:
    """
    Check a document against the official NewsML-G2 2.35 XML Schema.

    Args:
        document: The document as bytes, or an lxml element (as `to_newsml` builds it).
        max_bytes: The largest document accepted, as for `from_newsml`.
        max_elements: The most elements and attributes accepted, as for `from_newsml`.
        max_depth: The deepest nesting of elements accepted, as for `from_newsml`.

    Raises:
        DecodeError: When the bytes are not safe, well-formed XML (see `from_newsml`);
            `LimitError` when they are over a bound.
        ValidationError: When the document is not valid, with the first error's message,
            element path and line.
    """
    if isinstance(document, etree._Element):
        root = document
    else:
        root = parse(document, max_bytes=max_bytes, max_elements=max_elements, max_depth=max_depth)
    xsd = schema()
    with _lock:
        if xsd.validate(root):
            return
        log: Any = xsd.error_log
        error = log[0]
    raise ValidationError(
        f"not valid NewsML-G2 2.35: {error.message}", path=_path(root, error.path), line=error.line
    )


def _path(root: etree._Element, xpath: str | None) -> str | None:
    """Our element path for the XPath libxml2 gives (``/*/*[2]/*[1]``), or that XPath."""
    if not xpath:
        return None
    try:
        found: Any = root.getroottree().xpath(xpath)
    except etree.XPathError:
        return xpath
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return element_path(found[0])
    return xpath
