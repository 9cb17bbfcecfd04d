"""
Writing events as a NewsML-G2 ``newsMessage``: one ``conceptItem`` per event, and
optionally a ``newsItem`` for the article they come from.
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Iterable
from typing import Any

from lxml import etree

from newsevents import registry
from newsevents._text import quote
from newsevents.errors import EncodeError, NewsEventsError
from newsevents.model import Actor, Codes, Event, Place, carriable, check_text
from newsevents.newsml._article import ArticleLike, ArticleMeta, article_meta
from newsevents.newsml._markup import attr, text
from newsevents.newsml._plan import Plan, plan_of
from newsevents.newsml._safe import parse
from newsevents.newsml._schemes import G2, IPTC_CATALOG, KIND_QCODES, NS, SCHEMES

__all__ = ["pretty", "write"]

_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"
# XML Schema's \s is ASCII white space, so re.ASCII; what XML cannot carry is checked apart.
_QCODE = re.compile(r"[^\s:]+:\S+", re.ASCII)
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_MINUTE = datetime.timedelta(minutes=1)
#: XML Schema's nonNegativeInteger has no bound, but an int this large is surely a mistake.
_MAX_VERSION = 2**63 - 1
# XML Schema's g2normalizedString (names, literals) refuses tab, line feed and carriage return.
_NOT_NORMALIZED = re.compile("[\t\n\r]")


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
        # The base class's method: a subclass's own isoformat could write anything.
        self.version_created = datetime.datetime.isoformat(version_created)
        self.item_attributes = (
            f' version="{version}" standard="NewsML-G2" standardversion="2.35"'
            f' conformance="power" xml:lang="{attr(language)}"'
        )
        key = "qcode" if _QCODE.fullmatch(provider) else "literal"
        self.provider = f'<provider {key}="{attr(provider)}"/>'
        self.unknown_date_bound = unknown_date_bound
        self._heads: dict[str, str] = {}

    def head(self, item_class: str) -> str:
        """The catalogRef, catalog and itemMeta every item of this class starts with."""
        head = self._heads.get(item_class)
        if head is None:
            head = self._heads[item_class] = (
                f'<catalogRef href="{IPTC_CATALOG}"/>{_CATALOG}<itemMeta><itemClass qcode="{item_class}"/>'
                f"{self.provider}<versionCreated>{self.version_created}</versionCreated>"
                '<pubStatus qcode="stat:usable"/></itemMeta>'
            )
        return head


_CATALOG = (
    "<catalog>" + "".join(f'<scheme alias="{a}" uri="{u}"/>' for a, u in SCHEMES.items()) + "</catalog>"
)


def _normalized(value: str) -> str:
    return _NOT_NORMALIZED.sub(" ", value)


def _name_parts(value: str) -> tuple[str, str]:
    """
    The attribute keeping a name exactly, if needed, and the ``name`` element.

    XML Schema refuses tab, line feed and carriage return in a ``name``; such a name is
    written with them as spaces, and kept exactly in ``nev:name``.
    """
    if _NOT_NORMALIZED.search(value) is None:
        return "", f"<name>{text(value)}</name>"
    return f' nev:name="{attr(value)}"', f"<name>{text(_normalized(value))}</name>"


def _place(place: Place) -> str:
    if place.name is None:
        return f'<location type="cpnat:geoArea" qcode="iso3166-1a2:{place.country}"/>'
    exact, name = _name_parts(place.name)
    broader = (
        ""
        if place.country is None
        else f'<broader type="cpnat:geoArea" qcode="iso3166-1a2:{place.country}"/>'
    )
    return f'<location type="cpnat:geoArea"{exact}>{name}{broader}</location>'


class _Participant:
    """One participant being written: its actor and roles, rendered at the end."""

    __slots__ = ("actor", "roles")

    def __init__(self, actor: Actor, role: str) -> None:
        self.actor = actor
        self.roles = [role]

    def render(self) -> str:
        actor = self.actor
        exact, name = _name_parts(actor.name)
        title = "" if actor.title is None else f"<definition>{text(actor.title)}</definition>"
        country = (
            ""
            if actor.country is None
            else f'<related rel="nevtrel:country" qcode="iso3166-1a2:{actor.country}"/>'
        )
        return (
            f'<participant type="{KIND_QCODES[actor.kind]}" role="{" ".join(self.roles)}"{exact}>'
            f"{name}{title}{country}</participant>"
        )


def _participants(event: Event, plan: Plan) -> list[_Participant]:
    """
    The participants of ``event``, in order.

    Lists first, one participant per item; then single actors, each merged into the
    participant of an equal actor already written (one more role), or written anew.
    """
    written: list[_Participant] = []
    first: dict[Actor, _Participant] = {}
    for field in plan.actor_lists:
        actors = getattr(event, field.name)
        if actors:
            role = f"nevtrole:{field.name}"
            for actor in actors:
                participant = _Participant(actor, role)
                written.append(participant)
                first.setdefault(actor, participant)
    for field in plan.actor_singles:
        actor = getattr(event, field.name)
        if actor is None:
            continue
        role = f"nevtrole:{field.name}"
        found = first.get(actor)
        if found is None:
            found = first[actor] = _Participant(actor, role)
            written.append(found)
        else:
            found.roles.append(role)
    return written


_CODES_CHECKED: dict[type, Codes] = {}


def _codes(cls: type[Event]) -> Codes:
    """
    The type's `Codes`, its label and definition checked as the model checks its strings.

    Checked when an event of the type is first written (and again if the class's codes
    change), not at registration: only the NewsML-G2 writer puts them in a document.
    """
    codes: Any = getattr(cls, "codes", None)
    if _CODES_CHECKED.get(cls) is codes:
        return typing.cast("Codes", codes)
    if not isinstance(codes, Codes):
        raise EncodeError(f"{cls.__name__}.codes must be a newsevents.Codes, got {type(codes).__name__}")
    for name in ("label", "definition"):
        try:
            check_text(getattr(codes, name), name)
        except NewsEventsError as error:
            raise EncodeError(f"{cls.__name__}.codes.{name}: {error.message}") from None
    _CODES_CHECKED[cls] = codes
    return codes


def _media_topics(event: Event) -> tuple[str, ...]:
    """The event's Media Topics, each a QCode XML can carry."""
    topics: Any = event.media_topics()
    if type(topics) is not tuple:
        if not isinstance(topics, tuple | list):
            raise EncodeError(
                f"media_topics() must return a tuple of QCodes, got {type(topics).__name__}",
                path="$.media_topics()",
            )
        topics = tuple(topics)
    for topic in topics:
        if type(topic) is not str or _QCODE.fullmatch(topic) is None or not carriable(topic):
            raise EncodeError(f"media topic {quote(topic)} is not a QCode", path="$.media_topics()")
    return typing.cast("tuple[str, ...]", topics)


