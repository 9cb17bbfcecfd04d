"""NewsML-G2: exact round trips, schema validity, the article form, the mapping, foreign input."""

from __future__ import annotations

import contextlib
import datetime
import enum
import os
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from tests.seed_events import SEED, SOURCE, seed_events

import newsevents as ne
from newsevents import registry
from newsevents.errors import DecodeError, EncodeError, LimitError, ValidationError
from newsevents.newsml import ForeignEvent, from_newsml, to_newsml, validate
from newsevents.strategies import events, texts

G2 = "http://iptc.org/std/nar/2006-10-01/"
NEV = "urn:newsevents:newsml:1"
NS = {"g": G2, "nev": NEV}
WHEN = datetime.datetime(2019, 12, 26, 18, 0, tzinfo=datetime.UTC)
GOLDEN = Path(__file__).resolve().parent / "golden" / "seed.xml"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "newsml-g2"


# --------------------------------------------------------------------------- a user-defined type


class Outcome(enum.StrEnum):
    """A test enum, with an empty value to check that "" survives."""

    AGREED = "agreed"
    NONE = ""


@attrs.frozen(kw_only=True)
class NewsmlTestSummit(ne.Event):
    """A summit: a user-defined event type exercising every field shape, with no NewsML code."""

    codes: ClassVar[ne.Codes] = ne.Codes(
        label="summit", definition="A meeting of leaders.", media_topics=("medtop:20000638",)
    )

    hosts: tuple[ne.Actor, ...] = attrs.field(metadata={"min_items": 1})
    chair: ne.Actor | None = None
    observers: tuple[ne.Actor, ...] | None = None
    venue: ne.Place | None = None
    agreed: bool = False
    attendance: ne.Count | None = None
    rounds: int = attrs.field(default=0, metadata={"minimum": 0})
    score: int | None = 5
    outcome: Outcome = Outcome.AGREED
    quotes: tuple[ne.Evidence, ...] = ()
    days: tuple[ne.PartialDate, ...] = ()
    note: str = ""
    places: tuple[ne.Place, ...] = ()


@pytest.fixture(scope="module", autouse=True)
def _summit_registered():
    """Register the test-defined type for this module only."""
    registry.register(NewsmlTestSummit)
    yield
    registry.unregister("NewsmlTestSummit")


def _all_events():
    # Deferred, so the registry is read when the test runs (with the summit registered).
    return st.deferred(events)


def _unique(strategy, **sizes):
    """Lists of events with distinct ids: an id is an item's guid, and a guid names one item."""
    return st.lists(strategy, unique_by=lambda event: event.id, **sizes)


def _round_trip(items, **options):
    document = to_newsml(items, version_created=WHEN, **options)
    validate(document)
    return document, from_newsml(document)


# --------------------------------------------------------------------------- properties


@given(_unique(_all_events(), min_size=1, max_size=3))
def test_every_registered_type_round_trips_as_valid_newsml(items):
    """Events of every registered type, the test-defined one included, come back equal; the XML is valid."""
    _, back = _round_trip(items)
    assert items == back


@given(_unique(st.deferred(lambda: events(types=[NewsmlTestSummit])), min_size=1, max_size=2))
def test_a_user_defined_type_round_trips_with_no_code_of_its_own(items):
    """A type defined in this test, with every field shape, round-trips and stays valid."""
    _, back = _round_trip(items)
    assert items == back


@given(
    _unique(_all_events(), max_size=2),
    texts(max_size=200),
    st.none() | texts(min_size=1, blank=False),
    st.none() | st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
)
def test_the_article_form_is_valid_and_keeps_the_events(items, text, headline, published):
    """With an article, the document is valid, and the events still come back exactly."""
    article = _Article(text, headline=headline, published=published)
    document, back = _round_trip(items, article=article)
    assert items == back
    root = etree.fromstring(document)
    news_item = root.find("g:itemSet/g:newsItem", NS)
    assert (news_item.findtext("g:contentSet/g:inlineData", namespaces=NS) or "") == text
    pointed = [
        s.get("qcode")
        for s in news_item.iterfind("g:contentMeta/g:subject", NS)
        if s.get("type") == "cpnat:event"
    ]
    assert [f"nevt:{event.id}" for event in items] == pointed


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_reader(data):
    """Any bytes give events or a DecodeError, never another exception."""
    with contextlib.suppress(DecodeError):
        from_newsml(data)


@given(_unique(_all_events(), min_size=1, max_size=2), st.data())
def test_damaged_documents_never_crash_the_reader(items, data):
    """A valid document with a slice cut out gives events or a DecodeError, never another exception."""
    document = to_newsml(items, version_created=WHEN)
    start = data.draw(st.integers(0, len(document) - 1))
    end = data.draw(st.integers(start, min(len(document), start + 40)))
    with contextlib.suppress(DecodeError):
        from_newsml(document[:start] + document[end:])


# --------------------------------------------------------------------------- golden file


@attrs.frozen
class _Article:
    text: str
    headline: str | None = None
    dateline: str | None = None
    published: datetime.date | None = None
    source: str | None = None


def _gold_events() -> list[ne.Event]:
    """The seed's gold events: the shared non-optional ones, and the two optional undated requests."""
    text = SEED.read_text(encoding="utf-8")

    def evidence(sentence: str) -> ne.Evidence:
        start = text.index(sentence)
        return ne.Evidence(sentence, start, start + len(sentence))

    netanyahu = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
    issachar = ne.Actor.person("Naama Issachar", country="IL")
    return [
        *seed_events(),
        ne.PardonRequest(
            requester=issachar,
            addressee=ne.Actor.organization("Russian appeals court", country="RU"),
            beneficiary=issachar,
            evidence=evidence("A Russian appeals court rejected her release request last week."),
            source=SOURCE,
        ),
        ne.PardonRequest(
            requester=ne.Actor.person("Yaffa", country="IL"),
            addressee=netanyahu,
            beneficiary=issachar,
            evidence=evidence(text[text.index("“I request you") : text.index("’s phone call.") + 14]),
            source=SOURCE,
        ),
    ]


