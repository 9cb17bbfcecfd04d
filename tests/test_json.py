"""The JSON codec: lossless round trips, strict decoding, error paths, the JSON Schema."""

from __future__ import annotations

import contextlib
import copy
import enum
import json

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.seed_events import SEED, seed_events

import newsevents as ne
from newsevents import json as nj
from newsevents import registry
from newsevents._text import first_illegal_char
from newsevents.errors import DecodeError, EncodeError, ValidationError
from newsevents.json import SCHEMA_ID
from newsevents.strategies import events

VALIDATOR = jsonschema.Draft202012Validator


def schema_validator():
    schema = ne.json_schema()
    VALIDATOR.check_schema(schema)
    return VALIDATOR(schema)


@given(events())
def test_round_trip_is_exact(event):
    """Every event of every registered type survives to_json/from_json unchanged."""
    assert event == ne.from_json(ne.to_json(event))
    assert event == ne.from_dict(ne.to_dict(event))


@given(st.lists(events(), max_size=4))
def test_lists_round_trip(items):
    """A list encodes as a JSON array and decodes as a list."""
    assert items == ne.from_json(ne.to_json(items))


@given(events())
def test_encoded_events_validate_against_the_schema(event):
    """The generated JSON Schema accepts every encoded event, alone and in an array."""
    validator = schema_validator()
    validator.validate(json.loads(ne.to_json(event)))
    validator.validate(json.loads(ne.to_json([event, event])))


def test_schema_is_versioned_and_covers_every_type():
    """$id carries the format version; every registered type has a definition."""
    schema = ne.json_schema()
    assert SCHEMA_ID == schema["$id"]
    assert "1.0" in schema["$id"]
    assert set(registry.types()) <= set(schema["$defs"])


def test_schema_rejects_what_the_decoder_rejects():
    """The schema is strict too: unknown keys and wrong types fail."""
    validator = schema_validator()
    good = ne.to_dict(seed_events()[0])
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "extra": 1})
    assert not validator.is_valid({**good, "participants": "ab"})
    assert not validator.is_valid({**good, "type": "Unknown"})


def test_seed_events_round_trip():
    """The seed article's gold events, built by hand, round-trip and keep their offsets."""
    text = SEED.read_text(encoding="utf-8")
    items = seed_events()
    decoded = ne.from_json(ne.to_json(items))
    assert items == decoded
    for event in decoded:
        assert event.evidence is not None
        assert event.evidence.text == text[event.evidence.start : event.evidence.end]


def test_json_shape():
    """Tagged by type; dates ISO; enums as values; exact counts as ints; actors as objects."""
    strike = seed_events()[-1]
    data = json.loads(ne.to_json(strike))
    assert "Airstrike" == data["type"]
    assert {"value": 100, "qualifier": "order"} == data["strikes"]
    assert {"name": "Israel", "kind": "country", "title": None, "country": "IL"} == data["attacker"]
    assert ["Hezbollah weapon shipments", "Iranian military installations"] == data["targets"]
    sentence = json.loads(ne.to_json(seed_events()[4]))
    assert ("2019-10", "prison", 90) == (sentence["date"], sentence["penalty"], sentence["term_months"])
    killed = ne.Airstrike(killed=ne.Count(12))
    assert 12 == json.loads(ne.to_json(killed))["killed"]


def test_keys_with_defaults_may_be_omitted():
    """Only fields without a default are required on input."""
    event = ne.from_json('{"type": "Airstrike"}')
    assert isinstance(event, ne.Airstrike)
    assert event.id.startswith("Airstrike-")
    actor = '{"name": "X", "kind": "person"}'
    sentence = ne.from_json(f'{{"type": "Sentencing", "defendant": {actor}, "penalty": "life"}}')
    assert ne.Penalty.LIFE == sentence.penalty


