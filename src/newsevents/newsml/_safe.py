"""
Parsing XML from outside, safely, and locating problems in it.

The parser resolves no entities, loads no DTD, never touches the network and keeps
libxml2's limits on depth and text size (no ``huge_tree``). Before any parsing:

* input over a size bound is refused;
* the document is decoded by the rules of XML 1.0 (Appendix F: the byte order mark, or
  the first bytes, then the encoding declaration), and anything that is not UTF-8 is
  re-encoded as UTF-8, so the bytes scanned here are the very bytes libxml2 parses;
  encodings other than UTF-8, UTF-16, UTF-32, US-ASCII, ISO-8859-n and windows-125n
  (UTF-7, EBCDIC, ...) are refused;
* the prolog is scanned, and a DOCTYPE, whatever it declares, is refused, as is anything
  else before the root element that is not a comment, a processing instruction or
  white space.

Memory is bounded as well as bytes: a document holding more elements and attributes
than a bound, or nested deeper than a bound, is refused with `LimitError`, while it is
parsed, so at most about the bound's worth of nodes is ever built.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from lxml import etree

from newsevents._text import clip, quote
from newsevents.errors import DecodeError, LimitError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_ELEMENTS",
    "element_path",
    "line_of",
    "local_name",
    "parse",
]

#: The default bound on the size of a document `from_newsml` and `validate` accept.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: The default bound on the number of elements and attributes of a document (each costs
#: 100 to 300 bytes of memory once parsed). Documents newsevents writes hold about one
#: per 26 bytes, so this covers them up to the default `DEFAULT_MAX_BYTES`.
DEFAULT_MAX_ELEMENTS = 500_000
#: The default bound on the nesting depth of elements (newsevents writes 7 levels).
DEFAULT_MAX_DEPTH = 100
#: libxml2's own bound on depth without ``huge_tree``; a larger ``max_depth`` stops here.
PARSER_MAX_DEPTH = 256

_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
}
#: Bytes fed to the counting parser at a time: the most it parses past a bound.
_CHUNK = 64 * 1024

_local = threading.local()


def _parser() -> etree.XMLParser:
    # One parser per thread: lxml parsers are not safe to share between threads.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(**_OPTIONS)
        _local.parser = parser
    return parser


def parse(
    data: Any,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_elements: int | None = DEFAULT_MAX_ELEMENTS,
    max_depth: int | None = DEFAULT_MAX_DEPTH,
) -> etree._Element:
    """
    Parse ``data`` into its root element, refusing anything unsafe.

    Args:
        data: The document, as bytes (or a bytearray or memoryview).
        max_bytes: The largest document accepted.
        max_elements: The most elements and attributes accepted, or None for no bound
            (for documents newsevents wrote itself).
        max_depth: The deepest nesting of elements accepted, or None for libxml2's own
            bound (256).

    Raises:
        DecodeError: For input that is not bytes, not well-formed, in an encoding that is
            not supported, or has a DOCTYPE.
        LimitError: For input over ``max_bytes``, ``max_elements`` or ``max_depth``.
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, bytes):
        hint = " (encode it, or read the file in binary mode)" if isinstance(data, str) else ""
        raise DecodeError(f"expected the XML document as bytes, got {type(data).__name__}{hint}")
    if len(data) > max_bytes:
        raise LimitError(f"document of {len(data)} bytes is over the limit of {max_bytes} bytes (max_bytes)")
    if not data or data.isspace():
        raise DecodeError("empty document", line=1)
    data = _as_utf8(data)
    _check_prolog(data)
    # Each element needs 4 bytes at least ("<x/>") and each attribute 5 (' a=""'), and each
    # starts with its own "<" or needs its own "=": a cheap bound, exact enough for most input.
    if (
        max_elements is not None
        and len(data) // 4 > max_elements
        and data.count(b"<") + data.count(b"=") > max_elements
    ):
        root = _checked(_parse_counting(data, max_elements))
    else:
        root = _checked(_parse(data))
    if max_depth is not None and max_depth < PARSER_MAX_DEPTH and len(data) // 7 > max_depth:
        # Nesting needs 7 bytes a level ("<x></x>"); libxml2 stops at 256 while parsing, and
        # the tree is bounded by max_elements, so a lower bound is checked on the tree:
        # one XPath step per level, in C.
        deep: Any = _too_deep(max_depth)(root)
        if deep:
            raise LimitError(
                f"elements nested deeper than {max_depth} levels, the limit (max_depth)",
                path=element_path(deep[0]),
                line=line_of(deep[0]),
            )
    return root