def _seed_document() -> bytes:
    article = _Article(
        SEED.read_text(encoding="utf-8"),
        headline="Netanyahu asks Putin to pardon Israeli-American jailed in Russia",
        published=datetime.date(2019, 12, 26),
        source=SOURCE,
    )
    return to_newsml(
        _gold_events(), article=article, version_created=WHEN, provider="newsevents", pretty=True
    )


def test_the_seed_golden_file_is_what_we_write():
    """The seed's gold events (and article) give exactly tests/golden/seed.xml."""
    document = _seed_document()
    if os.environ.get("NEWSEVENTS_REGENERATE_GOLDEN") == "1":
        GOLDEN.write_bytes(document)
    assert GOLDEN.read_bytes() == document


def test_the_seed_golden_file_is_valid_and_reads_back():
    """The golden file validates against the official XSD and reads back as the gold events."""
    data = GOLDEN.read_bytes()
    validate(data)
    assert _gold_events() == from_newsml(data)


# --------------------------------------------------------------------------- the mapping


def _concepts(document: bytes) -> list[etree._Element]:
    return etree.fromstring(document).findall("g:itemSet/g:conceptItem", NS)


def test_one_concept_item_per_event_with_the_standard_parts():
    """Each event is a conceptItem: conceptId, type cpnat:event, name, definition, eventDetails."""
    gold = _gold_events()
    items = _concepts(to_newsml(gold, version_created=WHEN))
    assert len(gold) == len(items)
    for event, item in zip(gold, items, strict=True):
        assert f"urn:newsevents:event:{event.id}" == item.get("guid")
        assert f"nevt:{event.id}" == item.find("g:concept/g:conceptId", NS).get("qcode")
        assert "cpnat:event" == item.find("g:concept/g:type", NS).get("qcode")
        assert item.findtext("g:concept/g:name", namespaces=NS)
        assert item.findtext("g:concept/g:definition", namespaces=NS)
        subjects = [s.get("qcode") for s in item.iterfind("g:concept/g:eventDetails/g:subject", NS)]
        assert list(event.media_topics()) == subjects


def test_the_catalogs_declare_our_schemes_and_refer_to_iptc_catalog_41():
    """Every item refers to IPTC catalog 41 and declares our schemes inline, with stable URIs."""
    item = _concepts(to_newsml(seed_events()[:1], version_created=WHEN))[0]
    assert ["http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"] == [
        ref.get("href") for ref in item.iterfind("g:catalogRef", NS)
    ]
    schemes = {s.get("alias"): s.get("uri") for s in item.iterfind("g:catalog/g:scheme", NS)}
    assert "urn:newsevents:event:" == schemes["nevt"]
    assert "urn:newsevents:role:" == schemes["nevtrole"]
    assert "urn:newsevents:eventtype:" == schemes["nevtype"]


def test_the_same_event_gets_the_same_guid_whenever_written():
    """Writing the same events at two different times gives the same guids."""
    later = WHEN + datetime.timedelta(days=400)
    first = [i.get("guid") for i in _concepts(to_newsml(seed_events(), version_created=WHEN))]
    second = [i.get("guid") for i in _concepts(to_newsml(seed_events(), version_created=later, version=7))]
    assert first == second
    assert len(set(first)) == len(first)


def test_version_version_created_and_provider_are_settable():
    """version, versionCreated and the provider (literal or QCode) are as given."""
    item = _concepts(to_newsml(seed_events()[:1], version=3, version_created=WHEN, provider="nprov:REUTERS"))[
        0
    ]
    assert "3" == item.get("version")
    assert "2019-12-26T18:00:00+00:00" == item.findtext("g:itemMeta/g:versionCreated", namespaces=NS)
    assert {"qcode": "nprov:REUTERS"} == dict(item.find("g:itemMeta/g:provider", NS).attrib)
    item = _concepts(to_newsml(seed_events()[:1], version_created=WHEN, provider="example.org"))[0]
    assert {"literal": "example.org"} == dict(item.find("g:itemMeta/g:provider", NS).attrib)


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (ne.PartialDate(2019), "2019"),
        (ne.PartialDate(2019, 10), "2019-10"),
        (ne.PartialDate(2019, 10, 5), "2019-10-05"),
    ],
)
def test_truncated_dates_stay_truncated(date, text):
    """A year stays a gYear, a month a gYearMonth, a day a date, in dates/start."""
    event = attrs.evolve(seed_events()[4], date=date, id="")
    item = _concepts(to_newsml([event], version_created=WHEN))[0]
    start = item.find("g:concept/g:eventDetails/g:dates/g:start", NS)
    assert text == start.text
    assert {} == dict(start.attrib)


def test_an_unknown_date_is_an_approximate_range_ending_at_publication_and_reads_back_as_none():
    """date None: start = approxend = publication date, marked unknown in our namespace; read as None."""
    strike = seed_events()[-1]
    assert strike.date is None
    document = to_newsml(
        [strike],
        article=_Article("x", published=datetime.date(2019, 12, 26)),
        version_created=WHEN + datetime.timedelta(days=30),
    )
    start = _concepts(document)[0].find("g:concept/g:eventDetails/g:dates/g:start", NS)
    assert "2019-12-26" == start.text
    assert "2019-12-26" == start.get("approxend")
    assert "unknown" == start.get(f"{{{NEV}}}date")
    assert [strike] == from_newsml(document)
    without_article = _concepts(to_newsml([strike], version_created=WHEN))[0]
    assert "2019-12-26" == without_article.find("g:concept/g:eventDetails/g:dates/g:start", NS).get(
        "approxend"
    )


def test_a_phone_call_initiator_is_one_participant_with_two_roles():
    """The initiator is also a participant: one participant element with both roles."""
    call = seed_events()[0]
    details = _concepts(to_newsml([call], version_created=WHEN))[0].find("g:concept/g:eventDetails", NS)
    participants = details.findall("g:participant", NS)
    assert [
        ("Benjamin Netanyahu", "nevtrole:participants nevtrole:initiator"),
        ("Vladimir Putin", "nevtrole:participants"),
    ] == [(p.findtext("g:name", namespaces=NS), p.get("role")) for p in participants]
    assert "Prime Minister" == participants[0].findtext("g:definition", namespaces=NS)
    assert "iso3166-1a2:IL" == participants[0].find("g:related", NS).get("qcode")
    assert "cpnat:person" == participants[0].get("type")