@pytest.mark.parametrize(
    ("document", "path", "error"),
    [
        ('{"type": "Airstrike", "targets": "ab"}', "$.targets", DecodeError),
        (
            '{"type": "Airstrike", "attacker": {"name": 123, "kind": "person"}}',
            "$.attacker.name",
            DecodeError,
        ),
        ('{"type": "Airstrike", "killed": "25"}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": 1.0}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": true}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "source": 5}', "$.source", DecodeError),
        ('{"type": "Airstrike", "date": 2019}', "$.date", DecodeError),
        ('{"type": "Airstrike", "date": "2019-02-30"}', "$.date.day", ValidationError),
        ('{"type": "Airstrike", "extra": 1}', "$.extra", DecodeError),
        (
            '{"type": "Airstrike", "attacker": {"name": "X", "kind": "person", "x": 1}}',
            "$.attacker.x",
            DecodeError,
        ),
        ('{"type": "Airstrike", "attacker": {"name": "X", "kind": "robot"}}', "$.attacker.kind", DecodeError),
        (
            '{"type": "Airstrike", "attacker": {"name": "X", "kind": "person", "country": "XX"}}',
            "$.attacker.country",
            ValidationError,
        ),
        ('{"type": "Airstrike", "killed": {"value": 3}}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": {"value": 3, "qualifier": "roughly"}}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": -3}', "$.killed.value", ValidationError),
        (
            '{"type": "Airstrike", "evidence": {"text": "ab", "start": 0, "end": 3}}',
            "$.evidence.end",
            ValidationError,
        ),
        ('{"type": "Airstrike", "location": {"name": null, "country": null}}', "$.location", ValidationError),
        ('{"type": "Airstrike", "id": "has space"}', "$.id", ValidationError),
        ('{"type": "PhoneCall", "participants": []}', "$.participants", ValidationError),
        ('{"type": "PhoneCall"}', "$.participants", DecodeError),
        ('{"type": "Nope"}', "$.type", DecodeError),
        ('{"kind": "Airstrike"}', "$.type", DecodeError),
        ('[{"type": "Airstrike"}, {"type": "Airstrike", "targets": [1]}]', "$[1].targets[0]", DecodeError),
        ("[1]", "$[0]", DecodeError),
        ('"Airstrike"', "$", DecodeError),
        ('{"type": "Airstrike", "targets": ["a\\u0000"]}', "$.targets[0]", ValidationError),
    ],
)
def test_bad_input_names_its_path(document, path, error):
    """Every refusal is a DecodeError (or ValidationError) carrying the JSON path."""
    with pytest.raises(error) as raised:
        ne.from_json(document)
    assert path == raised.value.path
    assert path in str(raised.value)


def test_strict_decoding_does_not_coerce():
    """cattrs would turn "ab" into ["a", "b"] and 123 into "123"; we refuse both."""
    with pytest.raises(DecodeError):
        ne.from_dict({"type": "Airstrike", "targets": "ab"})
    with pytest.raises(DecodeError):
        ne.from_dict({"type": "Airstrike", "targets": ["a", 123]})
    with pytest.raises(DecodeError):
        ne.from_dict({"type": "Airstrike", "targets": ("a",)})


def test_lenient_decoding_ignores_unknown_keys():
    """strict=False lets an old reader take a newer writer's documents."""
    newer = '{"type": "Airstrike", "weapon": "drone", "attacker": {"name": "X", "kind": "group", "rank": 1}}'
    with pytest.raises(DecodeError):
        ne.from_json(newer)
    event = ne.from_json(newer, strict=False)
    assert "X" == event.attacker.name
    with pytest.raises(DecodeError):
        ne.from_json('{"type": "Airstrike", "targets": "ab", "weapon": 1}', strict=False)


def test_malformed_json_names_the_line():
    """Malformed JSON is a DecodeError with its line."""
    with pytest.raises(DecodeError) as raised:
        ne.from_json('[\n{"type": "Airstrike"},\n{')
    assert 3 == raised.value.line


def test_many_option():
    """many=True requires an array, many=False an object."""
    assert isinstance(ne.from_json('[{"type": "Airstrike"}]', many=True), list)
    with pytest.raises(DecodeError):
        ne.from_json('{"type": "Airstrike"}', many=True)
    with pytest.raises(DecodeError):
        ne.from_json('[{"type": "Airstrike"}]', many=False)
    with pytest.raises(DecodeError):
        ne.from_json(12)  # type: ignore[arg-type]


