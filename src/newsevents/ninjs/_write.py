"""
Writing events as ninjs 3.1 items, derived from the event types' attrs fields.

Every event becomes one item of type ``"event"``. What ninjs has a property for is
written there (title, people, organisations, places, Media Topics, the evidence); the
whole event, as newsevents JSON, goes in a body of its own, which is what makes the
round trip exact for every registered type. Nothing here names an event type.
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Iterable
from typing import Any, Final

import attrs

from newsevents import json as ne_json
from newsevents._fields import FieldType, OptionalOf, TupleOf, ValueOf, describe
from newsevents._text import quote
from newsevents.errors import EncodeError, NewsEventsError
from newsevents.model import (
    Actor,
    ActorKind,
    Codes,
    Event,
    PartialDate,
    Place,
    carriable,
    check_text,
    country_name,
)
from newsevents.newsml import ArticleLike, ForeignEvent
from newsevents.newsml._article import article_meta

__all__ = [
    "BODY_CONTENT_TYPE",
    "BODY_ROLE",
    "EVENT_URI_PREFIX",
    "MEDIA_TOPIC_URI",
    "STANDARD",
    "event_uri",
    "write",
]

#: The ``role`` of the body holding the event as newsevents JSON.
BODY_ROLE: Final = "newsevents"
#: The ``contentType`` of that body.
BODY_CONTENT_TYPE: Final = "application/vnd.newsevents+json"
#: An event item's ``uri`` is this prefix followed by the event's id.
EVENT_URI_PREFIX: Final = "urn:newsevents:"
#: A Media Topic QCode ``medtop:<n>`` is the subject URI ``MEDIA_TOPIC_URI + n``.
MEDIA_TOPIC_URI: Final = "http://cv.iptc.org/newscodes/mediatopic/"
#: The ``standard`` object of every document written.
STANDARD: Final = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
}

_MEDTOP = re.compile(r"medtop:([0-9]+)", re.ASCII)
_QCODE = re.compile(r"[^\s:]+:\S+")
#: Which ninjs list an actor of each kind goes in. A group ("12 other defendants") is
#: people, if not one person; a country acting as a state is an organisation, not a place.
_ACTOR_LISTS: Final = {
    ActorKind.PERSON: "people",
    ActorKind.GROUP: "people",
    ActorKind.ORGANIZATION: "organisations",
    ActorKind.COUNTRY: "organisations",
}


def event_uri(event_id: str) -> str:
    """The ``uri`` of an event's item: ``urn:newsevents:<id>``."""
    return EVENT_URI_PREFIX + event_id


# --------------------------------------------------------------------------- per-type plans


@attrs.frozen
class _Plan:
    """What one event type contributes to ninjs properties, read once from its fields."""

    #: The title's opening: the type's label, capitalised.
    label: str
    #: Fields holding actors: (name, holds a tuple).
    actors: tuple[tuple[str, bool], ...]
    #: Fields holding places, ``location`` among them: (name, holds a tuple).
    places: tuple[tuple[str, bool], ...]
    codes: Codes


def _holds(ftype: FieldType, value_type: type) -> bool | None:
    """True for a tuple of ``value_type``, False for one (optional or not), None otherwise."""
    if isinstance(ftype, OptionalOf):
        ftype = ftype.item
    many = isinstance(ftype, TupleOf)
    if isinstance(ftype, TupleOf):
        ftype = ftype.item
    if isinstance(ftype, ValueOf) and ftype.type is value_type:
        return many
    return None


_PLANS: dict[type[Event], _Plan] = {}


