"""
The peers of `bench_json.py`: msgspec Structs and pydantic v2 models of newsevents' JSON shape.

Both read and write exactly the JSON newsevents writes (``bench_json.py`` asserts it at
startup), with comparable strictness:

* pydantic: ``strict=True``, ``extra="forbid"``, ``frozen=True``; the event union is
  discriminated by ``"type"``.
* msgspec: ``forbid_unknown_fields=True``, ``frozen=True``; the event union is tagged by
  ``"type"`` (``tag_field="type"``, ``tag=<class name>``). msgspec never coerces.

Every type newsevents registers at import has its mirror: the four event types and
``ForeignEvent``. In both, counts are ``int | CountObj`` (a plain integer when exact, else
``{"value", "qualifier"}``), dates are strings matching the ISO pattern, ids match the
QCode-safe pattern, integers are bounded like newsevents' (``0..2**53-1``), country codes
are a ``Literal`` of the ISO 3166-1 alpha-2 codes newsevents accepts, and required
non-empty fields (names, participants) have the same minimum lengths.

Not mirrored (newsevents checks them, the peers do not): calendar validity of dates
(February 30), ``end - start == len(text)`` for evidence, code points XML cannot carry,
blank (all-space) names, and ``Place`` needing a name or a country. They are cheap checks
in newsevents; the peers are, if anything, slightly flattered by their absence.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from pydantic import BaseModel, ConfigDict, Discriminator, Field, TypeAdapter

from newsevents.events import Penalty
from newsevents.model import MAX_INT, ActorKind, CountQualifier, country_codes

__all__ = ["MS_EVENT", "MS_EVENTS", "MS_TYPES", "PD_EVENT", "PD_EVENTS", "PD_TYPES"]

Country = Literal[tuple(sorted(country_codes()))]  # type: ignore[valid-type]
_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_ID = r"^[A-Za-z0-9._-]{1,64}$"

# --------------------------------------------------------------------------- msgspec

MsDate = Annotated[str, msgspec.Meta(pattern=_DATE)]
MsId = Annotated[str, msgspec.Meta(pattern=_ID)]
MsNat = Annotated[int, msgspec.Meta(ge=0, le=MAX_INT)]
MsName = Annotated[str, msgspec.Meta(min_length=1)]


class MsActor(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """An actor."""

    name: MsName
    kind: ActorKind
    title: MsName | None = None
    country: Country | None = None  # type: ignore[valid-type]


class MsPlace(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A place."""

    name: MsName | None = None
    country: Country | None = None  # type: ignore[valid-type]


class MsEvidence(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Evidence."""

    text: str
    start: MsNat
    end: MsNat
    rule: MsName | None = None


class MsCount(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """An inexact count."""

    value: MsNat
    qualifier: CountQualifier


MsCountT = MsNat | MsCount


class _MsEvent(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True, tag_field="type"):
    id: MsId
    date: MsDate | None = None
    location: MsPlace | None = None
    evidence: MsEvidence | None = None
    source: str | None = None


class MsPhoneCall(_MsEvent, tag="PhoneCall", kw_only=True):
    """A phone call."""

    participants: Annotated[tuple[MsActor, ...], msgspec.Meta(min_length=2)]
    initiator: MsActor | None = None
    topics: tuple[str, ...] = ()


class MsPardonRequest(_MsEvent, tag="PardonRequest", kw_only=True):
    """A pardon request."""

    requester: MsActor
    addressee: MsActor | None = None
    beneficiary: MsActor
    offence: str | None = None


class MsSentencing(_MsEvent, tag="Sentencing", kw_only=True):
    """A sentencing."""

    defendant: MsActor
    penalty: Penalty
    term_months: MsNat | None = None
    offence: str | None = None
    court: MsActor | None = None


class MsAirstrike(_MsEvent, tag="Airstrike", kw_only=True):
    """An air strike."""

    attacker: MsActor | None = None
    targets: tuple[str, ...] = ()
    killed: MsCountT | None = None
    strikes: MsCountT | None = None


class MsForeignEvent(_MsEvent, tag="ForeignEvent", kw_only=True):
    """An event read from others' NewsML-G2."""

    name: str = ""
    definition: str | None = None
    concept: str | None = None
    participants: tuple[MsActor, ...] = ()


MS_TYPES: dict[str, type[Any]] = {
    "PhoneCall": MsPhoneCall,
    "PardonRequest": MsPardonRequest,
    "Sentencing": MsSentencing,
    "Airstrike": MsAirstrike,
    "ForeignEvent": MsForeignEvent,
}
MS_EVENT = MsPhoneCall | MsPardonRequest | MsSentencing | MsAirstrike | MsForeignEvent
MS_EVENTS = list[MS_EVENT]  # type: ignore[valid-type]

# --------------------------------------------------------------------------- pydantic

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)

