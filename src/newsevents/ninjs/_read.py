"""
Reading events from ninjs: exactly from our body, best effort from anyone else's item.
"""

from __future__ import annotations

import re
import typing
from functools import cache
from typing import Any, Final

from newsevents import json as ne_json
from newsevents import registry
from newsevents._text import quote
from newsevents.errors import DecodeError, LimitError, NewsEventsError, ValidationError
from newsevents.model import Actor, ActorKind, Event, PartialDate, Place, check_text, country_codes
from newsevents.newsml import ForeignEvent
from newsevents.ninjs._validate import load
from newsevents.ninjs._write import BODY_CONTENT_TYPE, BODY_ROLE, EVENT_URI_PREFIX

__all__ = ["MAX_DEPTH", "NEWS_TYPES", "read"]

#: The values of ninjs ``type`` (``newsObjectType``).
NEWS_TYPES: Final = frozenset(
    ("text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning")
)
#: The deepest nesting of ``associations`` read (ninjs documents rarely go past two).
MAX_DEPTH: Final = 64

# The date at the start of a date-time or truncated date: ASCII digits, four-digit years.
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?![0-9])")


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


_EXPECTED: Final[dict[type, str]] = {str: "a string", list: "an array", dict: "an object"}


def _get(obj: dict[str, Any], key: str, kind: type, path: str) -> Any:
    """``obj[key]`` when present and of the JSON type ``kind``; None when absent; else `DecodeError`."""
    value = obj.get(key)
    if value is None or type(value) is kind:
        return value
    expected = _EXPECTED[kind]
    raise DecodeError(f"expected {expected}, got {_json_type(value)}", path=f"{path}.{key}")


def _objects(obj: dict[str, Any], key: str, path: str) -> list[tuple[dict[str, Any], str]]:
    """The objects of the array ``obj[key]``, each with its path."""
    found = _get(obj, key, list, path)
    if not found:
        return []
    listed = []
    for index, item in enumerate(found):
        where = f"{path}.{key}[{index}]"
        if type(item) is not dict:
            raise DecodeError(f"expected an object, got {_json_type(item)}", path=where)
        listed.append((item, where))
    return listed


def _text(obj: dict[str, Any], key: str, path: str) -> str | None:
    """A string property the model can hold, or None when absent or blank."""
    value = _get(obj, key, str, path)
    if value is None or not value.strip():
        return None
    try:
        check_text(value, key)
    except NewsEventsError as error:
        raise ValidationError(error.message, path=f"{path}.{key}") from None
    return typing.cast("str", value)


# --------------------------------------------------------------------------- the walk


def read(document: Any, *, strict: bool) -> list[Event]:
    """See `newsevents.ninjs.from_ninjs`."""
    if not isinstance(document, dict | list | str | bytes | bytearray | memoryview):
        raise DecodeError(
            f"expected a ninjs object, a list of them, or JSON text, got {type(document).__name__}"
        )
    data = load(document)
    if type(data) is list:
        roots = [(item, f"$[{index}]") for index, item in enumerate(data)]
    else:
        roots = [(data, "$")]
    events: list[Event] = []
    # Depth first, in document order: an item's own event, then its associations.
    stack: list[tuple[Any, str, tuple[str, str] | None, int]] = [
        (item, path, None, 0) for item, path in reversed(roots)
    ]
    while stack:
        item, path, holder, depth = stack.pop()
        if type(item) is not dict:
            raise DecodeError(f"expected a ninjs object, got {_json_type(item)}", path=path)
        uri = _item_head(item, path)
        event = _read_item(item, path, uri, holder, strict)
        if event is not None:
            events.append(event)
        associated = _objects(item, "associations", path)
        if associated and depth >= MAX_DEPTH:
            raise LimitError(f"associations nested deeper than {MAX_DEPTH}", path=f"{path}.associations")
        here = (uri, f"{path}.uri")
        stack.extend((child, where, here, depth + 1) for child, where in reversed(associated))
    return events


def _item_head(item: dict[str, Any], path: str) -> str:
    """Check that ``item`` is a ninjs object (a ``uri``, a known ``type``); return its uri."""
    kind = item.get("type")
    if kind is not None and (type(kind) is not str or kind not in NEWS_TYPES):
        ours = isinstance(kind, str) and kind in registry.types()
        hint = " (an event type: newsevents JSON? read it with from_json)" if ours else ""
        raise DecodeError(f"{quote(kind)} is not a ninjs type{hint}", path=f"{path}.type")
    uri = item.get("uri")
    if type(uri) is not str:
        if uri is None:
            raise DecodeError("missing 'uri': not a ninjs object", path=f"{path}.uri")
        raise DecodeError(f"expected a string, got {_json_type(uri)}", path=f"{path}.uri")
    return uri


