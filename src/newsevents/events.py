"""
The four event types newsevents ships, each with its codes in the established ontologies.

Each is an ordinary registered `Event` subclass: nothing here is known to any codec.
The codes were checked against ACE 2005, CAMEO 1.1b3, PLOVER, ACLED and IPTC Media Topics.
"""

from __future__ import annotations

import enum
import re
from typing import ClassVar

import attrs

from newsevents._foreign import ForeignEvent
from newsevents.model import Actor, Codes, Count, Event
from newsevents.registry import register

__all__ = ["Airstrike", "PardonRequest", "Penalty", "PhoneCall", "Sentencing"]


@register
@attrs.frozen(kw_only=True)
class PhoneCall(Event):
    """
    A telephone conversation between two or more actors.

    Args:
        participants: Everyone on the call, two or more.
        initiator: Who placed the call, when the source says so; one of the participants.
        topics: What was discussed, in short phrases ("Iran", "Syria").
    """

    codes: ClassVar[Codes] = Codes(
        label="phone call",
        definition="A telephone conversation between two or more actors.",
        ace="Contact:Phone-Write",
        cameo="041 Discuss by telephone",
        plover="CONSULT, mode phone",
        media_topics=("medtop:20000639",),
    )

    #: What makes two mentions one call (`newsevents.parsing.merge`): the same people.
    identity: ClassVar[tuple[str, ...]] = ("participants",)

    participants: tuple[Actor, ...] = attrs.field(metadata={"min_items": 2})
    initiator: Actor | None = None
    topics: tuple[str, ...] = ()


@register
@attrs.frozen(kw_only=True)
class PardonRequest(Event):
    """
    A request to pardon, grant clemency to, commute the sentence of, or release a person.

    A pardon *granted* is not a request. ACE 2005's Justice:Pardon is the grant, so
    this type has no ACE code.

    Args:
        requester: Who asks.
        addressee: The authority asked, when the source names it.
        beneficiary: The person (or group) to be pardoned or released.
        offence: What the beneficiary was convicted of or held for, in the source's words.
    """

    codes: ClassVar[Codes] = Codes(
        label="pardon request",
        definition="A request to pardon, grant clemency to, commute the sentence of, or release a person.",
        cameo="0253 Appeal for release of persons or property",
        plover="REQUEST, mode yield",
        media_topics=("medtop:20000125",),
    )

    #: What makes two mentions one request (`newsevents.parsing.merge`): who asks whom to free whom.
    identity: ClassVar[tuple[str, ...]] = ("requester", "beneficiary", "addressee")

    requester: Actor
    addressee: Actor | None = None
    beneficiary: Actor
    offence: str | None = None


class Penalty(enum.StrEnum):
    """
    The most restrictive component of a sentence.

    From most to least restrictive: death, life, prison, suspended, other (home
    confinement, compulsory rehabilitation), community (probation, community service), fine.
    """

    PRISON = "prison"
    DEATH = "death"
    LIFE = "life"
    FINE = "fine"
    SUSPENDED = "suspended"
    COMMUNITY = "community"
    OTHER = "other"


_PENALTY_TOPICS = {
    Penalty.PRISON: "medtop:20000137",
    Penalty.LIFE: "medtop:20000137",
    Penalty.DEATH: "medtop:20000135",
    Penalty.FINE: "medtop:20000136",
    Penalty.SUSPENDED: "medtop:20001199",
}
_DRUGS = re.compile(
    r"\b(drugs?|narcotics?|cannabis|marijuana|heroin|cocaine|methamphetamine|trafficking)\b", re.I
)


@register
@attrs.frozen(kw_only=True)
class Sentencing(Event):
    """
    A court's sentence of a defendant.

    Args:
        defendant: Who is sentenced.
        penalty: The most restrictive component of the sentence.
        term_months: The custodial term in months; None for probation, fines, death and life.
        offence: What the defendant was convicted of, in the source's words.
        court: The court that passed the sentence, when named.
    """

    codes: ClassVar[Codes] = Codes(
        label="sentencing",
        definition="A court's sentence of a defendant.",
        ace="Justice:Sentence",
        cameo="173 (PETRARCH's dictionary files the verb under 172)",
        plover="SANCTION, mode convict",
        media_topics=("medtop:20000134",),
    )

    defendant: Actor
    penalty: Penalty
    term_months: int | None = attrs.field(default=None, metadata={"minimum": 0})
    offence: str | None = None
    court: Actor | None = None

    def media_topics(self) -> tuple[str, ...]:
        """Sentencing, the penalty's own topic, and drug-related crime for drug offences."""
        topics = list(type(self).codes.media_topics)
        if self.penalty in _PENALTY_TOPICS:
            topics.append(_PENALTY_TOPICS[self.penalty])
        if self.offence is not None and _DRUGS.search(self.offence):
            topics.append("medtop:20000095")
        return tuple(topics)


@register
@attrs.frozen(kw_only=True)
class Airstrike(Event):
    """
    An attack from the air: warplanes, helicopters or drones.

    Artillery, rockets fired from the ground, missiles launched in tests and car bombs
    are not air strikes. A campaign ("hundreds of airstrikes") is one aggregate event.

    Args:
        attacker: Who carried it out, when known.
        targets: What was aimed at, in the source's words.
        killed: How many people were killed, as the source states it.
        strikes: How many strikes, for aggregate events ("hundreds" is ``Count(100, ORDER)``).
    """

    codes: ClassVar[Codes] = Codes(
        label="air strike",
        definition="An attack from the air by warplanes, helicopters or drones.",
        ace="Conflict:Attack",
        cameo="195 Employ aerial weapons",
        plover="ASSAULT, mode aerial (drone for drones)",
        acled="Explosions/Remote violence, Air/drone strike",
        media_topics=("medtop:20000056",),
    )

    #: What makes two mentions one strike (`newsevents.parsing.merge`): the same place struck.
    identity: ClassVar[tuple[str, ...]] = ("location",)

    attacker: Actor | None = None
    targets: tuple[str, ...] = ()
    killed: Count | None = None
    strikes: Count | None = None

    def media_topics(self) -> tuple[str, ...]:
        """Armed conflict, and international military intervention when the attacker strikes abroad."""
        topics = type(self).codes.media_topics
        home = None if self.attacker is None else self.attacker.country
        where = None if self.location is None else self.location.country
        if home is not None and where is not None and home != where:
            topics = (*topics, "medtop:20000058")
        return topics


# Read from other systems' documents, and registered with the built-in types (after them).
register(ForeignEvent)
