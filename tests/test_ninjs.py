"""ninjs 3.1: exact round trips through the body, schema validity, the mapping, others' items, errors."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.seed_events import SOURCE, seed_events

import newsevents as ne
from newsevents import registry
from newsevents.errors import DecodeError, EncodeError, LimitError, ValidationError
from newsevents.newsml import ForeignEvent
from newsevents.ninjs import (
    BODY_CONTENT_TYPE,
    BODY_ROLE,
    MAX_DEPTH,
    from_ninjs,
    schema,
    to_ninjs,
    validate,
)
from newsevents.strategies import event_ids, events, texts

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "ninjs"
MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"


# --------------------------------------------------------------------------- a user-defined type


@attrs.frozen(kw_only=True)
class NinjsTestVisit(ne.Event):
    """A state visit: a user-defined type with actors, places and plain fields, and no ninjs code."""

    codes: ClassVar[ne.Codes] = ne.Codes(
        label="state visit",
        definition="A visit by a head of state or government to another country.",
        media_topics=("medtop:20000638", "example:visit"),
    )

    visitors: tuple[ne.Actor, ...] = attrs.field(metadata={"min_items": 1})
    host: ne.Actor | None = None
    stops: tuple[ne.Place, ...] = ()
    venue: ne.Place | None = None
    guests: tuple[ne.Actor, ...] | None = None
    days: int = attrs.field(default=1, metadata={"minimum": 0})
    agenda: tuple[str, ...] = ()


@pytest.fixture(scope="module", autouse=True)
def _visit_registered():
    """Register the test-defined type for this module only."""
    registry.register(NinjsTestVisit)
    yield
    registry.unregister("NinjsTestVisit")


def _seed(cls):
    """The seed article's gold event of type ``cls``."""
    (event,) = [e for e in seed_events() if type(e) is cls]
    return event


def _all_events():
    # Deferred, so the registry is read when the test runs (with the visit registered).
    return st.deferred(events)


def _articles():
    """Articles as `ArticleLike` objects, with and without the optional attributes."""
    return st.builds(
        SimpleNamespace,
        text=texts(max_size=200),
        headline=st.none() | texts(max_size=40),
        published=st.none() | st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
        source=st.none() | event_ids(),
    )


# --------------------------------------------------------------------------- round trips


@given(_all_events())
def test_every_registered_type_round_trips_through_the_body(event):
    """One event of any registered type, the test-defined one included, comes back equal."""
    document = to_ninjs(event)
    assert isinstance(document, dict)
    assert [event] == from_ninjs(document)
    assert [event] == from_ninjs(orjson.dumps(document))  # as it travels: JSON bytes
    assert [event] == from_ninjs(json.dumps(document))  # and text
    validate(document)


@given(st.lists(_all_events(), max_size=4))
def test_a_list_of_events_is_a_list_of_valid_items_and_comes_back_in_order(items):
    """Several events give one item each, every one valid; reading the list gives the events in order."""
    documents = to_ninjs(items)
    assert isinstance(documents, list)
    assert len(items) == len(documents)
    assert items == from_ninjs(documents)
    assert items == from_ninjs(orjson.dumps(documents))
    validate(documents)
    assert items == from_ninjs(to_ninjs(iter(items)))  # any iterable, a generator too


@given(st.lists(_all_events(), max_size=4), _articles())
def test_the_article_form_is_valid_and_gives_back_only_the_events(items, article):
    """With an article, one valid text item refers to and carries the events, which come back equal."""
    document = to_ninjs(items, article=article)
    assert isinstance(document, dict)
    validate(document)
    assert "text" == document["type"]
    assert items == from_ninjs(document)
    assert items == from_ninjs(orjson.dumps(document))
    assert [f"urn:newsevents:{e.id}" for e in items] == [a["uri"] for a in document.get("associations", [])]
    assert [e.id for e in items] == [ref["id"] for ref in document.get("events", [])]


