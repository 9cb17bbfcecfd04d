"""
NewsML-G2 write and read speed of newsevents against IPTC's own Python package, in one run.

Usage::

    python benchmarks/bench_newsml.py            # 7 rounds of 40 events of each type
    python benchmarks/bench_newsml.py --quick    # 3 rounds of 16 events of each type
    python benchmarks/bench_newsml.py --profile  # also cProfile newsevents' write and read paths

The peer is ``newsmlg2`` (PyPI, ``import NewsMLG2``), IPTC's implementation of the standard.
Both are compared **item for item**: one ``conceptItem`` per event, on the same bytes.

* **write**: newsevents' ``to_newsml([event])`` (a whole ``newsMessage`` around the
  ``conceptItem``) against newsmlg2 building the equivalent ``ConceptItem`` from its objects
  (catalogRef, inline catalog of our five schemes, itemMeta, concept with conceptId, type,
  name, definition, related, eventDetails with dates/start, subjects, location,
  participants with name, title and country, and our extension elements) and serialising
  it with ``to_xml_string()``. Neither validates against the XSD.
* **read**: newsevents' ``from_newsml(item)`` (a typed event, fully checked) against
  newsmlg2's ``NewsMLG2Document(item).get_item()`` then reading the guid, concept name,
  start date and participants, on each ``conceptItem`` newsevents wrote, serialised alone.
  newsmlg2 loads its bundled copy of IPTC catalog 41 for every item that has the
  ``catalogRef``: the read is timed twice, with the ``catalogRef`` (catalog loading in) and
  with it removed from the same item (catalog loading left out); newsevents reads the item
  with it.
* newsevents alone also writes and reads one ``newsMessage`` of all the round's events.

The events are distinct and of every type newsevents registers at import (the four event
types and ``ForeignEvent``): nothing repeats for a cache to remember (numbered actors,
successive dates, evidence of its own, a source each), and every round times fresh events,
so the reader's caches of actors and evidence are cold. Garbage collection stays on; the
heap is collected between turns (untimed). Before timing, the script checks that newsmlg2
reads every item with newsevents' guid and concept name, and that newsevents reads back
what it wrote.

Times are CPU time of this process (``time.process_time``) per event, in rounds in which
every library takes its turn on the same fresh items; each figure is the median over the
rounds with the range (min-max), and each ratio (newsmlg2 time / newsevents time, "x
faster") the median of the per-round ratios with their range.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import NewsMLG2
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_json import TYPES, Distinct

import newsevents as ne
from newsevents._fields import OptionalOf, TupleOf, ValueOf, describe
from newsevents.newsml import from_newsml, to_newsml
from newsevents.newsml._schemes import KIND_QCODES, SCHEMES

WHEN = datetime.datetime(2019, 12, 26, 18, 0, tzinfo=datetime.UTC)
G2 = "http://iptc.org/std/nar/2006-10-01/"
NEV = "urn:newsevents:newsml:1"


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


def _cpu(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def _items(events: list[ne.Event]) -> tuple[list[bytes], list[bytes], list[str], list[str]]:
    """Each event's conceptItem alone, with and without its catalogRef; its concept's name and definition."""
    items, bare, names, definitions = [], [], [], []
    for event in events:
        item = etree.fromstring(to_newsml([event], version_created=WHEN)).find(
            f"{{{G2}}}itemSet/{{{G2}}}conceptItem"
        )
        items.append(etree.tostring(item))
        names.append(item.findtext(f"{{{G2}}}concept/{{{G2}}}name"))
        definitions.append(item.findtext(f"{{{G2}}}concept/{{{G2}}}definition"))
        item.remove(item.find(f"{{{G2}}}catalogRef"))
        bare.append(etree.tostring(item))
    return items, bare, names, definitions


def _check(events: list[ne.Event]) -> None:
    """Make sure the comparison is honest: both sides read and write the same items."""
    items, bare, names, definitions = _items(events)
    assert from_newsml(to_newsml(events, version_created=WHEN)) == events
    for event, item, without, name, definition in zip(events, items, bare, names, definitions, strict=True):
        assert from_newsml(item) == [event]
        for data in (item, without):
            guid, read_name, _, _ = newsmlg2_read(data)
            assert (guid, read_name) == (f"urn:newsevents:event:{event.id}", name), (guid, read_name)
        built = newsmlg2_item(event, name, definition).to_xml_string()
        assert f"urn:newsevents:event:{event.id}" in built


CASES = (
    "newsevents write, item for item",
    "newsmlg2 write, item for item",
    "newsevents read, item for item",
    "newsmlg2 read, with catalog loading",
    "newsmlg2 read, catalog loading left out",
    "newsevents write, one newsMessage",
    "newsevents read, one newsMessage",
)


def run(source: Distinct, *, per_type: int, rounds: int) -> dict[str, list[float]]:
    """Microseconds per event of each case, one figure per round, on fresh events each round."""
    times: dict[str, list[float]] = {case: [] for case in CASES}
    for index in range(rounds):
        events = [event for name in TYPES for event in source.batch(name, per_type)]
        items, bare, names, definitions = _items(events)
        message = to_newsml(events, version_created=WHEN)
        runs: dict[str, Callable[[], object]] = {
            CASES[0]: lambda events=events: [to_newsml([e], version_created=WHEN) for e in events],
            CASES[1]: lambda events=events, names=names, definitions=definitions: [
                newsmlg2_item(e, n, d).to_xml_string()
                for e, n, d in zip(events, names, definitions, strict=True)
            ],
            CASES[2]: lambda items=items: [from_newsml(item) for item in items],
            CASES[3]: lambda items=items: [newsmlg2_read(item) for item in items],
            CASES[4]: lambda bare=bare: [newsmlg2_read(item) for item in bare],
            CASES[5]: lambda events=events: to_newsml(events, version_created=WHEN),
            CASES[6]: lambda message=message: from_newsml(message),
        }
        shift = index % len(CASES)
        for case in CASES[shift:] + CASES[:shift]:
            gc.collect()
            times[case].append(_cpu(runs[case]) / len(events) * 1e6)
    return times


def _median_range(values: list[float]) -> str:
    return f"{statistics.median(values):9.1f} ({min(values):.1f}-{max(values):.1f})"


def _ratio(times: dict[str, list[float]], peer: str, ours: str) -> str:
    ratios = [a / b for a, b in zip(times[peer], times[ours], strict=True)]
    return f"{statistics.median(ratios):6.1f}x ({min(ratios):.1f}-{max(ratios):.1f})"


def main() -> None:
    """Check the comparison, time it, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 short rounds")
    parser.add_argument("--profile", action="store_true", help="cProfile newsevents' paths")
    args = parser.parse_args()
    per_type, rounds = (16, 3) if args.quick else (40, 7)

    source = Distinct()
    _check([event for name in TYPES for event in source.batch(name, 4)])
    times = run(source, per_type=per_type, rounds=rounds)

    print(f"CPython {platform.python_version()}, lxml {etree.__version__}, newsmlg2 {NewsMLG2.__version__}")
    print(
        f"{per_type} fresh, distinct events of each of the {len(TYPES)} types per round, {rounds} rounds; "
        "CPU microseconds per event, median (min-max)"
    )
    print()
    for case in CASES:
        print(f"  {case:44} {_median_range(times[case])}")
    print()
    print("newsmlg2 time / newsevents time, item for item (median of the rounds' ratios, range):")
    print(f"  write                                  {_ratio(times, CASES[1], CASES[0])}")
    print(f"  read, newsmlg2 with catalog loading    {_ratio(times, CASES[3], CASES[2])}")
    print(f"  read, catalog loading left out         {_ratio(times, CASES[4], CASES[2])}")
    print()
    print("targets (#3): writing >= 8x newsmlg2, reading >= 50x newsmlg2 (with its catalog loading)")

    if args.profile:
        events = [event for name in TYPES for event in source.batch(name, per_type)]
        message = to_newsml(events, version_created=WHEN)
        for label, function in (
            ("write", lambda: to_newsml(events, version_created=WHEN)),
            ("read", lambda: from_newsml(message)),
        ):
            print(f"\n--- {label}, {len(events)} events in one newsMessage, 20 times")
            profile = cProfile.Profile()
            profile.runcall(lambda f=function: [f() for _ in range(20)])
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
