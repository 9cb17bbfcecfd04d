"""
Reading events from NewsML-G2: ours exactly, other writers' as `ForeignEvent`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from newsevents import registry
from newsevents._text import quote
from newsevents.errors import DecodeError, NewsEventsError
from newsevents.model import Actor, ActorKind, Event, PartialDate, Place, adopt_derived_id, country_codes
from newsevents.newsml._foreign import ForeignEvent
from newsevents.newsml._plan import Located, Plan, located, plan_of, text_of
from newsevents.newsml._safe import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_ELEMENTS,
    element_path,
    line_of,
    local_name,
    parse,
)
from newsevents.newsml._schemes import ACTOR_KINDS, EXT, G2, NS, SCHEMES

__all__ = ["read"]


def _g(name: str) -> str:
    return f"{{{G2}}}{name}"


_ITEMS = frozenset(
    _g(name)
    for name in ("conceptItem", "knowledgeItem", "newsItem", "packageItem", "planningItem", "catalogItem")
)
_NEWS_MESSAGE = _g("newsMessage")
_ITEM_SET = _g("itemSet")
_EVENT_DETAILS = _g("eventDetails")
_CATALOG = _g("catalog")
_SCHEME = _g("scheme")
_CONCEPT = _g("concept")
_EVENT = _g("event")
_CONCEPT_ID = _g("conceptId")
_RELATED = _g("related")
_NAME = _g("name")
_DEFINITION = _g("definition")
_DATES = _g("dates")
_START = _g("start")
_LOCATION = _g("location")
_PARTICIPANT = _g("participant")
_BROADER = _g("broader")
_SAME_AS = _g("sameAs")
_PERSON_DETAILS = _g("personDetails")
_ORGANISATION_DETAILS = _g("organisationDetails")
_HOLDERS = (_CONCEPT, _EVENT)
_NEV_NAME = EXT("name")
_NEV_DATE = EXT("date")
_NS_PREFIX = f"{{{NS}}}"
_ISO_PREFIX = "iso3166-1a2:"
# ASCII digits and XML white space only, as XML Schema's date types.
_FOREIGN_DATE = re.compile(r"[ \t\r\n]*([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?:[T \t\r\nZ+-]|$)")
_GUID_PREFIX = "urn:newsevents:event:"
_CONCEPT_ITEM = _g("conceptItem")
_SPACE = re.compile(r"\s+")
#: An element's children as a list: ``element[:]``, the cheapest way lxml gives them
#: (building an lxml child iterator, ``iterchildren(tag)`` above all, costs more than a short loop).
_children: Callable[[etree._Element], list[etree._Element]] = operator.itemgetter(slice(None))


def _items(root: etree._Element) -> list[etree._Element]:
    tag = root.tag
    if tag in _ITEMS:
        return [root]
    if tag == _NEWS_MESSAGE:
        item_set = _first(root, _ITEM_SET)
        items = [] if item_set is None else [child for child in item_set if child.tag in _ITEMS]
        if not items:
            where = root if item_set is None else item_set
            raise DecodeError("the newsMessage holds no item", path=element_path(where), line=line_of(where))
        return items
    namespace = etree.QName(root).namespace if isinstance(tag, str) else None
    what = (
        f"root element {quote(local_name(tag))} in namespace {quote(namespace)}"
        if namespace != G2
        else f"root element {quote(local_name(tag))}"
    )
    raise DecodeError(
        f"not a NewsML-G2 item or newsMessage: {what}", path=element_path(root), line=line_of(root)
    )


def read(
    data: Any,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_elements: int | None = DEFAULT_MAX_ELEMENTS,
    max_depth: int | None = DEFAULT_MAX_DEPTH,
) -> list[Event]:
    """Read every event of a NewsML-G2 document; see `newsevents.newsml.from_newsml`."""
    root = parse(data, max_bytes=max_bytes, max_elements=max_elements, max_depth=max_depth)
    events: list[Event] = []
    items = _items(root)
    _unique_guids(items)
    # One pass over the document, not one tag iterator per item (building one costs more
    # than reading an event's type). The item holding an eventDetails is found by walking
    # up: lxml gives back the same element objects while they are held here.
    ours_of: dict[etree._Element, bool | None] = dict.fromkeys(items)
    for details in root.iter(_EVENT_DETAILS):
        holder = details.getparent()
        if holder is None or holder.tag not in _HOLDERS:
            continue  # an assert, or a part of something else: not an event of its own
        item: etree._Element | None = holder
        while item is not None and item not in ours_of:
            item = item.getparent()
        if item is None:
            continue  # outside every item (in the header, say)
        ours = ours_of[item]
        if ours is None:
            ours = ours_of[item] = _declares_our_schemes(item)
        events.append(_read_event(holder, details, item, ours))
    return events


def _unique_guids(items: list[etree._Element]) -> None:
    """Refuse a second item with the guid of an earlier one: a guid names one item."""
    seen: set[str] = set()
    for item in items:
        guid = item.get("guid")
        if guid is None:
            continue
        if guid in seen:
            raise DecodeError(
                f"a second item with the guid {quote(guid)}", path=element_path(item), line=line_of(item)
            )
        seen.add(guid)


def _declares_our_schemes(item: etree._Element) -> bool:
    """Whether the item's inline catalog gives ``nevtype`` our URI, so our QCodes mean what we say."""
    for catalog in _children(item):
        if catalog.tag == _CATALOG:
            for scheme in _children(catalog):
                if scheme.tag == _SCHEME and scheme.get("alias") == "nevtype":
                    return scheme.get("uri") == SCHEMES["nevtype"]
    return False