def test_roles_are_the_field_names():
    """A pardon request's actors are participants with the roles requester, addressee, beneficiary."""
    request = seed_events()[2]
    details = _concepts(to_newsml([request], version_created=WHEN))[0].find("g:concept/g:eventDetails", NS)
    assert ["nevtrole:requester", "nevtrole:addressee", "nevtrole:beneficiary"] == [
        p.get("role") for p in details.iterfind("g:participant", NS)
    ]


def test_fields_without_a_standard_element_follow_in_our_namespace():
    """Own fields with no NewsML-G2 element are elements of our namespace after the standard ones."""
    strike = seed_events()[-1]
    details = _concepts(to_newsml([strike], version_created=WHEN))[0].find("g:concept/g:eventDetails", NS)
    tags = [etree.QName(child) for child in details]
    ours = [t.localname for t in tags if t.namespace == NEV]
    assert ["evidence", "source", "targets", "strikes"] == ours
    first_ours = next(i for i, t in enumerate(tags) if t.namespace == NEV)
    assert all(t.namespace == NEV for t in tags[first_ours:])
    assert "order" == details.find("nev:strikes", NS).get("qualifier")


def test_exact_values_survive_empty_strings_whitespace_and_optional_lists():
    """ "" stays "", names with line breaks and tabs stay exact, None and () stay apart."""
    odd = ne.Actor("  Line\none\ttab\r ", ne.ActorKind.GROUP, title=" t\n", country="FR")
    summit = NewsmlTestSummit(
        hosts=(odd, odd),
        chair=odd,
        observers=(),
        note="",
        days=(ne.PartialDate(5),),
        quotes=(ne.Evidence("", 7, 7), ne.Evidence("\r\n", 0, 2, rule="r")),
        outcome=Outcome.NONE,
        score=None,
        venue=ne.Place(" Paris\n", country="FR"),
        evidence=ne.Evidence("", 0, 0),
        source="",
    )
    document, back = _round_trip([summit, attrs.evolve(summit, observers=None, id="")])
    assert [summit, attrs.evolve(summit, observers=None, id="")] == back
    details = _concepts(document)[0].find("g:concept/g:eventDetails", NS)
    participant = details.find("g:participant", NS)
    assert "  Line one tab  " == participant.findtext("g:name", namespaces=NS)
    assert "nevtrole:hosts nevtrole:chair" == participant.get("role")
    assert "nevkind:group" == participant.get("type")


def test_a_json_and_newsml_round_trip_agree():
    """The same events through JSON and through NewsML-G2 are equal."""
    gold = _gold_events()
    assert ne.from_json(ne.to_json(gold)) == from_newsml(to_newsml(gold, version_created=WHEN))


# --------------------------------------------------------------------------- options and encoding errors


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"version": 0}, "version"),
        ({"version_created": datetime.datetime(2019, 12, 26)}, "timezone-aware"),
        ({"provider": "two\nlines"}, "provider"),
        ({"language": "not a tag"}, "language"),
        ({"article": 42}, "article"),
        ({"article": "bad \x01 char"}, r"U\+0001"),
    ],
)
def test_bad_options_are_encode_errors(options, fragment):
    """Invalid options are refused with an EncodeError saying which."""
    with pytest.raises(EncodeError, match=fragment):
        to_newsml(seed_events()[:1], **options)


def test_a_non_event_or_unregistered_type_is_an_encode_error_with_its_index():
    """Items that are not events of a registered type are refused, with their position."""

    @attrs.frozen(kw_only=True)
    class Unregistered(ne.Event):
        pass

    with pytest.raises(EncodeError) as caught:
        to_newsml([seed_events()[0], "text"])
    assert "$[1]" == caught.value.path
    with pytest.raises(EncodeError, match="not a registered event type") as caught:
        to_newsml([Unregistered()])
    assert "$[0]" == caught.value.path


def test_validate_option_checks_the_output():
    """to_newsml(validate=True) returns the same bytes after checking them."""
    assert to_newsml(seed_events(), version_created=WHEN) == to_newsml(
        seed_events(), version_created=WHEN, validate=True
    )


def test_validate_reports_the_first_schema_error_with_its_line():
    """validate() raises ValidationError with the schema's message and the line."""
    document = to_newsml(seed_events()[:1], version_created=WHEN, pretty=True)
    broken = document.replace(b'<type qcode="cpnat:event"/>', b'<type qcode="no-colon"/>')
    with pytest.raises(ValidationError, match="not valid NewsML-G2") as caught:
        validate(broken)
    assert broken.split(b"\n")[caught.value.line - 1].strip().startswith(b"<type")


# --------------------------------------------------------------------------- safety


def test_billion_laughs_is_refused_quickly_without_expansion():
    """A billion-laughs document is refused as having a DOCTYPE, without expanding entities."""
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]><lolz>&lol9;</lolz>'
    with pytest.raises(DecodeError, match="DOCTYPE"):
        from_newsml(bomb.encode())


def test_external_entities_are_refused_and_leak_nothing():
    """An XXE document is refused; the file's content appears nowhere in the error."""
    secret = Path("/etc/hostname")
    document = (
        b'<?xml version="1.0"?><!DOCTYPE item [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        b'<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="&xxe;"><concept>'
        b"<name>&xxe;</name><eventDetails><dates><start>2019</start></dates></eventDetails>"
        b"</concept></conceptItem>"
    )
    with pytest.raises(DecodeError, match="DOCTYPE") as caught:
        from_newsml(document)
    if secret.is_file() and secret.read_text().strip():
        assert secret.read_text().strip() not in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_any_doctype_is_refused_even_without_entities(encoding):
    """A plain DOCTYPE is refused as well, after comments, in any encoding libxml2 reads."""
    document = '<?xml version="1.0"?>\n<!-- a -->\n<!DOCTYPE newsMessage><newsMessage/>'.encode(encoding)
    with pytest.raises(DecodeError, match="DOCTYPE") as caught:
        from_newsml(document)
    assert 3 == caught.value.line