def test_the_seed_events_round_trip_alone_and_with_their_article(seed_text):
    """The seed article's gold events: as items, and inside the article's item."""
    gold = seed_events()
    assert gold == from_ninjs(to_ninjs(gold))
    article = ne.parsing.Article(seed_text, source=SOURCE)
    document = to_ninjs(gold, article=article)
    validate(document)
    assert gold == from_ninjs(document)
    assert f"urn:newsevents:article:{SOURCE}" == document["uri"]
    assert [{"role": "main", "contentType": "text/plain", "value": seed_text}] == document["bodies"]


def test_writing_is_deterministic_and_plain_json():
    """The same events give the same document (no clock), made of JSON types only."""
    gold = seed_events()
    assert to_ninjs(gold) == to_ninjs(gold)
    assert to_ninjs(gold) == json.loads(json.dumps(to_ninjs(gold)))


def test_a_user_defined_type_maps_its_actors_and_places_by_field_name():
    """A type defined here gets people, organisations and places with its own field names as rel."""
    merkel = ne.Actor.person("Angela Merkel", title="Chancellor", country="DE")
    visit = NinjsTestVisit(
        visitors=(merkel, ne.Actor.group("a trade delegation")),
        host=ne.Actor.state("FR"),
        stops=(ne.Place("Paris", country="FR"), ne.Place(None, country="FR")),
        venue=ne.Place("Élysée Palace"),
        guests=(ne.Actor.organization("Airbus"),),
        date=ne.PartialDate(2019, 5),
        location=ne.Place("Paris", country="FR"),
        agenda=("trade",),
    )
    item = to_ninjs(visit)
    validate(item)
    assert "State visit: Angela Merkel, a trade delegation, France, Airbus (2019-05)" == item["title"]
    assert [
        {"name": "Angela Merkel", "rel": "visitors"},
        {"name": "a trade delegation", "rel": "visitors"},
    ] == item["people"]
    assert [{"name": "France", "rel": "host"}, {"name": "Airbus", "rel": "guests"}] == item["organisations"]
    france = [{"type": "physical", "address": {"country": "France"}}]
    assert [
        {"name": "Paris", "rel": "location", "contactInfo": france},
        {"name": "Paris", "rel": "stops", "contactInfo": france},
        {"name": "France", "rel": "stops", "contactInfo": france},
        {"name": "Élysée Palace", "rel": "venue"},
    ] == item["places"]
    assert [{"uri": MEDTOP + "20000638"}, {"literal": "example:visit"}] == item["subjects"]
    assert [visit] == from_ninjs(item)


# --------------------------------------------------------------------------- the mapping


def test_an_event_item_carries_what_ninjs_can_say_and_the_event_in_its_body():
    """The seed's phone call: uri, title, roles as rel, evidence, topics, and the JSON body."""
    call = seed_events()[0]
    item = to_ninjs(call)
    assert {
        "name": "ninjs",
        "version": "3.1",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    } == item["standard"]
    assert f"urn:newsevents:{call.id}" == item["uri"]
    assert "event" == item["type"]
    assert "Phone call: Benjamin Netanyahu, Vladimir Putin (2019-12-26)" == item["title"]
    assert [
        {"name": "Benjamin Netanyahu", "rel": "participants"},
        {"name": "Vladimir Putin", "rel": "participants"},
        {"name": "Benjamin Netanyahu", "rel": "initiator"},
    ] == item["people"]
    assert [{"role": "evidence", "contentType": "text/plain", "value": call.evidence.text}] == item[
        "descriptions"
    ]
    assert [{"uri": MEDTOP + "20000639"}] == item["subjects"]
    assert [{"role": BODY_ROLE, "contentType": BODY_CONTENT_TYPE, "value": ne.to_json(call)}] == item[
        "bodies"
    ]
    assert "eventDetails" not in item  # a date that has happened has no truthful place in ninjs


def test_a_country_acting_is_an_organisation_and_a_group_is_people():
    """Actor kinds: people for persons and groups, organisations for organizations and states."""
    strike = ne.Airstrike(attacker=ne.Actor.state("IL"), location=ne.Place("Syria", country="SY"))
    sentencing = ne.Sentencing(defendant=ne.Actor.group("12 other defendants"), penalty=ne.Penalty.FINE)
    assert [{"name": "Israel", "rel": "attacker"}] == to_ninjs(strike)["organisations"]
    assert [{"name": "12 other defendants", "rel": "defendant"}] == to_ninjs(sentencing)["people"]
    assert "people" not in to_ninjs(strike)
    assert "places" not in to_ninjs(sentencing)


