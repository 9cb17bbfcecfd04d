"""
Parsing XML from outside, safely, and locating problems in it.

The parser resolves no entities, loads no DTD, never touches the network and keeps
libxml2's limits on depth and text size (no ``huge_tree``). A document with any
DOCTYPE is refused, whatever it declares, and so is input over a size bound, before
any parsing.
"""

from __future__ import annotations

import threading
from typing import Any

from lxml import etree

from newsevents.errors import DecodeError

__all__ = ["DEFAULT_MAX_BYTES", "element_path", "line_of", "local_name", "parse"]

#: The default bound on the size of a document `from_newsml` and `validate` accept.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_local = threading.local()


def _parser() -> etree.XMLParser:
    # One parser per thread: lxml parsers are not safe to share between threads.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def parse(data: Any, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """
    Parse ``data`` into its root element, refusing anything unsafe.

    Args:
        data: The document, as bytes (or a bytearray or memoryview).
        max_bytes: The largest document accepted.

    Raises:
        DecodeError: For input that is not bytes, too large, not well-formed, or has a DOCTYPE.
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, bytes):
        hint = " (encode it, or read the file in binary mode)" if isinstance(data, str) else ""
        raise DecodeError(f"expected the XML document as bytes, got {type(data).__name__}{hint}")
    if len(data) > max_bytes:
        raise DecodeError(f"document of {len(data)} bytes is over the limit of {max_bytes} bytes")
    if not data.strip():
        raise DecodeError("empty document", line=1)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        message = error.msg or "not well-formed XML"
        raise DecodeError(f"malformed XML: {message}", line=error.lineno) from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # Entities were never expanded (resolve_entities=False); refuse the document anyway.
        raise DecodeError("a DOCTYPE is not allowed in NewsML-G2 input", line=1)
    return root


def line_of(element: etree._Element) -> int | None:
    """The source line of ``element``, or None for elements built in memory."""
    line: Any = element.sourceline
    return line if type(line) is int else None


def local_name(tag: object) -> str:
    """The local part of a Clark name (``{ns}name`` gives ``name``)."""
    text = str(tag)
    return text.rpartition("}")[2]


def element_path(element: etree._Element) -> str:
    """
    An XPath-like location of ``element`` by local names: ``/newsMessage/itemSet/conceptItem[2]``.

    Positions are given among siblings of the same name, only where there are several.
    """
    steps = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = local_name(node.tag)
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                name = f"{name}[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))
