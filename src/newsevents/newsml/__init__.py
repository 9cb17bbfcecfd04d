"""
Events as IPTC NewsML-G2 2.35: `to_newsml`, `from_newsml` and `validate`.

`to_newsml` writes a ``newsMessage`` holding one ``conceptItem`` per event (and, when
given the article, a ``newsItem`` for it whose ``subject`` s point at the events).
`from_newsml` reads it back exactly, and reads the events of NewsML-G2 written by
others as `ForeignEvent`. The mapping is derived from the event types' attrs fields,
so a registered user-defined type needs no code of its own. ``docs/newsml.md`` gives
the mapping element by element.

The official schema ships with the package (CC BY 4.0, IPTC); `validate` checks a
document against it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from newsevents.errors import EncodeError, ValidationError
from newsevents.model import Event
from newsevents.newsml import _validate as _validation
from newsevents.newsml._article import ArticleLike
from newsevents.newsml._foreign import ForeignEvent
from newsevents.newsml._read import read
from newsevents.newsml._safe import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, parse
from newsevents.newsml._schemes import IPTC_CATALOG, NS, SCHEMES
from newsevents.newsml._validate import schema, validate
from newsevents.newsml._write import pretty as _pretty
from newsevents.newsml._write import write

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_ELEMENTS",
    "IPTC_CATALOG",
    "NS",
    "SCHEMES",
    "ArticleLike",
    "ForeignEvent",
    "from_newsml",
    "schema",
    "to_newsml",
    "validate",
]


def to_newsml(
    events: Event | Iterable[Event],
    *,
    article: str | ArticleLike | None = None,
    version: int = 1,
    version_created: datetime.datetime | None = None,
    provider: str = "newsevents",
    language: str = "en",
    pretty: bool = False,
    validate: bool = False,
) -> bytes:
    """
    Write events as a NewsML-G2 2.35 ``newsMessage``, one ``conceptItem`` per event.

    Args:
        events: An event, or an iterable of events of registered types.
        article: The article the events come from: its text, a `newsevents.parsing.Article`,
            or any object with a ``text`` (see `ArticleLike`). It is written first, as a
            ``newsItem`` whose ``contentMeta/subject type="cpnat:event"`` point at the events;
            its publication date bounds events of unknown date.
        version: The items' ``version``.
        version_created: The items' ``versionCreated`` and the message's ``sent``, a
            timezone-aware datetime; now (UTC) by default.
        provider: The provider, as a QCode (``"nprov:REUTERS"``) or a literal name.
        language: The items' ``xml:lang``.
        pretty: Indent the XML for people to read (values are unaffected).
        validate: Check the document against the NewsML-G2 XSD before returning it
            (about 20 microseconds per event; off by default).

    Returns:
        The document, UTF-8 with an XML declaration.

    Raises:
        EncodeError: For an item that is not an event of a registered type, no events and
            no article (NewsML-G2 has no empty message), an invalid option, or (with
            ``validate=True``) a document the schema refuses.
    """
    document = write(
        events,
        article=article,
        version=version,
        version_created=version_created,
        provider=provider,
        language=language,
    )
    if pretty:
        document = _pretty(document)
    if validate:
        try:
            # Our own output: bounded by what was given to write, not by the input limits.
            _validation.validate(parse(document, max_bytes=len(document), max_elements=None, max_depth=None))
        except ValidationError as error:
            raise EncodeError(error.message, path=error.path, line=error.line) from None
    return document


def from_newsml(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_elements: int | None = DEFAULT_MAX_ELEMENTS,
    max_depth: int | None = DEFAULT_MAX_DEPTH,
) -> list[Event]:
    """
    Read the events of a NewsML-G2 document.

    Reads a ``newsMessage`` or a single item. Every ``concept`` (or ``event``) with
    ``eventDetails`` is an event: the ones `to_newsml` wrote come back exactly, as the
    type they were; others come back as `ForeignEvent`. An article ``newsItem`` holds
    no event of its own, so a document holding only articles gives ``[]``.

    Args:
        data: The document as bytes.
        max_bytes: The largest document accepted (10 MiB by default); larger input is
            refused before parsing.
        max_elements: The most elements and attributes accepted (500,000 by default,
            enough for the documents newsevents writes up to 10 MiB), which bounds the
            memory parsing takes; counted while parsing, so no more is ever built.
            None for no bound.
        max_depth: The deepest nesting of elements accepted (100 by default; libxml2
            stops at 256 whatever is asked).

    Returns:
        The events, in document order.

    Raises:
        DecodeError: For input that is not well-formed, in an unsupported encoding, has a
            DOCTYPE, is not NewsML-G2, holds no item, or holds an event that cannot be read
            (markup inside a value, a repeated element, a guid that disagrees with the
            conceptId, ...); with the element path and line where known.
        LimitError: For input over ``max_bytes``, ``max_elements`` or ``max_depth``.
        ValidationError: For a value the model refuses.
    """
    return read(data, max_bytes=max_bytes, max_elements=max_elements, max_depth=max_depth)