def _plan(cls: type[Event]) -> _Plan:
    codes: Any = getattr(cls, "codes", None)
    plan = _PLANS.get(cls)
    if plan is not None and plan.codes is codes:
        return plan
    if not isinstance(codes, Codes):
        raise EncodeError(f"{cls.__name__}.codes must be a newsevents.Codes, got {type(codes).__name__}")
    try:
        check_text(codes.label, "label", allow_empty=False)
    except NewsEventsError as error:
        raise EncodeError(f"{cls.__name__}.codes.label: {error.message}") from None
    actors, places = [], []
    for spec in describe(cls):
        actor = _holds(spec.type, Actor)
        if actor is not None:
            actors.append((spec.name, actor))
        place = _holds(spec.type, Place)
        if place is not None:
            places.append((spec.name, place))
    plan = _PLANS[cls] = _Plan(codes.label[:1].upper() + codes.label[1:], tuple(actors), tuple(places), codes)
    return plan


def _values(event: Event, name: str, many: bool) -> tuple[Any, ...]:
    value = getattr(event, name)
    if value is None:
        return ()
    return typing.cast("tuple[Any, ...]", value) if many else (value,)


# --------------------------------------------------------------------------- one event


#: Checked topics and the subject each becomes; bounded, as ``media_topics()`` may vary freely.
_SUBJECTS: dict[str, dict[str, str]] = {}
_SUBJECTS_MAX = 4096


def _subject(topic: Any) -> dict[str, str]:
    """
    The subject of a checked QCode: a Media Topic with its full URI, any other as a literal.

    A new dict on every call, so no two documents share one.
    """
    subject = _SUBJECTS.get(topic) if type(topic) is str else None
    if subject is None:
        if type(topic) is not str or _QCODE.fullmatch(topic) is None or not carriable(topic):
            raise EncodeError(f"media topic {quote(topic)} is not a QCode", path="$.media_topics()")
        found = _MEDTOP.fullmatch(topic)
        subject = {"literal": topic} if found is None else {"uri": MEDIA_TOPIC_URI + found[1]}
        if len(_SUBJECTS) < _SUBJECTS_MAX:
            _SUBJECTS[topic] = subject
    return dict(subject)


def _topics(event: Event) -> tuple[str, ...]:
    """The event's Media Topic QCodes, without repeats (each checked when made a subject)."""
    topics: Any = event.media_topics()
    if not isinstance(topics, tuple | list):
        raise EncodeError(
            f"media_topics() must return a tuple of QCodes, got {type(topics).__name__}",
            path="$.media_topics()",
        )
    unique: dict[str, None] = {}
    for topic in topics:
        if type(topic) is not str:
            raise EncodeError(f"media topic {quote(topic)} is not a QCode", path="$.media_topics()")
        unique[topic] = None
    return tuple(unique)


def _place(place: Place, rel: str) -> dict[str, Any]:
    """
    A place by name, its country (which ninjs places lack) as a physical address.

    A place known only by its country is named after it. IPTC's own example event puts
    a place's country in ``contactInfo`` the same way.
    """
    country = None if place.country is None else country_name(place.country)
    written: dict[str, Any] = {"name": place.name if place.name is not None else country, "rel": rel}
    if country is not None:
        written["contactInfo"] = [{"type": "physical", "address": {"country": country}}]
    return written


def title(event: Event, plan: _Plan) -> str:
    """
    A short human title: the type's label, the names of its actors, its date.

    ``"Sentencing: Naama Issachar (2019-10)"``. A `ForeignEvent` keeps the name it was read with.
    """
    if isinstance(event, ForeignEvent) and event.name.strip():
        return event.name
    text = plan.label
    names: dict[str, None] = {}
    for name, many in plan.actors:
        for actor in _values(event, name, many):
            names[actor.name] = None
    if names:
        text += ": " + ", ".join(names)
    if event.date is not None:
        text += f" ({event.date.isoformat()})"
    return text


def _expected(date: PartialDate | None, published: datetime.date | None) -> str | None:
    """
    The date as ``expectedStartDate`` when the article shows it was still to come, else None.

    Only a date wholly after the article's publication is expected as the article tells
    it; ninjs has no truthful place for the date of an event that has happened (see
    ``docs/ninjs.md``).
    """
    if date is None or published is None:
        return None
    first_day = datetime.date(date.year, date.month or 1, date.day or 1)
    return date.isoformat() if first_day > published else None