def test_dates_are_expected_only_when_the_article_shows_them_still_to_come():
    """A date wholly after the article's publication is an expectedStartDate; no other date is written."""
    article = SimpleNamespace(text="text", published=datetime.date(2019, 12, 26))
    cases = [
        (ne.PartialDate(2020), "2020"),
        (ne.PartialDate(2020, 1), "2020-01"),
        (ne.PartialDate(2019, 12, 27), "2019-12-27"),
        (ne.PartialDate(2019, 12, 26), None),  # the same day: it may have happened
        (ne.PartialDate(2019, 12), None),  # the month of publication
        (ne.PartialDate(2019), None),
        (ne.PartialDate(2019, 10), None),
        (None, None),
    ]
    for date, expected in cases:
        event = ne.Airstrike(date=date)
        (item,) = to_ninjs([event], article=article)["associations"]
        details = None if expected is None else {"dates": {"expectedStartDate": expected}}
        assert details == item.get("eventDetails"), date
        assert "eventDetails" not in to_ninjs(event)  # alone, nothing says when it was reported
        validate(to_ninjs([event], article=article))
    undated = SimpleNamespace(text="text", published=None)
    assert (
        "eventDetails"
        not in to_ninjs([ne.Airstrike(date=ne.PartialDate(2020))], article=undated)["associations"][0]
    )


def test_the_article_item_has_headline_topics_references_and_associations():
    """The text item: headline, the events' topics once each, events[] and associations that agree."""
    gold = seed_events()
    article = SimpleNamespace(text="Body.", headline="Netanyahu asks Putin to pardon Issachar", source="a-1")
    document = to_ninjs(gold, article=article)
    assert "urn:newsevents:article:a-1" == document["uri"]
    assert [{"role": "main", "value": "Netanyahu asks Putin to pardon Issachar"}] == document["headlines"]
    topics = [s["uri"] for s in document["subjects"]]
    assert len(set(topics)) == len(topics)
    assert {MEDTOP + t.split(":")[1] for e in gold for t in e.media_topics()} == set(topics)
    for reference, associated, event in zip(document["events"], document["associations"], gold, strict=True):
        assert {"id": event.id, "name": associated["title"], "uri": associated["uri"]} == reference
        assert associated["name"] == associated["title"]
        assert "event" == associated["rel"]
        assert "standard" not in associated
    empty = to_ninjs([], article="Just text.")
    validate(empty)
    assert [] == from_ninjs(empty)
    assert "events" not in empty
    assert "associations" not in empty


def test_a_consumer_ignoring_the_body_reads_a_foreign_event():
    """Without the body, an item reads as a ForeignEvent: its title, actors, place; the rest is lost."""
    sentencing = _seed(ne.Sentencing)
    item = to_ninjs(sentencing)
    del item["bodies"]
    (read,) = from_ninjs(item)
    assert isinstance(read, ForeignEvent)
    assert item["title"] == read.name
    assert f"urn:newsevents:{sentencing.id}" == read.concept
    assert (ne.Actor.person("Naama Issachar"),) == read.participants  # no title, no country
    assert ne.Place("Russia", country="RU") == read.location
    assert read.date is None
    assert read.source is None


def test_a_foreign_event_keeps_its_name_and_definition_when_written_again():
    """A ForeignEvent read from ninjs is written with the title and description it came with."""
    (visit,) = from_ninjs(_example_event())
    item = to_ninjs(visit)
    assert "Annual press briefing of the Example Ministry" == item["title"]
    assert [{"role": "definition", "value": visit.definition}] == item["descriptions"]
    assert [visit] == from_ninjs(item)
    validate(item)


# --------------------------------------------------------------------------- others' ninjs


