"""
The PhoneCall recogniser, on the pattern engine.

Its constructions are data (``data/phonecall/patterns.toml``): "X spoke by phone with Y",
"X phoned Y", "X called Y on Tuesday", "a phone call between X and Y", "X received a
call from Y", "In a phone call with Y, X said ...". The engine reads them, blocks
modal, negated or refused calls and merges mentions of one call (same participants,
compatible dates); this module only says what a match makes:

- the participants are the actors captured as ``agent`` and ``partner``, people and
  states (an organisation on the line is a press interview);
- the initiator is the agent when the entry says so (``initiator = "agent"``: "X phoned
  Y"), and one event is made per agent ("X and Y phoned Z": two calls);
- the date is the time captured, else the time expression attached to the match; a
  date after the publication day is a plan, not a call;
- the topics are what the sentence says was discussed, after a word of ``topic_cue``
  ("discussed Syria and Ukraine", "a call about the ceasefire"), one per listed item.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import attrs

from newsevents.events import PhoneCall
from newsevents.model import Actor, ActorKind, PartialDate
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import title_groups
from newsevents.parsing.article import Article
from newsevents.parsing.engine import Found, Spec, find, recogniser
from newsevents.parsing.patterns import word_list
from newsevents.parsing.phrases import listed_items

__all__ = ["SPEC", "find_phone_calls", "phone_calls"]


def _parties(actors: list[Actor]) -> list[Actor]:
    return [actor for actor in actors if actor.kind is not ActorKind.ORGANIZATION]


def _future(date: PartialDate | None, found: Found) -> bool:
    published = found.article.published
    if date is None or published is None:
        return False
    today = PartialDate.from_date(published)
    return date > today and not today.isoformat().startswith(date.isoformat())


def _initiator(found: Found, participants: list[Actor]) -> Actor | None:
    """The participant the sentence says placed the call ("at X's request", "initiated by the U.S. side")."""
    for match in found.around("initiator"):
        for span in match.roles.get("initiator", ()):
            actor = span.value
            if not isinstance(actor, Actor):
                continue
            for participant in participants:
                if participant.name == actor.name or (
                    actor.kind is ActorKind.COUNTRY and participant.country == actor.country
                ):
                    return participant
    return None


#: Title groups (``data/titles.tsv``) of people whose calls make news as such.
_OFFICES = frozenset(
    {"president", "president-elect", "vice-president", "premier", "chancellor", "monarch", "foreign-minister",
     "minister", "governor", "senator", "mayor", "diplomat", "military", "official"}
)  # fmt: skip


def _lede_leaders(found: Found) -> list[Actor]:
    """The first two people of the article's lede when both hold an office: whose call "the call" is."""
    for sentence in found.article.sentences[:3]:
        if sentence.headline:
            continue
        people: list[Actor] = []
        for mention in found.cast.mentions(sentence):
            if mention.actor.kind is ActorKind.PERSON and mention.actor not in people:
                people.append(mention.actor)
        if len(people) >= 2:
            leaders = people[:2]
            offices = [title_groups(person.title) if person.title else None for person in leaders]
            return leaders if all(office in _OFFICES for office in offices) else []
    return []


def _definite(found: Found) -> Iterator[PhoneCall]:
    """ "The call", "Thursday's phone call": the call reported before, or the lede's two leaders' call."""
    earlier = [event for event in found.earlier if isinstance(event, PhoneCall)]
    participants = list(earlier[-1].participants) if earlier else _lede_leaders(found)
    if len(participants) < 2:
        return
    date = found.date()
    if _future(date, found):
        return
    yield PhoneCall(
        participants=tuple(participants),
        initiator=_initiator(found, participants),
        date=date,
        evidence=found.evidence(),
        topics=_topics(found),
    )


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "phonecall", name)


#: How far after a match its topic's cue may be ("X phoned Y on Tuesday to discuss Z").
_TOPIC_REACH = 12