def test_oversized_input_is_refused_before_parsing():
    """Input over the size bound is refused; the bound is configurable."""
    document = to_newsml(seed_events(), version_created=WHEN)
    with pytest.raises(DecodeError, match="over the limit"):
        from_newsml(document, max_bytes=len(document) - 1)
    assert seed_events() == from_newsml(document, max_bytes=len(document))
    with pytest.raises(DecodeError, match="over the limit"):
        from_newsml(b" " * (10 * 1024 * 1024 + 1))


def test_deep_nesting_is_refused():
    """Pathologically deep documents hit the parser's depth limit, as a LimitError (#8)."""
    with pytest.raises(LimitError, match="nested deeper than 256 levels"):
        from_newsml(b"<a>" * 100_000 + b"</a>" * 100_000)


@pytest.mark.parametrize(
    ("document", "fragment", "path", "line"),
    [
        (b"<newsMessage><unclosed></newsMessage>", "malformed XML", None, 1),
        (b"\n\n<html xmlns='http://www.w3.org/1999/xhtml'/>", "not a NewsML-G2", "/html", 3),
        (
            b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">\n<header/></newsMessage>',
            "no item",
            "/newsMessage",
            1,
        ),
        (
            b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/>\n<itemSet/></newsMessage>',
            "no item",
            "/newsMessage/itemSet",
            2,
        ),
        (b"", "empty", None, 1),
    ],
)
def test_bad_documents_are_decode_errors_with_path_and_line(document, fragment, path, line):
    """Malformed, non-NewsML and item-less documents are DecodeErrors naming the element and line."""
    with pytest.raises(DecodeError, match=fragment) as caught:
        from_newsml(document)
    assert path == caught.value.path
    assert line == caught.value.line


def test_text_input_is_refused_with_a_hint():
    """A str is not bytes: the error says how to pass the document."""
    with pytest.raises(DecodeError, match="bytes"):
        from_newsml("<newsMessage/>")


def _damage(document: bytes, old: bytes, new: bytes) -> bytes:
    assert old in document
    return document.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "fragment", "where"),
    [
        (b"nevtype:Sentencing", b"nevtype:Nonesuch", "unknown event type 'Nonesuch'", "concept"),
        (b"<nev:term_months>90<", b"<nev:term_months>ninety<", "expected an integer", "term_months"),
        (b"nevtrole:defendant", b"nevtrole:judge", "no actor field 'judge'", "participant"),
        (b"<nev:penalty>prison<", b"<nev:penalty>flogging<", "expected one of", "penalty"),
        (b"<nev:penalty>prison</nev:penalty>", b"", "missing its required field(s) penalty", "eventDetails"),
        (b"<nev:offence>", b"<nev:bogus/><nev:offence>", "no field 'bogus'", "bogus"),
        (b"<start>2019-10</start>", b"<start>2019-13</start>", "outside 1..12", "start"),
        (
            b"<dates>\n            <start>2019-10</start>\n          </dates>",
            b"",
            "missing dates/start",
            "eventDetails",
        ),
    ],
)
def test_damaged_events_of_ours_are_decode_errors_naming_the_element(old, new, fragment, where):
    """A corrupted event of ours is a DecodeError whose path ends at the faulty element, with a line."""
    document = to_newsml([seed_events()[4]], version_created=WHEN, pretty=True)
    with pytest.raises(DecodeError, match=fragment.replace("(", r"\(").replace(")", r"\)")) as caught:
        from_newsml(_damage(document, old, new))
    assert caught.value.path.startswith("/newsMessage/itemSet/conceptItem/concept")
    assert where in caught.value.path
    assert isinstance(caught.value.line, int)


def test_our_type_names_under_another_catalog_are_not_ours():
    """A concept whose item gives nevtype another URI is someone else's: it reads as a ForeignEvent."""
    document = to_newsml([seed_events()[0]], version_created=WHEN)
    (event,) = from_newsml(document.replace(b'"urn:newsevents:eventtype:"', b'"https://example.org/types/"'))
    assert isinstance(event, ForeignEvent)
    assert ["Benjamin Netanyahu", "Vladimir Putin"] == [a.name for a in event.participants]


def test_one_event_alone_and_pretty_output_read_the_same():
    """to_newsml takes one event as well as several; pretty output reads back like compact output."""
    call = seed_events()[0]
    compact = to_newsml(call, version_created=WHEN)
    indented = to_newsml(call, version_created=WHEN, pretty=True)
    assert b"\n  <header>" in indented
    assert b"\n" not in compact.split(b"\n", 1)[1]
    assert [call] == from_newsml(compact) == from_newsml(indented)


# --------------------------------------------------------------------------- NewsML-G2 from others


@pytest.fixture(scope="module")
def shared() -> Path:
    """The shared NewsML-G2 examples, or a skip when ../shared is not there."""
    if not SHARED.is_dir():
        pytest.skip("../shared/newsml-g2 is not available")
    return SHARED


def test_iptc_listing_14_is_one_foreign_event(shared):
    """Listing 14 (an event conceptItem) reads as a ForeignEvent with its name, date, place, participant."""
    (event,) = from_newsml((shared / "LISTING_14_Event_sent_as_a_Concept_Item.xml").read_bytes())
    assert isinstance(event, ForeignEvent)
    assert "IPTC Autumn Meeting 2018" == event.name
    assert "event:1234567" == event.concept
    assert ne.PartialDate(2018, 10, 26) == event.date
    assert ne.Place("86, Edgeware Road, London W2 2EA, United Kingdom") == event.location
    assert (ne.Actor.person("Michael Steidl"),) == event.participants
    assert "urn:newsml:iptc.org:20160422:qqwpiruuew4711" == event.source


def test_iptc_listing_15_is_two_foreign_events(shared):
    """Listing 15 (a knowledgeItem with two events) reads as two ForeignEvents, titles from definitions."""
    first, second = from_newsml(
        (shared / "LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml").read_bytes()
    )
    assert "Newgathering and Verification Strategy" == second.name
    assert ne.PartialDate(2018, 10, 27) == second.date
    assert ne.Actor.person("Stuart Myles", title="Chairman of the Board of the IPTC") == first.participants[0]
    assert ["Evi Varsou", "Michael Steidl"] == [a.name for a in second.participants]