def _parse(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise _malformed(error) from None


def _parse_counting(data: bytes, max_elements: int) -> etree._Element:
    """
    Parse ``data`` a chunk at a time, counting elements, attributes and namespace
    declarations as they come, so that no more than ``max_elements`` (and a chunk) is built.
    """
    parser = etree.XMLPullParser(events=("start", "start-ns"), **_OPTIONS)
    count = 0
    try:
        for offset in range(0, len(data), _CHUNK):
            parser.feed(data[offset : offset + _CHUNK])
            events: Any = parser.read_events()
            for event, element in events:
                count += 1 if event == "start-ns" else 1 + len(element.attrib)
                if count > max_elements:
                    raise LimitError(
                        f"more than {max_elements:,} elements and attributes, the limit (max_elements)",
                        line=None if event == "start-ns" else line_of(element),
                    )
        root: etree._Element = parser.close()
    except etree.XMLSyntaxError as error:
        raise _malformed(error) from None
    return root


def _checked(root: etree._Element) -> etree._Element:
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # Unreachable after the prolog scan; kept as a second line of defence.
        raise DecodeError("a DOCTYPE is not allowed in NewsML-G2 input", line=1)
    return root


_DEEP: dict[int, etree.XPath] = {}


def _too_deep(max_depth: int) -> etree.XPath:
    """An XPath giving the elements deeper than ``max_depth`` (compiled once per bound)."""
    found = _DEEP.get(max_depth)
    if found is None:
        found = _DEEP[max_depth] = etree.XPath("/*" * (max_depth + 1))
    return found


def _malformed(error: etree.XMLSyntaxError) -> DecodeError:
    message = error.msg or "not well-formed XML"
    if "Excessive depth" in message:
        return LimitError(
            f"elements nested deeper than {PARSER_MAX_DEPTH} levels, the parser's limit (max_depth)",
            line=error.lineno,
        )
    if "XML_PARSE_HUGE" in message or "huge" in message.lower():
        return LimitError(f"over the parser's limits on text size: {clip(message)}", line=error.lineno)
    return DecodeError(f"malformed XML: {clip(message)}", line=error.lineno)


# --------------------------------------------------------------------------- encodings

_UTF8_BOM = b"\xef\xbb\xbf"
#: (first bytes, codec, length of the byte order mark): XML 1.0 Appendix F, longest first.
_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00<\x00?", "utf-16-be", 0),
    (b"<\x00?\x00", "utf-16-le", 0),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"\xff\xfe", "utf-16-le", 2),
)
_REFUSED_SIGNATURES = (
    (b"\x00\x00\xff\xfe", "UCS-4 in byte order 2143"),
    (b"\xfe\xff\x00\x00", "UCS-4 in byte order 3412"),
    (b"\x00\x00<\x00", "UCS-4 in byte order 2143"),
    (b"\x00<\x00\x00", "UCS-4 in byte order 3412"),
    (b"Lo\xa7\x94", "EBCDIC"),
)
#: Declared names (lower case) of the encodings read, by their Python codec.
_ASCII_BASED: dict[str, str] = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "us-ascii": "ascii",
    "ascii": "ascii",
    "latin1": "latin-1",
    "latin-1": "latin-1",
    **{f"iso-8859-{n}": f"iso8859-{n}" for n in (*range(1, 12), *range(13, 17))},
    **{f"iso_8859-{n}": f"iso8859-{n}" for n in (*range(1, 12), *range(13, 17))},
    **{f"windows-{n}": f"cp{n}" for n in range(1250, 1259)},
    **{f"cp{n}": f"cp{n}" for n in range(1250, 1259)},
}
_WIDE: dict[str, str] = {
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "ucs-2": "utf-16",
    "iso-10646-ucs-2": "utf-16",
    "utf-32": "utf-32",
    "utf-32le": "utf-32-le",
    "utf-32be": "utf-32-be",
    "ucs-4": "utf-32",
    "iso-10646-ucs-4": "utf-32",
}
_SUPPORTED = "UTF-8, UTF-16, UTF-32, US-ASCII, ISO-8859-n and windows-125n"
# The XML declaration (XML 1.0 production XMLDecl), which must come first if present.
_DECL = re.compile(
    r"<\?xml(?P<version>[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:\"1\.[0-9]+\"|'1\.[0-9]+'))"
    r"(?P<encoding>[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*"
    r"(?:\"(?P<dq>[A-Za-z][A-Za-z0-9._-]*)\"|'(?P<sq>[A-Za-z][A-Za-z0-9._-]*)'))?"
    r"(?P<rest>(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:\"(?:yes|no)\"|'(?:yes|no)'))?[ \t\r\n]*\?>)"
)
_DECL_START = re.compile(r"<\?xml[ \t\r\n]")
#: How far into the text the XML declaration is looked for.
_DECL_SPAN = 1024