mutations = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@given(events(), st.data())
def test_mutated_json_raises_only_decode_errors(event, data):
    """Replacing, adding or removing a key anywhere gives an event or a DecodeError, nothing else."""
    document = ne.to_dict(event)
    target = document
    while True:
        containers = [v for v in target.values() if isinstance(v, dict)] if isinstance(target, dict) else []
        if not containers or data.draw(st.booleans()):
            break
        target = data.draw(st.sampled_from(containers))
    action = data.draw(st.sampled_from(["replace", "add", "remove"]))
    key = data.draw(st.sampled_from(sorted(target))) if target else "type"
    if action == "replace":
        target[key] = data.draw(mutations)
    elif action == "add":
        target[data.draw(st.text(max_size=8))] = data.draw(mutations)
    else:
        target.pop(key, None)
    try:
        result = ne.from_json(json.dumps(document))
    except DecodeError:
        return
    assert isinstance(result, ne.Event)


@given(st.binary(max_size=64) | st.text(max_size=64))
def test_garbage_raises_only_decode_errors(garbage):
    """Arbitrary bytes or text never escape as anything but DecodeError."""
    with contextlib.suppress(DecodeError):
        ne.from_json(garbage)


def test_unregistered_types_are_refused_on_encoding():
    """Encoding an event of an unregistered class is an EncodeError naming the fix."""

    @attrs.frozen(kw_only=True)
    class Unregistered(ne.Event):
        note: str = ""

    with pytest.raises(EncodeError, match="register"):
        ne.to_json(Unregistered())
    with pytest.raises(EncodeError, match=r"\$\[1\]"):
        ne.to_json([ne.Airstrike(), "not an event"])  # type: ignore[list-item]


# --------------------------------------------------------------------------- the fast path against the checked one


class Mood(enum.StrEnum):
    CALM = "calm"
    TENSE = "tense"


@attrs.frozen(kw_only=True)
class Probe(ne.Event):
    """A user type using every kind of field, built by the generated decoder."""

    note: str = ""
    level: int = attrs.field(default=0, metadata={"minimum": 0})
    floor: int | None = attrs.field(default=None, metadata={"minimum": -5})
    flag: bool = False
    mood: Mood = Mood.CALM
    moods: tuple[Mood, ...] = ()
    scores: tuple[int, ...] = ()
    flags: tuple[bool, ...] = ()
    witnesses: tuple[ne.Actor, ...] = attrs.field(default=(), metadata={"min_items": 1})
    hearings: tuple[ne.PartialDate, ...] = ()
    tally: ne.Count | None = None
    tallies: tuple[ne.Count, ...] = ()
    place: ne.Place | None = None
    proofs: tuple[ne.Evidence, ...] = ()
    lead: ne.Actor


def _not_forbidden(_: object, attribute: attrs.Attribute, value: object) -> None:
    if value == "forbidden":
        raise ValidationError("forbidden", path=f"$.{attribute.name}")


@attrs.frozen(kw_only=True)
class GuardedProbe(ne.Event):
    """A user type with its own validator and post-init: built by calling its constructor."""

    code: str = attrs.field(default="", validator=_not_forbidden)
    labels: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if "forbidden" in self.labels:
            raise ValidationError("forbidden label", path="$.labels")


PROBES = (Probe, GuardedProbe)


@pytest.fixture(scope="module")
def probes():
    """Register the probe types for this module's tests only."""
    for cls in PROBES:
        ne.register(cls)
    yield PROBES
    for cls in PROBES:
        registry.unregister(cls.__name__)


