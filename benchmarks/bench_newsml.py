"""
NewsML-G2 write and read speed of newsevents against IPTC's own Python package, in one run.

Usage::

    python benchmarks/bench_newsml.py            # best of 7 repeats, ~0.2 s each
    python benchmarks/bench_newsml.py --quick    # best of 3 repeats, ~0.05 s each
    python benchmarks/bench_newsml.py --profile  # also cProfile newsevents' write and read paths

The peer is ``newsmlg2`` (PyPI, ``import NewsMLG2``), IPTC's implementation of the standard.

* **write**: newsevents' ``to_newsml(events)`` (one ``newsMessage``, one ``conceptItem``
  per event) against newsmlg2 building an equivalent ``ConceptItem`` per event from its
  objects (catalogRef, inline catalog of our five schemes, itemMeta, concept with
  conceptId, type, name, definition, related, eventDetails with dates/start, subjects,
  location, participants with name, title and country, and our extension elements) and
  serialising it with ``to_xml_string()``. Neither validates against the XSD.
* **read**: newsevents' ``from_newsml`` (typed events, fully checked) against newsmlg2's
  ``NewsMLG2Document(bytes).get_item()`` on each ``conceptItem`` newsevents wrote,
  serialised alone, then reading its guid, concept name, start date and participants.
  newsmlg2 loads its bundled copy of IPTC catalog 41 whenever an item has that
  ``catalogRef``; a second figure strips the ``catalogRef`` so that cost is left out.

Events: the seed article's eight gold events (phone calls, pardon requests, a
sentencing, an air strike campaign), repeated to 200 for the per-document figures.
Before timing, the script checks that newsmlg2 reads every item with newsevents' guid
and concept name, and that newsevents reads back what it wrote.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import platform
import pstats
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import NewsMLG2
from lxml import etree

import newsevents as ne
from newsevents._fields import OptionalOf, TupleOf, ValueOf, describe
from newsevents.newsml import from_newsml, to_newsml
from newsevents.newsml._schemes import KIND_QCODES, SCHEMES

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-netanyahu-putin-2019-12-26.txt"
WHEN = datetime.datetime(2019, 12, 26, 18, 0, tzinfo=datetime.UTC)
G2 = "http://iptc.org/std/nar/2006-10-01/"
NEV = "urn:newsevents:newsml:1"
SOURCE = "seed-netanyahu-putin-2019-12-26"


# --------------------------------------------------------------------------- events


def seed_events() -> list[ne.Event]:
    """The seed article's gold events, with evidence spans into its text."""
    text = SEED.read_text("utf-8")

    def evidence(start_marker: str, end_marker: str) -> ne.Evidence:
        start = text.index(start_marker)
        end = text.index(end_marker, start) + len(end_marker)
        return ne.Evidence(text[start:end], start, end, rule="bench")

    netanyahu = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
    putin = ne.Actor.person("Vladimir Putin", title="President", country="RU")
    issachar = ne.Actor.person("Naama Issachar", country="IL")
    later = evidence("Netanyahu also asked Putin", "earlier this month.")
    return [
        ne.PhoneCall(
            date=ne.PartialDate(2019, 12, 26),
            participants=(netanyahu, putin),
            initiator=netanyahu,
            topics=("Iran", "Syria"),
            evidence=evidence("The call, which", "Likud faction."),
            source=SOURCE,
        ),
        ne.PhoneCall(
            date=ne.PartialDate(2019, 12), participants=(netanyahu, putin), evidence=later, source=SOURCE
        ),
        ne.PardonRequest(
            date=ne.PartialDate(2019, 12, 26),
            requester=netanyahu,
            addressee=putin,
            beneficiary=issachar,
            offence="drug charges",
            evidence=evidence("Prime Minister Benjamin", "said Thursday."),
            source=SOURCE,
        ),
        ne.PardonRequest(
            date=ne.PartialDate(2019, 12),
            requester=netanyahu,
            addressee=putin,
            beneficiary=issachar,
            evidence=later,
            source=SOURCE,
        ),
        ne.PardonRequest(
            requester=issachar,
            addressee=ne.Actor.organization("Russian appeals court", country="RU"),
            beneficiary=issachar,
            evidence=evidence("A Russian appeals court", "last week."),
            source=SOURCE,
        ),
        ne.PardonRequest(
            requester=ne.Actor.person("Yaffa", country="IL"),
            addressee=netanyahu,
            beneficiary=issachar,
            evidence=evidence("“I request you", "’s phone call."),
            source=SOURCE,
        ),
        ne.Sentencing(
            date=ne.PartialDate(2019, 10),
            defendant=issachar,
            penalty=ne.Penalty.PRISON,
            term_months=90,
            offence="drug charges (cannabis in luggage)",
            location=ne.Place(None, country="RU"),
            evidence=evidence("She was sentenced", "in prison."),
            source=SOURCE,
        ),
        ne.Airstrike(
            attacker=ne.Actor.state("IL"),
            location=ne.Place("Syria", country="SY"),
            targets=("Hezbollah weapon shipments", "Iranian military installations"),
            strikes=ne.Count(100, ne.CountQualifier.ORDER),
            evidence=evidence("Israel has conducted", "installations."),
            source=SOURCE,
        ),
    ]