def test_iptc_cr00221_is_a_foreign_event(shared):
    """CR00221 (eventStatus, approximate dates) reads as a ForeignEvent cut to the day."""
    (event,) = from_newsml((shared / "CR00221_eventstatus.xml").read_bytes())
    assert (
        ForeignEvent(
            name="Event111:Name",
            concept="P:111",
            date=ne.PartialDate(2016, 6, 25),
            source="simplest-test",
        )
        == event
    )


def test_iptc_listing_16_events_in_a_news_item_are_foreign_events(shared):
    """Listing 16 (events inline in a newsItem, no concept ids) reads as three ForeignEvents."""
    found = from_newsml((shared / "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml").read_bytes())
    assert ["IPTC Autumn Meeting 2018", "Annomarket text analytics EU project", "Accidental Heroes"] == [
        e.name for e in found
    ]
    assert [None, None, None] == [e.concept for e in found]
    assert found[2].definition.startswith("News stories and random incidents")


def test_every_shared_document_reads_without_crashing(shared):
    """Every shared NewsML-G2 file gives events or a DecodeError; articles alone give []."""
    for path in sorted(shared.glob("*.xml")):
        try:
            found = from_newsml(path.read_bytes())
        except DecodeError:
            continue
        if path.name.startswith("LISTING_1_") or path.name.startswith("LISTING_2_"):
            assert [] == found


def test_foreign_events_round_trip_through_our_newsml(shared):
    """A ForeignEvent is an ordinary registered type: written by us, it comes back equal."""
    found = from_newsml((shared / "LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml").read_bytes())
    _, back = _round_trip(found)
    assert found == back


# --------------------------------------------------------------------------- a real client


def test_iptc_newsmlg2_reads_each_concept_item_we_write():
    """IPTC's newsmlg2 package reads each conceptItem, serialised alone, with our guid and concept name."""
    newsmlg2 = pytest.importorskip("NewsMLG2")
    extra = NewsmlTestSummit(
        hosts=(ne.Actor.state("FR"),), chair=ne.Actor.person("A\tB"), venue=ne.Place(None, country="FR")
    )
    written = [*_gold_events(), extra]
    for event, item in zip(written, _concepts(to_newsml(written, version_created=WHEN)), strict=True):
        alone = etree.tostring(item, xml_declaration=True, encoding="UTF-8")
        validate(alone)
        read = newsmlg2.NewsMLG2Document(alone).get_item()
        assert isinstance(read, newsmlg2.ConceptItem)
        assert f"urn:newsevents:event:{event.id}" == read.guid
        assert item.findtext(f"{{{G2}}}concept/{{{G2}}}name") == str(read.concept.name)
        assert f"nevt:{event.id}" == read.concept.conceptid.qcode
        assert [event] == from_newsml(alone)


# --------------------------------------------------------------------------- reading, reordered and repeated


def _reorder_concept(document: bytes) -> bytes:
    """Move each concept's conceptId after its other children, and give participants' attributes in reverse."""
    root = etree.fromstring(document)
    for concept in root.iter(f"{{{G2}}}concept"):
        concept_id = concept.find(f"{{{G2}}}conceptId")
        concept.remove(concept_id)
        concept.append(concept_id)
    for participant in root.iter(f"{{{G2}}}participant"):
        items = list(participant.items())
        participant.attrib.clear()
        for name, value in reversed(items):
            participant.set(name, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_events_read_the_same_whatever_the_order_of_children_and_attributes():
    """A conceptId after the event class, and participant attributes in another order, read the same."""
    original = seed_events()
    document = to_newsml(original, version_created=WHEN)
    reordered = _reorder_concept(document)
    assert reordered != document
    assert from_newsml(reordered) == original


def test_an_event_outside_every_item_is_not_read():
    """eventDetails outside the items of a newsMessage (here in its header) is not an event."""
    document = to_newsml(seed_events()[:2], version_created=WHEN)
    root = etree.fromstring(document)
    stray = etree.fromstring(document).find(f"{{{G2}}}itemSet/{{{G2}}}conceptItem/{{{G2}}}concept")
    root.find(f"{{{G2}}}header").append(stray)
    assert from_newsml(etree.tostring(root)) == seed_events()[:2]


def test_repeated_values_read_back_equal_and_distinct_values_stay_distinct():
    """Actors, dates and evidence that repeat read back equal; one that differs by an offset differs."""
    event = seed_events()[0]
    shifted = attrs.evolve(event.evidence, start=0, end=len(event.evidence.text))
    other = attrs.evolve(event, id="", evidence=shifted)
    assert other.evidence != event.evidence
    # Copies under ids of their own: one document holds one item per id.
    items = [event, other, *(attrs.evolve(e, id=f"copy-{i}") for i, e in enumerate((event, other)))]
    assert from_newsml(to_newsml(items, version_created=WHEN)) == items
    assert from_newsml(to_newsml(items[::-1], version_created=WHEN)) == items[::-1]


def test_a_bad_value_is_refused_every_time_not_only_the_first():
    """A refused date or evidence is refused again when it repeats (nothing refused is remembered)."""
    event = seed_events()[0]
    document = to_newsml([event, attrs.evolve(event, id="copy")], version_created=WHEN)
    for old, new in ((b"<start>2019-12-26<", b"<start>2019-12-32<"), (b'start="', b'start="-')):
        damaged = document.replace(old, new)
        for _ in range(2):
            with pytest.raises(DecodeError) as caught:
                from_newsml(damaged)
            assert isinstance(caught.value.line, int)


# --------------------------------------------------------------------------- hostile input (#8)

_SENTENCING, _AIRSTRIKE, _CALL = 4, 5, 0


def _written(index: int) -> bytes:
    return to_newsml([seed_events()[index]], version_created=WHEN)


def _refused(document: bytes, error=DecodeError, **limits) -> DecodeError:
    with pytest.raises(error) as caught:
        from_newsml(document, **limits)
    return caught.value


_DIGITS = b"9" * 5000


@pytest.mark.parametrize(
    ("index", "old", "new"),
    [
        (_SENTENCING, b">90<", b">" + _DIGITS + b"<"),
        (_SENTENCING, b">90<", b">-" + _DIGITS + b"<"),
        (_SENTENCING, b">90<", b">" + b"0" * 5000 + b"9007199254740992<"),
        (_SENTENCING, b'start="907"', b'start="' + _DIGITS + b'"'),
        (_SENTENCING, b'end="972"', b'end="' + _DIGITS + b'"'),
        (_AIRSTRIKE, b">100<", b">" + _DIGITS + b"<"),
    ],
)
def test_huge_integers_are_decode_errors_naming_the_element(index, old, new):
    """More digits than Python's int-string limit (4,300) is a DecodeError at the element, briefly said."""
    error = _refused(_damage(_written(index), old, new))
    assert error.path.startswith("/newsMessage/itemSet/conceptItem/concept")
    assert "outside" in error.message
    assert len(str(error)) < 300


def test_leading_zeros_do_not_count_towards_the_int_limit():
    """An integer written with 5,000 leading zeros is still the integer."""
    document = _damage(_written(_SENTENCING), b">90<", b">" + b"0" * 5000 + b"90<")
    assert 90 == from_newsml(document)[0].term_months


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<nev:penalty>prison<", b"<nev:penalty>" + b"x" * 5_000_000 + b"<"),
        (b"<start>2019-10<", b"<start>" + b"x" * 5_000_000 + b"<"),
        (b"<nev:term_months>90<", b"<nev:term_months>" + b"x" * 5_000_000 + b"<"),
        (b'qcode="iso3166-1a2:IL"', b'qcode="iso3166-1a2:' + b"Q" * 5_000_000 + b'"'),
        (b"nevtrole:defendant", b"nevtrole:" + b"j" * 5_000_000),
        (b"<nev:offence>", b"<nev:" + b"b" * 40_000 + b"/><nev:offence>"),
    ],
)
def test_error_messages_quote_a_bounded_prefix_of_a_bad_value(old, new):
    """A 5 MB bad value gives a short message: its first 80 characters, "…" and its length."""
    error = _refused(_damage(_written(_SENTENCING), old, new))
    assert len(str(error)) < 400, len(str(error))
    assert "…" in str(error)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("provider", "news\x00wire"),
        ("provider", "news\x1bwire"),
        ("provider", "news\ufffewire"),
        ("provider", "news\ud800wire"),
        ("provider", "nprov:\x00"),
    ],
)
def test_options_xml_cannot_carry_are_encode_errors(option, value):
    """Writer options are checked as the model's strings are: ill-formed XML is never written."""
    with pytest.raises(EncodeError, match=option):
        to_newsml(seed_events(), version_created=WHEN, **{option: value})