def _topics(found: Found) -> tuple[str, ...]:
    """What the sentence says the call was about: the items listed after a cue word, each as written."""
    tokens = found.view.tokens
    cues = _words("topic_cue")
    near = range(found.match.start, min(len(tokens), found.match.end + _TOPIC_REACH))
    cue = next((n for n in near if tokens[n].lower in cues), None)
    if cue is None:
        return ()
    return listed_items(found, cue + 1, stops=_words("topic_stop"), vague=_words("topic_vague"))


def _indefinite(found: Found, role: str) -> bool:
    """Whether an actor of ``role`` is an indefinite noun phrase ("a scruffy little Austrian")."""
    tokens = found.view.tokens
    for span in found.spans(role):
        at = span.start
        while at > 0 and at > span.start - 4:
            at -= 1
            if tokens[at].lower in ("a", "an"):
                return True
            if tokens[at].shape != "x":
                break
    return False


def _each_call(found: Found, listed: list[Actor]) -> list[list[Actor]]:
    """
    The other sides of the calls to a list of people: "X phoned Y and Z" is a call to each,
    "a conference (three-way) call with Y and Z" one call with both.
    """
    if len(listed) < 2 or any(token.lower in _words("joint") for token in found.view.tokens):
        return [listed] if listed else []
    return [[actor] for actor in listed]


def _continues(found: Found, everyone: list[Actor]) -> bool:
    """ "X phoned Y. He also spoke with Z": a call just told, and its side now speaking to someone new."""
    before = found.follows()
    return isinstance(before, PhoneCall) and any(actor in before.participants for actor in everyone[:1])


def build(found: Found) -> Iterator[PhoneCall]:
    """The calls one match states."""
    if found.option("definite_agent") and _indefinite(found, "agent"):
        return
    if found.option("definite"):
        yield from _definite(found)
        return
    calling = found.option("initiator")  # the role of the actors who placed the call, if the entry knows
    everyone = _parties(found.actors("agent", "caller", "partner", subjects=True))
    if found.option("continues") and not _continues(found, everyone):
        return
    date = found.date()
    if _future(date, found):
        return
    topics = _topics(found)
    if calling is not None:
        callers = _parties(found.actors(calling, subjects=True))
        others = [actor for actor in everyone if actor not in callers]
        for caller in callers:
            for other in _each_call(found, others):
                yield PhoneCall(
                    participants=(caller, *other),
                    initiator=caller,
                    date=date,
                    evidence=found.evidence(),
                    topics=topics,
                )
        return
    if len(everyone) < 2:
        return
    partners = _parties(found.actors("partner", subjects=True))
    agents = [actor for actor in everyone if actor not in partners]
    groups = [everyone]
    if agents and partners:
        groups = [[*agents, *group] for group in _each_call(found, partners)]
    for participants in groups:
        call = PhoneCall(
            participants=tuple(participants),
            initiator=_initiator(found, participants),
            date=date,
            evidence=found.evidence(),
            topics=topics,
        )
        yield call
        again = _again(found)
        if again is not None and again != date:
            yield attrs.evolve(call, date=again)


def _again(found: Found) -> PartialDate | None:
    """ "... by phone on Saturday and again on Monday": the second call's day."""
    tokens = found.view.tokens
    for position in range(found.match.end, len(tokens) - 1):
        if tokens[position].lower == "again" and tokens[position - 1].lower in ("and", "then"):
            for after in (position + 1, position + 2):
                for span in found.view.spans.get(after, ()):
                    if span.kind == "TIME" and isinstance(span.value.date, PartialDate):
                        return span.value.date
            return None
    return None


SPEC = Spec(
    PhoneCall,
    "phonecall",
    build,
    blocking=frozenset({"modal", "negation", "refusal"}),
    excludes="excludes",
    follow="follow",
)
find_phone_calls = register_recogniser(PhoneCall)(recogniser(SPEC))


def phone_calls(article: Article) -> tuple[PhoneCall, ...]:
    """The calls of an article (found once, cached on the article)."""
    cached = article.__dict__.get("_phone_calls")
    if isinstance(cached, tuple):
        return cached
    calls = tuple(event for event in find(article, SPEC) if isinstance(event, PhoneCall))
    article.__dict__["_phone_calls"] = calls
    return calls