PdDate = Annotated[str, Field(pattern=_DATE)]
PdId = Annotated[str, Field(pattern=_ID)]
PdNat = Annotated[int, Field(ge=0, le=MAX_INT)]
PdName = Annotated[str, Field(min_length=1)]


class PdActor(BaseModel):
    """An actor."""

    model_config = _STRICT
    name: PdName
    kind: ActorKind
    title: PdName | None = None
    country: Country | None = None  # type: ignore[valid-type]


class PdPlace(BaseModel):
    """A place."""

    model_config = _STRICT
    name: PdName | None = None
    country: Country | None = None  # type: ignore[valid-type]


class PdEvidence(BaseModel):
    """Evidence."""

    model_config = _STRICT
    text: str
    start: PdNat
    end: PdNat
    rule: PdName | None = None


class PdCount(BaseModel):
    """An inexact count."""

    model_config = _STRICT
    value: PdNat
    qualifier: CountQualifier


PdCountT = PdNat | PdCount


class _PdEvent(BaseModel):
    model_config = _STRICT
    # Declared here so that it comes first, as in newsevents' JSON; each subclass narrows it.
    type: str
    id: PdId
    date: PdDate | None = None
    location: PdPlace | None = None
    evidence: PdEvidence | None = None
    source: str | None = None


class PdPhoneCall(_PdEvent):
    """A phone call."""

    type: Literal["PhoneCall"] = "PhoneCall"
    participants: Annotated[tuple[PdActor, ...], Field(min_length=2)]
    initiator: PdActor | None = None
    topics: tuple[str, ...] = ()


class PdPardonRequest(_PdEvent):
    """A pardon request."""

    type: Literal["PardonRequest"] = "PardonRequest"
    requester: PdActor
    addressee: PdActor | None = None
    beneficiary: PdActor
    offence: str | None = None


class PdSentencing(_PdEvent):
    """A sentencing."""

    type: Literal["Sentencing"] = "Sentencing"
    defendant: PdActor
    penalty: Penalty
    term_months: PdNat | None = None
    offence: str | None = None
    court: PdActor | None = None


class PdAirstrike(_PdEvent):
    """An air strike."""

    type: Literal["Airstrike"] = "Airstrike"
    attacker: PdActor | None = None
    targets: tuple[str, ...] = ()
    killed: PdCountT | None = None
    strikes: PdCountT | None = None


class PdForeignEvent(_PdEvent):
    """An event read from others' NewsML-G2."""

    type: Literal["ForeignEvent"] = "ForeignEvent"
    name: str = ""
    definition: str | None = None
    concept: str | None = None
    participants: tuple[PdActor, ...] = ()


PD_TYPES: dict[str, type[BaseModel]] = {
    "PhoneCall": PdPhoneCall,
    "PardonRequest": PdPardonRequest,
    "Sentencing": PdSentencing,
    "Airstrike": PdAirstrike,
    "ForeignEvent": PdForeignEvent,
}
_PD_UNION = Annotated[
    PdPhoneCall | PdPardonRequest | PdSentencing | PdAirstrike | PdForeignEvent, Discriminator("type")
]
PD_EVENT: TypeAdapter[Any] = TypeAdapter(_PD_UNION)
PD_EVENTS: TypeAdapter[Any] = TypeAdapter(list[_PD_UNION])