def test_other_options_are_checked_before_anything_is_written():
    """A huge version, an offset in seconds: refused with short messages, not ValueError or invalid XML."""
    with pytest.raises(EncodeError, match="version") as caught:
        to_newsml(seed_events(), version_created=WHEN, version=10**5000)
    assert len(str(caught.value)) < 200
    odd = datetime.datetime(2019, 12, 26, tzinfo=datetime.timezone(datetime.timedelta(seconds=30)))
    with pytest.raises(EncodeError, match="whole minutes"):
        to_newsml(seed_events(), version_created=odd)


@pytest.mark.parametrize(
    ("codes", "fragment"),
    [
        (ne.Codes(label="bad\x00label", definition="A test type."), "codes.label"),
        (ne.Codes(label="label", definition="bad\x1bdefinition"), "codes.definition"),
        (ne.Codes(label="bad\ud800", definition="A test type."), "codes.label"),
        (ne.Codes(label="label", definition="A test type.", media_topics=("medtop:\ufffe",)), "media topic"),
        (ne.Codes(label="label", definition="A test type.", media_topics=("medtop:\ud800",)), "media topic"),
        (ne.Codes(label="label", definition="A test type.", media_topics=("medtop:1\x00",)), "media topic"),
    ],
)
def test_codes_xml_cannot_carry_are_encode_errors_when_written(codes, fragment):
    """A user type's Codes are checked when an event of it is written, naming the field and the event."""

    @attrs.frozen(kw_only=True)
    class NewsmlTestCoded(ne.Event):
        pass

    NewsmlTestCoded.codes = codes
    registry.register(NewsmlTestCoded)
    try:
        with pytest.raises(EncodeError, match=fragment) as caught:
            to_newsml([seed_events()[0], NewsmlTestCoded()], version_created=WHEN)
        assert caught.value.path.startswith("$[1]")
        assert ne.from_json(ne.to_json(NewsmlTestCoded())) == NewsmlTestCoded()  # JSON does not carry codes
    finally:
        registry.unregister("NewsmlTestCoded")


@pytest.mark.parametrize("digits", ["٢٠١٩", "２０１９", "2019-١٠", "2019-10-٠٥"])
def test_digits_outside_ascii_are_not_dates(digits):
    """dates/start takes [0-9] digits only, as the XSD's date types do."""
    error = _refused(_damage(_written(_SENTENCING), b"<start>2019-10<", f"<start>{digits}<".encode()))
    assert error.path.endswith("/dates/start")
    assert isinstance(error, ValidationError)


def test_digits_outside_ascii_are_not_read_as_foreign_dates():
    """Another writer's date in Arabic-Indic digits is not a date (the XSD refuses it too)."""
    document = _damage(_written(_CALL), b"urn:newsevents:eventtype:", b"https://example.org/types/")
    document = _damage(document, b"<start>2019-12-26<", "<start>٢٠١٩-12-26<".encode())
    (event,) = from_newsml(document)
    assert isinstance(event, ForeignEvent)
    assert event.date is None


