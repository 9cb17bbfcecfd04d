"""The JSON codec: lossless round trips, strict decoding, error paths, the JSON Schema."""

from __future__ import annotations

import contextlib
import json

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.seed_events import SEED, seed_events

import newsevents as ne
from newsevents import registry
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
        ('{"type": "Airstrike", "attacker": {"name": 123, "kind": "person"}}', "$.attacker.name", DecodeError),
        ('{"type": "Airstrike", "killed": "25"}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": 1.0}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": true}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "source": 5}', "$.source", DecodeError),
        ('{"type": "Airstrike", "date": 2019}', "$.date", DecodeError),
        ('{"type": "Airstrike", "date": "2019-02-30"}', "$.date.day", ValidationError),
        ('{"type": "Airstrike", "extra": 1}', "$.extra", DecodeError),
        ('{"type": "Airstrike", "attacker": {"name": "X", "kind": "person", "x": 1}}', "$.attacker.x", DecodeError),
        ('{"type": "Airstrike", "attacker": {"name": "X", "kind": "robot"}}', "$.attacker.kind", DecodeError),
        ('{"type": "Airstrike", "attacker": {"name": "X", "kind": "person", "country": "XX"}}',
         "$.attacker.country", ValidationError),
        ('{"type": "Airstrike", "killed": {"value": 3}}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": {"value": 3, "qualifier": "roughly"}}', "$.killed", DecodeError),
        ('{"type": "Airstrike", "killed": -3}', "$.killed.value", ValidationError),
        ('{"type": "Airstrike", "evidence": {"text": "ab", "start": 0, "end": 3}}', "$.evidence.end",
         ValidationError),
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
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
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