def _concept_name(event: Event, participants: list[_Participant]) -> str:
    label = _codes(type(event)).label
    name = label[:1].upper() + label[1:]
    if participants:
        name += ": " + ", ".join(dict.fromkeys(p.actor.name for p in participants))
    if event.date is not None:
        name += f" ({event.date.isoformat()})"
    return text(_normalized(name))


def _event(parts: list[str], event: Event, plan: Plan, topics: tuple[str, ...], ctx: _Context) -> None:
    ident = event.id
    evidence = event.evidence
    if evidence is not None and evidence.text.strip():
        definition = evidence.text
    else:
        definition = _codes(type(event)).definition
    date = event.date if plan.date else None
    if date is not None:
        start = f"<start>{date.isoformat()}</start>"
    else:
        bound = ctx.unknown_date_bound
        start = f'<start approxend="{bound}" nev:date="unknown">{bound}</start>'
    participants = _participants(event, plan)
    parts.append(
        f'<conceptItem guid="urn:newsevents:event:{ident}"{ctx.item_attributes}>'
        f"{ctx.head('cinat:concept')}"
        f'<concept><conceptId qcode="nevt:{ident}"/><type qcode="cpnat:event"/>'
        f"<name>{_concept_name(event, participants)}</name>"
        f"<definition>{text(definition)}</definition>"
        f'<related rel="nevtrel:eventClass" qcode="{plan.type_qcode}"/>'
        f"<eventDetails><dates>{start}</dates>"
    )
    for topic in topics:
        parts.append(f'<subject type="cpnat:abstract" qcode="{attr(topic)}"/>')
    if plan.location and event.location is not None:
        parts.append(_place(event.location))
    parts.extend([participant.render() for participant in participants])
    actor_fields = plan.actors
    for ext in plan.ext:
        value = getattr(event, ext.name)
        if value is None or (ext.name in actor_fields and value != ()):
            continue
        parts.append(ext.write(ext.qname, value))
    parts.append("</eventDetails></concept></conceptItem>")