def _type_name(concept: etree._Element) -> tuple[str | None, etree._Element | None]:
    """The concept's event type name (or None), and its ``conceptId``; each at most once."""
    concept_id = name = None
    for child in _children(concept):
        tag = child.tag
        if tag == _CONCEPT_ID:
            if concept_id is not None:
                raise Located("a second conceptId", child)
            concept_id = child
        elif tag == _RELATED and child.get("rel") == "nevtrel:eventClass":
            if name is not None:
                raise Located("a second event class", child)
            qcode = child.get("qcode") or ""
            if not qcode.startswith("nevtype:"):
                raise Located(f"event class {quote(qcode)} is not a nevtype QCode", child)
            name = qcode[8:]
    return name, concept_id


def _read_event(holder: etree._Element, details: etree._Element, item: etree._Element, ours: bool) -> Event:
    try:
        name, concept_id = _type_name(holder) if ours and holder.tag == _CONCEPT else (None, None)
        if name is None:
            return _read_foreign(holder, details, item)
        cls = registry.types().get(name)
        if cls is None:
            raise DecodeError(f"unknown event type {quote(name)}; register it with @newsevents.register")
        event = adopt_derived_id(_read_ours(plan_of(cls, name), holder, details, concept_id))
        if item.tag == _CONCEPT_ITEM:
            guid = item.get("guid")
            if guid != _GUID_PREFIX + event.id:
                raise Located(
                    f"the item's guid {quote(guid)} disagrees with its conceptId nevt:{event.id}", item
                )
        return event
    except Located as error:
        raise located(error, holder) from None
    except NewsEventsError as error:
        if error.line is not None:
            raise
        raise located(error, holder) from None


# --------------------------------------------------------------------------- ours


def _only(element: etree._Element, tag: str) -> etree._Element | None:
    """The one child of ``element`` with ``tag``, or None; a second is refused."""
    found = None
    for child in _children(element):
        if child.tag == tag:
            if found is not None:
                raise Located(f"a second {local_name(tag)}", child)
            found = child
    return found


def _country(qcode: str | None, element: etree._Element) -> str:
    if qcode is None or not qcode.startswith(_ISO_PREFIX):
        raise Located(f"expected an iso3166-1a2 QCode, got {quote(qcode)}", element)
    return qcode[len(_ISO_PREFIX) :]


def _read_place(element: etree._Element) -> Place:
    qcode = element.get("qcode")
    if qcode is not None:
        return Place(None, country=_country(qcode, element))
    broader = _only(element, _BROADER)
    country = None if broader is None else _country(broader.get("qcode"), broader)
    name = _only(element, _NAME)
    text = None if name is None else text_of(name)
    exact = element.get(_NEV_NAME)
    if exact is None:
        if text is None:
            raise Located("missing name", element)
        exact = text
    return Place(exact, country=country)