# Values the model treats specially, to put anywhere in a document.
_EDGES = st.sampled_from(
    [
        "",
        " ",
        "x",
        "IL",
        "il",
        "XX",
        "person",
        "country",
        "robot",
        "order",
        "about",
        "roughly",
        "prison",
        "calm",
        "tense",
        "forbidden",
        "2019",
        "2019-12",
        "2019-02-29",
        "2020-02-29",
        "2019-02-30",
        "2019-13",
        "0000",
        "has space",
        "ok.id-1",
        "a" * 65,
        "a\x00",
        "\x08",
        "b\x0c",
        "\x0b",
        "\x1f",
        "\ufffe",
        "\uffff",
        "\t\n\r",
        "\x7f",
        "\u2028",
        "\\",
        -(2**53),
        -(2**53) + 1,
        -6,
        -5,
        -1,
        0,
        1,
        2,
        2**53 - 1,
        2**53,
        2**63 - 1,
        True,
        False,
        None,
        1.0,
        [],
        {},
        ["x"],
        [1],
        ["calm"],
        [True],
        ["2019"],
        [{"name": "X", "kind": "group"}],
        {"value": 3, "qualifier": "about"},
        {"value": -1, "qualifier": "about"},
        {"value": 3},
        {"value": True, "qualifier": "exact"},
        {"name": "X", "kind": "person"},
        {"name": None, "country": None},
        {"name": "X", "kind": "person", "country": "XX"},
        {"text": "ab", "start": 0, "end": 2},
        {"text": "ab", "start": 0, "end": 3},
        {"text": "a\x01", "start": 0, "end": 2},
    ]
)
_VALUES = _EDGES | mutations
_TAINTS = st.sampled_from(
    ["\x00", "\x08", "\x0c", "\x0b", "\x1f", "\ud800", "\ufffe", "\uffff", "\t", "\x7f", "\\", " "]
)


def _containers(node):
    children = node.values() if isinstance(node, dict) else node
    return [child for child in children if isinstance(child, dict | list) and child]


def _mutate(document, data):
    """Replace, add or remove a key or item at any depth."""
    target = document
    while _containers(target) and data.draw(st.booleans()):
        target = data.draw(st.sampled_from(_containers(target)))
    action = data.draw(st.sampled_from(["replace", "add", "remove"]))
    slots = sorted(target) if isinstance(target, dict) else list(range(len(target)))
    if action == "add":
        # A copy: the edge values are shared, and a later mutation may descend into this one.
        value = copy.deepcopy(data.draw(_VALUES))
        if isinstance(target, dict):
            target[data.draw(st.text(max_size=8) | st.sampled_from(sorted(target) or ["type"]))] = value
        else:
            target.insert(data.draw(st.integers(0, len(target))), value)
    elif slots:
        slot = data.draw(st.sampled_from(slots))
        if action == "replace":
            target[slot] = copy.deepcopy(data.draw(_VALUES))
        else:
            del target[slot]


def _slots(node):
    """Every (container, key or index) of a JSON document, depth first."""
    for key in list(node) if isinstance(node, dict) else range(len(node)):
        yield node, key
        if isinstance(node[key], dict | list):
            yield from _slots(node[key])


_NONE_EDGES = [
    "",
    " ",
    "XX",
    "2019-02-30",
    "calm",
    -1,
    0,
    2**53,
    True,
    1.0,
    [],
    ["x"],
    {},
    {"value": -1, "qualifier": "about"},
    {"value": 3, "qualifier": "roughly"},
    {"name": " ", "kind": "person"},
    {"name": "X", "kind": "person", "country": "XX"},
    {"name": None, "country": None},
    {"text": "ab", "start": 0, "end": 3},
]


# Enum members are str subclasses: equal to their values, but not JSON strings.
_MEMBERS = {
    member.value: (member,)
    for enum_type in (ne.ActorKind, ne.CountQualifier, ne.Penalty, Mood)
    for member in enum_type
}


def _edges(value):
    """Values at or just past the model's limits, near ``value``: where a missing check shows."""
    if value is None:
        return _NONE_EDGES
    if isinstance(value, bool):
        return [not value, int(value), None]
    if isinstance(value, int):
        return [value - 1, value + 1, -1, -5, -6, 0, 2**53 - 1, 2**53, -(2**53), True, 1.0, str(value)]
    if isinstance(value, str):
        return [
            *_MEMBERS.get(value, ()),
            "",
            " ",
            "XX",
            "il",
            "robot",
            "roughly",
            "forbidden",
            "has space",
            "a" * 65,
            "2019-02-30",
            "2019-13",
            "0000",
            "2019",
            value[:-1],
            value + "\x00",
            "\x0b" + value,
            value + "\ufffe",
            value + "\x08",
            value + "\x0c",
        ]
    if isinstance(value, list):
        return [
            tuple(value),
            [],
            value[1:],
            [*value, *value[:1]],
            [*value, None],
            "ab",
            [*value, 1],
            [*value, "a\x00"],
        ]
    if isinstance(value, dict):
        return [{**value, "x": 1}, "ab", []]
    return [0, "x", None]


