"""
The value types every event is built from, and the `Event` base class.

All classes are frozen, slotted attrs classes. Each rule a value must satisfy is declared
once, by the field's type and metadata (`newsevents._fields`), or, when it ties fields
together, in the class's ``_invariant`` method, which the check runs after the fields'
rules. Construction checks them all and raises `newsevents.errors.ValidationError` with
the field path, so an instance that exists is one every codec can write; the codecs build
every value through these same checks.
"""

from __future__ import annotations

import datetime
import enum
import re
from functools import total_ordering
from typing import Any, ClassVar, Self

import attrs

from newsevents._fields import (
    MAX_INT,
    carriable,
    check,
    check_int,
    check_text,
    country_codes,
    value_type,
)
from newsevents._text import quote
from newsevents.errors import ValidationError
from newsevents.identity import DerivedId, derive_id, looks_derived

__all__ = [
    "BASE_FIELDS",
    "ID_PATTERN",
    "ISO_DATE",
    "MAX_INT",
    "Actor",
    "ActorKind",
    "Codes",
    "Count",
    "CountQualifier",
    "DerivedId",
    "Event",
    "Evidence",
    "PartialDate",
    "Place",
    "adopt_derived_id",
    "carriable",
    "check_int",
    "check_text",
    "country_codes",
    "country_name",
]


def country_name(code: str) -> str:
    """Return the short English name of a country code (``"RU"`` gives ``"Russia"``)."""
    try:
        return country_codes()[code]
    except KeyError:
        raise ValidationError(f"unknown ISO 3166-1 alpha-2 country code {quote(code)}") from None


#: The metadata of a string that must not be empty or blank.
_NAME: dict[str, Any] = {"blank": False}
#: The metadata of an ISO 3166-1 alpha-2 code.
_COUNTRY: dict[str, Any] = {"country": True}
#: The metadata of an offset or a count.
_NATURAL: dict[str, Any] = {"minimum": 0}


# --------------------------------------------------------------------------- dates

#: The ISO 8601 forms of a `PartialDate`, ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` (ASCII digits
#: only, as the XSD's: ``\d`` would match "٢٠١٩" and "２０１９"); the JSON Schema's pattern is this.
ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month]


