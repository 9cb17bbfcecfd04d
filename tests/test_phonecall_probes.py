"""
Probes of the PhoneCall and PardonRequest recognisers in wire-copy phrasing not taken from the dev corpus.

Each probe is a sentence or a short article with the events the corpus conventions
(``../shared/corpus/dev/README.md``) expect from it, so that the recognisers are held to
general rules rather than to the dev corpus's wording. Names match as the corpus
scoring matches them: after titles are dropped, when one's words contain the other's
or their last words agree; states by ISO code. A probe marked ``abstain_ok`` also
passes when nothing is found (precision over recall: a wrong event is worse than a miss).
"""

from __future__ import annotations

import datetime
import random

import attrs
import pytest

import newsevents
from newsevents import Actor, ActorKind, Event, PardonRequest, PhoneCall
from newsevents.parsing import pardon, phonecall
from newsevents.parsing.actors import country_code
from newsevents.parsing.article import Article

#: A Thursday: "on Tuesday" is 2016-03-08, "in November" is 2015-11.
PUBLISHED = datetime.date(2016, 3, 10)


class _Any:
    """A slot the probe does not check."""

    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()


@attrs.frozen
class Group:
    """An expected group actor whose name holds all of ``words``."""

    words: tuple[str, ...]

    def __init__(self, *words: str) -> None:
        self.__attrs_init__(words)  # type: ignore[attr-defined]


@attrs.frozen
class Described:
    """An expected person the text describes rather than names ("a former mayor"), holding all ``words``."""

    words: tuple[str, ...]

    def __init__(self, *words: str) -> None:
        self.__attrs_init__(words)  # type: ignore[attr-defined]


Spec = str | Group | Described | _Any | None


@attrs.frozen
class Call:
    participants: frozenset[str]
    initiator: Spec = None
    date: str | _Any | None = ANY


@attrs.frozen
class Request:
    requester: Spec
    addressee: Spec
    beneficiary: Spec
    date: str | _Any | None = ANY


@attrs.frozen
class Probe:
    id: str
    text: str
    calls: tuple[Call, ...] = ()
    requests: tuple[Request, ...] = ()
    abstain_ok: bool = False


def _words(name: str) -> list[str]:
    return [word.strip(".,'’").lower() for word in name.replace("’", "'").split() if word.strip(".,'’")]


def name_matches(expected: Spec, actor: Actor | None) -> bool:
    """Whether an actor matches the expected slot, as the corpus scoring matches names."""
    if isinstance(expected, _Any):
        return True
    if expected is None or actor is None:
        return expected is None and actor is None
    if isinstance(expected, Group | Described):
        lowered = actor.name.lower()
        kind = ActorKind.GROUP if isinstance(expected, Group) else ActorKind.PERSON
        return actor.kind is kind and all(word.lower() in lowered for word in expected.words)
    code = country_code(expected)
    if code is not None and len(expected.split()) <= 3 and expected[:1].isupper():
        return actor.kind is ActorKind.COUNTRY and actor.country == code
    if actor.kind in (ActorKind.COUNTRY, ActorKind.GROUP):
        return False  # a person or organisation is expected (groups are given as `Group`)
    mine, theirs = _words(expected), _words(actor.name)
    if not mine or not theirs:
        return False
    return set(mine) <= set(theirs) or set(theirs) <= set(mine) or mine[-1] == theirs[-1]


def _date_matches(expected: str | _Any | None, event: Event) -> bool:
    if isinstance(expected, _Any):
        return True
    return expected == (str(event.date) if event.date is not None else None)


def _call_matches(expected: Call, call: PhoneCall) -> bool:
    if len(expected.participants) != len(call.participants):
        return False
    remaining = list(call.participants)
    for name in expected.participants:
        found = next((actor for actor in remaining if name_matches(name, actor)), None)
        if found is None:
            return False
        remaining.remove(found)
    return name_matches(expected.initiator, call.initiator) and _date_matches(expected.date, call)


def _request_matches(expected: Request, request: PardonRequest) -> bool:
    return (
        name_matches(expected.requester, request.requester)
        and name_matches(expected.addressee, request.addressee)
        and name_matches(expected.beneficiary, request.beneficiary)
        and _date_matches(expected.date, request)
    )


def _describe(events: list[Event]) -> list[str]:
    out = []
    for event in events:
        if isinstance(event, PhoneCall):
            out.append(
                f"PhoneCall {[a.name for a in event.participants]} init="
                f"{event.initiator.name if event.initiator else None} date={event.date}"
            )
        elif isinstance(event, PardonRequest):
            out.append(
                f"PardonRequest req={event.requester.name}({event.requester.kind.value}) "
                f"to={event.addressee.name if event.addressee else None} "
                f"for={event.beneficiary.name}({event.beneficiary.kind.value}) date={event.date}"
            )
    return out


def check(probe: Probe) -> str | None:
    """None when the probe passes, else what went wrong."""
    dated = probe.text.startswith("date ")  # a date line gives the publication date
    events = newsevents.parse(probe.text, published=None if dated else PUBLISHED)
    calls = [event for event in events if isinstance(event, PhoneCall)]
    requests = [event for event in events if isinstance(event, PardonRequest)]
    for event in events:
        evidence = event.evidence
        assert evidence is not None
        assert probe.text[evidence.start : evidence.end] == evidence.text
    if probe.abstain_ok and not calls and not requests:
        return None
    problems = []
    if len(calls) != len(probe.calls) or not all(
        any(_call_matches(expected, call) for call in calls) for expected in probe.calls
    ):
        problems.append("calls")
    if len(requests) != len(probe.requests) or not all(
        any(_request_matches(expected, request) for request in requests) for expected in probe.requests
    ):
        problems.append("requests")
    if not problems:
        return None
    return f"{probe.id}: wrong {' and '.join(problems)}: got {_describe(events)}"


def _call(*names: str, initiator: Spec = None, date: str | _Any | None = ANY) -> Call:
    return Call(frozenset(names), initiator, date)


# --------------------------------------------------------------------------- phone calls