def _example_event() -> dict:
    """An event item in the shape of IPTC's example 008, written for these tests."""
    return {
        "standard": {
            "name": "ninjs",
            "version": "3.1",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
        },
        "uri": "urn:example.org:events:2024-ministry-briefing",
        "type": "event",
        "title": "Annual press briefing of the Example Ministry",
        "descriptions": [
            {"role": "summary", "contentType": "text/html", "value": "<p>Figures for the year.</p>"},
            {"role": "summary", "value": "The ministry presents the year's figures."},
        ],
        "eventDetails": {
            "dates": {"startDate": "2024-03-05T23:30:00-05:00", "expectedEndDate": "2024-03-06"},
            "organiser": {"name": "Example Ministry"},
        },
        "people": [{"name": "Jane Roe", "rel": "speaker"}, {"rel": "unnamed"}, {"name": "Jane Roe"}],
        "organisations": [{"name": "Example Broadcasting", "rel": "host"}],
        "places": [
            {"name": "Press centre", "rel": "venue"},
            {
                "name": "Conference hall",
                "rel": "location",
                "contactInfo": [
                    {"type": "web", "value": "https://example.org/hall"},
                    {"type": "physical", "address": {"locality": "Lisbon", "country": "portugal"}},
                ],
            },
        ],
        "subjects": [{"uri": MEDTOP + "20000638"}],
    }


def test_an_iptc_shaped_event_item_reads_as_a_foreign_event():
    """Someone else's event item: title, first plain description, start date as written, actors, place."""
    document = _example_event()
    validate(document)
    (event,) = from_ninjs(document)
    assert isinstance(event, ForeignEvent)
    assert "Annual press briefing of the Example Ministry" == event.name
    assert "The ministry presents the year's figures." == event.definition
    assert "urn:example.org:events:2024-ministry-briefing" == event.concept
    assert ne.PartialDate(2024, 3, 5) == event.date  # the day as written, not moved to UTC
    assert (
        ne.Actor.person("Jane Roe"),
        ne.Actor.organization("Example Broadcasting"),
        ne.Actor.organization("Example Ministry"),
    ) == event.participants
    assert ne.Place("Conference hall", country="PT") == event.location
    assert [event] == from_ninjs(to_ninjs(event))


def test_an_event_associated_with_someone_elses_news_item_takes_its_uri_as_source():
    """Events in another provider's text item are read, in order, with the item's uri as their source."""
    first = _example_event()
    second = {"uri": "urn:example.org:events:2", "type": "event", "name": "Other", "title": "Other event"}
    news = {
        "uri": "https://example.org/news/1",
        "type": "text",
        "events": [{"name": "Not read: a reference", "uri": "urn:example.org:events:3"}],
        "associations": [
            {**first, "name": "briefing"},
            {"uri": "https://example.org/pictures/1", "name": "photo", "type": "picture"},
            second,
        ],
    }
    events_read = from_ninjs(news)
    assert ["Annual press briefing of the Example Ministry", "Other event"] == [e.name for e in events_read]
    assert {"https://example.org/news/1"} == {e.source for e in events_read}
    dates = [
        {"expectedStartDate": "2024-07"},
        {"expectedStartDate": "2024-07-11T09:00:00Z"},
        {"endDate": "x"},
    ]
    assert [ne.PartialDate(2024, 7), ne.PartialDate(2024, 7, 11), None] == [
        from_ninjs({"uri": "urn:x:1", "type": "event", "eventDetails": {"dates": d}})[0].date for d in dates
    ]
    assert [] == from_ninjs({"uri": "urn:x:1", "type": "text", "title": "An article"})
    assert "" == from_ninjs({"uri": "urn:x:1", "type": "event"})[0].name


def test_iptc_example_event_reads_as_a_foreign_event():
    """IPTC's own example 008 (from ../shared): the NATO summit press conference."""
    path = SHARED / "example_3.1_008_event.json"
    if not path.is_file():
        pytest.skip("../shared/ninjs is not available")
    document = path.read_bytes()
    validate(document)
    (event,) = from_ninjs(document)
    assert isinstance(event, ForeignEvent)
    assert "2023 NATO Summit Press Conference" == event.name
    assert "urn:nato.int:2023-nato-summit-press-conference" == event.concept
    assert ne.PartialDate(2023, 7, 11) == event.date
    assert ne.Place("LITEXPO", country="LT") == event.location
    assert () == event.participants
    article = SHARED / "example_3.1_004_simple_text_article.json"
    assert [] == from_ninjs(article.read_bytes())