@value_type
@total_ordering
@attrs.frozen(order=False)
class PartialDate:
    """
    A calendar date truncated to the precision the source supports.

    ``PartialDate(2019)`` is "2019", ``PartialDate(2019, 10)`` is "2019-10" and
    ``PartialDate(2019, 10, 5)`` is "2019-10-05". Dates are hashable and ordered by
    ``(year, month or 0, day or 0)``, so "2019" sorts before "2019-01".

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or None for a year.
        day: The day of the month, or None for a year or a month.

    Raises:
        ValidationError: For an impossible date (month 13, February 30, a day without a month).
    """

    year: int = attrs.field(metadata={"minimum": 1, "maximum": 9999})
    month: int | None = attrs.field(default=None, metadata={"minimum": 1, "maximum": 12})
    day: int | None = attrs.field(default=None, metadata={"minimum": 1, "maximum": 31})

    __attrs_post_init__ = check

    def _invariant(self) -> None:
        """A day needs a month, and lies in it (`check` runs this after the fields' rules)."""
        day = self.day
        if day is not None:
            month = self.month
            if month is None:
                raise ValidationError("a day needs a month", path="$.day")
            if day > 28 and day > _days_in(self.year, month):
                check_int(day, "day", low=1, high=_days_in(self.year, month))

    @classmethod
    def parse(cls, text: str) -> Self:
        """
        Parse an ISO 8601 calendar date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits).

        Raises:
            ValidationError: When ``text`` is not one of those forms or not a real date.
        """
        if type(text) is not str:
            raise ValidationError(f"expected an ISO date string, got {type(text).__name__}")
        found = ISO_DATE.fullmatch(text)
        if found is None:
            raise ValidationError(f"{quote(text)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = found.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: datetime.date) -> Self:
        """Return the day-precision date of a `datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def isoformat(self) -> str:
        """The ISO 8601 form at this date's precision: ``"2019"``, ``"2019-10"``, ``"2019-10-05"``."""
        month, day = self.month, self.day
        if day is not None:
            return "%04d-%02d-%02d" % (self.year, month or 0, day)  # noqa: UP031 (twice as fast as f-strings)
        if month is not None:
            return "%04d-%02d" % (self.year, month)  # noqa: UP031
        return "%04d" % self.year  # noqa: UP031

    def to_date(self) -> datetime.date | None:
        """The `datetime.date` for a day-precision date, else None."""
        if self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return self.isoformat()


# --------------------------------------------------------------------------- actors and places


class ActorKind(enum.StrEnum):
    """What an actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"


@value_type
@attrs.frozen
class Actor:
    """
    Someone who takes part in an event: a person, an organization, a country or a group.

    Args:
        name: The most complete form of the name the source gives ("Benjamin Netanyahu"),
            or for unnamed groups the source's description ("11 police officers").
        kind: What the actor is.
        title: The title the source gives ("Prime Minister"), or None.
        country: The ISO 3166-1 alpha-2 code of the actor's country, or None.
    """

    name: str = attrs.field(metadata=_NAME)
    kind: ActorKind
    title: str | None = attrs.field(default=None, kw_only=True, metadata=_NAME)
    country: str | None = attrs.field(default=None, kw_only=True, metadata=_COUNTRY)

    __attrs_post_init__ = check

    @classmethod
    def person(cls, name: str, *, title: str | None = None, country: str | None = None) -> Self:
        """A person: ``Actor.person("Vladimir Putin", title="President", country="RU")``."""
        return cls(name, ActorKind.PERSON, title=title, country=country)

    @classmethod
    def organization(cls, name: str, *, country: str | None = None) -> Self:
        """An organization: a court, a government body, a company, an NGO, an armed group's army."""
        return cls(name, ActorKind.ORGANIZATION, country=country)

    @classmethod
    def state(cls, code: str, *, name: str | None = None) -> Self:
        """A country acting as a state, by ISO code: ``Actor.state("RU")`` is named "Russia"."""
        return cls(country_name(code) if name is None else name, ActorKind.COUNTRY, country=code)

    @classmethod
    def group(cls, name: str, *, country: str | None = None) -> Self:
        """A group of people, named as the source describes it ("12 other defendants")."""
        return cls(name, ActorKind.GROUP, country=country)


@value_type
@attrs.frozen
class Place:
    """
    Where an event happened: a place name, a country code, or both.

    Raises:
        ValidationError: When both are None.
    """

    name: str | None = attrs.field(default=None, metadata=_NAME)
    country: str | None = attrs.field(default=None, kw_only=True, metadata=_COUNTRY)

    __attrs_post_init__ = check

    def _invariant(self) -> None:
        """A name, a country, or both (`check` runs this after the fields' rules)."""
        if self.name is None and self.country is None:
            raise ValidationError("a place needs a name, a country, or both", path="$")


@value_type
@attrs.frozen
class Evidence:
    """
    The exact source text that states an event.

    Args:
        text: The text, exactly as in the source: ``article[start:end] == text``.
        start: Character offset of the text's first character in the article.
        end: Character offset just past the text's last character.
        rule: The recogniser rule that produced the event, or None for events built by hand.

    Raises:
        ValidationError: When the offsets are negative, reversed, or do not span ``len(text)``.
    """

    text: str
    start: int = attrs.field(metadata=_NATURAL)
    end: int = attrs.field(metadata=_NATURAL)
    #: Not part of an event's id: renaming a rule keeps every id.
    rule: str | None = attrs.field(default=None, kw_only=True, metadata={**_NAME, "in_id": False})

    __attrs_post_init__ = check

    def _invariant(self) -> None:
        """The offsets span the text (`check` runs this after the fields' rules)."""
        if self.end - self.start != len(self.text):
            raise ValidationError(
                f"offsets {self.start}..{self.end} span {self.end - self.start} characters "
                f"but the text has {len(self.text)}",
                path="$.end",
            )


# --------------------------------------------------------------------------- counts


class CountQualifier(enum.StrEnum):
    """How a count relates to the number the source gives."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    FEWER_THAN = "fewer_than"
    ABOUT = "about"
    #: An order of magnitude: "hundreds" is ``Count(100, CountQualifier.ORDER)``.
    ORDER = "order"


@value_type
@attrs.frozen
class Count:
    """
    A number of things as the source states it, without inventing precision.

    ``Count(12)`` is exactly twelve, ``Count(12, CountQualifier.AT_LEAST)`` "at least 12",
    ``Count(100, CountQualifier.ORDER)`` "hundreds".
    """

    value: int = attrs.field(metadata=_NATURAL)
    qualifier: CountQualifier = CountQualifier.EXACT

    __attrs_post_init__ = check

    @property
    def exact(self) -> bool:
        """Whether the source gives the number exactly."""
        return self.qualifier is CountQualifier.EXACT


# --------------------------------------------------------------------------- events


@attrs.frozen
class Codes:
    """
    An event type's codes in the established event ontologies, as class-level metadata.

    Args:
        label: A short human name for the type ("phone call").
        definition: One sentence saying what the type covers.
        ace: ACE 2005 event type and subtype ("Contact:Phone-Write"), or None.
        cameo: CAMEO code and label ("041 Discuss by telephone"), or None.
        plover: PLOVER event type and mode ("CONSULT, mode phone"), or None.
        acled: ACLED event type and sub-event type, or None.
        media_topics: IPTC Media Topic QCodes ("medtop:20000639") that always apply.
    """

    label: str
    definition: str
    ace: str | None = None
    cameo: str | None = None
    plover: str | None = None
    acled: str | None = None
    media_topics: tuple[str, ...] = ()


#: The pattern of an event id: QCode-safe, 1 to 64 characters.
ID_PATTERN = r"[A-Za-z0-9._-]{1,64}"
_ID_MATCH = re.compile(ID_PATTERN).fullmatch

#: The fields every event has; an event type's "own" fields are the others.
BASE_FIELDS = ("id", "date", "location", "evidence", "source")


@attrs.frozen(kw_only=True)
class Event:
    """
    The base class of every event type: what all events share.

    Subclass it with ``@attrs.frozen(kw_only=True)`` and register the subclass with
    `newsevents.register` to get JSON, NewsML-G2, a JSON Schema and hypothesis strategies.

    Args:
        id: A QCode-safe identifier (``[A-Za-z0-9._-]{1,64}``). When left empty it is
            derived from every other field (see `newsevents.identity`), so the same event
            extracted twice gets the same id and two events that differ in anything get
            different ids. A derived id is a `DerivedId`: ``attrs.evolve`` derives it
            again from the changed fields. An explicit id is kept, by ``attrs.evolve`` too.
        date: When the event happened, at the precision the source supports, or None.
        location: Where it happened, or None.
        evidence: The source text that states it, or None.
        source: The identifier of the article it comes from, or None.
    """

    codes: ClassVar[Codes] = Codes(label="event", definition="Something reported as having happened.")

    id: str = ""
    date: PartialDate | None = None
    location: Place | None = None
    evidence: Evidence | None = None
    source: str | None = None

    __attrs_post_init__ = check

    def _invariant(self) -> None:
        """The id: derived when empty or derived before, else kept if QCode-safe (`check` runs this)."""
        ident = self.id
        if type(ident) is str:
            if _ID_MATCH(ident) is not None:
                return
            if ident != "":
                raise ValidationError(f"id {quote(ident)} does not match {ID_PATTERN}", path="$.id")
            object.__setattr__(self, "id", derive_id(self))
        elif type(ident) is DerivedId:
            # Built from an event whose id was derived (attrs.evolve): derived again.
            object.__setattr__(self, "id", derive_id(self))
        else:
            raise ValidationError(f"expected a string, got {type(ident).__name__}", path="$.id")

    def media_topics(self) -> tuple[str, ...]:
        """
        The IPTC Media Topic QCodes that describe this event.

        The type's own `Codes.media_topics`; a type may override this to add topics
        that depend on its values (a death sentence adds capital punishment).
        """
        return type(self).codes.media_topics


def adopt_derived_id(event: Event) -> Event:
    """
    Mark the id of an event read from a document as derived when it has the derived form.

    The codecs call this on what they read, so that ``attrs.evolve`` on a decoded event
    derives its id again, as on one built without an id. The id itself is kept as read.
    """
    ident = event.id
    if type(ident) is str and looks_derived(type(event), ident):
        object.__setattr__(event, "id", DerivedId(ident))
    return event