CALL_PROBES = (
    Probe(
        "called-two-leaders-one-call-each",
        "U.S. President Barack Obama called the leaders of France and Germany on Tuesday.",
        calls=(_call("Barack Obama", "France", initiator="Barack Obama"), _call("Barack Obama", "Germany", initiator="Barack Obama")),
    ),
    Probe(
        "spoke-by-phone-with-two-one-call-each",
        "German Chancellor Angela Merkel spoke by phone on Tuesday with French President Francois Hollande and "
        "Italian Prime Minister Matteo Renzi.",
        calls=(_call("Angela Merkel", "Francois Hollande"), _call("Angela Merkel", "Matteo Renzi")),
    ),
    Probe(
        "a-three-way-call-is-one-call",
        "German Chancellor Angela Merkel held a three-way phone call with French President Francois Hollande and "
        "Italian Prime Minister Matteo Renzi on Tuesday.",
        calls=(_call("Angela Merkel", "Francois Hollande", "Matteo Renzi"),),
    ),
    Probe(
        "received-a-call-on-a-day-from",
        "Jordan's King Abdullah received a phone call on Tuesday from Egyptian President Abdel Fattah al-Sisi.",
        calls=(_call("King Abdullah", "Abdel Fattah al-Sisi", initiator="Abdel Fattah al-Sisi", date="2016-03-08"),),
    ),
    Probe(
        "expressed-condolences-in-a-call",
        "Chinese President Xi Jinping expressed his condolences to French President Francois Hollande "
        "in a telephone call on Tuesday after the attacks in Paris.",
        calls=(_call("Xi Jinping", "Francois Hollande", date="2016-03-08"),),
    ),
    Probe(
        "spoke-by-telephone",
        "German Chancellor Angela Merkel spoke by telephone with Russian President Vladimir Putin on "
        "Tuesday about the ceasefire in eastern Ukraine, a government spokesman said.",
        calls=(_call("Angela Merkel", "Vladimir Putin", date="2016-03-08"),),
    ),
    Probe(
        "in-a-phone-conversation-with",
        "In a phone conversation with French President Francois Hollande on Wednesday, Iranian President "
        "Hassan Rouhani said Tehran remained committed to the nuclear deal.",
        calls=(_call("Francois Hollande", "Hassan Rouhani", date="2016-03-09"),),
    ),
    Probe(
        "telephoned",
        "U.S. Secretary of State John Kerry telephoned Turkish Foreign Minister Mevlut Cavusoglu on Monday "
        "to discuss the refugee crisis, the State Department said.",
        calls=(_call("John Kerry", "Mevlut Cavusoglu", initiator="John Kerry", date="2016-03-07"),),
    ),
    Probe(
        "held-a-phone-call",
        "Japanese Prime Minister Shinzo Abe held a phone call with South Korean President Park Geun-hye on "
        "Friday, and the two agreed to coordinate their response to North Korea.",
        calls=(_call("Shinzo Abe", "Park Geun-hye", date="2016-03-04"),),
    ),
    Probe(
        "phoned-king",
        "Egyptian President Abdel Fattah al-Sisi phoned King Salman of Saudi Arabia on Sunday, the "
        "presidency said in a statement.",
        calls=(_call("Abdel Fattah al-Sisi", "Salman", initiator="Abdel Fattah al-Sisi", date="2016-03-06"),),
    ),
    Probe(
        "a-phone-call-between",
        "A phone call between Indian Prime Minister Narendra Modi and Pakistani Prime Minister Nawaz Sharif "
        "on Thursday eased tensions after the attack on the air base.",
        calls=(_call("Narendra Modi", "Nawaz Sharif", date="2016-03-10"),),
    ),
    Probe(
        "the-two-leaders-spoke-by-phone",
        "U.S. President Barack Obama met Cuban President Raul Castro in Panama last year. The two leaders "
        "spoke by phone on Wednesday ahead of Obama's visit to Havana, the White House said.",
        calls=(_call("Barack Obama", "Raul Castro", date="2016-03-09"),),
    ),
    Probe(
        "called-to-express",
        "Turkish President Tayyip Erdogan called Russian President Vladimir Putin on Tuesday to express his "
        "condolences, the Kremlin said.",
        calls=(_call("Tayyip Erdogan", "Vladimir Putin", initiator="Tayyip Erdogan", date="2016-03-08"),),
    ),
    Probe(
        "at-someones-request",
        "French President Francois Hollande spoke by phone with U.S. President Barack Obama on Friday at "
        "Hollande's request, the Elysee palace said.",
        calls=(_call("Francois Hollande", "Barack Obama", initiator="Francois Hollande", date="2016-03-04"),),
    ),
    Probe(
        "initiated-by",
        "Russian President Vladimir Putin and U.S. President Barack Obama discussed Syria in a telephone "
        "conversation on Monday. The call was initiated by Obama, the Kremlin said.",
        calls=(_call("Vladimir Putin", "Barack Obama", initiator="Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "coordinated-subject",
        "British Prime Minister David Cameron and German Chancellor Angela Merkel spoke by phone on Sunday "
        "evening about the migrant crisis, Downing Street said.",
        calls=(_call("David Cameron", "Angela Merkel", date="2016-03-06"),),
    ),
    Probe(
        "told-in-a-phone-call",
        "Chinese President Xi Jinping told U.S. President Barack Obama in a phone call on Friday that "
        "Beijing opposed the deployment of the missile system.",
        calls=(_call("Xi Jinping", "Barack Obama", date="2016-03-04"),),
    ),
    Probe(
        "received-a-phone-call-from",
        "Saudi Arabia's King Salman received a phone call from U.S. President Barack Obama on Wednesday, "
        "the state news agency SPA said.",
        calls=(_call("Salman", "Barack Obama", initiator="Barack Obama", date="2016-03-09"),),
    ),
    Probe(
        "spoke-over-the-phone",
        "Iraqi Prime Minister Haider al-Abadi spoke over the phone with Iranian President Hassan Rouhani on "
        "Saturday, his office said.",
        calls=(_call("Haider al-Abadi", "Hassan Rouhani", date="2016-03-05"),),
    ),
    Probe(
        "talked-by-phone-surnames",
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Antalya in November. "
        "Putin and Erdogan talked by phone on Monday, the Kremlin said.",
        calls=(_call("Vladimir Putin", "Tayyip Erdogan", date="2016-03-07"),),
    ),
    Probe(
        "had-a-telephone-conversation",
        "Ukrainian President Petro Poroshenko had a telephone conversation with U.S. Vice President Joe "
        "Biden on Tuesday, the presidential press service said.",
        calls=(_call("Petro Poroshenko", "Joe Biden", date="2016-03-08"),),
    ),
    Probe(
        "role-anaphor",
        "Israeli Prime Minister Benjamin Netanyahu flew to Moscow last month. On Tuesday the premier spoke "
        "by phone with Russian President Vladimir Putin, his office said.",
        calls=(_call("Benjamin Netanyahu", "Vladimir Putin", date="2016-03-08"),),
    ),
    Probe(
        "pronoun-subject",
        "U.S. President Barack Obama arrived in Cuba on Sunday. He also spoke by phone with Italian Prime "
        "Minister Matteo Renzi on Tuesday.",
        calls=(_call("Barack Obama", "Matteo Renzi", date="2016-03-08"),),
    ),
    Probe(
        "russian-leader-anaphor",
        "Russian President Vladimir Putin has rarely spoken to Western leaders since the crisis began. "
        "German Chancellor Angela Merkel phoned the Russian leader on Saturday, a spokesman said.",
        calls=(_call("Angela Merkel", "Vladimir Putin", initiator="Angela Merkel", date="2016-03-05"),),
    ),
    Probe(
        "repeated-mention-one-call",
        "Iranian Foreign Minister Mohammad Javad Zarif spoke by phone with Secretary of State John Kerry on "
        "Tuesday. During the call, Zarif assured Kerry the sailors were safe. The call lasted 20 minutes.",
        calls=(_call("Mohammad Javad Zarif", "John Kerry", date="2016-03-08"),),
    ),
    Probe(
        "two-calls-two-dates",
        "Secretary of State John Kerry spoke by phone with Russian Foreign Minister Sergei Lavrov on "
        "Saturday. Kerry and Lavrov spoke by phone again on Tuesday to discuss the truce.",
        calls=(
            _call("John Kerry", "Sergei Lavrov", date="2016-03-05"),
            _call("John Kerry", "Sergei Lavrov", date="2016-03-08"),
        ),
    ),
    Probe(
        "spoke-for-an-hour-by-phone",
        "U.S. President Barack Obama and Russian President Vladimir Putin spoke for about an hour by phone "
        "on Monday about the Syrian truce, the White House said.",
        calls=(_call("Barack Obama", "Vladimir Putin", date="2016-03-07"),),
    ),
    Probe(
        "subject-comma-in-a-telephone-conversation",
        "Russian President Vladimir Putin, in a telephone conversation with Turkish President Tayyip Erdogan "
        "on Friday, expressed his condolences over the bombing.",
        calls=(_call("Vladimir Putin", "Tayyip Erdogan", date="2016-03-04"),),
    ),
    Probe(
        "reported-called",
        "The White House said U.S. President Barack Obama called Israeli Prime Minister Benjamin Netanyahu "
        "on Monday to discuss the security aid package.",
        calls=(_call("Barack Obama", "Benjamin Netanyahu", initiator="Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "rang",
        "British Prime Minister David Cameron rang U.S. President Barack Obama on Saturday to discuss the "
        "referendum, Downing Street said.",
        calls=(_call("David Cameron", "Barack Obama", initiator="David Cameron", date="2016-03-05"),),
    ),
    Probe(
        "telephone-talks",
        "Turkish President Tayyip Erdogan and Russian President Vladimir Putin held telephone talks on "
        "Wednesday for the first time since the jet was downed.",
        calls=(_call("Tayyip Erdogan", "Vladimir Putin", date="2016-03-09"),),
    ),
    Probe(
        "ap-style-spoke-by-phone-tuesday",
        "Secretary of State John Kerry spoke by phone Tuesday with Russian Foreign Minister Sergei Lavrov "
        "about the cease-fire, the State Department said.",
        calls=(_call("John Kerry", "Sergei Lavrov", date="2016-03-08"),),
    ),
    Probe(
        "agreed-in-a-phone-call-to-meet-next-week",
        "German Chancellor Angela Merkel and Russian President Vladimir Putin agreed in a phone call on "
        "Monday to meet in Berlin next week.",
        calls=(_call("Angela Merkel", "Vladimir Putin", date="2016-03-07"),),
    ),
    Probe(
        "a-past-call-with-a-year",
        "Iranian President Hassan Rouhani's phone call with U.S. President Barack Obama in September 2013 "
        "was the first such contact since 1979.",
        calls=(_call("Hassan Rouhani", "Barack Obama", date="2013-09"),),
    ),
    Probe(
        "said-in-a-telephone-call-with",
        "Russian Foreign Minister Sergei Lavrov said in a telephone call with Secretary of State John Kerry "
        "on Sunday that the strikes would continue.",
        calls=(_call("Sergei Lavrov", "John Kerry", date="2016-03-06"),),
    ),
    Probe(
        "made-a-phone-call-to",
        "Taiwan's President Tsai Ing-wen made a phone call to President-elect Donald Trump on Friday, her "
        "office said.",
        calls=(_call("Tsai Ing-wen", "Donald Trump", initiator="Tsai Ing-wen", date="2016-03-04"),),
    ),
    Probe(
        "wire-article-with-headline-and-dateline",
        "date 2016-03-10\nPutin, Obama discuss Syria by phone\n\n"
        "MOSCOW (Reuters) - Russian President Vladimir Putin and U.S. President Barack Obama discussed the "
        "Syrian ceasefire by telephone on Monday, the Kremlin said.\n\n"
        "The two leaders also agreed to step up military cooperation, it said. Obama told Putin that the "
        "strikes on moderate rebels must stop, the White House said in its account of the call.",
        calls=(_call("Vladimir Putin", "Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "unnamed-counterpart-is-the-state",
        "Secretary of State John Kerry spoke by phone with his Russian counterpart on Saturday about the "
        "truce in Syria.",
        calls=(_call("John Kerry", "Russia", date="2016-03-05"),),
        abstain_ok=True,
    ),
    Probe(
        "three-participants",
        "German Chancellor Angela Merkel and French President Francois Hollande spoke by phone with Russian "
        "President Vladimir Putin on Sunday about the Minsk agreement.",
        calls=(_call("Angela Merkel", "Francois Hollande", "Vladimir Putin", date="2016-03-06"),),
    ),
    Probe(
        "last-spoke-by-phone-in",
        "Russian President Vladimir Putin and Turkish President Tayyip Erdogan last spoke by phone in "
        "November, before the jet was shot down.",
        calls=(_call("Vladimir Putin", "Tayyip Erdogan", date="2015-11"),),
    ),
    Probe(
        "first-call-between-the-two-leaders",
        "U.S. President Barack Obama spoke by phone with Iranian President Hassan Rouhani on Friday. It was "
        "the first phone call between the two leaders since the 1979 revolution.",
        calls=(_call("Barack Obama", "Hassan Rouhani", date="2016-03-04"),),
    ),
    Probe(
        "after-asking-in-a-call",
        "Mikhail Khodorkovsky, once Russia's richest man, was freed in 2013 after asking President Vladimir "
        "Putin for a pardon.",
        requests=(Request("Mikhail Khodorkovsky", "Vladimir Putin", "Mikhail Khodorkovsky"),),
        abstain_ok=True,
    ),
    Probe(
        "reuters-1987-telephoned-president-surname",
        "date 1987-03-06\nNAKASONE TELEPHONES REAGAN ON TRADE\n\n"
        "TOKYO, March 6 - Japanese Prime Minister Yasuhiro Nakasone telephoned President Reagan on Friday "
        "to discuss the semiconductor dispute, a government spokesman said.",
        calls=(_call("Yasuhiro Nakasone", "Reagan", initiator="Yasuhiro Nakasone", date="1987-03-06"),),
    ),
    Probe(
        "bbc-mr-spoke-to-president-by-telephone",
        "Prime Minister Tony Blair has been in close contact with Washington. Mr Blair spoke to President "
        "Bush by telephone on Tuesday, Downing Street said.",
        calls=(_call("Tony Blair", "Bush", date="2016-03-08"),),
    ),
    Probe(
        "honorific-surnames-after-full-names",
        "U.S. President Barack Obama and Israeli Prime Minister Benjamin Netanyahu met in Washington in "
        "November. The White House said Mr Obama had spoken to Mr Netanyahu by phone on Monday.",
        calls=(_call("Barack Obama", "Benjamin Netanyahu", date="2016-03-07"),),
    ),
    Probe(
        "call-and-request-in-one-story",
        "date 2016-03-10\nAbbas asks Netanyahu to free prisoners\n\n"
        "RAMALLAH (Reuters) - Palestinian President Mahmoud Abbas asked Israeli Prime Minister Benjamin "
        "Netanyahu on Tuesday to release Palestinian prisoners during a rare telephone call, an aide said.\n\n"
        "It was the first call between the two men in months. Netanyahu made no promise, his office said.",
        calls=(_call("Mahmoud Abbas", "Benjamin Netanyahu", date="2016-03-08"),),
        requests=(Request("Mahmoud Abbas", "Benjamin Netanyahu", Group("prisoners"), "2016-03-08"),),
    ),
    Probe(
        "dialled",
        "Indian Prime Minister Narendra Modi dialled Russian President Vladimir Putin on Friday to wish him a "
        "happy birthday.",
        calls=(_call("Narendra Modi", "Vladimir Putin", initiator="Narendra Modi", date="2016-03-04"),),
    ),
    Probe(
        "speaking-by-telephone-opener",
        "Speaking by telephone on Monday, Saudi Arabia's King Salman and U.S. President Barack Obama discussed "
        "the war in Yemen.",
        calls=(_call("Salman", "Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "a-call-in-which-a-request-is-made",
        "In a call late on Tuesday, Secretary of State John Kerry urged Iranian Foreign Minister Mohammad "
        "Javad Zarif to free the sailors.",
        calls=(_call("John Kerry", "Mohammad Javad Zarif", date="2016-03-08"),),
        requests=(Request("John Kerry", "Mohammad Javad Zarif", Group("sailors"), "2016-03-08"),),
    ),
    Probe(
        "theresa-may-is-no-modal",
        "British Prime Minister Theresa May spoke to U.S. President-elect Donald Trump by phone on Thursday. "
        "May and Trump agreed to meet early next year.",
        calls=(_call("Theresa May", "Donald Trump", date="2016-03-10"),),
    ),
    Probe(
        "and-again-on-another-day",
        "Secretary of State John Kerry spoke with Russian Foreign Minister Sergei Lavrov by phone on Saturday "
        "and again on Monday, the State Department said.",
        calls=(
            _call("John Kerry", "Sergei Lavrov", date="2016-03-05"),
            _call("John Kerry", "Sergei Lavrov", date="2016-03-07"),
        ),
    ),
    Probe(
        "called-as-soon-as-then-dated-series",
        "U.S. Secretary of State John Kerry called his Iranian counterpart Mohammad Javad Zarif as soon as he "
        "heard that the sailors had been detained. Kerry and Zarif spoke five times by phone on Tuesday.",
        calls=(_call("John Kerry", "Mohammad Javad Zarif", initiator="John Kerry", date="2016-03-08"),),
    ),
    Probe(
        "pm-title",
        "PM Narendra Modi spoke to Chinese President Xi Jinping over the phone on Thursday.",
        calls=(_call("Narendra Modi", "Xi Jinping", date="2016-03-10"),),
    ),
    Probe(
        "secretary-general-telephoned",
        "U.N. Secretary-General Ban Ki-moon telephoned Iranian President Hassan Rouhani on Monday to urge "
        "restraint.",
        calls=(_call("Ban Ki-moon", "Hassan Rouhani", initiator="Ban Ki-moon", date="2016-03-07"),),
    ),
    Probe(
        "coordinated-with-a-lowercase-title",
        "Afghan President Ashraf Ghani and Pakistani army chief General Raheel Sharif spoke by phone on Friday, "
        "officials said.",
        calls=(_call("Ashraf Ghani", "Raheel Sharif", date="2016-03-04"),),
    ),
    Probe(
        "three-states-listed",
        "The leaders of Britain, France and Germany spoke by phone on Sunday about the migrant crisis.",
        calls=(_call("United Kingdom", "France", "Germany", date="2016-03-06"),),
    ),
    Probe(
        "arabic-names-with-particles",
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani received a phone call from Turkish President Tayyip "
        "Erdogan on Sunday.",
        calls=(
            _call(
                "Tamim bin Hamad Al Thani", "Tayyip Erdogan", initiator="Tayyip Erdogan", date="2016-03-06"
            ),
        ),
    ),
    Probe(
        "state-for-an-unnamed-minister",
        "The foreign minister of Germany phoned Russian Foreign Minister Sergei Lavrov on Monday to urge "
        "restraint.",
        calls=(_call("Germany", "Sergei Lavrov", initiator="Germany", date="2016-03-07"),),
    ),
    Probe(
        "foreign-ministers-of-two-states-phoned",
        "The foreign ministers of France and Britain have phoned Iranian Foreign Minister Mohammad Javad "
        "Zarif in recent days.",
        calls=(
            _call("France", "Mohammad Javad Zarif", initiator="France"),
            _call("United Kingdom", "Mohammad Javad Zarif", initiator="United Kingdom"),
        ),
    ),
    Probe(
        "possessive-state-and-counterpart",
        "Japan's foreign minister spoke by phone with his South Korean counterpart on Tuesday.",
        calls=(_call("Japan", "South Korea", date="2016-03-08"),),
    ),
    Probe(
        "apposition-after-possessive-state",
        "Kenyan President Uhuru Kenyatta congratulated Tanzania's new president, John Magufuli, in a phone "
        "call on Friday.",
        calls=(_call("Uhuru Kenyatta", "John Magufuli", date="2016-03-04"),),
    ),
    Probe(
        "sources-in-office-said-he",
        "Sources in President Francois Hollande's office said he had spoken by phone with Chancellor Angela "
        "Merkel to coordinate their response.",
        calls=(_call("Francois Hollande", "Angela Merkel", date=None),),
    ),
    Probe(
        "exchanged-views-by-telephone",
        "Chinese President Xi Jinping and U.S. President Barack Obama exchanged views by telephone on Friday.",
        calls=(_call("Xi Jinping", "Barack Obama", date="2016-03-04"),),
    ),
    Probe(
        "raised-the-case-of-someone-in-a-call-with",
        "U.S. Secretary of State John Kerry raised the case of jailed reporter Jason Rezaian in a phone call "
        "with Iranian Foreign Minister Mohammad Javad Zarif on Saturday.",
        calls=(_call("John Kerry", "Mohammad Javad Zarif", date="2016-03-05"),),
    ),
    Probe(
        "initiated-by-the-american-side",
        "Russian President Vladimir Putin and U.S. President Barack Obama spoke by phone on Monday. The call "
        "was initiated by the American side, the Kremlin said.",
        calls=(_call("Vladimir Putin", "Barack Obama", initiator="Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "at-a-capitals-request",
        "Russian President Vladimir Putin and U.S. President Barack Obama spoke by phone on Monday at "
        "Washington's request, the Kremlin said.",
        calls=(_call("Vladimir Putin", "Barack Obama", initiator="Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "returned-a-call-from",
        "Turkish President Tayyip Erdogan returned a call from Russian President Vladimir Putin on Tuesday.",
        calls=(_call("Tayyip Erdogan", "Vladimir Putin", initiator="Tayyip Erdogan", date="2016-03-08"),),
    ),
    Probe(
        "placed-a-call-to-demonym-title",
        "U.S. President Barack Obama placed a call to Russian President Vladimir Putin on Monday, the White "
        "House said.",
        calls=(_call("Barack Obama", "Vladimir Putin", initiator="Barack Obama", date="2016-03-07"),),
    ),
    Probe(
        "first-conversation-since-is-the-same-call",
        "Russian President Vladimir Putin phoned U.S. President Barack Obama on Tuesday. The two leaders spoke "
        "for 30 minutes, the Kremlin said. It was their first phone conversation since September.",
        calls=(_call("Vladimir Putin", "Barack Obama", initiator="Vladimir Putin", date="2016-03-08"),),
    ),
    Probe(
        "during-the-call-and-in-the-call-are-one-call",
        "U.S. President Barack Obama spoke by phone with Russian President Vladimir Putin on Tuesday about "
        "Syria. During the call, Obama urged Putin to halt air strikes. In the call, Putin told Obama that "
        "Russia would keep up its campaign. Obama also spoke by phone with German Chancellor Angela Merkel on "
        "Wednesday.",
        calls=(
            _call("Barack Obama", "Vladimir Putin", date="2016-03-08"),
            _call("Barack Obama", "Angela Merkel", date="2016-03-09"),
        ),
    ),
    Probe(
        "had-last-spoken-in-a-month-is-another-call",
        "Turkish President Tayyip Erdogan spoke by phone with Russian President Vladimir Putin on Tuesday. "
        "Erdogan had last spoken to Putin by phone in November.",
        calls=(
            _call("Tayyip Erdogan", "Vladimir Putin", date="2016-03-08"),
            _call("Tayyip Erdogan", "Vladimir Putin", date="2015-11"),
        ),
    ),
    Probe(
        "a-forty-minute-phone-conversation",
        "Prime Minister Ana Silva had a 40-minute phone conversation with President Hans Weber on "
        "Tuesday after the missile test.",
        calls=(_call("Ana Silva", "Hans Weber", date="2016-03-08"),),
    ),
    Probe(
        "in-their-phone-call-x-told-y",
        "In their phone call on Tuesday, Ana Silva told Hans Weber that the talks would go on.",
        calls=(_call("Ana Silva", "Hans Weber", date="2016-03-08"),),
    ),
    Probe(
        "in-their-talks-is-not-a-call",
        "In their talks on Tuesday, Ana Silva told Hans Weber that the border would stay open.",
        abstain_ok=True,
    ),
    # a further call told in the next sentence without the phone word, by a side of the call just told
    Probe(
        "a-further-call-he-also-spoke-with",
        "Russian President Pavel Orlov phoned Turkish President Kemal Aydin on Tuesday. He also spoke with "
        "Iranian President Reza Karimi.",
        calls=(
            _call("Pavel Orlov", "Kemal Aydin", initiator="Pavel Orlov", date="2016-03-08"),
            _call("Pavel Orlov", "Reza Karimi"),
        ),
    ),
    Probe(
        "a-further-call-in-a-separate-call",
        "Chancellor Greta Lang spoke by telephone with President Luc Moreau on Monday. In a separate call, she "
        "discussed the border with Prime Minister Tomas Berg.",
        calls=(_call("Greta Lang", "Luc Moreau", date="2016-03-07"), _call("Greta Lang", "Tomas Berg")),
    ),
    Probe(
        "a-further-call-later-comma",
        "Prime Minister Tomas Berg phoned President Luc Moreau on Monday. Later, Berg talked to Chancellor Greta Lang.",
        calls=(
            _call("Tomas Berg", "Luc Moreau", initiator="Tomas Berg", date="2016-03-07"),
            _call("Tomas Berg", "Greta Lang"),
        ),
    ),
    # a pronoun opening the sentence after a call is that sentence's subject, not the last person named
    Probe(
        "he-also-called-is-the-caller-before",
        "President Luc Moreau phoned Chancellor Greta Lang on Tuesday. He also called Prime Minister Tomas Berg.",
        calls=(
            _call("Luc Moreau", "Greta Lang", initiator="Luc Moreau", date="2016-03-08"),
            _call("Luc Moreau", "Tomas Berg", initiator="Luc Moreau"),
        ),
    ),
    Probe(
        "the-diplomat-said-he-talked-on-the-phone",
        "Foreign Minister Ann Reyes met President Luc Moreau in Rome on Monday. The top diplomat said he talked on "
        "the phone with Foreign Minister Kemal Aydin about the ceasefire.",
        calls=(_call("Ann Reyes", "Kemal Aydin"),),
    ),
    Probe(
        "was-telephoned-by",
        "President Luc Moreau was telephoned by Chancellor Greta Lang on Tuesday.",
        calls=(_call("Luc Moreau", "Greta Lang", initiator="Greta Lang", date="2016-03-08"),),
    ),
    Probe(
        "picked-up-the-phone-to-call",
        "Senator Ann Reyes picked up the phone to call Governor Tom Baker on Tuesday.",
        calls=(_call("Ann Reyes", "Tom Baker", initiator="Ann Reyes", date="2016-03-08"),),
    ),
    Probe(
        "learned-in-a-call-from",
        "Chairman Tom Baker learned of the offer in a telephone call on Tuesday from Ann Reyes, chief executive of Acme.",
        calls=(_call("Tom Baker", "Ann Reyes", initiator="Ann Reyes", date="2016-03-08"),),
    ),
)

CALL_TRAPS = (
    Probe(
        "a-noun-called-a-name",
        "The suspect was a young Belgian called Omar Haddad. Police named an Algerian militant called "
        "Karim Saadi as the man responsible on Monday.",
    ),
    Probe(
        "called-for",
        "U.N. Secretary-General Ban Ki-moon called for an immediate ceasefire in Aleppo on Monday.",
    ),
    Probe(
        "called-on-release",
        "Amnesty International called on Egyptian President Abdel Fattah al-Sisi to release the jailed "
        "photojournalist Mahmoud Abu Zeid.",
        requests=(Request("Amnesty International", "Abdel Fattah al-Sisi", "Mahmoud Abu Zeid"),),
    ),
    Probe(
        "called-him-a-liar",
        "Republican candidate Donald Trump called Senator Ted Cruz a liar at a rally on Tuesday.",
    ),
    Probe(
        "conference-call-with-analysts",
        "Chief Executive Tim Cook told analysts on a conference call that iPhone sales would fall.",
    ),
    Probe(
        "phone-interview",
        "Opposition leader Henrique Capriles told reporters in a phone interview that the government had "
        "lost its majority.",
    ),
    Probe(
        "will-speak-by-phone",
        "Russian President Vladimir Putin and U.S. President Barack Obama will speak by phone on Friday, "
        "Kremlin spokesman Dmitry Peskov said.",
    ),
    Probe(
        "declined-to-return-a-call",
        "A spokesman for Governor Rick Scott declined to return a phone call seeking comment on Tuesday.",
    ),
    Probe(
        "did-not-answer-calls",
        "Lawyers for Chief Executive John Stumpf did not answer calls from Reuters on Friday.",
    ),
    Probe(
        "called-upon-transcripts",
        "Senator Bernie Sanders called upon former Secretary of State Hillary Clinton to release the "
        "transcripts of her speeches.",
    ),
    Probe(
        "had-not-spoken",
        "Iranian Foreign Minister Mohammad Javad Zarif said he had not spoken by phone with Secretary of "
        "State John Kerry since the talks ended.",
    ),
    Probe(
        "would-call-later",
        "Government spokesman Steffen Seibert said Chancellor Angela Merkel would call Turkish Prime Minister "
        "Ahmet Davutoglu later in the week.",
    ),
    Probe("reached-by-phone", "Reached by phone, Colonel Ahmed Asiri declined to comment on the strike."),
    Probe(
        "called-proceedings-a-coup",
        "Brazilian President Dilma Rousseff called the impeachment proceedings a coup on Thursday.",
    ),
    Probe(
        "conference-call-with-reporters",
        "Campaign manager Robby Mook said on a conference call with reporters that Hillary Clinton would "
        "win the primary.",
    ),
    Probe(
        "phone-records",
        "Investigators examined phone calls made by gunman Syed Rizwan Farook in the days before the attack.",
    ),
    Probe("called-in", "Donald Trump called in to Fox News on Monday to defend his remarks."),
    Probe("called-proposal", "Secretary of State John Kerry called Sergei Lavrov's proposal unacceptable."),
    Probe("so-called", "Iraqi Prime Minister Haider al-Abadi vowed to defeat the so-called Islamic State."),
    Probe(
        "expected-to-speak",
        "Chancellor Angela Merkel is expected to speak by phone with President Vladimir Putin on Friday.",
    ),
    Probe(
        "plans-to-call",
        "President-elect Donald Trump plans to call Chinese President Xi Jinping after his inauguration.",
    ),
    Probe(
        "phone-interview-with-reuters",
        "Syrian opposition negotiator Mohammed Alloush told Reuters in a telephone interview on Monday that "
        "the talks had failed.",
    ),
    Probe(
        "called-an-election",
        "Prime Minister Shinzo Abe called a snap election for October, his office said.",
    ),
    Probe(
        "the-call-unintroduced",
        "Police arrested Jose Ramirez on Sunday. The call came shortly after midnight, a neighbour said.",
    ),
    Probe(
        "not-reachable",
        "Trade Minister Liam Fox could not be reached by telephone on Wednesday.",
    ),
    Probe(
        "refused-to-take-call",
        "Venezuelan President Nicolas Maduro refused to take a phone call from Colombian President Juan "
        "Manuel Santos on Monday.",
    ),
    Probe(
        "called-name-comma-adjective",
        "Democratic candidate Hillary Clinton called Donald Trump, the Republican front-runner, dangerous.",
    ),
    Probe(
        "calls-to-the-ministry-unanswered",
        "Calls to Interior Minister Bernard Cazeneuve's office went unanswered on Tuesday.",
    ),
    Probe(
        "hopes-to-speak",
        "Japanese Prime Minister Shinzo Abe hopes to speak by phone with U.S. President Barack Obama soon.",
    ),
    Probe(
        "putins-call-for-a-coalition",
        "Russian President Vladimir Putin's call for a broad coalition against Islamic State was rejected by "
        "U.S. President Barack Obama.",
    ),
    Probe(
        "no-phone-call-since",
        "There has been no phone call between Russian President Vladimir Putin and Turkish President Tayyip "
        "Erdogan since November.",
    ),
    Probe(
        "refused-to-take-calls",
        "Russian President Vladimir Putin refused to take calls from Turkish President Tayyip Erdogan after "
        "the jet was downed.",
    ),
    Probe(
        "tried-to-call",
        "Secretary of State John Kerry tried to call Russian Foreign Minister Sergei Lavrov on Tuesday but "
        "could not get through.",
    ),
    Probe(
        "has-yet-to-call",
        "U.S. President Barack Obama has yet to call Israeli Prime Minister Benjamin Netanyahu since the "
        "election.",
    ),
    Probe(
        "called-off",
        "Israeli Prime Minister Benjamin Netanyahu called off his visit to Washington on Monday.",
    ),
    Probe(
        "called-out",
        "U.S. President Barack Obama called out Russian President Vladimir Putin on Tuesday over Crimea.",
    ),
    Probe(
        "called-it-difficult",
        "German Chancellor Angela Merkel met Russian President Vladimir Putin on Monday and called it a "
        "difficult conversation.",
    ),
    Probe(
        "called-a-liar-on-tuesday",
        "Turkish President Tayyip Erdogan called Russian President Vladimir Putin a liar on Tuesday.",
    ),
    Probe(
        "called-quote",
        "Republican front-runner Donald Trump called Democratic rival Hillary Clinton 'crooked' at a rally.",
    ),
    Probe(
        "calls-have-become-rare",
        "Calls between Russian President Vladimir Putin and U.S. President Barack Obama have become rare.",
        abstain_ok=True,
    ),
    Probe(
        "declined-to-say-whether-called",
        "White House spokesman Josh Earnest declined to say whether President Barack Obama had called "
        "Israeli Prime Minister Benjamin Netanyahu.",
    ),
    Probe(
        "promised-to-call",
        "U.S. President Barack Obama promised to call Israeli Prime Minister Benjamin Netanyahu after the "
        "vote.",
    ),
    Probe(
        "call-from-a-man-claiming-to-be",
        "Police said they received a phone call from a man claiming to be Salah Abdeslam.",
    ),
    Probe(
        "hundreds-of-calls-after-the-quake",
        "Emergency services received hundreds of calls after the earthquake struck on Tuesday, officials said. "
        "President Ollanta Humala called on residents to remain calm.",
    ),
    Probe(
        "mother-called-him-after-the-verdict",
        "A judge sentenced John Smith to 10 years in prison on Monday. His lawyer, Mary Jones, called the "
        "sentence unjust.",
    ),
    Probe(
        "never-spoken",
        "North Korean leader Kim Jong Un has never spoken by phone with South Korean President Park Geun-hye.",
    ),
    Probe(
        "a-persons-envoy-is-not-the-person",
        "National security adviser Susan Rice spoke by phone with Israeli Prime Minister Benjamin Netanyahu's "
        "envoy on Monday.",
    ),
    Probe(
        "called-on-his-claims",
        "Democratic candidate Hillary Clinton called Senator Bernie Sanders on his claims about trade.",
    ),
    Probe(
        "called-two-names-liars",
        "Republican front-runner Donald Trump called Senator Ted Cruz and Senator Marco Rubio liars.",
    ),
    Probe(
        "called-a-list-of-names-liars",
        "Republican front-runner Donald Trump called Ted Cruz, Marco Rubio and John Kasich liars on Tuesday.",
    ),
    Probe(
        "told-a-newspaper-by-phone",
        "Opposition leader Henrique Capriles told The New York Times by phone that the vote was rigged.",
    ),
    Probe(
        "spoke-to-a-newspaper-by-phone",
        "Senator John McCain spoke to the Washington Post by phone on Monday.",
    ),
    Probe(
        "told-a-newspaper-in-a-phone-call",
        "Governor Rick Scott told the Miami Herald in a phone call that he would sign the bill.",
    ),
    Probe(
        "told-an-agency-by-phone",
        "Syrian opposition figure Louay Safi told Anadolu Agency by phone that the talks had collapsed.",
    ),
    # a continuation needs a call just told, and a side of it as the speaker
    Probe(
        "also-spoke-after-a-meeting-is-no-call",
        "Prime Minister Ana Silva met Chancellor Hans Weber on Monday. She also spoke with President Omar Haddad.",
    ),
    Probe(
        "also-spoke-by-someone-else-is-no-call",
        "Prime Minister Ana Silva phoned Chancellor Hans Weber on Monday. President Omar Haddad also spoke with "
        "Foreign Minister Lena Berg.",
        calls=(_call("Ana Silva", "Hans Weber", initiator="Ana Silva", date="2016-03-07"),),
    ),
    Probe(
        "also-spoke-three-sentences-later-is-no-call",
        "Prime Minister Ana Silva phoned Chancellor Hans Weber on Monday. The economy grew. Prices rose. Wages "
        "fell. She also spoke with President Omar Haddad.",
        calls=(_call("Ana Silva", "Hans Weber", initiator="Ana Silva", date="2016-03-07"),),
    ),
    Probe(
        "a-secret-conversation-between-is-no-call",
        "Ambassador Tom Baker met Senator Ann Reyes in May. A secret conversation between him and Reyes was "
        "leaked, in which Reyes spoke about the talks.",
    ),
)

# --------------------------------------------------------------------------- pardon requests

PARDON_PROBES = (
    Probe(
        "family-asked-to-pardon-him",
        "The family of jailed journalist Evan Gershkovich asked President Vladimir Putin to pardon him.",
        requests=(Request(Group("family", "Gershkovich"), "Vladimir Putin", "Evan Gershkovich"),),
        abstain_ok=True,
    ),
    Probe(
        "appealed-for-clemency-for",
        "Human rights group Amnesty International appealed for clemency for Ali al-Nimr, who was sentenced "
        "to death as a juvenile.",
        requests=(Request("Amnesty International", ANY, "Ali al-Nimr"),),
    ),
    Probe(
        "petitioned-the-king",
        "Lawyers for blogger Raif Badawi petitioned King Salman to pardon him, his wife Ensaf Haidar said "
        "on Tuesday.",
        requests=(Request(Group("Lawyers", "Badawi"), "Salman", "Raif Badawi"),),
        abstain_ok=True,
    ),
    Probe(
        "eu-urged-to-free",
        "The European Union urged Azerbaijan to free jailed investigative journalist Khadija Ismayilova.",
        requests=(Request("European Union", "Azerbaijan", "Khadija Ismayilova"),),
    ),
    Probe(
        "relatives-asked-for-a-royal-pardon",
        "Relatives of Bahraini activist Nabeel Rajab asked for a royal pardon on Monday.",
        requests=(Request(Group("Relatives", "Rajab"), ANY, "Nabeel Rajab", "2016-03-07"),),
        abstain_ok=True,
    ),
    Probe(
        "sought-a-pardon-from",
        "Chelsea Manning sought a pardon from President Barack Obama in November, her lawyers said.",
        requests=(Request("Chelsea Manning", "Barack Obama", "Chelsea Manning", "2015-11"),),
    ),
    Probe(
        "called-on-iran-to-release",
        "Secretary of State John Kerry called on Iran to release Washington Post reporter Jason Rezaian.",
        requests=(Request("John Kerry", "Iran", "Jason Rezaian"),),
    ),
    Probe(
        "urged-on-tuesday-to-release",
        "Reporters Without Borders urged Turkish President Tayyip Erdogan on Tuesday to release Cumhuriyet "
        "editor Can Dundar.",
        requests=(Request("Reporters Without Borders", "Tayyip Erdogan", "Can Dundar", "2016-03-08"),),
    ),
    Probe(
        "called-for-the-release-of",
        "The United Nations human rights office called for the immediate release of Egyptian-American "
        "activist Mohamed Soltan.",
        requests=(Request(ANY, ANY, "Mohamed Soltan"),),
    ),
    Probe(
        "appealed-to-governor-for-mercy",
        "Pope Francis appealed to Georgia Governor Nathan Deal for mercy for death row inmate Kelly "
        "Gissendaner.",
        requests=(Request("Francis", "Nathan Deal", "Kelly Gissendaner"),),
    ),
    Probe(
        "washington-asked-moscow",
        "Washington has asked Moscow to free Ukrainian pilot Nadiya Savchenko, the State Department said.",
        requests=(Request("United States", "Russia", "Nadiya Savchenko"),),
        abstain_ok=True,
    ),
    Probe(
        "mother-appealed-to-government",
        "The mother of journalist Austin Tice appealed to the Syrian government to release her son.",
        requests=(Request(Described("mother", "Tice"), "Syria", "Austin Tice"),),
        abstain_ok=True,
    ),
    Probe(
        "asked-for-a-presidential-pardon",
        "Former Ukrainian prime minister Yulia Tymoshenko asked for a presidential pardon in 2012.",
        requests=(Request("Yulia Tymoshenko", ANY, "Yulia Tymoshenko", "2012"),),
    ),
    Probe(
        "pressed-china-to-free",
        "Canadian Foreign Minister Stephane Dion pressed China on Monday to free Canadian missionary Kevin "
        "Garratt.",
        requests=(Request("Stephane Dion", "China", "Kevin Garratt", "2016-03-07"),),
    ),
    Probe(
        "rights-groups-urged",
        "Human Rights Watch urged Bahrain on Wednesday to release prominent activist Abdulhadi al-Khawaja.",
        requests=(Request("Human Rights Watch", "Bahrain", "Abdulhadi al-Khawaja", "2016-03-09"),),
    ),
    Probe(
        "a-former-mayor",
        "A former mayor asked Governor Jerry Brown for a pardon on Friday.",
        requests=(Request(Described("former mayor"), "Jerry Brown", Described("former mayor")),),
        abstain_ok=True,
    ),
    Probe(
        "a-former-mayor-urged",
        "A former mayor urged Governor Jerry Brown to release Kevin Cooper.",
        requests=(Request(Described("former mayor"), "Jerry Brown", "Kevin Cooper"),),
    ),
    Probe(
        "a-lawyer-for-asked-to-pardon-him",
        "A lawyer for Kevin Cooper asked Governor Jerry Brown on Monday to pardon him.",
        requests=(Request(Described("lawyer", "Cooper"), "Jerry Brown", "Kevin Cooper", "2016-03-07"),),
    ),
    Probe(
        "called-for-possessive-release",
        "Amnesty International called for Raif Badawi's immediate and unconditional release.",
        requests=(Request("Amnesty International", ANY, "Raif Badawi"),),
    ),
    Probe(
        "demanded-the-release-of",
        "The United States demanded the release of American pastor Andrew Brunson, who has been held in "
        "Turkey since October.",
        requests=(Request("United States", ANY, "Andrew Brunson"),),
    ),
    Probe(
        "asked-to-commute-her-sentence",
        "Army Private Chelsea Manning asked President Barack Obama to commute her sentence, her lawyers said "
        "on Wednesday.",
        requests=(Request("Chelsea Manning", "Barack Obama", "Chelsea Manning"),),
    ),
    Probe(
        "urged-to-grant-clemency-to",
        "Lawmakers urged President Barack Obama to grant clemency to Native American activist Leonard "
        "Peltier.",
        requests=(Request(Group("Lawmakers"), "Barack Obama", "Leonard Peltier"),),
    ),
    Probe(
        "lawyers-for-asked-to-commute-his-sentence",
        "Lawyers for Oscar Lopez Rivera have asked President Barack Obama to commute his sentence.",
        requests=(Request(Group("Lawyers", "Rivera"), "Barack Obama", "Oscar Lopez Rivera"),),
        abstain_ok=True,
    ),
    Probe(
        "wife-in-apposition-appealed-to",
        "Raif Badawi's wife, Ensaf Haidar, has appealed to King Salman to pardon him.",
        requests=(Request("Ensaf Haidar", "Salman", "Raif Badawi"),),
        abstain_ok=True,
    ),
    Probe(
        "asked-the-russian-leader",
        "Russian President Vladimir Putin met Israeli Prime Minister Benjamin Netanyahu in Moscow. "
        "Netanyahu asked the Russian leader to pardon Naama Issachar, an Israeli-American backpacker.",
        requests=(Request("Benjamin Netanyahu", "Vladimir Putin", "Naama Issachar"),),
    ),
    Probe(
        "called-on-moscow-to-free",
        "Ukrainian President Petro Poroshenko called on Moscow to free pilot Nadiya Savchenko.",
        requests=(Request("Petro Poroshenko", "Russia", "Nadiya Savchenko"),),
    ),
    Probe(
        "urged-kremlin-to-release",
        "Secretary of State John Kerry urged the Kremlin to release Estonian officer Eston Kohver.",
        requests=(Request("John Kerry", "Russia", "Eston Kohver"),),
    ),
    Probe(
        "wifes-possessive-group-appealed-for-release",
        "Mohamed Soltan's father has appealed for his son's release from an Egyptian jail.",
        requests=(Request(Described("father", "Soltan"), ANY, "Mohamed Soltan"),),
        abstain_ok=True,
    ),
    Probe(
        "all-political-prisoners",
        "Myanmar opposition leader Aung San Suu Kyi called for the release of all political prisoners.",
        requests=(Request("Aung San Suu Kyi", ANY, Group("political prisoners")),),
    ),
    Probe(
        "asked-the-iranian-authorities",
        "The British government asked the Iranian authorities on Monday to release aid worker Nazanin "
        "Zaghari-Ratcliffe.",
        requests=(Request(ANY, "Iran", "Nazanin Zaghari-Ratcliffe", "2016-03-07"),),
        abstain_ok=True,
    ),
    Probe(
        "urged-tehran",
        "The State Department urged Tehran to free former FBI agent Robert Levinson.",
        requests=(Request("United States", "Iran", "Robert Levinson"),),
    ),
    Probe(
        "sought-clemency-from-in-a-year",
        "Convicted spy Jonathan Pollard sought clemency from President Bill Clinton in 1998.",
        requests=(Request("Jonathan Pollard", "Bill Clinton", "Jonathan Pollard", "1998"),),
    ),
    Probe(
        "supporters-of-urged-to-pardon-him",
        "Supporters of former NSA contractor Edward Snowden urged President Barack Obama on Wednesday to "
        "pardon him.",
        requests=(Request(Group("Supporters", "Snowden"), "Barack Obama", "Edward Snowden", "2016-03-09"),),
    ),
    Probe(
        "urging-the-release-of",
        "Rights groups issued a statement on Monday urging the release of detained journalists.",
        requests=(Request(Group("Rights groups"), ANY, Group("journalists")),),
        abstain_ok=True,
    ),
    Probe(
        "letter-urging-him",
        "In a letter to U.S. President Barack Obama, lawmakers urged him to commute the sentence of Oscar "
        "Lopez Rivera.",
        requests=(Request(Group("lawmakers"), "Barack Obama", "Oscar Lopez Rivera"),),
        abstain_ok=True,
    ),
    Probe(
        "bbc-col-title-asked-to-free",
        "Prime Minister Tony Blair has asked Libyan leader Col Muammar Gaddafi to free five Bulgarian nurses.",
        requests=(Request("Tony Blair", "Muammar Gaddafi", Group("nurses")),),
    ),
    Probe(
        "reuters-1987-appealed-to-president-to",
        "date 1987-03-04\nAMNESTY APPEALS FOR RELEASE OF SOVIET DISSIDENT\n\n"
        "LONDON, March 4 - Amnesty International appealed to Soviet leader Mikhail Gorbachev on Wednesday "
        "to release dissident Anatoly Koryagin, who is serving a 12-year term.",
        requests=(Request("Amnesty International", "Mikhail Gorbachev", "Anatoly Koryagin", "1987-03-04"),),
    ),
    Probe(
        "aljazeera-called-on-egypt",
        "Amnesty International has called on Egyptian authorities to release Al Jazeera journalist Mohamed "
        "Fahmy, who was sentenced to seven years in prison.",
        requests=(Request("Amnesty International", "Egypt", "Mohamed Fahmy"),),
        abstain_ok=True,
    ),
    Probe(
        "wife-appealed-to-king-for-his-release",
        "The wife of jailed Saudi blogger Raif Badawi appealed to King Salman on Monday to release her "
        "husband.",
        requests=(Request(Described("wife", "Badawi"), "Salman", "Raif Badawi", "2016-03-07"),),
        abstain_ok=True,
    ),
    Probe(
        "lawyers-filed-a-petition-with",
        "The lawyers filed a petition with President Barack Obama on Monday seeking a pardon for Chelsea "
        "Manning.",
        requests=(Request(Group("lawyers"), "Barack Obama", "Chelsea Manning"),),
    ),
    Probe(
        "in-egypt-rights-groups-urged",
        "In Egypt, rights groups urged the government to release photojournalist Mahmoud Abu Zeid.",
        requests=(Request(Group("rights groups"), ANY, "Mahmoud Abu Zeid"),),
    ),
    Probe(
        "zeid-urged-king-to-pardon-blogger",
        "The U.N. human rights chief Zeid Ra'ad al-Hussein urged Saudi King Salman to pardon blogger Raif "
        "Badawi.",
        requests=(Request("Zeid Ra'ad al-Hussein", "Salman", "Raif Badawi"),),
    ),
    Probe(
        "canada-asked-to-grant-clemency-to",
        "Canada has asked Saudi Arabia to grant clemency to Raif Badawi, whose wife lives in Quebec.",
        requests=(Request("Canada", "Saudi Arabia", "Raif Badawi"),),
    ),
    Probe(
        "demanded-that-egypt-free",
        "Rights group Human Rights Watch demanded that Egypt free photojournalist Mahmoud Abu Zeid.",
        requests=(Request("Human Rights Watch", "Egypt", "Mahmoud Abu Zeid"),),
    ),
    Probe(
        "the-jailed-blogger-is-the-blogger-named",
        "Saudi blogger Raif Badawi was sentenced to 10 years in prison in 2014. On Tuesday, the European "
        "Parliament urged King Salman to pardon the jailed blogger.",
        requests=(Request("European Parliament", "Salman", "Raif Badawi", "2016-03-08"),),
    ),
    Probe(
        "her-is-not-the-man-who-said-he",
        "Ukrainian pilot Nadiya Savchenko was sentenced to 22 years by a Russian court on Tuesday. Ukrainian "
        "President Petro Poroshenko said he would seek her release. Secretary of State John Kerry called on "
        "Russia to release her.",
        requests=(Request("John Kerry", "Russia", "Nadiya Savchenko"),),
        abstain_ok=True,
    ),
    Probe(
        "brother-appealed-to-release-him",
        "Washington Post reporter Jason Rezaian has been held in Iran since July 2014. His brother Ali Rezaian "
        "appealed to Iranian President Hassan Rouhani on Monday to release him.",
        requests=(Request("Ali Rezaian", "Hassan Rouhani", "Jason Rezaian", "2016-03-07"),),
    ),
    Probe(
        "her-lawyer-said-she-had-asked",
        "Chelsea Manning is serving a 35-year sentence. Her lawyer Nancy Hollander said on Wednesday she had "
        "asked President Barack Obama to commute the sentence.",
        requests=(Request("Nancy Hollander", "Barack Obama", "Chelsea Manning"),),
        abstain_ok=True,
    ),
    Probe(
        "said-calling-on-to-free-them",
        "Two Al Jazeera journalists were jailed in Egypt on Saturday, Amnesty International said on Sunday, "
        "calling on the Egyptian authorities to free them immediately.",
        requests=(Request("Amnesty International", "Egypt", Group("journalists"), "2016-03-06"),),
    ),
    Probe(
        "working-group-called-for-possessive-release",
        "The U.N. working group on arbitrary detention has called for Jason Rezaian's release.",
        requests=(Request(Group("working group"), ANY, "Jason Rezaian"),),
    ),
    Probe(
        "since-his-arrest-does-not-date-the-request",
        "U.S. officials have pressed North Korea for the release of Kenneth Bae since his arrest in 2012.",
        requests=(Request(ANY, "North Korea", "Kenneth Bae", None),),
    ),
    Probe(
        "appealed-for-the-release-of-three",
        "The International Federation of Journalists appealed for the immediate release of Peter Greste, "
        "Mohamed Fahmy and Baher Mohamed.",
        requests=(Request("International Federation of Journalists", ANY, "Peter Greste"),),
    ),
    Probe(
        "two-pronoun-requests-in-one-article",
        "Washington Post reporter Jason Rezaian has been held in Iran since July 2014. His brother Ali Rezaian "
        "appealed to Iranian President Hassan Rouhani on Monday to release him. Army Private Chelsea Manning "
        "asked President Barack Obama to commute her sentence.",
        requests=(
            Request("Ali Rezaian", "Hassan Rouhani", "Jason Rezaian", "2016-03-07"),
            Request("Chelsea Manning", "Barack Obama", "Chelsea Manning"),
        ),
    ),
    Probe(
        "applied-for-a-pardon",
        "Jailed oil tycoon Mikhail Khodorkovsky applied for a pardon in November, his lawyers said.",
        requests=(Request("Mikhail Khodorkovsky", ANY, "Mikhail Khodorkovsky", "2015-11"),),
    ),
    Probe(
        "daughter-wrote-to-asking-for-her-mothers-release",
        "Former Ukrainian prime minister Yulia Tymoshenko's daughter wrote to President Viktor Yanukovich "
        "asking for her mother's release.",
        requests=(Request(Described("daughter", "Tymoshenko"), "Viktor Yanukovich", "Yulia Tymoshenko"),),
    ),
    Probe(
        "made-an-appeal-to-for-the-release-of",
        "Pope Francis made an appeal to Saudi King Salman for the release of blogger Raif Badawi on Sunday.",
        requests=(Request("Francis", "Salman", "Raif Badawi", "2016-03-06"),),
    ),
    Probe(
        "written-to-urging-him",
        "The Dalai Lama has written to Chinese President Xi Jinping urging him to free the Panchen Lama.",
        requests=(Request("Dalai Lama", "Xi Jinping", "Panchen Lama"),),
    ),
    Probe(
        "surname-first-full-name-later",
        "Kerry urged Zarif in a phone call on Saturday to release Jason Rezaian. Secretary of State John Kerry "
        "and Iranian Foreign Minister Mohammad Javad Zarif met in Vienna. Washington Post reporter Jason "
        "Rezaian is held in Iran.",
        # the surnames told before the full names are the people: the call is theirs too
        calls=(_call("John Kerry", "Mohammad Javad Zarif", date="2016-03-05"),),
        requests=(Request("John Kerry", "Mohammad Javad Zarif", "Jason Rezaian", "2016-03-05"),),
    ),
    Probe(
        "quash-the-sentence-and-release",
        "Amnesty International called on the Saudi authorities to quash the sentence and release Raif Badawi.",
        requests=(Request("Amnesty International", "Saudi Arabia", "Raif Badawi"),),
    ),
    Probe(
        "possessive-state-leaders",
        "Secretary of State John Kerry urged Iran's leaders on Monday to free Washington Post reporter Jason "
        "Rezaian.",
        requests=(Request("John Kerry", "Iran", "Jason Rezaian", "2016-03-07"),),
    ),
    Probe(
        "demonym-authorities",
        "The European Union called on Russian authorities to release Ukrainian pilot Nadiya Savchenko.",
        requests=(Request("European Union", "Russia", "Nadiya Savchenko"),),
    ),
    Probe(
        "government-of-a-state",
        "The United States urged the government of Bahrain to release opposition leader Sheikh Ali Salman.",
        requests=(Request("United States", "Bahrain", "Ali Salman"),),
    ),
    Probe(
        "two-authorities-two-requests",
        "Amnesty International urged Egypt and Bahrain on Monday to release jailed activists.",
        requests=(
            Request("Amnesty International", "Egypt", Group("activists"), "2016-03-07"),
            Request("Amnesty International", "Bahrain", Group("activists"), "2016-03-07"),
        ),
    ),
    Probe(
        "an-authority-whose-name-holds-and",
        "Lawyers for Daniel Lucas filed a petition asking the State Board of Pardons and Paroles to commute "
        "his sentence.",
        requests=(Request(Group("Lawyers", "Lucas"), ANY, "Daniel Lucas"),),
        abstain_ok=True,
    ),
    Probe(
        "a-request-from-someones-wife",
        "The Saudi king received a request from Raif Badawi's wife for a royal pardon.",
        requests=(Request(Described("wife", "Badawi"), ANY, "Raif Badawi"),),
    ),
    Probe(
        "a-request-for-a-pardon-to",
        "Naama Issachar's mother Yaffa submitted a request for a pardon to President Vladimir Putin on Monday.",
        requests=(
            Request(Described("mother", "Issachar"), "Vladimir Putin", "Naama Issachar", "2016-03-07"),
        ),
    ),
    Probe(
        "a-request-rejected-on-a-day",
        "Death row inmate Kelly Gissendaner's request for clemency was rejected by the parole board on "
        "Tuesday.",
        requests=(Request("Kelly Gissendaner", ANY, "Kelly Gissendaner", None),),
    ),
    Probe(
        "possessive-lawyers-filed-a-petition",
        "Richard Glossip's lawyers have filed a new clemency petition, arguing he is innocent.",
        requests=(Request(Group("lawyers", "Glossip"), ANY, "Richard Glossip"),),
    ),
    Probe(
        "an-amnesty-for-political-prisoners",
        "The opposition called for an amnesty for political prisoners on Monday.",
        requests=(Request(Group("opposition"), ANY, Group("political prisoners"), "2016-03-07"),),
    ),
    Probe(
        "her-husband-asked-a-states-leader",
        "Amnesty International called on Iran to release British-Iranian charity worker Anoosheh Ashoori. Her "
        "husband has asked Iran's supreme leader to pardon her.",
        requests=(
            Request("Amnesty International", "Iran", "Anoosheh Ashoori"),
            Request(Described("husband"), "Iran", "Anoosheh Ashoori"),
        ),
    ),
    Probe(
        "appealed-for-clemency-to-a-king-with-a-regnal-number",
        "The family of jailed journalist Soulaimane Raissouni appealed for clemency to King Mohammed VI on "
        "Thursday.",
        requests=(
            Request(Group("family", "Raissouni"), "Mohammed VI", "Soulaimane Raissouni", "2016-03-10"),
        ),
    ),
    Probe(
        "another-detainees-country-is-not-the-addressee",
        "date 2016-03-10\nHeadline\n\nLawyers for Indian-born engineer Priya Raman asked for a presidential "
        "pardon on Monday, saying her 40-year sentence was excessive.\n\nSeparately, the brother of a Canadian "
        "teacher detained in Iran petitioned Supreme Leader Ali Khamenei to pardon him. The teacher, Paul "
        "Moore, was sentenced to eight years in 2015.",
        requests=(
            Request(Group("Lawyers", "Raman"), None, "Priya Raman", "2016-03-07"),
            Request(Described("brother"), "Ali Khamenei", "Paul Moore"),
        ),
        abstain_ok=True,
    ),
    Probe(
        "a-nationality-is-not-the-detaining-state",
        "Amnesty International called for the release of Ukrainian pilot Nadiya Savchenko.",
        requests=(Request("Amnesty International", None, "Nadiya Savchenko"),),
    ),
)

PARDON_TRAPS = (
    Probe("was-pardoned", "Saudi blogger Raif Badawi was pardoned by King Salman on Tuesday."),
    Probe("granted-clemency", "Missouri Governor Jay Nixon granted clemency to inmate Leon Taylor in 2015."),
    Probe(
        "commuted-the-sentence",
        "President Barack Obama commuted the sentences of 61 drug offenders on Wednesday.",
    ),
    Probe(
        "rejected-a-request",
        "King Salman rejected a request to pardon Raif Badawi, a court official said.",
        requests=(Request(ANY, "Salman", "Raif Badawi"),),
        abstain_ok=True,
    ),
    Probe("pardon-me", "'Pardon me,' Senator John McCain told the committee chairman."),
    Probe(
        "will-ask-for-a-pardon",
        "Lawyers for Chelsea Manning will ask President Barack Obama for a pardon, they said on Tuesday.",
    ),
    Probe("released-a-statement", "The Kremlin released a statement on Monday criticising the sanctions."),
    Probe("iran-freed", "Iran freed Washington Post reporter Jason Rezaian on Saturday."),
    Probe(
        "campaigned-for-free-speech",
        "Rights groups Amnesty International and Human Rights Watch have long campaigned for free speech.",
    ),
    Probe(
        "release-on-bail",
        "A Cairo court ordered the release of photojournalist Mahmoud Abu Zeid on bail on Tuesday.",
    ),
    Probe(
        "stay-of-execution",
        "Lawyers for Richard Glossip asked the Supreme Court for a stay of execution on Wednesday.",
    ),
    Probe(
        "would-consider-a-pardon",
        "President Barack Obama said he would consider a pardon for Edward Snowden.",
    ),
    Probe(
        "did-not-ask",
        "Prime Minister Justin Trudeau did not ask China to release Kevin Garratt, his office said.",
    ),
    Probe("rebels-released-soldiers", "Yemen's Houthi rebels released two Saudi soldiers on Sunday."),
    Probe(
        "if-granted-a-pardon",
        "Edward Snowden has said he would return to the United States if granted a pardon.",
    ),
    Probe(
        "release-funding",
        "Hillary Clinton called on Congress to release emergency funding for Flint, Michigan.",
    ),
    Probe(
        "release-of-the-film",
        "Supporters of the director Jafar Panahi called for the release of his new film in Iran.",
    ),
    Probe("free-trade", "Prime Minister Shinzo Abe urged Washington to back free trade in Asia."),
    Probe(
        "amnesty-law",
        "An amnesty law passed by parliament freed thousands of prisoners in Myanmar last year.",
    ),
    Probe(
        "was-released",
        "Journalist Jason Rezaian was released from Evin prison in January.",
    ),
    Probe(
        "plans-to-seek",
        "Relatives of Kevin Garratt plan to seek his release through diplomatic channels.",
    ),
    Probe(
        "released-from-his-contract",
        "Chelsea striker Diego Costa asked to be released from his contract on Monday.",
    ),
    Probe(
        "called-for-free-elections",
        "Opposition leader Aung San Suu Kyi called for free and fair elections in Myanmar.",
    ),
    Probe(
        "urged-the-release-of-the-report",
        "Senator Dianne Feinstein urged the release of the full torture report on Tuesday.",
    ),
    Probe(
        "israel-released-prisoners",
        "Israel released 26 Palestinian prisoners on Tuesday under a deal brokered by Secretary of State "
        "John Kerry.",
    ),
    Probe(
        "thanked-for-releasing",
        "Israeli Prime Minister Benjamin Netanyahu thanked Russian President Vladimir Putin for releasing "
        "Naama Issachar.",
    ),
    Probe(
        "promised-to-release",
        "Russian President Vladimir Putin promised to release Naama Issachar, the Kremlin said.",
    ),
    Probe(
        "agreed-to-release",
        "Iran agreed on Tuesday to release the 10 U.S. sailors detained in the Gulf.",
    ),
    Probe(
        "calls-grew-for",
        "Calls grew on Tuesday for the release of Washington Post reporter Jason Rezaian.",
        abstain_ok=True,
    ),
    Probe(
        "release-of-the-killers-criticised",
        "Human rights groups criticised the release of the killers of journalist Daniel Pearl.",
    ),
    Probe(
        "freed-after-campaign",
        "Reporter Jason Rezaian was freed on Saturday after a long campaign by his family.",
    ),
    Probe(
        "petition-rejected-by-the-white-house",
        "The White House on Tuesday rejected a petition seeking a pardon for Edward Snowden.",
        abstain_ok=True,
    ),
    Probe(
        "asked-for-her-husband-to-be-freed",
        "Lopez's wife Lilian Tintori has repeatedly asked for her husband to be freed.",
        abstain_ok=True,
    ),
    Probe(
        "more-than-people-signed-a-petition",
        "More than 100,000 people signed a petition asking President Barack Obama to pardon Edward Snowden.",
        abstain_ok=True,
    ),
    Probe(
        "stay-of-execution-after-intro",
        "Richard Glossip is due to be executed on Wednesday. His lawyers asked Governor Mary Fallin for a "
        "60-day stay of execution.",
    ),
    Probe(
        "release-funds-after-title",
        "The president, Barack Obama, asked Congress to release funds for the Zika response.",
    ),
    Probe(
        "commuters-and-funds",
        "Transport officials called on commuters to avoid the city centre. Obama urged Congress to free up "
        "funding for the Zika response. The airline asked passengers to release their seat belts.",
    ),
    Probe(
        "free-the-press-and-a-whale",
        "Rights groups called on the government to free the press from censorship. Police asked the public "
        "to help free a whale stranded on the beach.",
    ),
    Probe(
        "free-press-free-elections-tax-amnesty",
        "Journalists called for a free press and an end to censorship. The opposition demanded free elections "
        "and asked for free legal aid for protesters. Business groups called for an amnesty for tax evaders.",
    ),
    Probe(
        "release-on-bail-and-children-from-school",
        "Lawyers asked the court to release their client on bail. Parents urged the school to release their "
        "children early on Friday.",
    ),
)

PROBES = CALL_PROBES + CALL_TRAPS + PARDON_PROBES + PARDON_TRAPS


@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_probe(probe: Probe) -> None:
    """The recognisers find exactly the calls and requests the conventions expect (or, where allowed, abstain)."""
    assert check(probe) is None


_NOISE = ("'s", ",", "him", "her", "them", "the", "his", "and", "Mr", "said", "he", "to", "release")


def test_the_recognisers_never_fail_on_mangled_probes() -> None:
    """Probes shuffled together, with words dropped, swapped, repeated or shouted, never make a recogniser raise."""
    texts = [probe.text for probe in PROBES]
    vocabulary = " ".join(texts).split()
    rnd = random.Random(0)
    for _ in range(400):
        words = " ".join(rnd.sample(texts, rnd.randint(1, 4))).split()
        for _ in range(rnd.randint(0, 6)):
            at = rnd.randrange(len(words))
            choice = rnd.random()
            if choice < 0.3:
                words[at] = rnd.choice(vocabulary)
            elif choice < 0.5 and len(words) > 1:
                del words[at]
            elif choice < 0.8:
                words.insert(at, rnd.choice(_NOISE))
            else:
                words[at] = words[at].upper()
        article = Article(" ".join(words), published=PUBLISHED)
        for recogniser in (phonecall.find_phone_calls, pardon.find_pardon_requests):
            for event in recogniser(article):  # raises on a bug: parse() would only log it
                assert event.evidence is not None
                assert article.text[event.evidence.start : event.evidence.end] == event.evidence.text