def test_the_shipped_schema_is_iptcs():
    """The schema in the package is IPTC's ninjs 3.1, byte for byte where ../shared has it."""
    loaded = schema()
    assert "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#" == loaded["$id"]
    assert "https://json-schema.org/draft/2020-12/schema" == loaded["$schema"]
    loaded["$id"] = "changed"
    assert "changed" != schema()["$id"]  # every call gives a fresh copy
    shared = SHARED / "ninjs-schema_3.1.json"
    if shared.is_file():
        from importlib import resources

        packaged = resources.files("newsevents.ninjs").joinpath("schema", "ninjs-schema_3.1.json")
        assert shared.read_bytes() == packaged.read_bytes()


# --------------------------------------------------------------------------- validation


def test_validate_names_the_first_problem_by_its_json_path():
    """Invalid documents raise ValidationError with the path; format checking is on."""
    good = to_ninjs(seed_events()[0])
    cases = [
        ({**good, "nevType": "PhoneCall"}, "$"),
        ({**good, "people": [{"name": "X", "uri": "not a uri"}]}, "$.people[0].uri"),
        ({**good, "versionCreated": "2019-12-26"}, "$.versionCreated"),
        (
            {**good, "eventDetails": {"dates": {"expectedStartDate": "26 Dec 2019"}}},
            "$.eventDetails.dates.expectedStartDate",
        ),
        ({**good, "type": "Airstrike"}, "$.type"),
    ]
    for document, path in cases:
        with pytest.raises(ValidationError, match=r"not valid ninjs 3\.1") as caught:
            validate(document)
        assert path == caught.value.path
    with pytest.raises(ValidationError) as caught:
        validate([good, {"type": "event"}])
    assert "$[1]" == caught.value.path
    with pytest.raises(DecodeError, match="malformed JSON"):
        validate(b"{")
    validate(json.dumps(good))
    validate({**good, "places": [{"name": "X", "geoJSON": {"type": "Point", "coordinates": [1, 2]}}]})


