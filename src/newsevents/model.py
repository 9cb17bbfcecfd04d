"""
The value types every event is built from, and the `Event` base class.

All classes are frozen, slotted attrs classes. They validate on construction and
raise `newsevents.errors.ValidationError` with the field path, so an instance that
exists is one every codec can write.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from functools import cache, total_ordering
from importlib import resources
from typing import Any, ClassVar, Self

import attrs

from newsevents._text import first_illegal_char, quote
from newsevents.errors import ValidationError

__all__ = [
    "MAX_INT",
    "Actor",
    "ActorKind",
    "Codes",
    "Count",
    "CountQualifier",
    "Event",
    "Evidence",
    "PartialDate",
    "Place",
    "country_codes",
    "country_name",
]

#: The largest integer the model accepts (counts, offsets): exact in every JSON reader.
MAX_INT = 2**53 - 1


# --------------------------------------------------------------------------- helpers


def _fail(message: str, name: str) -> ValidationError:
    return ValidationError(message, path=f"$.{name}")


def check_text(value: object, name: str, *, allow_empty: bool = True) -> None:
    """
    Raise `ValidationError` unless ``value`` is a string every codec can carry.

    Args:
        value: The value to check.
        name: The field name, for the error path.
        allow_empty: Whether ``""`` is acceptable.
    """
    if type(value) is not str:
        raise _fail(f"expected a string, got {type(value).__name__}", name)
    if not allow_empty and not value.strip():
        raise _fail("must not be empty or blank", name)
    if value.isprintable():  # the common case, answered without the character search
        return
    bad = first_illegal_char(value)
    if bad is not None:
        raise _fail(
            f"character U+{ord(value[bad]):04X} at index {bad} cannot be carried by XML or UTF-8",
            name,
        )


def carriable(text: str) -> bool:
    """
    Whether every character of ``text`` can be carried by XML 1.0 and UTF-8.

    Printable text (no controls, surrogates or noncharacters) is answered at once;
    anything else is searched character by character.
    """
    return text.isprintable() or first_illegal_char(text) is None


def check_int(value: object, name: str, *, low: int = 0, high: int = MAX_INT) -> None:
    """Raise `ValidationError` unless ``value`` is an int (not a bool) in ``[low, high]``."""
    if type(value) is not int:
        raise _fail(f"expected an integer, got {type(value).__name__}", name)
    if not low <= value <= high:
        raise _fail(f"{quote(value)} is outside {low}..{high}", name)


def _text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, attribute.name, allow_empty=False)


def _optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_text(value, attribute.name, allow_empty=False)


@cache
def country_codes() -> dict[str, str]:
    """
    Return the ISO 3166-1 alpha-2 codes the model accepts, mapped to short English names.

    The table ships as ``newsevents/data/countries.tsv``.
    """
    table: dict[str, str] = {}
    rows = resources.files("newsevents").joinpath("data/countries.tsv").read_text("utf-8")
    for line in rows.splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            code, name, *_ = line.split("\t")
            table[code] = name
    return table


def country_name(code: str) -> str:
    """Return the short English name of a country code (``"RU"`` gives ``"Russia"``)."""
    try:
        return country_codes()[code]
    except KeyError:
        raise ValidationError(f"unknown ISO 3166-1 alpha-2 country code {quote(code)}") from None


def _country(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not str or value not in country_codes():
        raise _fail(f"unknown ISO 3166-1 alpha-2 country code {quote(value)}", attribute.name)


@attrs.frozen
class EnumValidator:
    """
    An attrs validator: the value is a member of `enum_type`.

    A class rather than a closure, so the JSON codec's generated decoders can see that a
    value they took from ``enum_type`` itself satisfies it.
    """

    enum_type: type[enum.Enum]

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Raise `ValidationError` unless ``value`` is a member of the enum."""
        if not isinstance(value, self.enum_type):
            raise _fail(f"expected a {self.enum_type.__name__}, got {type(value).__name__}", attribute.name)


def _enum(enum_type: type[enum.Enum]) -> EnumValidator:
    return EnumValidator(enum_type)


# --------------------------------------------------------------------------- dates

