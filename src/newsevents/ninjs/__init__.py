"""
Events as IPTC ninjs 3.1 (News in JSON): `to_ninjs`, `from_ninjs` and `validate`.

`to_ninjs` writes each event as a ninjs item of type ``"event"``: a title, people and
organisations with their roles as ``rel``, places, the Media Topics as ``subjects``, the
evidence as a description, and the whole event as newsevents JSON in a body of its own
(role ``"newsevents"``, content type ``application/vnd.newsevents+json``). Given the
article, it writes a text item whose ``events`` refer to the event items, carried in its
``associations``. `from_ninjs` reads the events back exactly from that body, and reads
event items written by others, best effort, as `ForeignEvent`.

The mapping is derived from the event types' attrs fields, so a registered user-defined
type needs no code of its own. ``docs/ninjs.md`` gives it property by property, with
what a consumer that ignores the body sees and misses.

The official schema ships with the package (CC BY 4.0, IPTC); `validate` checks a
document against it (this needs ``jsonschema[format-nongpl]``, imported only then).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, overload

from newsevents.model import Event
from newsevents.newsml import ArticleLike, ForeignEvent
from newsevents.ninjs._read import MAX_DEPTH, NEWS_TYPES, read
from newsevents.ninjs._validate import schema, validate
from newsevents.ninjs._write import (
    BODY_CONTENT_TYPE,
    BODY_ROLE,
    EVENT_URI_PREFIX,
    MEDIA_TOPIC_URI,
    STANDARD,
    write,
)

__all__ = [
    "BODY_CONTENT_TYPE",
    "BODY_ROLE",
    "EVENT_URI_PREFIX",
    "MAX_DEPTH",
    "MEDIA_TOPIC_URI",
    "NEWS_TYPES",
    "STANDARD",
    "ArticleLike",
    "ForeignEvent",
    "from_ninjs",
    "schema",
    "to_ninjs",
    "validate",
]


@overload
def to_ninjs(events: Event, *, article: None = None) -> dict[str, Any]: ...
@overload
def to_ninjs(events: Iterable[Event], *, article: None = None) -> list[dict[str, Any]]: ...
@overload
def to_ninjs(events: Event | Iterable[Event], *, article: str | ArticleLike) -> dict[str, Any]: ...
def to_ninjs(
    events: Event | Iterable[Event], *, article: str | ArticleLike | None = None
) -> dict[str, Any] | list[dict[str, Any]]:
    """
    Write events as ninjs 3.1: one item of type ``"event"`` per event.

    Every document written is valid against the official ninjs 3.1 schema (see `validate`),
    and holds only JSON types (dicts, lists, strings), ready for any JSON encoder.

    Args:
        events: An event, or an iterable of events of registered types.
        article: The article the events come from: its text, a `newsevents.parsing.Article`,
            or any object with a ``text`` (see `ArticleLike`). It becomes a ninjs item of
            type ``"text"`` whose ``events`` refer to the event items, which it carries in
            its ``associations``.

    Returns:
        Without ``article``: for one event, its item (a dict); for an iterable, a list
        with one item per event, in order (``[]`` for none). With ``article``: the
        article's item (a dict), whatever ``events`` is.

    Raises:
        EncodeError: For an item that is not an event of a registered type (with its
            index), a type whose ``codes`` or ``media_topics()`` cannot be written, or an
            article without a usable text.
    """
    return write(events, article=article)


def from_ninjs(document: Any, *, strict: bool = True) -> list[Event]:
    """
    Read the events of a ninjs document.

    Each item with a newsevents body (role ``"newsevents"``, content type
    ``application/vnd.newsevents+json``) gives the event in it, exactly, whatever else
    the item says. Each other item of type ``"event"`` gives a `ForeignEvent` with what
    newsevents can read of it (see ``docs/ninjs.md``). Items nested in ``associations``
    are read too, in document order; a news item's ``events`` are references, not events.
    Other items give no event, so an article without associated events gives ``[]``.

    Args:
        document: A ninjs object (a dict), a list of them, or either as JSON text
            (str or bytes).
        strict: Refuse keys an event type does not have in the newsevents body, as
            `newsevents.from_json` does; ``False`` ignores them, to read a newer writer.

    Returns:
        The events, in document order.

    Raises:
        DecodeError: For malformed JSON (with its line), something that is not a ninjs
            object (no ``uri``, an unknown ``type``), a property of the wrong JSON type,
            an unreadable body, or an item whose ``urn:newsevents:`` uri disagrees with
            its body; with the JSON path (into the body: ``$.bodies[0].value.killed``).
        LimitError: For ``associations`` nested deeper than `MAX_DEPTH`.
        ValidationError: For a value the model refuses.
    """
    return read(document, strict=strict)
