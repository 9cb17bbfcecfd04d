"""
Writing events as a NewsML-G2 ``newsMessage``: one ``conceptItem`` per event, and
optionally a ``newsItem`` for the article they come from.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from newsevents import registry
from newsevents.errors import EncodeError, NewsEventsError
from newsevents.model import Actor, Event, Place
from newsevents.newsml._article import ArticleLike, ArticleMeta, article_meta
from newsevents.newsml._plan import Plan, plan_of
from newsevents.newsml._schemes import EXT, G2, IPTC_CATALOG, KIND_QCODES, NS, SCHEMES, XML_NS

__all__ = ["write"]

_NSMAP = {None: G2, "nev": NS}
_LANG = f"{{{XML_NS}}}lang"
_NEV_NAME = EXT("name")
_NEV_DATE = EXT("date")
_QCODE = re.compile(r"[^\s:]+:\S+")
# XML Schema's g2normalizedString (names, literals) refuses tab, line feed and carriage return.
_NOT_NORMALIZED = re.compile("[\t\n\r]")


def _g(name: str) -> str:
    return f"{{{G2}}}{name}"


CONCEPT_ITEM = _g("conceptItem")
NEWS_ITEM = _g("newsItem")
_CATALOG_REF = _g("catalogRef")
_CATALOG = _g("catalog")
_SCHEME = _g("scheme")
_ITEM_META = _g("itemMeta")
_ITEM_CLASS = _g("itemClass")
_PROVIDER = _g("provider")
_VERSION_CREATED = _g("versionCreated")
_PUB_STATUS = _g("pubStatus")
_CONCEPT = _g("concept")
_CONCEPT_ID = _g("conceptId")
_TYPE = _g("type")
_NAME = _g("name")
_DEFINITION = _g("definition")
_RELATED = _g("related")
_BROADER = _g("broader")
_EVENT_DETAILS = _g("eventDetails")
_DATES = _g("dates")
_START = _g("start")
_SUBJECT = _g("subject")
_LOCATION = _g("location")
_PARTICIPANT = _g("participant")


class _Context:
    """What every item of one document shares."""

    def __init__(
        self,
        *,
        version: int,
        version_created: datetime.datetime,
        provider: str,
        language: str,
        unknown_date_bound: str,
    ) -> None:
        self.item_attrib = {
            "version": str(version),
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
            _LANG: language,
        }
        self.version_created = version_created.isoformat()
        self.provider = ("qcode", provider) if _QCODE.fullmatch(provider) else ("literal", provider)
        self.unknown_date_bound = unknown_date_bound

    def start_item(self, parent: etree._Element, tag: str, guid: str, item_class: str) -> etree._Element:
        sub = etree.SubElement
        attrib = {"guid": guid, **self.item_attrib}
        item = sub(parent, tag, attrib)
        sub(item, _CATALOG_REF, href=IPTC_CATALOG)
        catalog = sub(item, _CATALOG)
        for alias, uri in SCHEMES.items():
            sub(catalog, _SCHEME, alias=alias, uri=uri)
        meta = sub(item, _ITEM_META)
        sub(meta, _ITEM_CLASS, qcode=item_class)
        key, value = self.provider
        sub(meta, _PROVIDER, {key: value})
        sub(meta, _VERSION_CREATED).text = self.version_created
        sub(meta, _PUB_STATUS, qcode="stat:usable")
        return item


def _normalized(text: str) -> str:
    return _NOT_NORMALIZED.sub(" ", text)


def _set_name(element: etree._Element, text: str) -> None:
    """Write ``text`` as the ``name`` child; keep it exactly in ``nev:name`` if XSD would refuse it."""
    if _NOT_NORMALIZED.search(text):
        element.set(_NEV_NAME, text)
        text = _normalized(text)
    etree.SubElement(element, _NAME).text = text


def _write_place(parent: etree._Element, place: Place) -> None:
    sub = etree.SubElement
    location = sub(parent, _LOCATION, type="cpnat:geoArea")
    if place.name is None:
        location.set("qcode", f"iso3166-1a2:{place.country}")
        return
    _set_name(location, place.name)
    if place.country is not None:
        sub(location, _BROADER, type="cpnat:geoArea", qcode=f"iso3166-1a2:{place.country}")


def _write_actor(parent: etree._Element, actor: Actor, role: str) -> etree._Element:
    sub = etree.SubElement
    participant = sub(parent, _PARTICIPANT, type=KIND_QCODES[actor.kind], role=role)
    _set_name(participant, actor.name)
    if actor.title is not None:
        sub(participant, _DEFINITION).text = actor.title
    if actor.country is not None:
        sub(participant, _RELATED, rel="nevtrel:country", qcode=f"iso3166-1a2:{actor.country}")
    return participant


def _write_participants(details: etree._Element, event: Event, plan: Plan) -> list[str]:
    """
    Write the actors, returning their names in order.

    Lists first, one participant per item; then single actors, each merged into the
    participant of an equal actor already written (one more role), or written anew.
    """
    names: list[str] = []
    written: dict[Actor, etree._Element] = {}
    for field in plan.actor_lists:
        actors = getattr(event, field.name)
        if actors:
            role = f"nevtrole:{field.name}"
            for actor in actors:
                written.setdefault(actor, _write_actor(details, actor, role))
                names.append(actor.name)
    for field in plan.actor_singles:
        actor = getattr(event, field.name)
        if actor is None:
            continue
        role = f"nevtrole:{field.name}"
        participant = written.get(actor)
        if participant is None:
            written[actor] = _write_actor(details, actor, role)
            names.append(actor.name)
        else:
            participant.set("role", f"{participant.get('role')} {role}")
    return names


def _concept_name(plan: Plan, event: Event, names: list[str]) -> str:
    label = type(event).codes.label
    text = label[:1].upper() + label[1:]
    if names:
        text += ": " + ", ".join(names)
    if event.date is not None:
        text += f" ({event.date.isoformat()})"
    return _normalized(text)


def _write_event(parent: etree._Element, event: Event, plan: Plan, ctx: _Context) -> etree._Element:
    sub = etree.SubElement
    item = ctx.start_item(parent, CONCEPT_ITEM, f"urn:newsevents:event:{event.id}", "cinat:concept")
    concept = sub(item, _CONCEPT)
    sub(concept, _CONCEPT_ID, qcode=f"nevt:{event.id}")
    sub(concept, _TYPE, qcode="cpnat:event")
    name = sub(concept, _NAME)
    definition = sub(concept, _DEFINITION)
    evidence = event.evidence
    if evidence is not None and evidence.text.strip():
        definition.text = evidence.text
    else:
        definition.text = type(event).codes.definition
    sub(concept, _RELATED, rel="nevtrel:eventClass", qcode=plan.type_qcode)
    details = sub(concept, _EVENT_DETAILS)

    start = sub(sub(details, _DATES), _START)
    date = event.date if plan.date else None
    if date is not None:
        start.text = date.isoformat()
    else:
        bound = ctx.unknown_date_bound
        start.text = bound
        start.set("approxend", bound)
        start.set(_NEV_DATE, "unknown")

    for topic in event.media_topics():
        if type(topic) is not str or _QCODE.fullmatch(topic) is None:
            raise EncodeError(f"media topic {topic!r} is not a QCode", path="$.media_topics()")
        sub(details, _SUBJECT, type="cpnat:abstract", qcode=topic)

    if plan.location and event.location is not None:
        _write_place(details, event.location)

    names = _write_participants(details, event, plan)

    actor_fields = plan.actors
    for ext in plan.ext:
        value = getattr(event, ext.name)
        if value is None or (ext.name in actor_fields and value != ()):
            continue
        ext.encode(sub(details, ext.tag), value)

    name.text = _concept_name(plan, event, list(dict.fromkeys(names)))
    return item


def _write_article(parent: etree._Element, article: ArticleMeta, events: list[Event], ctx: _Context) -> None:
    sub = etree.SubElement
    item = ctx.start_item(parent, NEWS_ITEM, article.guid, "ninat:text")
    meta = sub(item, _g("contentMeta"))
    if article.published is not None:
        sub(meta, _g("contentCreated")).text = article.published.isoformat()
    topics: dict[str, None] = {}
    for event in events:
        topics.update(dict.fromkeys(event.media_topics()))
    for topic in topics:
        sub(meta, _SUBJECT, type="cpnat:abstract", qcode=topic)
    for event in events:
        sub(meta, _SUBJECT, type="cpnat:event", qcode=f"nevt:{event.id}")
    if article.headline is not None:
        sub(meta, _g("headline")).text = article.headline
    if article.dateline is not None:
        sub(meta, _g("dateline")).text = article.dateline
    content = sub(sub(item, _g("contentSet")), _g("inlineData"), contenttype="text/plain")
    if article.text:
        content.text = article.text


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


def write(
    events: Event | Iterable[Event],
    *,
    article: str | ArticleLike | None,
    version: int,
    version_created: datetime.datetime | None,
    provider: str,
    language: str,
) -> etree._Element:
    """Build the ``newsMessage`` element; see `newsevents.newsml.to_newsml`."""
    if type(version) is not int or version < 1:
        raise EncodeError(f"version must be a positive integer, got {version!r}")
    if version_created is None:
        version_created = _utc_now()
    elif not isinstance(version_created, datetime.datetime) or version_created.utcoffset() is None:
        raise EncodeError(
            "version_created must be a timezone-aware datetime, "
            f"e.g. datetime.now(timezone.utc); got {version_created!r}"
        )
    if type(provider) is not str or not provider.strip() or _NOT_NORMALIZED.search(provider):
        raise EncodeError(f"provider must be a non-blank single-line string, got {provider!r}")
    if type(language) is not str or not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", language):
        raise EncodeError(f"language must be a BCP 47 tag like 'en', got {language!r}")
    meta = None if article is None else article_meta(article)

    items = [events] if isinstance(events, Event) else events
    checked: list[tuple[Event, Plan]] = []
    for index, event in enumerate(items):
        if not isinstance(event, Event):
            raise EncodeError(f"expected an Event, got {type(event).__name__}", path=f"$[{index}]")
        cls = type(event)
        name = registry.name_of(cls)
        if name is None:
            raise EncodeError(
                f"{cls.__module__}.{cls.__qualname__} is not a registered event type; "
                "decorate it with @newsevents.register",
                path=f"$[{index}]",
            )
        try:
            checked.append((event, plan_of(cls, name)))
        except NewsEventsError as error:
            raise error.at(f"$[{index}]") from None

    if not checked and meta is None:
        raise EncodeError("nothing to write: a newsMessage needs an event or an article", path="$")
    published = None if meta is None else meta.published
    bound = (published or version_created.date()).isoformat()
    ctx = _Context(
        version=version,
        version_created=version_created,
        provider=provider,
        language=language,
        unknown_date_bound=bound,
    )
    sub = etree.SubElement
    root = etree.Element(_g("newsMessage"), nsmap=_NSMAP)  # type: ignore[arg-type]
    header = sub(root, _g("header"))
    sub(header, _g("sent")).text = ctx.version_created
    sub(header, _g("sender")).text = provider
    item_set = sub(root, _g("itemSet"))
    if meta is not None:
        _write_article(item_set, meta, [event for event, _ in checked], ctx)
    for index, (event, plan) in enumerate(checked):
        try:
            _write_event(item_set, event, plan, ctx)
        except NewsEventsError as error:
            raise error.at(f"$[{index}]") from None
    return root


def serialise(root: etree._Element, *, pretty: bool) -> bytes:
    """The document's bytes, UTF-8 with an XML declaration."""
    data: Any = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=pretty)
    return bytes(data)