# ASCII digits only, as the JSON Schema and the XSD: \d would match "٢٠١٩" and "２０１９".
_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@total_ordering
@attrs.frozen(order=False)
class PartialDate:
    """
    A calendar date truncated to the precision the source supports.

    ``PartialDate(2019)`` is "2019", ``PartialDate(2019, 10)`` is "2019-10" and
    ``PartialDate(2019, 10, 5)`` is "2019-10-05". Dates are hashable and ordered by
    ``(year, month or 0, day or 0)``, so "2019" sorts before "2019-01".

    Raises:
        ValidationError: For an impossible date (month 13, February 30, a day without a month).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        check_int(self.year, "year", low=1, high=9999)
        if self.month is not None:
            check_int(self.month, "month", low=1, high=12)
        if self.day is not None:
            if self.month is None:
                raise _fail("a day needs a month", "day")
            last = calendar.monthrange(self.year, self.month)[1]
            check_int(self.day, "day", low=1, high=last)

    @classmethod
    def parse(cls, text: str) -> Self:
        """
        Parse an ISO 8601 calendar date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValidationError: When ``text`` is not one of those forms or not a real date.
        """
        if type(text) is not str:
            raise ValidationError(f"expected an ISO date string, got {type(text).__name__}")
        found = _ISO_DATE.fullmatch(text)
        if found is None:
            raise ValidationError(f"{quote(text)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = found.groups()
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

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
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

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

    name: str = attrs.field(validator=_text)
    kind: ActorKind = attrs.field(validator=_enum(ActorKind))
    title: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    country: str | None = attrs.field(default=None, kw_only=True, validator=_country)

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


@attrs.frozen
class Place:
    """
    Where an event happened: a place name, a country code, or both.

    Raises:
        ValidationError: When both are None.
    """

    name: str | None = attrs.field(default=None, validator=_optional_text)
    country: str | None = attrs.field(default=None, kw_only=True, validator=_country)

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.country is None:
            raise ValidationError("a place needs a name, a country, or both", path="$")


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

    text: str = attrs.field()
    start: int = attrs.field()
    end: int = attrs.field()
    rule: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        text, start, end = self.text, self.start, self.end
        if (
            type(text) is not str
            or type(start) is not int
            or type(end) is not int
            or not 0 <= start <= MAX_INT
            or not 0 <= end <= MAX_INT
            or not carriable(text)
        ):
            # Something is wrong: the checks one by one say what.
            check_text(text, "text")
            check_int(start, "start")
            check_int(end, "end")
        if end - start != len(text):
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


@attrs.frozen
class Count:
    """
    A number of things as the source states it, without inventing precision.

    ``Count(12)`` is exactly twelve, ``Count(12, CountQualifier.AT_LEAST)`` "at least 12",
    ``Count(100, CountQualifier.ORDER)`` "hundreds".
    """

    value: int = attrs.field()
    qualifier: CountQualifier = attrs.field(default=CountQualifier.EXACT, validator=_enum(CountQualifier))

    def __attrs_post_init__(self) -> None:
        value = self.value
        if type(value) is not int or not 0 <= value <= MAX_INT:
            check_int(value, "value")

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


_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

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
            derived from the event's content (see `newsevents.identity`), so the same
            event extracted twice gets the same id; an explicit id is kept.
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

    def __attrs_post_init__(self) -> None:
        from newsevents._fields import check_event  # noqa: PLC0415 (a cycle at import time)

        check_event(self)
        if self.id == "":
            from newsevents.identity import derive_id  # noqa: PLC0415

            object.__setattr__(self, "id", derive_id(self))
        elif type(self.id) is not str or _ID.fullmatch(self.id) is None:
            raise ValidationError(f"id {quote(self.id)} does not match [A-Za-z0-9._-]{{1,64}}", path="$.id")

    def media_topics(self) -> tuple[str, ...]:
        """
        The IPTC Media Topic QCodes that describe this event.

        The type's own `Codes.media_topics`; a type may override this to add topics
        that depend on its values (a death sentence adds capital punishment).
        """
        return type(self).codes.media_topics
