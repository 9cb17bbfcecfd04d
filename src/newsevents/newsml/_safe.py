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
    if not data or data.isspace():
        raise DecodeError("empty document", line=1)
    line = _doctype_line(data)
    if line is not None:
        raise DecodeError("a DOCTYPE is not allowed in NewsML-G2 input", line=line)
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


_PROLOG_SKIPS = ((b"<?", b"?>"), (b"<!--", b"-->"))
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _doctype_line(data: bytes) -> int | None:
    """
    The line of a DOCTYPE in the prolog, found before any parsing, or None.

    Scans only the prolog (declaration, comments, processing instructions, white space)
    up to the root element's ``<``, so entities are refused before libxml2 sees them.
    UTF-16 and UTF-32 input (with a byte order mark) is decoded first.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                data = data[len(bom) : len(bom) + 1_000_000].decode(codec, "replace").encode("utf-8")
            except LookupError:  # pragma: no cover (the codecs are built in)
                return None
            break
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
    position = 0
    size = len(data)
    while position < size:
        byte = data[position : position + 1]
        if byte in (b" ", b"\t", b"\r", b"\n"):
            position += 1
            continue
        for opening, closing in _PROLOG_SKIPS:
            if data.startswith(opening, position):
                end = data.find(closing, position + len(opening))
                position = size if end < 0 else end + len(closing)
                break
        else:
            if data.startswith(b"<!DOCTYPE", position):
                return data.count(b"\n", 0, position) + 1
            return None  # the root element (or something libxml2 will refuse)
    return None


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