# --------------------------------------------------------------------------- the peer


def _name(text: str) -> Any:
    return NewsMLG2.Name(text=text)


def _is_actor(ftype: Any) -> bool:
    inner = ftype.item if isinstance(ftype, OptionalOf) else ftype
    inner = inner.item if isinstance(inner, TupleOf) else inner
    return isinstance(inner, ValueOf) and inner.type is ne.Actor


def _participant(actor: ne.Actor, role: str) -> Any:
    participant = NewsMLG2.Participant()
    participant.type = KIND_QCODES[actor.kind]
    participant.role = role
    participant.name = [_name(actor.name)]
    if actor.title is not None:
        participant.definition = [NewsMLG2.Definition(text=actor.title)]
    if actor.country is not None:
        related = NewsMLG2.Related()
        related.rel = "nevtrel:country"
        related.qcode = f"iso3166-1a2:{actor.country}"
        participant.related = [related]
    return participant


def newsmlg2_item(event: ne.Event, name: str, definition: str) -> Any:
    """Build the ``ConceptItem`` newsevents writes for ``event``, with newsmlg2's objects."""
    item = NewsMLG2.ConceptItem()
    item.guid = f"urn:newsevents:event:{event.id}"
    item.version = "1"
    ref = NewsMLG2.CatalogRef()
    ref.href = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
    item.catalogref = [ref]
    catalog = NewsMLG2.Catalog(xmlelement=etree.Element(f"{{{G2}}}catalog"))
    schemes = []
    for alias, uri in SCHEMES.items():
        scheme = NewsMLG2.Scheme()
        scheme.alias = alias
        scheme.uri = uri
        schemes.append(scheme)
    catalog.scheme = schemes
    item.catalog = [catalog]
    meta = NewsMLG2.ItemMeta()
    item_class = NewsMLG2.ItemClass()
    item_class.qcode = "cinat:concept"
    meta.itemclass = item_class
    provider = NewsMLG2.Provider()
    provider.literal = "newsevents"
    meta.provider = provider
    meta.versioncreated = WHEN.isoformat()
    status = NewsMLG2.PubStatus()
    status.qcode = "stat:usable"
    meta.pubstatus = status
    item.itemmeta = meta
    item.concept = _newsmlg2_concept(event, name, definition)
    return item


def _newsmlg2_concept(event: ne.Event, name: str, definition: str) -> Any:
    concept = NewsMLG2.Concept()
    concept_id = NewsMLG2.ConceptId()
    concept_id.qcode = f"nevt:{event.id}"
    concept.conceptid = concept_id
    nature = NewsMLG2.Type()
    nature.qcode = "cpnat:event"
    concept.type = nature
    concept.name = [_name(name)]
    concept.definition = [NewsMLG2.Definition(text=definition)]
    related = NewsMLG2.Related()
    related.rel = "nevtrel:eventClass"
    related.qcode = f"nevtype:{type(event).__name__}"
    concept.related = [related]
    details = NewsMLG2.EventDetails()
    dates = NewsMLG2.Dates()
    dates.start = event.date.isoformat() if event.date is not None else "2019-12-26"
    details.dates = dates
    subjects = []
    for topic in event.media_topics():
        subject = NewsMLG2.EventDetailsSubject()
        subject.type = "cpnat:abstract"
        subject.qcode = topic
        subjects.append(subject)
    details.subject = subjects
    if event.location is not None:
        location = NewsMLG2.EventDetailsLocation()
        location.type = "cpnat:geoArea"
        if event.location.name is not None:
            location.name = [_name(event.location.name)]
        if event.location.country is not None:
            location.qcode = f"iso3166-1a2:{event.location.country}"
        details.location = [location]
    participants = []
    for spec in describe(type(event)):
        value = getattr(event, spec.name)
        if spec.name in ("id", "date", "location") or value is None:
            continue
        if _is_actor(spec.type):
            for actor in value if isinstance(value, tuple) else (value,):
                participants.append(_participant(actor, f"nevtrole:{spec.name}"))
            continue
        extension = etree.Element(f"{{{NEV}}}{spec.name}")
        if isinstance(value, tuple):
            for part in value:
                etree.SubElement(extension, f"{{{NEV}}}item").text = str(part)
        else:
            extension.text = str(getattr(value, "value", value))
        details.set_extension_element(spec.name, extension)
    details.participant = participants
    concept.eventdetails = details
    return concept


def newsmlg2_read(data: bytes) -> tuple[str, str, str, list[tuple[str, str]]]:
    """Parse one conceptItem with newsmlg2 and read what a consumer reads."""
    item = NewsMLG2.NewsMLG2Document(data).get_item()
    concept = item.concept
    details = concept.eventdetails
    people = [(str(p.name), p.role) for p in details.participant]
    return item.guid, str(concept.name), str(details.dates.start), people