_ACTORS: dict[tuple[str | None, ...], Actor] = {}
_ACTORS_MAX = 4096


def _read_actor(element: etree._Element, kind_qcode: str | None, exact: str | None) -> Actor:
    """The participant's actor; ``kind_qcode`` and ``exact`` are its ``type`` and ``nev:name``."""
    name: str | None = None
    title: str | None = None
    country: str | None = None
    related: etree._Element | None = None
    for child in _children(element):
        tag = child.tag
        if tag == _NAME:
            if name is not None:
                raise Located("a second name", child)
            name = text_of(child)
        elif tag == _DEFINITION:
            if title is not None:
                raise Located("a second definition", child)
            title = text_of(child)
        elif tag == _RELATED:
            if related is not None:
                raise Located("a second related", child)
            related = child
            country = child.get("qcode")
    key = (kind_qcode, exact, name, title, country)
    actor = _ACTORS.get(key)
    if actor is not None:
        return actor
    # Actors repeat across events; the same markup always gives the same (immutable) actor.
    kind = ACTOR_KINDS.get(kind_qcode or "")
    if kind is None:
        raise Located(f"unknown participant type {quote(kind_qcode)}", element)
    if exact is not None:
        name = exact
    if name is None:
        raise Located("missing name", element)
    if country is not None:
        country = _country(country, related)  # type: ignore[arg-type]  # related is set with country
    try:
        actor = Actor(name, kind, title=title, country=country)
    except NewsEventsError as error:
        raise located(error, element) from None
    if len(_ACTORS) >= _ACTORS_MAX:
        _ACTORS.clear()
    _ACTORS[key] = actor
    return actor


def _read_participant(
    plan: Plan, element: etree._Element, values: dict[str, Any], lists: dict[str, list[Actor]]
) -> None:
    kind_qcode = exact = roles = None
    # One call, where three get() cost more; parsed attribute values are always str.
    attributes: list[tuple[str, str]] = element.items()  # type: ignore[assignment]
    for attribute, value in attributes:
        if attribute == "role":
            roles = value
        elif attribute == "type":
            kind_qcode = value
        elif attribute == _NEV_NAME:
            exact = value
    actor = _read_actor(element, kind_qcode, exact)
    if roles is None:
        return
    for role in roles.split():
        if not role.startswith("nevtrole:"):
            continue
        field = plan.actors.get(role[9:])
        if field is None:
            raise Located(f"{plan.name} has no actor field {quote(role[9:])}", element)
        if field.many:
            lists[field.name].append(actor)
        elif field.name in values:
            raise Located(f"a second participant with the role {role}", element)
        else:
            values[field.name] = actor