def _article(
    parts: list[str], article: ArticleMeta, events: list[tuple[Event, Plan, tuple[str, ...]]], ctx: _Context
) -> None:
    parts.append(f'<newsItem guid="{attr(article.guid)}"{ctx.item_attributes}>{ctx.head("ninat:text")}')
    parts.append("<contentMeta>")
    if article.published is not None:
        parts.append(f"<contentCreated>{article.published.isoformat()}</contentCreated>")
    topics: dict[str, None] = {}
    for _, _, event_topics in events:
        topics.update(dict.fromkeys(event_topics))
    parts.extend([f'<subject type="cpnat:abstract" qcode="{attr(topic)}"/>' for topic in topics])
    parts.extend([f'<subject type="cpnat:event" qcode="nevt:{event.id}"/>' for event, _, _ in events])
    if article.headline is not None:
        parts.append(f"<headline>{text(article.headline)}</headline>")
    if article.dateline is not None:
        parts.append(f"<dateline>{text(article.dateline)}</dateline>")
    content = text(article.text)
    inline = '<inlineData contenttype="text/plain"'
    inline += f">{content}</inlineData>" if content else "/>"
    parts.append(f"</contentMeta><contentSet>{inline}</contentSet></newsItem>")


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
) -> bytes:
    """Write the ``newsMessage``; see `newsevents.newsml.to_newsml`."""
    if type(version) is not int or not 1 <= version <= _MAX_VERSION:
        raise EncodeError(f"version must be an integer in 1..{_MAX_VERSION}, got {quote(version)}")
    if version_created is None:
        version_created = _utc_now()
    elif not isinstance(version_created, datetime.datetime) or version_created.utcoffset() is None:
        raise EncodeError(
            "version_created must be a timezone-aware datetime, "
            f"e.g. datetime.now(timezone.utc); got {quote(version_created)}"
        )
    elif version_created.utcoffset() % _MINUTE:  # type: ignore[operator]
        raise EncodeError(
            f"version_created must be offset from UTC by whole minutes, got {version_created.utcoffset()}"
        )
    if type(provider) is not str or not provider.strip() or _NOT_NORMALIZED.search(provider):
        raise EncodeError(f"provider must be a non-blank single-line string, got {quote(provider)}")
    try:
        check_text(provider, "provider")  # the model's check of its own strings
    except NewsEventsError as error:
        raise EncodeError(f"provider: {error.message}") from None
    if type(language) is not str or not _LANGUAGE.fullmatch(language):
        raise EncodeError(f"language must be a BCP 47 tag like 'en', got {quote(language)}")
    meta = None if article is None else article_meta(article)

    items = [events] if isinstance(events, Event) else events
    checked: list[tuple[Event, Plan, tuple[str, ...]]] = []
    first: dict[str, int] = {}
    for index, event in enumerate(items):
        if not isinstance(event, Event):
            raise EncodeError(f"expected an Event, got {type(event).__name__}", path=f"$[{index}]")
        earlier = first.setdefault(event.id, index)
        if earlier != index:
            # Each event is an item, and a guid names one item.
            raise EncodeError(
                f"a second event with the id {quote(event.id)} (the first is $[{earlier}])",
                path=f"$[{index}]",
            )
        cls = type(event)
        name = registry.registered_name(cls, path=f"$[{index}]")
        try:
            _codes(cls)
            checked.append((event, plan_of(cls, name), _media_topics(event)))
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
    parts = [
        _DECLARATION,
        f'<newsMessage xmlns="{G2}" xmlns:nev="{NS}"><header><sent>{ctx.version_created}</sent>'
        f"<sender>{text(provider)}</sender></header><itemSet>",
    ]
    if meta is not None:
        _article(parts, meta, checked, ctx)
    for index, (event, plan, topics) in enumerate(checked):
        try:
            _event(parts, event, plan, topics, ctx)
        except NewsEventsError as error:
            raise error.at(f"$[{index}]") from None
    parts.append("</itemSet></newsMessage>")
    return "".join(parts).encode("utf-8")


def pretty(document: bytes) -> bytes:
    """The same document, indented for people to read (values are unaffected)."""
    root = parse(document, max_bytes=len(document), max_elements=None, max_depth=None)
    data: Any = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return bytes(data)