@pytest.mark.parametrize(
    ("index", "old", "new", "where"),
    [
        (_SENTENCING, b"<name>Naama Issachar<", b"<name>Naama <b>Issachar</b><", "participant/name/b"),
        (_SENTENCING, b"<name>Naama Issachar<", b"<name><b/>Naama Issachar<", "participant/name/b"),
        (_CALL, b"<definition>Prime Minister<", b"<definition>Prime<i>x</i> Minister<", "definition/i"),
        (_AIRSTRIKE, b"<name>Syria<", b"<name>Syria<x/><", "location/name/x"),
        (_SENTENCING, b"<start>2019-10<", b"<start>2019-10<x/><", "start/x"),
        (_SENTENCING, b"<nev:offence>drug", b"<nev:offence><b/>drug", "offence/b"),
        (_SENTENCING, b"<nev:term_months>90<", b"<nev:term_months>90<x/><", "term_months/x"),
        (_SENTENCING, b"<nev:penalty>prison<", b"<nev:penalty>prison<x/><", "penalty/x"),
        (_SENTENCING, b"in prison.</nev:evidence>", b"in prison.<x/></nev:evidence>", "evidence/x"),
        (_AIRSTRIKE, b"<nev:item>Hezbollah", b"<nev:item><b>Hezbollah</b>", "targets/item[1]/b"),
        (_AIRSTRIKE, b"<nev:targets><nev:item>", b"<nev:targets>loose<nev:item>", "targets"),
        (_AIRSTRIKE, b"</nev:item><nev:item>", b"</nev:item>loose<nev:item>", "targets"),
    ],
)
def test_markup_inside_a_value_is_refused_not_dropped(index, old, new, where):
    """lxml's .text stops at the first child: markup (or stray text) in a value is refused with its path."""
    error = _refused(_damage(_written(index), old, new))
    assert error.path.endswith(where), error.path
    assert isinstance(error.line, int)


@pytest.mark.parametrize(
    ("index", "old", "new", "where"),
    [
        (_SENTENCING, b"</dates>", b"</dates><dates><start>2018</start></dates>", "eventDetails/dates[2]"),
        (_SENTENCING, b"</start>", b"</start><start>2018</start>", "dates/start[2]"),
        (
            _SENTENCING,
            b'<type qcode="cpnat:event"/>',
            b'<conceptId qcode="nevt:Other-1"/>',
            "concept/conceptId[2]",
        ),
        (
            _SENTENCING,
            b"<eventDetails>",
            b'<related rel="nevtrel:eventClass" qcode="nevtype:Airstrike"/><eventDetails>',
            "concept/related[2]",
        ),
        (_SENTENCING, b"</name><related", b"</name><name>Ann</name><related", "participant/name[2]"),
        (
            _CALL,
            b"Minister</definition>",
            b"Minister</definition><definition>x</definition>",
            "definition[2]",
        ),
        (
            _SENTENCING,
            b'qcode="iso3166-1a2:IL"/>',
            b'qcode="iso3166-1a2:IL"/><related rel="nevtrel:country" qcode="iso3166-1a2:RU"/>',
            "participant/related[2]",
        ),
        (_AIRSTRIKE, b"<name>Syria</name>", b"<name>Syria</name><name>Iraq</name>", "location/name[2]"),
        (
            _AIRSTRIKE,
            b'SY"/></location>',
            b'SY"/><broader type="cpnat:geoArea" qcode="iso3166-1a2:IQ"/></location>',
            "location/broader[2]",
        ),
    ],
)
def test_a_repeated_element_is_refused_not_one_of_them_kept(index, old, new, where):
    """An element of which one is read (dates, start, conceptId, a name, ...) may appear once."""
    error = _refused(_damage(_written(index), old, new))
    assert error.path.endswith(where), error.path
    assert "second" in error.message
    assert isinstance(error.line, int)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'guid="urn:newsevents:event:Sentencing-', b'guid="urn:newsevents:event:Other-'),
        (b'guid="urn:newsevents:event:Sentencing-', b'guid="urn:example:Sentencing-'),
        (b' guid="urn:newsevents:event:Sentencing-', b' version2="'),
    ],
)
def test_a_guid_that_disagrees_with_the_concept_id_is_refused(old, new):
    """Our conceptItem's guid is urn:newsevents:event:<id>, the id of its conceptId: nothing else."""
    error = _refused(_damage(_written(_SENTENCING), old, new))
    assert "/newsMessage/itemSet/conceptItem" == error.path
    assert "guid" in error.message


def test_a_second_item_with_the_same_guid_is_refused():
    """A guid names one item: a document that repeats one is refused at the second item, with its line."""
    first, second = seed_events()[_SENTENCING], seed_events()[_SENTENCING + 1]
    document = to_newsml([first, second], version_created=WHEN, pretty=True)
    document = document.replace(second.id.encode(), first.id.encode())
    error = _refused(document)
    assert "/newsMessage/itemSet/conceptItem[2]" == error.path
    assert "a second item with the guid" in error.message
    assert first.id in error.message
    assert isinstance(error.line, int)
    assert document.splitlines()[error.line - 1].lstrip().startswith(b"<conceptItem")


def test_two_events_with_one_id_are_refused_when_written():
    """The writer refuses what the reader would: two events with one id (so one guid)."""
    event = seed_events()[_SENTENCING]
    with pytest.raises(EncodeError) as raised:
        to_newsml([event, seed_events()[0], event], version_created=WHEN)
    assert "$[2]" == raised.value.path
    assert "$[0]" in raised.value.message


def test_an_empty_concept_id_is_refused_not_derived():
    """ "nevt:" alone is no id (the model would derive one for "")."""
    document = _written(_SENTENCING)
    ident = seed_events()[_SENTENCING].id.encode()
    document = _damage(document, b'"nevt:' + ident, b'"nevt:')
    document = _damage(document, b"urn:newsevents:event:" + ident, b"urn:newsevents:event:")
    error = _refused(document)
    assert error.path.endswith("/concept/conceptId")


@pytest.mark.parametrize(
    ("new", "fragment"),
    [
        (b'<nev:strikes qualifier="order">9007199254740992<', "outside 0..9007199254740991"),
        (b'<nev:strikes qualifier="order">-1<', "outside 0..9007199254740991"),
        (b'<nev:strikes qualifier="roughly">100<', "unknown count qualifier 'roughly'"),
    ],
)
def test_a_bad_count_says_what_is_wrong(new, fragment):
    """An out-of-range count is out of range, not an "unknown count qualifier"."""
    error = _refused(_damage(_written(_AIRSTRIKE), b'<nev:strikes qualifier="order">100<', new))
    assert fragment in error.message
    assert "/eventDetails/strikes" in error.path


_PROLOG = '<?xml version="1.0"?>\n<!-- a -->\n<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'