def _first(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child of ``element`` with ``tag`` (``element.find(tag)``, without its path machinery)."""
    for child in _children(element):
        if child.tag == tag:
            return child
    return None


def _read_ours(
    plan: Plan, concept: etree._Element, details: etree._Element, concept_id: etree._Element | None = None
) -> Event:
    """
    Read one of our events; ``concept_id`` is the concept's first ``conceptId`` when already found.
    """
    if concept_id is None:
        concept_id = _first(concept, _CONCEPT_ID)
    qcode = "" if concept_id is None else concept_id.get("qcode") or ""
    if not qcode.startswith("nevt:") or qcode == "nevt:":
        # "nevt:" alone would be an id of "", which the model takes as "derive one".
        where = concept if concept_id is None else concept_id
        raise Located(f"expected a nevt conceptId with an id, got {quote(qcode)}", where)
    values: dict[str, Any] = {"id": qcode[5:]}
    lists: dict[str, list[Actor]] = {field.name: [] for field in plan.actor_lists}
    ext = plan.ext_by_tag
    for child in _children(details):
        tag = child.tag
        if tag == _PARTICIPANT:
            _read_participant(plan, child, values, lists)
        elif tag == _DATES:
            if plan.date:
                if "date" in values:
                    raise Located("a second dates", child)
                start = _only(child, _START)
                if start is None:
                    raise Located("missing dates/start", child)
                values["date"] = None if start.get(_NEV_DATE) == "unknown" else _date(start)
        elif tag == _LOCATION:
            if plan.location:
                if "location" in values:
                    raise Located("a second location", child)
                values["location"] = _read_place(child)
        elif type(tag) is str and tag.startswith(_NS_PREFIX):
            spec = ext.get(tag)
            if spec is None:
                raise Located(f"{plan.name} has no field {quote(local_name(tag))}", child)
            if spec.name in values and spec.name not in lists:
                raise Located(f"a second {quote(local_name(tag))}", child)
            try:
                values[spec.name] = spec.decode(child)
            except NewsEventsError as error:
                raise located(error, child) from None
    for field in plan.actor_lists:
        found = lists[field.name]
        if found:
            values[field.name] = tuple(found)
        elif field.name not in values:
            values[field.name] = None if field.optional else ()
    if plan.date and "date" not in values:
        raise Located("missing dates/start", details)
    if not plan.required <= values.keys():
        missing = sorted(plan.required - values.keys())
        raise Located(f"{plan.name} is missing its required field(s) {', '.join(missing)}", details)
    if plan.absent:
        # What is written for nothing: one C-level merge, the fields read taking precedence.
        values = {**plan.absent, **values}
    return plan.cls(**values)


def _date(start: etree._Element) -> PartialDate:
    try:
        return PartialDate.parse(text_of(start))
    except NewsEventsError as error:
        raise located(error, start) from None


# --------------------------------------------------------------------------- others'


def _plain(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = _SPACE.sub(" ", "".join(str(part) for part in element.itertext())).strip()
    return text or None


def _foreign_date(details: etree._Element) -> PartialDate | None:
    start = details.find(f"{_DATES}/{_START}")
    if start is None or not start.text:
        return None
    found = _FOREIGN_DATE.match(start.text)
    if found is None:
        return None
    year, month, day = (None if part is None else int(part) for part in found.groups())
    try:
        return PartialDate(year or 0, month, day)
    except NewsEventsError:
        return None


def _foreign_country(element: etree._Element) -> str | None:
    codes = country_codes()
    for candidate in (element, *element.iterchildren(_BROADER, _RELATED, _SAME_AS)):
        qcode = candidate.get("qcode") or ""
        if qcode.startswith(_ISO_PREFIX) and qcode[len(_ISO_PREFIX) :] in codes:
            return qcode[len(_ISO_PREFIX) :]
    return None


def _foreign_place(details: etree._Element) -> Place | None:
    location = details.find(_LOCATION)
    if location is None:
        return None
    name = _plain(location.find(_NAME)) or location.get("literal")
    country = _foreign_country(location)
    if name is None and country is None:
        return None
    return Place(name, country=country)


def _foreign_actor(element: etree._Element) -> Actor | None:
    name = _plain(element.find(_NAME)) or (element.get("literal") or "").strip()
    if not name:
        return None
    kind = ACTOR_KINDS.get(element.get("type") or "")
    if kind is None:
        kind = ActorKind.ORGANIZATION if element.find(_ORGANISATION_DETAILS) is not None else ActorKind.PERSON
    return Actor(name, kind, title=_plain(element.find(_DEFINITION)), country=_foreign_country(element))


def _read_foreign(holder: etree._Element, details: etree._Element, item: etree._Element) -> Event:
    concept_id = holder.find(_CONCEPT_ID)
    concept = None if concept_id is None else concept_id.get("qcode") or concept_id.get("uri")
    participants = []
    for element in details.iterchildren(_PARTICIPANT):
        actor = _foreign_actor(element)
        if actor is not None:
            participants.append(actor)
    guid = item.get("guid")
    return ForeignEvent(
        name=_plain(holder.find(_NAME)) or "",
        definition=_plain(holder.find(_DEFINITION)),
        concept=concept,
        participants=tuple(participants),
        date=_foreign_date(details),
        location=_foreign_place(details),
        source=guid,
    )