def _variants(document):
    """The document with each value in turn replaced by each of its edges, or removed (in place)."""
    yield
    for container, key in list(_slots(document)):
        original = container[key]
        for edge in _edges(original):
            container[key] = edge
            yield
        container[key] = original
        if isinstance(container, dict) and key != "type":
            del container[key]
            yield
            container[key] = original


def _compare(document, strict):
    """Assert that the fast decoders and cattrs' detailed pass agree on ``document``."""
    try:
        cls = nj._lookup(document)
    except DecodeError:
        return
    expected = _outcome(lambda: nj._explained(document, cls, strict))
    runs = [(document, expected)]
    text = json.dumps(document, ensure_ascii=False)
    with contextlib.suppress(orjson.JSONDecodeError):
        parsed = orjson.loads(text)
        # Parsed again: enum members and tuples are plain strings and lists now.
        runs.append((parsed, _outcome(lambda: nj._explained(parsed, cls, strict))))
    for data, expected in runs:
        try:
            fast = ("ok", nj._decoder(cls, strict)(data, cls))
        except Exception:  # noqa: BLE001 (the fast pass refuses with any exception)
            fast = ("refused",)
        if expected[0] == "ok":
            assert fast[0] == "ok", (data, expected)
            _same_event(expected[1], fast[1])
        else:
            assert fast == ("refused",), (data, expected)


def _outcome(decode):
    """("ok", event) or ("error", class, path) of calling ``decode``."""
    try:
        return ("ok", decode())
    except DecodeError as error:
        return ("error", type(error), error.path)


def _same_event(expected, got):
    assert type(expected) is type(got)
    assert expected == got
    assert repr(expected) == repr(got)  # enum members, not bare strings; tuples, not lists


@given(st.data())
def test_fast_path_agrees_with_the_constructors(probes, data):
    """
    The generated decoders accept exactly what cattrs' own hooks and the constructors accept.

    Events of every type (user types included) are encoded and mutated at random (keys
    replaced, added or removed at any depth); then every value in turn is replaced by values
    at the model's limits (blank names, unknown countries, impossible dates, integers one
    past a bound, characters XML cannot carry, wrong JSON types) or removed. Each variant
    is decoded by the fast decoders and by the detailed pass (cattrs' generated hooks with
    detailed validation, through the constructors): both accept with equal events, or both
    refuse. The public functions raise the detailed pass's error class and path, from JSON
    text (escaped or raw, str or bytes) and from dicts.
    """
    event = data.draw(events(types=[*sorted(registry.types().values(), key=lambda c: c.__name__)]))
    document = ne.to_dict(event)
    for _ in range(data.draw(st.integers(0, 2))):
        _mutate(document, data)
    strict = data.draw(st.booleans())
    for _ in _variants(document):
        _compare(document, strict)
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
    raw = text.encode("utf-8", "surrogatepass") if data.draw(st.booleans()) else text
    try:
        parsed = orjson.loads(raw)
    except orjson.JSONDecodeError:
        with pytest.raises(DecodeError):
            ne.from_json(raw, strict=strict)
        return
    try:
        cls = nj._lookup(parsed)
    except DecodeError:
        expected = _outcome(lambda: nj._lookup(parsed))
    else:
        expected = _outcome(lambda: nj._explained(parsed, cls, strict))
    for public in (lambda: ne.from_json(raw, strict=strict), lambda: ne.from_dict(parsed, strict=strict)):
        got = _outcome(public)
        if expected[0] == "ok":
            assert got[0] == "ok"
            _same_event(expected[1], got[1])
        else:
            assert expected == got