class _NoParser:
    """Stands in for lxml.etree in newsevents.newsml._safe: any parse fails the test."""

    def __getattr__(self, name):
        if name in ("fromstring", "XML", "XMLPullParser", "parse", "iterparse"):
            raise AssertionError(f"the document reached the parser (etree.{name})")
        return getattr(etree, name)


_LONG_COMMENT = "<!--" + "a" * 600_000 + "-->\n\n" + _PROLOG


@pytest.mark.parametrize(
    ("document", "line"),
    [
        pytest.param(_PROLOG.encode(codec), 3, id=codec)
        for codec in (
            "utf-8",
            "utf-8-sig",
            "utf-16",
            "utf-16-le",
            "utf-16-be",
            "utf-32",
            "utf-32-le",
            "utf-32-be",
        )
    ]
    + [
        pytest.param(_LONG_COMMENT.encode("utf-16"), 5, id="long-utf-16-comment"),
        pytest.param(
            _PROLOG.replace(" a ", "a" * 600_000).encode("utf-16-be"), 3, id="long-utf-16-be-comment"
        ),
        pytest.param(
            _PROLOG.replace(" a ", "a" * 600_000).encode("utf-32-le"), 3, id="long-utf-32-le-comment"
        ),
        pytest.param(_LONG_COMMENT.encode("utf-32"), 5, id="long-utf-32-comment"),
        pytest.param(
            b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- \xe9 -->\n<!DOCTYPE x><x/>', 3, id="latin-1"
        ),
    ],
)
def test_a_doctype_in_any_encoding_never_reaches_the_parser(document, line, monkeypatch):
    """The prolog is decoded by the XML rules (BOM or none) before the scan, so no DOCTYPE gets past it."""
    from newsevents.newsml import _safe

    monkeypatch.setattr(_safe, "etree", _NoParser())
    error = _refused(document)
    assert "DOCTYPE" in error.message
    assert line == error.line


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-+ADw-x/+AD4-', id="utf-7"),
        pytest.param('<?xml version="1.0" encoding="cp037"?><x/>'.encode("cp037"), id="ebcdic"),
        pytest.param(b'<?xml version="1.0" encoding="x-weird"?><x/>', id="unknown"),
        pytest.param(b"\x00\x00<\x00\x00\x00?\x00", id="ucs-4-2143"),
    ],
)
def test_encodings_the_scan_cannot_read_are_refused_before_parsing(document, monkeypatch):
    """UTF-7, EBCDIC and the like are refused, rather than handed to a parser the scan cannot follow."""
    from newsevents.newsml import _safe

    monkeypatch.setattr(_safe, "etree", _NoParser())
    assert "unsupported encoding" in _refused(document).message


@pytest.mark.parametrize(
    "codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "iso-8859-1", "windows-1252"]
)
def test_documents_in_other_encodings_read_the_same(codec):
    """A document in UTF-16/32 without a BOM, or declared in an 8-bit encoding, reads as in UTF-8."""
    text = to_newsml(seed_events(), version_created=WHEN).decode("utf-8")
    if codec.startswith(("iso", "windows")):
        text = text.replace("encoding='UTF-8'", f"encoding='{codec}'")
    assert seed_events() == from_newsml(text.encode(codec, "xmlcharrefreplace"))


def test_element_count_is_bounded_while_parsing():
    """More elements (or attributes) than max_elements is a LimitError naming the limit."""
    error = _refused(b"<r>" + b"<x/>" * 1001 + b"</r>", LimitError, max_elements=1000)
    assert "max_elements" in error.message
    assert "1,000" in error.message
    error = _refused(b"<r>" + b'<x a="" b=""/>' * 400 + b"</r>", LimitError, max_elements=1000)
    assert "max_elements" in error.message
    error = _refused(b"<r>" + b'<x xmlns:a="b"/>' * 600 + b"</r>", LimitError, max_elements=1000)
    assert "max_elements" in error.message
    with pytest.raises(
        DecodeError, match="not a NewsML-G2"
    ):  # under the limit: parsed, then refused as not ours
        from_newsml(b"<r>" + b"<x/>" * 999 + b"</r>", max_elements=1000)


def test_the_default_element_bound_refuses_a_document_of_empty_elements():
    """10 MiB of <x/> (2.6 million elements) is refused by the default bound."""
    document = b"<r>" + b"<x/>" * (10 * 1024 * 1024 // 4 - 2) + b"</r>"
    error = _refused(document, LimitError)
    assert "500,000" in error.message


def test_reading_near_the_element_bound_gives_the_same_events():
    """The counting parse (used when the quick bound is exceeded) reads exactly what the plain one does."""
    events = [attrs.evolve(e, id=f"copy-{i}") for i, e in enumerate(seed_events() * 40)]
    document = to_newsml(events, version_created=WHEN)
    nodes = sum(
        1 + len(e.attrib) + len(e.nsmap if e.getparent() is None else ())
        for e in etree.fromstring(document).iter()
    )
    assert document.count(b"<") + document.count(b"=") > nodes + 10
    assert events == from_newsml(document, max_elements=nodes + 10)
    with pytest.raises(LimitError):
        from_newsml(document, max_elements=nodes - 10)


def test_nesting_depth_is_bounded():
    """Deeper nesting than max_depth (100 by default) is a LimitError naming the limit."""
    error = _refused(b"<a>" * 101 + b"</a>" * 101, LimitError)
    assert "max_depth" in error.message
    assert "100" in error.message
    assert from_newsml(to_newsml(seed_events(), version_created=WHEN), max_depth=7) == seed_events()
    _refused(to_newsml(seed_events(), version_created=WHEN), LimitError, max_depth=6)


def test_peak_memory_of_a_document_of_empty_elements_is_bounded():
    """10 MiB of <x/> parsed in a fresh process costs well under the ~360 MB a full parse takes."""
    code = (
        "import resource, newsevents as ne\n"
        "doc = b'<r>' + b'<x/>' * (10 * 1024 * 1024 // 4 - 2) + b'</r>'\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    ne.from_newsml(doc)\nexcept ne.LimitError:\n    pass\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    import subprocess
    import sys

    grown = int(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    assert grown < 150, f"{grown} MB"