def _read_item(
    item: dict[str, Any], path: str, uri: str, holder: tuple[str, str] | None, strict: bool
) -> Event | None:
    """The item's event: from our body when it has one, else best effort for an event item."""
    ours = None
    for body, where in _objects(item, "bodies", path):
        if body.get("role") == BODY_ROLE and body.get("contentType") == BODY_CONTENT_TYPE:
            if ours is not None:
                raise DecodeError(f"a second {BODY_ROLE!r} body", path=where)
            ours = (body, where)
    if ours is not None:
        return _read_ours(ours[0], ours[1], uri, path, strict)
    if item.get("type") == "event":
        return _read_foreign(item, path, uri, holder)
    return None


def _read_ours(body: dict[str, Any], where: str, uri: str, path: str, strict: bool) -> Event:
    value = body.get("value")
    if type(value) is not str:
        raise DecodeError(f"expected a string, got {_json_type(value)}", path=f"{where}.value")
    try:
        event = ne_json.from_json(value, strict=strict, many=False)
    except NewsEventsError as error:
        raise error.at(f"{where}.value") from None
    if uri.startswith(EVENT_URI_PREFIX) and uri != EVENT_URI_PREFIX + event.id:
        # A relay may give the item a uri of its own; one of ours must name the body's event.
        raise DecodeError(f"{quote(uri)} disagrees with the body's event id {event.id!r}", path=f"{path}.uri")
    return event


# --------------------------------------------------------------------------- others'


def _date(item: dict[str, Any], path: str) -> PartialDate | None:
    """
    The start date: ``startDate`` cut to the day as written, else ``expectedStartDate`` at its
    own precision; None when neither gives a date the model can hold.
    """
    details = _get(item, "eventDetails", dict, path)
    if not details:
        return None
    dates = _get(details, "dates", dict, f"{path}.eventDetails")
    if not dates:
        return None
    where = f"{path}.eventDetails.dates"
    for key in ("startDate", "expectedStartDate"):
        value = _get(dates, key, str, where)
        found = None if value is None else _DATE.match(value)
        if found is not None:
            year, month, day = (None if part is None else int(part) for part in found.groups())
            try:
                return PartialDate(year or 0, month, day)
            except NewsEventsError:
                continue
    return None


@cache
def _countries_by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in country_codes().items()}


def _country(value: str | None) -> str | None:
    """An address's country as an ISO code, by the model's names (or the code itself)."""
    if value is None:
        return None
    value = value.strip()
    if value in country_codes():
        return value
    return _countries_by_name().get(value.casefold())


def _place(item: dict[str, Any], path: str) -> Place | None:
    """The first place the model can hold, preferring one whose ``rel`` is ``location``."""
    places = _objects(item, "places", path)
    places.sort(key=lambda found: found[0].get("rel") != "location")  # stable: document order kept
    for place, where in places:
        name = _text(place, "name", where)
        country = None
        for info, info_path in _objects(place, "contactInfo", where):
            address = _get(info, "address", dict, info_path)
            if address:
                country = _country(_text(address, "country", f"{info_path}.address"))
                if country is not None:
                    break
        if name is not None or country is not None:
            return Place(name, country=country)
    return None


def _actors(item: dict[str, Any], path: str) -> tuple[Actor, ...]:
    """The named people, organisations and organiser, each once, in that order."""
    found: dict[Actor, None] = {}
    for key, kind in (("people", ActorKind.PERSON), ("organisations", ActorKind.ORGANIZATION)):
        for entry, where in _objects(item, key, path):
            name = _text(entry, "name", where)
            if name is not None:
                found[Actor(name, kind)] = None
    details = _get(item, "eventDetails", dict, path)
    if details:
        organiser = _get(details, "organiser", dict, f"{path}.eventDetails")
        if organiser:
            name = _text(organiser, "name", f"{path}.eventDetails.organiser")
            if name is not None:
                found[Actor(name, ActorKind.ORGANIZATION)] = None
    return tuple(found)


def _definition(item: dict[str, Any], path: str) -> str | None:
    """The first plain-text description."""
    for description, where in _objects(item, "descriptions", path):
        content_type = _get(description, "contentType", str, where)
        if content_type in (None, "text/plain"):
            text = _text(description, "value", where)
            if text is not None:
                return text
    return None


def _name(item: dict[str, Any], path: str) -> str:
    """The title, else the first headline, else ""."""
    name = _text(item, "title", path)
    if name is not None:
        return name
    for headline, where in _objects(item, "headlines", path):
        name = _text(headline, "value", where)
        if name is not None:
            return name
    return ""


def _read_foreign(item: dict[str, Any], path: str, uri: str, holder: tuple[str, str] | None) -> Event:
    for value, where in ((uri, f"{path}.uri"), holder or (None, "")):
        if value is not None:
            try:
                check_text(value, "uri")
            except NewsEventsError as error:
                raise ValidationError(error.message, path=where) from None
    name = _name(item, path)
    definition = _definition(item, path)
    participants = _actors(item, path)
    date = _date(item, path)
    location = _place(item, path)
    try:
        return ForeignEvent(
            name=name,
            definition=definition,
            concept=uri,
            participants=participants,
            date=date,
            location=location,
            source=None if holder is None else holder[0],
        )
    except NewsEventsError as error:  # every value was checked above: a user's hook, say
        raise error.at(path) from None