def test_every_string_is_checked():
    """Each string, nested or not, is checked for characters XML cannot carry, from dicts and from text."""
    good = ne.to_dict(seed_events()[-1])
    cases = {
        "$.source": {**good, "source": "a\x00"},
        "$.targets[1]": {**good, "targets": ["ok", "\ufffe"]},
        "$.attacker.name": {**good, "attacker": {**good["attacker"], "name": "Is\x0brael"}},
        "$.evidence.text": {
            **good,
            "evidence": {**good["evidence"], "text": "\x1f" + good["evidence"]["text"][1:]},
        },
        "$.evidence.rule": {**good, "evidence": {**good["evidence"], "rule": "r\x08"}},
        "$.location.name": {**good, "location": {**good["location"], "name": "S\udc00yria"}},
    }
    for path, document in cases.items():
        with pytest.raises(ValidationError) as raised:
            ne.from_dict(document)
        assert path == raised.value.path
        if path != "$.location.name":  # orjson refuses a lone surrogate as malformed JSON
            with pytest.raises(ValidationError) as raised:
                ne.from_json(json.dumps(document))
            assert path == raised.value.path


def test_user_types_get_generated_hooks_in_the_converter(probes):
    """A registered user type is structured by a decoder generated for it in the fast converter."""
    for converter in (nj._converter("fast", True), nj._converter("fast", False)):
        hook = converter.get_structure_hook(Probe)
        assert "<newsevents generated" in hook.__code__.co_filename
    probe = Probe(
        lead=ne.Actor.person("X"), witnesses=(ne.Actor.group("Y"),), scores=(1, -2), moods=(Mood.TENSE,)
    )
    assert probe == ne.from_json(ne.to_json(probe))


def test_user_validators_and_post_init_run_on_decoding(probes):
    """A user type's own validator and post-init still refuse, with their paths."""
    with pytest.raises(ValidationError) as raised:
        ne.from_json('{"type": "GuardedProbe", "code": "forbidden"}')
    assert "$.code" == raised.value.path
    with pytest.raises(ValidationError) as raised:
        ne.from_json('{"type": "GuardedProbe", "labels": ["a", "forbidden"]}')
    assert "$.labels" == raised.value.path
    assert ("a",) == ne.from_json('{"type": "GuardedProbe", "labels": ["a"]}').labels


def test_minimum_and_min_items_of_user_types(probes):
    """Declared minimum and min_items are enforced by the fast path too."""
    base = {
        "type": "Probe",
        "lead": {"name": "X", "kind": "person"},
        "witnesses": [{"name": "Y", "kind": "group"}],
    }
    assert 0 == ne.from_dict(base).level
    for key, value, path in [
        ("level", -1, "$.level"),
        ("floor", -6, "$.floor"),
        ("witnesses", [], "$.witnesses"),
    ]:
        with pytest.raises(ValidationError) as raised:
            ne.from_dict({**base, key: value})
        assert path == raised.value.path
    assert -5 == ne.from_dict({**base, "floor": -5}).floor


@given(st.text() | st.sampled_from(["\ufffe", "\uffff", "a\ud800", "\x00", "\t\n\r", "\u2028", "\x85"]))
def test_quick_text_test_agrees_with_the_character_search(text):
    """carriable(), which the decoders use, answers as the XML character search does."""
    from newsevents.model import carriable

    assert carriable(text) == (first_illegal_char(text) is None)


def test_a_hook_registered_for_a_value_type_is_called():
    """The generated event decoders call a structure hook registered in the converter for a value type."""
    converter = nj._fast_converter(forbid_extra_keys=True)
    seen = []

    def place(value, _):
        seen.append(value)
        return ne.Place(value["name"].upper())

    converter.register_structure_hook(ne.Place, place)
    decode = converter.get_structure_hook(ne.Airstrike)
    event = decode({"type": "Airstrike", "location": {"name": "Syria"}}, ne.Airstrike)
    assert ne.Place("SYRIA") == event.location
    assert [{"name": "Syria"}] == seen


def test_event_types_with_their_own_init_are_built_by_it(probes):
    """Own validators or __init__ send an event type to its constructor; plain ones do not."""
    from newsevents import _fastpath

    assert not _fastpath.needs_constructor(Probe)
    assert not _fastpath.needs_constructor(ne.Airstrike)
    assert _fastpath.needs_constructor(GuardedProbe)

    @attrs.frozen(kw_only=True, init=False)
    class OwnInit(ne.Event):
        note: str = ""

        def __init__(self, note: str = "") -> None:
            self.__attrs_init__(note=note.strip())

    assert _fastpath.needs_constructor(OwnInit)


# --------------------------------------------------------------------------- hostile input (#8)