def _declared(head: str) -> tuple[re.Match[str] | None, str | None]:
    """The XML declaration at the start of ``head`` (or None) and the encoding it declares."""
    if _DECL_START.match(head) is None:
        return None, None
    found = _DECL.match(head)
    if found is None:
        raise DecodeError("malformed XML: malformed XML declaration", line=1)
    return found, found.group("dq") or found.group("sq")


def _as_utf8(data: bytes) -> bytes:
    """
    The document as UTF-8, decoded by the XML 1.0 rules (Appendix F).

    A byte order mark, or the first bytes of ``<?`` in UTF-16 or UTF-32, decide the
    encoding (over any declaration, as libxml2 does); otherwise the encoding declaration
    does, UTF-8 by default. UTF-8 input is returned as it is; anything else is decoded and
    re-encoded as UTF-8 without the encoding declaration, so libxml2 reads UTF-8 and
    nothing else.
    """
    for signature, what in _REFUSED_SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"unsupported encoding {what}: newsevents reads {_SUPPORTED}", line=1)
    for signature, codec, bom in _SIGNATURES:
        if data.startswith(signature):
            text = _decode(data[bom:], codec)
            return _reencoded(text, _declared(text[:_DECL_SPAN])[0])
    bom = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    # Every encoding read from here writes the declaration in ASCII, as Latin-1 reads it.
    _, name = _declared(data[bom : bom + _DECL_SPAN].decode("latin-1"))
    if name is None:
        return data
    eight_bit = "utf-8" if bom else _ASCII_BASED.get(name.lower())
    if eight_bit is None:
        if name.lower() in _WIDE:
            raise DecodeError(f"the document declares the encoding {quote(name)} but is not in it", line=1)
        raise DecodeError(f"unsupported encoding {quote(name)}: newsevents reads {_SUPPORTED}", line=1)
    if eight_bit == "utf-8" and _ASCII_BASED.get(name.lower()) == "utf-8":
        return data
    text = _decode(data[bom:], eight_bit)
    return _reencoded(text, _declared(text[:_DECL_SPAN])[0])


def _decode(body: bytes, codec: str) -> str:
    try:
        return body.decode(codec)
    except UnicodeDecodeError as error:
        line = body[: error.start].decode(codec, "replace").count("\n") + 1
        raise DecodeError(
            f"malformed XML: not valid {codec.upper()} at byte {error.start}", line=line
        ) from None


def _reencoded(text: str, declaration: re.Match[str] | None) -> bytes:
    if declaration is not None:
        # The same declaration without its encoding, so it takes no line from the text.
        text = f"<?xml{declaration.group('version')}{declaration.group('rest')}{text[declaration.end() :]}"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:  # pragma: no cover (strict decoding gives no lone surrogates)
        raise DecodeError(f"malformed XML: character U+{ord(text[error.start]):04X}", line=1) from None


# --------------------------------------------------------------------------- the prolog

_SPACE = frozenset(b" \t\r\n")


def _check_prolog(data: bytes) -> None:
    """
    Scan the prolog of the UTF-8 ``data`` libxml2 is about to parse, up to the root element.

    Declarations, comments, processing instructions and white space are skipped; a
    DOCTYPE is refused, and so is anything else before the root element's ``<``, so the
    parser never meets a DOCTYPE, nor anything this scan has not understood.
    """
    position = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    size = len(data)
    while position < size:
        if data[position] in _SPACE:
            position += 1
            continue
        if data.startswith(b"<?", position):
            end = data.find(b"?>", position + 2)
            position = size if end < 0 else end + 2
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4)
            position = size if end < 0 else end + 3
        elif data.startswith(b"<!DOCTYPE", position):
            raise DecodeError(
                "a DOCTYPE is not allowed in NewsML-G2 input", line=data.count(b"\n", 0, position) + 1
            )
        elif data.startswith(b"<", position) and data[position + 1 : position + 2] not in (b"!", b"?", b""):
            return  # the root element
        else:
            raise DecodeError(
                "malformed XML: Start tag expected, '<' not found before the root element",
                line=data.count(b"\n", 0, position) + 1,
            )


# --------------------------------------------------------------------------- locating


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
    Long names are cut (`newsevents._text.clip`).
    """
    steps = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = clip(local_name(node.tag))
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                name = f"{name}[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))