def test_importing_the_module_loads_no_schema_and_no_jsonschema():
    """``import newsevents.ninjs`` stays cheap: jsonschema and the schema wait for validate."""
    program = (
        "import sys\n"
        "import newsevents.ninjs as n\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported'\n"
        "assert n._validate._raw is None and n._validate._validator is None\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True, capture_output=True)


def test_validate_without_jsonschema_says_what_to_install():
    """Without jsonschema, validate raises ImportError naming the extra; writing and reading still work."""
    program = (
        "import sys; sys.modules['jsonschema'] = None\n"
        "import newsevents as ne\n"
        "from newsevents.ninjs import from_ninjs, to_ninjs, validate\n"
        "item = to_ninjs(ne.Airstrike())\n"
        "assert from_ninjs(item) == [ne.Airstrike()]\n"
        "try:\n"
        "    validate(item)\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert "pip install 'jsonschema[format-nongpl]'" in done.stdout


# --------------------------------------------------------------------------- errors


def _item(**changes):
    item = to_ninjs(_seed(ne.Airstrike))
    item.update(changes)
    return item


def _body(value):
    return [{"role": BODY_ROLE, "contentType": BODY_CONTENT_TYPE, "value": value}]


def test_bad_input_is_a_decode_error_with_its_path():
    """Whatever is wrong, and wherever, the error is ours and names the place."""
    strike = _seed(ne.Airstrike)
    good = _item()
    nested = {"uri": "urn:x:news", "type": "text", "associations": [{**good, "name": "n"}]}
    broken = _item(bodies=_body(json.dumps(dict(ne.to_dict(strike), strikes="x"))))
    cases = [
        ("{", None, "malformed JSON"),
        (b"[1]", "$[0]", "expected a ninjs object, got integer"),
        ({"type": "event"}, "$.uri", "missing 'uri'"),
        ({"uri": 5}, "$.uri", "expected a string"),
        (ne.to_dict(strike), "$.type", "from_json"),
        ({"uri": "urn:x", "type": 3}, "$.type", "not a ninjs type"),
        (_item(bodies={}), "$.bodies", "expected an array"),
        (_item(bodies=[[]]), "$.bodies[0]", "expected an object"),
        (_item(bodies=_body(None)), "$.bodies[0].value", "expected a string"),
        (_item(bodies=_body("{")), "$.bodies[0].value", "malformed JSON"),
        (
            _item(bodies=_body('{"type": "Airstrike", "killed": "25"}')),
            "$.bodies[0].value.killed",
            "integer or",
        ),
        (_item(bodies=_body('{"type": "Meeting"}')), "$.bodies[0].value.type", "unknown event type"),
        (_item(bodies=_body("[]")), "$.bodies[0].value", "expected one event"),
        (broken, "$.bodies[0].value.strikes", "expected"),
        (_item(bodies=good["bodies"] * 2), "$.bodies[1]", "second"),
        (_item(uri="urn:newsevents:Airstrike-0"), "$.uri", "disagrees"),
        (
            {"uri": "urn:x:news", "associations": [{**good, "name": "n"}, {"name": "x"}]},
            "$.associations[1].uri",
            "uri",
        ),
        ({**nested, "associations": {}}, "$.associations", "expected an array"),
        ({"uri": "urn:x", "type": "event", "title": 5}, "$.title", "expected a string"),
        (
            {"uri": "urn:x", "type": "event", "people": [{"name": ["Ann"]}]},
            "$.people[0].name",
            "expected a string",
        ),
        ({"uri": "urn:x", "type": "event", "places": ["Paris"]}, "$.places[0]", "expected an object"),
        ({"uri": "urn:x", "type": "event", "eventDetails": {"dates": []}}, "$.eventDetails.dates", "object"),
        (
            {"uri": "urn:x", "type": "event", "eventDetails": {"dates": {"startDate": 2024}}},
            "$.eventDetails.dates.startDate",
            "string",
        ),
    ]
    for document, path, message in cases:
        with pytest.raises(DecodeError, match=message) as caught:
            from_ninjs(document)
        assert path == caught.value.path, (document, caught.value)
    for wrong in (None, 3, 2.5, {"a"}):
        with pytest.raises(DecodeError, match="expected a ninjs object"):
            from_ninjs(wrong)
    assert [strike] == from_ninjs({**nested, "uri": "urn:x:news"})
    assert [strike] == from_ninjs(_item(uri="https://relay.example/items/1"))  # a relay's own uri is fine


def test_a_value_the_model_refuses_is_a_validation_error_with_its_path():
    """Text no codec can carry, in someone else's item, is refused where it is."""
    cases = [
        ({"uri": "urn:x", "type": "event", "people": [{"name": "A\x00B"}]}, "$.people[0].name"),
        ({"uri": "urn:x", "type": "event", "title": "\ufffe"}, "$.title"),
        ({"uri": "urn:\x01", "type": "event"}, "$.uri"),
        ({"uri": "urn:\x01", "associations": [{"uri": "urn:x", "name": "x", "type": "event"}]}, "$.uri"),
        ({"uri": "urn:x", "type": "event", "descriptions": [{"value": "A\x0bB"}]}, "$.descriptions[0].value"),
    ]
    for document, path in cases:
        with pytest.raises(ValidationError) as caught:
            from_ninjs(document)
        assert path == caught.value.path


def test_strict_false_reads_a_body_from_a_newer_writer():
    """A key the event type does not have is refused by default, ignored with strict=False."""
    strike = _seed(ne.Airstrike)
    newer = dict(ne.to_dict(strike), weapon="drone")
    item = _item(bodies=_body(json.dumps(newer)))
    with pytest.raises(DecodeError) as caught:
        from_ninjs(item)
    assert "$.bodies[0].value.weapon" == caught.value.path
    assert [strike] == from_ninjs(item, strict=False)


def test_nesting_past_the_limit_is_a_limit_error():
    """Associations nest at most MAX_DEPTH deep, so a cyclic or hostile dict cannot loop forever."""
    item: dict = {"uri": "urn:x:0"}
    item["associations"] = [item]  # a cycle
    with pytest.raises(LimitError, match="nested deeper"):
        from_ninjs(item)
    deep = {"uri": "urn:x:leaf", "type": "event", "title": "Leaf"}
    for _ in range(MAX_DEPTH):
        deep = {"uri": "urn:x", "name": "n", "associations": [deep]}
    assert ["Leaf"] == [e.name for e in from_ninjs(deep)]
    text = b'{"uri":"u","associations":[' * 2000 + b"]}" * 2000
    with pytest.raises(DecodeError):
        from_ninjs(text)


def test_unwritable_input_is_an_encode_error_with_its_index():
    """Not an event, an unregistered type, bad codes or topics, no iterable, a bad article."""

    @attrs.frozen(kw_only=True)
    class Unregistered(ne.Event):
        pass

    strike = _seed(ne.Airstrike)
    with pytest.raises(EncodeError, match="expected an Event, got str") as caught:
        to_ninjs([strike, "strike"])
    assert "$[1]" == caught.value.path
    with pytest.raises(EncodeError, match="not a registered event type") as caught:
        to_ninjs([strike, Unregistered()])
    assert "$[1]" == caught.value.path
    with pytest.raises(EncodeError, match="not a registered event type"):
        to_ninjs(Unregistered())
    with pytest.raises(EncodeError, match="iterable of events"):
        to_ninjs(5)
    with pytest.raises(EncodeError, match="article"):
        to_ninjs([strike], article=SimpleNamespace(headline="no text"))
    with pytest.raises(EncodeError, match="article"):
        to_ninjs([strike], article="bad \x00 text")

    @attrs.frozen(kw_only=True)
    class NinjsTestBadTopics(ne.Event):
        codes: ClassVar[ne.Codes] = ne.Codes(
            label="bad", definition="Bad topics.", media_topics=("no colon",)
        )

    @attrs.frozen(kw_only=True)
    class NinjsTestBadCodes(ne.Event):
        codes: ClassVar[object] = "not codes"

    registry.register(NinjsTestBadTopics)
    registry.register(NinjsTestBadCodes)
    try:
        with pytest.raises(EncodeError, match="not a QCode") as caught:
            to_ninjs([strike, NinjsTestBadTopics()])
        assert "$[1].media_topics()" == caught.value.path
        with pytest.raises(EncodeError, match="codes must be"):
            to_ninjs(NinjsTestBadCodes())
    finally:
        registry.unregister("NinjsTestBadTopics")
        registry.unregister("NinjsTestBadCodes")
    assert [] == to_ninjs([])


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False)
    | texts(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts(max_size=12), inner, max_size=4),
    max_leaves=20,
)
_KEYS = st.sampled_from(
    ["uri", "type", "title", "bodies", "associations", "people", "organisations", "places", "eventDetails",
     "dates", "startDate", "expectedStartDate", "organiser", "name", "value", "role", "contentType",
     "contactInfo", "address", "country", "descriptions", "headlines"]
)  # fmt: skip


@given(st.data())
def test_any_json_is_read_or_refused_with_our_error(data):
    """Arbitrary JSON, and valid items with a value replaced anywhere, give events or a DecodeError."""
    item = to_ninjs(data.draw(_all_events()))
    target = item
    for _ in range(data.draw(st.integers(0, 3))):
        key = data.draw(_KEYS)
        child = target.get(key) if isinstance(target, dict) else None
        if isinstance(child, list) and child:
            child = child[0]
        if not isinstance(child, dict):
            break
        target = child
    target[data.draw(_KEYS)] = data.draw(_JSON)
    for document in (item, data.draw(_JSON)):
        try:
            read = from_ninjs(document)
        except DecodeError:
            continue
        assert all(isinstance(event, ne.Event) for event in read)
        assert read == from_ninjs(orjson.dumps(document))