def event_item(
    event: Event, *, published: datetime.date | None = None, standard: bool = False
) -> dict[str, Any]:
    """
    One event as a ninjs item of type ``"event"``, with ``standard`` first when asked.

    Raises:
        EncodeError: When the event is not of a registered type, or its type's codes or
            Media Topics cannot be written.
    """
    body = ne_json.to_json(event)  # first: it refuses an unregistered type
    plan = _plan(type(event))
    item: dict[str, Any] = {"standard": dict(STANDARD)} if standard else {}
    item["uri"] = event_uri(event.id)
    item["type"] = "event"
    item["title"] = title(event, plan)
    descriptions = []
    if isinstance(event, ForeignEvent) and event.definition is not None and event.definition.strip():
        descriptions.append({"role": "definition", "value": event.definition})
    evidence = event.evidence
    if evidence is not None and evidence.text and not evidence.text.isspace():
        descriptions.append({"role": "evidence", "contentType": "text/plain", "value": evidence.text})
    if descriptions:
        item["descriptions"] = descriptions
    expected = _expected(event.date, published)
    if expected is not None:
        item["eventDetails"] = {"dates": {"expectedStartDate": expected}}
    lists: dict[str, list[dict[str, Any]]] = {"people": [], "organisations": []}
    for name, many in plan.actors:
        for actor in _values(event, name, many):
            lists[_ACTOR_LISTS[actor.kind]].append({"name": actor.name, "rel": name})
    for key, written in lists.items():
        if written:
            item[key] = written
    places = [_place(place, name) for name, many in plan.places for place in _values(event, name, many)]
    if places:
        item["places"] = places
    subjects = [_subject(topic) for topic in _topics(event)]
    if subjects:
        item["subjects"] = subjects
    item["bodies"] = [{"role": BODY_ROLE, "contentType": BODY_CONTENT_TYPE, "value": body}]
    return item


# --------------------------------------------------------------------------- documents


def _events(events: Iterable[Event]) -> list[Event]:
    try:
        listed = list(events)
    except TypeError:
        raise EncodeError(
            f"expected an event or an iterable of events, got {type(events).__name__}", path="$"
        ) from None
    for index, event in enumerate(listed):
        if not isinstance(event, Event):
            raise EncodeError(f"expected an Event, got {type(event).__name__}", path=f"$[{index}]")
    return listed


def _items(events: list[Event], published: datetime.date | None, *, standard: bool) -> list[dict[str, Any]]:
    items = []
    for index, event in enumerate(events):
        try:
            items.append(event_item(event, published=published, standard=standard))
        except NewsEventsError as error:
            raise error.at(f"$[{index}]") from None
    return items


def write(
    events: Event | Iterable[Event], *, article: str | ArticleLike | None = None
) -> dict[str, Any] | list[dict[str, Any]]:
    """See `newsevents.ninjs.to_ninjs`."""
    if article is None:
        if isinstance(events, Event):
            return event_item(events, standard=True)
        return _items(_events(events), None, standard=True)
    meta = article_meta(article)
    listed = [events] if isinstance(events, Event) else _events(events)
    items = _items(listed, meta.published, standard=False)
    news: dict[str, Any] = {"standard": dict(STANDARD), "uri": meta.guid, "type": "text"}
    if meta.headline is not None and meta.headline.strip():
        news["headlines"] = [{"role": "main", "value": meta.headline}]
    topics = dict.fromkeys(topic for event in listed for topic in _topics(event))
    if topics:
        news["subjects"] = [_subject(topic) for topic in topics]
    if items:
        news["events"] = [
            {"id": event.id, "name": item["title"], "uri": item["uri"]}
            for event, item in zip(listed, items, strict=True)
        ]
    news["bodies"] = [{"role": "main", "contentType": "text/plain", "value": meta.text}]
    if items:
        news["associations"] = [{"name": item["title"], "rel": "event", **item} for item in items]
    return news