_BIG = 10**5000  # Python refuses to write out an int of over 4,300 digits: str() raises ValueError
_LONG = "x" * 5_000_000


def _sentencing_dict(**changes):
    data = ne.to_dict(ne.Sentencing(defendant=ne.Actor.person("Ann"), penalty=ne.Penalty.PRISON))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"penalty": _BIG}, "$.penalty"),
        ({"term_months": _BIG}, "$.term_months"),
        ({"term_months": -_BIG}, "$.term_months"),
        ({"evidence": {"text": "a", "start": _BIG, "end": _BIG + 1}}, "$.evidence.start"),
        ({"defendant": {"name": "Ann", "kind": _BIG}}, "$.defendant.kind"),
        ({"date": _BIG}, "$.date"),
        ({"id": _BIG}, "$.id"),
    ],
)
def test_huge_integers_are_decode_errors_with_a_short_message(changes, path):
    """An integer Python cannot write out is a DecodeError at its path, not a bare ValueError."""
    with pytest.raises(DecodeError) as raised:
        ne.from_dict(_sentencing_dict(**changes))
    assert path == raised.value.path
    assert len(str(raised.value)) < 300


def test_a_huge_count_is_a_validation_error():
    """Counts check their range without writing the number out."""
    with pytest.raises(ValidationError, match="about 5,001 digits") as raised:
        ne.from_dict({"type": "Airstrike", "killed": {"value": _BIG, "qualifier": "about"}})
    assert "$.killed.value" == raised.value.path


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"penalty": _LONG}, "$.penalty"),
        ({"defendant": {"name": "Ann", "kind": "person", "country": _LONG}}, "$.defendant.country"),
        ({"date": _LONG}, "$.date"),
        ({"id": _LONG}, "$.id"),
        ({"type": _LONG}, "$.type"),
        ({"term_months": _LONG}, "$.term_months"),
        ({_LONG: 1}, None),
    ],
)
def test_error_messages_quote_a_bounded_prefix_of_a_bad_value(changes, path):
    """A 5 MB bad value gives a message of at most a few hundred characters, saying how long it was."""
    for decode in (ne.from_dict, lambda data: ne.from_json(orjson.dumps(data))):
        with pytest.raises(DecodeError) as raised:
            decode(_sentencing_dict(**changes))
        message = str(raised.value)
        assert len(message) < 400, len(message)
        assert "…" in message
        assert "5,000,000 characters" in message or raised.value.path == "$.term_months"
        if path is not None:
            assert path == raised.value.path


@pytest.mark.parametrize("date", ["٢٠١٩", "２０１９", "2019-١٠", "2019-10-٠٥", "߂߀߁߉", "１９９９-12"])
def test_digits_outside_ascii_are_not_dates(date):
    """ "\\d" matches any Unicode digit; dates, like the JSON Schema's pattern, take [0-9] only."""
    assert schema_validator().is_valid(_sentencing_dict(date=date)) is False
    for decode in (ne.from_dict, lambda data: ne.from_json(json.dumps(data))):
        with pytest.raises(ValidationError) as raised:
            decode(_sentencing_dict(date=date))
        assert "$.date" == raised.value.path


@pytest.mark.parametrize("strict", [True, False])
def test_an_empty_id_is_refused_as_the_schema_refuses_it(strict):
    """'"id": ""' is not "derive one": that is spelled by leaving the key out."""
    data = _sentencing_dict(id="")
    assert schema_validator().is_valid(data) is False
    for decode in (ne.from_dict, lambda d, strict: ne.from_json(json.dumps(d), strict=strict)):
        with pytest.raises(ValidationError) as raised:
            decode(data, strict=strict)
        assert "$.id" == raised.value.path
    without = _sentencing_dict()
    derived = without.pop("id")
    assert derived == ne.from_dict(without, strict=strict).id == ne.from_json(json.dumps(without)).id


def test_an_empty_id_is_refused_in_an_array_with_its_index():
    """The refusal names the event's index in an array."""
    with pytest.raises(ValidationError) as raised:
        ne.from_json(json.dumps([_sentencing_dict(), _sentencing_dict(id="")]))
    assert "$[1].id" == raised.value.path