# --------------------------------------------------------------------------- timing


def best(function: Callable[[], object], seconds: float, repeats: int) -> float:
    """Seconds per call: the best of ``repeats`` runs of about ``seconds`` each."""
    timer = timeit.Timer(function)
    number, elapsed = timer.autorange()
    number = max(1, int(number * seconds / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def _check(
    *,
    events: list[ne.Event],
    many: list[ne.Event],
    message: bytes,
    alone: list[bytes],
    names: list[str],
    definitions: list[str],
) -> None:
    """Make sure the comparison is honest: both sides read and write the same items."""
    assert from_newsml(message) == many
    for event, data, name in zip(events, alone, names, strict=True):
        guid, read_name, _, people = newsmlg2_read(data)
        assert (guid, read_name) == (f"urn:newsevents:event:{event.id}", name), (guid, read_name)
        assert people
    for event, name, definition in zip(events, names, definitions, strict=True):
        built = newsmlg2_item(event, name, definition).to_xml_string()
        assert f"urn:newsevents:event:{event.id}" in built


def main() -> None:
    """Check the comparison, time it, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="best of 3 short repeats")
    parser.add_argument("--profile", action="store_true", help="cProfile newsevents' paths")
    args = parser.parse_args()
    seconds, repeats = (0.05, 3) if args.quick else (0.2, 7)

    events = seed_events()
    many = [events[i % len(events)] for i in range(200)]
    message = to_newsml(many, version_created=WHEN)
    ours_items = etree.fromstring(message).findall(f"{{{G2}}}itemSet/{{{G2}}}conceptItem")
    singles = [to_newsml([event], version_created=WHEN) for event in events]
    alone = [etree.tostring(item) for item in ours_items[: len(events)]]
    no_ref = []
    for data in alone:
        root = etree.fromstring(data)
        root.remove(root.find(f"{{{G2}}}catalogRef"))
        no_ref.append(etree.tostring(root))
    names = [item.findtext(f"{{{G2}}}concept/{{{G2}}}name") for item in ours_items[: len(events)]]
    definitions = [item.findtext(f"{{{G2}}}concept/{{{G2}}}definition") for item in ours_items[: len(events)]]

    _check(events=events, many=many, message=message, alone=alone, names=names, definitions=definitions)

    n = len(events)
    rows = [
        (
            "write, 8 events, 1 per document",
            lambda: [to_newsml([e], version_created=WHEN) for e in events],
            n,
        ),
        ("write, 200 events in 1 document", lambda: to_newsml(many, version_created=WHEN), len(many)),
        ("read, 8 events, 1 per document", lambda: [from_newsml(d) for d in singles], n),
        ("read, 200 events in 1 document", lambda: from_newsml(message), len(many)),
    ]
    peer_write = (
        best(
            lambda: [
                newsmlg2_item(e, nm, df).to_xml_string()
                for e, nm, df in zip(events, names, definitions, strict=True)
            ],
            seconds,
            repeats,
        )
        / n
    )
    peer_read = best(lambda: [newsmlg2_read(d) for d in alone], seconds, repeats) / n
    peer_read_no_ref = best(lambda: [newsmlg2_read(d) for d in no_ref], seconds, repeats) / n

    print(f"CPython {platform.python_version()}, lxml {etree.__version__}, newsmlg2 {NewsMLG2.__version__}")
    print(f"best of {repeats}; microseconds per event, events per second")
    print()
    print(f"{'case':44} {'us/event':>10} {'events/s':>10} {'vs newsmlg2':>12}")
    for label, function, count in rows:
        per_event = best(function, seconds, repeats) / count
        peer = peer_write if label.startswith("write") else peer_read
        ratio = peer / per_event
        print(f"{'newsevents ' + label:44} {per_event * 1e6:10.1f} {1 / per_event:10.0f} {ratio:11.1f}x")
        if label.startswith("read"):
            bare = peer_read_no_ref / per_event
            print(f"{'  (vs newsmlg2 without catalog loading)':44} {'':10} {'':10} {bare:11.1f}x")
    print(f"{'newsmlg2 build + serialise a conceptItem':44} {peer_write * 1e6:10.1f} {1 / peer_write:10.0f}")
    print(f"{'newsmlg2 parse a conceptItem':44} {peer_read * 1e6:10.1f} {1 / peer_read:10.0f}")
    bare = peer_read_no_ref
    print(f"{'newsmlg2 parse, without catalogRef':44} {bare * 1e6:10.1f} {1 / bare:10.0f}")
    print()
    print("targets (#3): writing >= 8x newsmlg2, reading >= 50x newsmlg2")

    if args.profile:
        for label, function, _ in rows[1::2]:
            print(f"\n--- {label}")
            profile = cProfile.Profile()
            profile.runcall(lambda f=function: [f() for _ in range(20)])
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
