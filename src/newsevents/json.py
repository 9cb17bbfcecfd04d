"""
Events as JSON: `to_json` / `from_json`, `to_dict` / `from_dict`, and `json_schema`.

One cattrs converter configuration, built once at import, carries every registered
event type: an event is a JSON object tagged by ``"type"`` (the class name), with
one key per attrs field. Dates are ISO strings, enums their values, tuples arrays,
None null; an exact `Count` is a plain integer and any other count an object
``{"value": 100, "qualifier": "order"}``.

Decoding is strict: a wrong type is refused, never coerced (``"ab"`` does not become
``["a", "b"]``). When the fast pass fails, a second pass over the same input finds
the first problem and raises `DecodeError` with its JSON path, so precise errors
cost nothing on valid input.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable, Iterable
from types import NoneType, UnionType
from typing import Any, overload

import attrs
import cattrs
import orjson

from newsevents import _decoders, registry
from newsevents._decoders import Refused, value_field_type
from newsevents._fields import (
    EnumOf,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    ValueOf,
    describe,
)
from newsevents._text import clip, quote
from newsevents.errors import DecodeError, EncodeError, NewsEventsError, ValidationError
from newsevents.model import MAX_INT, ActorKind, Count, CountQualifier, Event, PartialDate

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
]

#: The version of the JSON format; it changes when a reader of the old format would misread.
FORMAT_VERSION = "1.0"
#: The ``$id`` of the JSON Schema, carrying the format version.
SCHEMA_ID = f"urn:newsevents:json:{FORMAT_VERSION}"

EventOrEvents = Event | list[Event]


# --------------------------------------------------------------------------- the converter


def _str(value: Any, cls: Any) -> str:
    # cattrs dispatches str subclasses here too, and a StrEnum is one.
    if type(value) is str:
        return value if cls is str else cls(value)
    raise Refused


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise Refused


def _bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise Refused


def _enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is str:
        return cls(value)
    raise Refused


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _is_tuple(cls: Any) -> bool:
    return getattr(cls, "__origin__", None) is tuple


def _is_optional(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) in (UnionType, typing.Union) and len(args) == 2 and NoneType in args


def _make_converter(*, forbid_extra_keys: bool, check_text: bool) -> cattrs.Converter:
    """
    The codec's one converter configuration: strict scalar hooks plus the generated class hooks.

    Args:
        forbid_extra_keys: Refuse keys a class does not have (``strict=True``).
        check_text: Refuse strings XML cannot carry; False only for JSON text proved clean.
    """
    converter = cattrs.Converter(forbid_extra_keys=forbid_extra_keys, detailed_validation=False)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(enum.Enum, _enum)
    # A str-based enum would reach cattrs' pass-through str hook: name the enum classes exactly.
    converter.register_unstructure_hook(ActorKind, _enum_value)

    def tuple_hook(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = cls.__args__[0]
        item = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise Refused
            return tuple([item(v, item_type) for v in value])

        return structure

    def optional_hook(cls: Any) -> Callable[[Any, Any], Any]:
        (inner_type,) = [arg for arg in typing.get_args(cls) if arg is not NoneType]
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)
    converter.register_structure_hook_factory(_is_optional, optional_hook)
    _decoders.install(converter, forbid_extra_keys=forbid_extra_keys, check_text=check_text)
    return converter


#: Keyed by (strict, check_text).
_CONVERTERS = {
    (strict, check_text): _make_converter(forbid_extra_keys=strict, check_text=check_text)
    for strict in (True, False)
    for check_text in (True, False)
}
_STRICT = _CONVERTERS[True, True]
_LENIENT = _CONVERTERS[False, True]
_DECODERS: dict[tuple[bool, bool], dict[type, Callable[[Any, Any], Event]]] = {
    mode: {} for mode in _CONVERTERS
}


@attrs.frozen
class _Plan:
    """How one event type is written: its keys and its generated encoders."""

    keys: frozenset[str]
    #: The converter's unstructure hook: the fields, without ``"type"``.
    unstructure: Callable[[Event], dict[str, Any]]
    #: The same, with ``"type"`` first: what `to_dict` returns.
    tagged: Callable[[Event], dict[str, Any]]


_PLANS: dict[type[Event], _Plan] = {}


def _plan(cls: type[Event]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(
            keys=frozenset(["type", *(spec.name for spec in describe(cls))]),
            unstructure=_STRICT.get_unstructure_hook(cls),
            tagged=_decoders.event_unstructure(cls, _STRICT.get_unstructure_hook, tag=cls.__name__),
        )
    return plan


def _decoder(cls: type[Event], strict: bool, check_text: bool) -> Callable[[Any, Any], Event]:
    """The converter's structure hook for ``cls`` (generated on first use), cached by mode."""
    decoders = _DECODERS[strict, check_text]
    decoder = decoders.get(cls)
    if decoder is None:
        decoder = decoders[cls] = _CONVERTERS[strict, check_text].get_structure_hook(cls)
    return decoder


# --------------------------------------------------------------------------- encoding


def to_dict(event: Event) -> dict[str, Any]:
    """
    Return the JSON-ready dict of one event: ``{"type": "PhoneCall", "id": ..., ...}``.

    Raises:
        EncodeError: When ``event`` is not an instance of a registered event type.
    """
    cls = type(event)
    name = registry.registered_name(cls)
    plan = _PLANS.get(cls) or _plan(cls)
    if name != cls.__name__:  # registered under another name: not done by `register`, but be exact
        return {"type": name, **plan.unstructure(event)}
    return plan.tagged(event)


def to_json(events: Event | Iterable[Event], *, indent: bool = False) -> str:
    """
    Encode one event as a JSON object, or several as a JSON array.

    Args:
        events: An event, or an iterable of events (a list, a tuple, a generator).
        indent: Indent by two spaces for people to read.

    Raises:
        EncodeError: When an item is not an instance of a registered event type.
    """
    option = orjson.OPT_INDENT_2 if indent else 0
    if isinstance(events, Event):
        return orjson.dumps(to_dict(events), option=option).decode()
    document = []
    for index, event in enumerate(events):
        if not isinstance(event, Event):
            raise EncodeError(f"expected an Event, got {type(event).__name__}", path=f"$[{index}]")
        try:
            document.append(to_dict(event))
        except NewsEventsError as error:
            raise error.at(f"$[{index}]") from None
    return orjson.dumps(document, option=option).decode()


# --------------------------------------------------------------------------- decoding


def _lookup(data: Any) -> type[Event]:
    if type(data) is not dict:
        raise DecodeError(f"expected an event object, got {_json_type(data)}", path="$")
    name = data.get("type")
    if type(name) is not str:
        raise DecodeError("missing or non-string 'type'", path="$.type")
    cls = registry.types().get(name)
    if cls is None:
        raise DecodeError(f"unknown event type {quote(name)}", path="$.type")
    return cls


def _decode_event(data: Any, strict: bool, check_text: bool = True) -> Event:
    cls = _lookup(data)
    try:
        return _decoder(cls, strict, check_text)(data, cls)
    except Exception:  # noqa: BLE001 (the checked pass says what was wrong, and where)
        return _checked_event(data, cls, strict)


def from_dict(data: Any, *, strict: bool = True) -> Event:
    """
    Decode one event from its dict (the inverse of `to_dict`).

    Args:
        data: A dict with a ``"type"`` key naming a registered event type.
        strict: Refuse keys the type does not have. With ``strict=False`` they are
            ignored, so a reader survives documents from a newer writer.

    Raises:
        DecodeError: For an unknown type, a missing field, a wrong JSON type or an extra key.
        ValidationError: For a value the model refuses; both carry the JSON path.
    """
    return _decode_event(data, strict)


# Characters XML 1.0 cannot carry reach JSON text only as these escapes (\b, \f,
# \u0000-\u001F, \uFFFE, \uFFFF) or as raw U+FFFE / U+FFFF: JSON forbids raw control
# characters in strings, and orjson refuses lone surrogates, escaped or raw.
_SUSPECT = re.compile(r"\\[bf]|\\u00[01]|\\u[fF]{3}[eEfF]")
_SUSPECT_BYTES = re.compile(rb"\\[bf]|\\u00[01]|\\u[fF]{3}[eEfF]")


def _may_hold_illegal_text(text: str | bytes | bytearray | memoryview) -> bool:
    """False when no string in the (well-formed) JSON ``text`` can hold a character XML cannot carry."""
    if isinstance(text, str):
        return ("\\" in text and _SUSPECT.search(text) is not None) or "\ufffe" in text or "\uffff" in text
    raw = text if isinstance(text, bytes) else bytes(text)
    return (
        (b"\\" in raw and _SUSPECT_BYTES.search(raw) is not None)
        or b"\xef\xbf\xbe" in raw
        or b"\xef\xbf\xbf" in raw
    )


_TEXT_TYPES = (str, bytes, bytearray, memoryview)


@overload
def from_json(text: str | bytes, *, strict: bool = ..., many: None = ...) -> EventOrEvents: ...
@overload
def from_json(text: str | bytes, *, strict: bool = ..., many: bool) -> EventOrEvents: ...
def from_json(text: str | bytes, *, strict: bool = True, many: bool | None = None) -> EventOrEvents:
    """
    Decode a JSON object as one event, or a JSON array as a list of events.

    Args:
        text: The JSON document.
        strict: See `from_dict`.
        many: None takes what the document holds; True requires an array, False an object.

    Raises:
        DecodeError: For malformed JSON (with its line) and for anything `from_dict` refuses.
    """
    if type(text) is not str and not isinstance(text, _TEXT_TYPES):
        raise DecodeError(f"expected JSON text, got {type(text).__name__}")
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise DecodeError(f"malformed JSON: {error.msg}", line=error.lineno) from None
    # One scan of the raw text spares the per-string check in the common, clean case.
    check_text = _may_hold_illegal_text(text)
    if type(data) is list:
        if many is False:
            raise DecodeError("expected one event object, got an array", path="$")
        events = []
        for index, item in enumerate(data):
            try:
                events.append(_decode_event(item, strict, check_text))
            except NewsEventsError as error:
                raise error.at(f"$[{index}]") from None
        return events
    if many is True:
        raise DecodeError(f"expected an array of events, got {_json_type(data)}", path="$")
    return _decode_event(data, strict, check_text)


# --------------------------------------------------------------------------- the checked pass


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _expected(ftype: FieldType) -> str:
    if isinstance(ftype, OptionalOf):
        return f"{_expected(ftype.item)} or null"
    if isinstance(ftype, TupleOf):
        return "an array"
    if isinstance(ftype, Scalar):
        return {str: "a string", int: "an integer", bool: "a boolean"}[ftype.type]
    if isinstance(ftype, EnumOf):
        return f"one of {', '.join(repr(m.value) for m in ftype.type)}"
    if ftype.type is PartialDate:
        return "an ISO date string"
    if ftype.type is Count:
        return "an integer or a {value, qualifier} object"
    return "an object"


_COUNT_KEYS = frozenset(("value", "qualifier"))


def _checked_partial_date(value: Any) -> PartialDate:
    if type(value) is str:
        return PartialDate.parse(value)
    raise Refused


def _checked_count(value: Any) -> Count:
    if type(value) is int:
        return Count(value)
    if type(value) is dict and value.keys() == _COUNT_KEYS:
        qualifier = value["qualifier"]
        if type(qualifier) is not str:
            raise Refused
        return Count(value["value"], CountQualifier(qualifier))
    raise Refused


_SCALARS: dict[type, Callable[[Any, Any], Any]] = {str: _str, int: _int, bool: _bool}


def _checked_value(value: Any, ftype: FieldType, path: str, strict: bool) -> Any:
    """Build a field's value through the model's constructors, or raise the error at ``path``."""
    if isinstance(ftype, OptionalOf):
        return None if value is None else _checked_value(value, ftype.item, path, strict)
    if isinstance(ftype, TupleOf):
        if type(value) is not list:
            raise DecodeError(f"expected an array, got {_json_type(value)}", path=path)
        return tuple(
            [_checked_value(item, ftype.item, f"{path}[{index}]", strict) for index, item in enumerate(value)]
        )
    if isinstance(ftype, EnumOf):
        if type(value) is not str or value not in {m.value for m in ftype.type}:
            raise DecodeError(f"expected {_expected(ftype)}, got {quote(value)}", path=path)
        return ftype.type(value)
    if isinstance(ftype, ValueOf) and ftype.type not in (PartialDate, Count):
        return _checked_object(value, ftype.type, path, strict, keys=None)
    try:
        if isinstance(ftype, Scalar):
            return _SCALARS[ftype.type](value, ftype.type)
        return _checked_partial_date(value) if ftype.type is PartialDate else _checked_count(value)
    except NewsEventsError as error:
        raise error.at(path) from None
    except Exception:  # noqa: BLE001 (any refusal here is a wrong JSON shape)
        detail = _json_type(value) if not isinstance(value, str) else quote(value)
        raise DecodeError(f"expected {_expected(ftype)}, got {detail}", path=path) from None


def _checked_object(value: Any, cls: type, path: str, strict: bool, *, keys: frozenset[str] | None) -> Any:
    """Build an attrs object by calling its constructor, or raise the first error with its path."""
    if type(value) is not dict:
        raise DecodeError(f"expected an object, got {_json_type(value)}", path=path)
    fields = attrs.fields(cls)
    allowed = keys if keys is not None else frozenset(f.name for f in fields)
    if strict:
        for key in value:
            if key not in allowed:
                where = f"{path}.{clip(key)}" if isinstance(key, str) else f"{path}[{quote(key)}]"
                raise DecodeError(f"unknown key {quote(key)}", path=where)
    types = {spec.name: spec.type for spec in describe(cls)} if issubclass(cls, Event) else None
    arguments = {}
    for field in fields:
        where = f"{path}.{field.name}"
        if field.name not in value:
            if field.default is attrs.NOTHING:
                raise DecodeError(f"missing required key {field.name!r}", path=where)
            continue
        ftype = types[field.name] if types is not None else value_field_type(cls, field.name)
        arguments[field.alias] = _checked_value(value[field.name], ftype, where, strict)
    try:
        return cls(**arguments)
    except NewsEventsError as error:
        raise error.at(path) from None
    except Exception as error:  # noqa: BLE001 (a user type's own check: still a refusal of the input)
        raise ValidationError(f"cannot build {cls.__name__}: {clip(str(error))}", path=path) from None


def _checked_event(data: dict[str, Any], cls: type[Event], strict: bool) -> Event:
    """
    Decode through the constructors: the second pass when the fast one refuses.

    Raises the first problem, with its JSON path. Should the fast pass have refused what
    the model accepts, the event built here is returned.
    """
    ident = data.get("id")
    if isinstance(ident, str) and not ident:
        # The model derives an id for "", but JSON spells that by leaving the key out: the
        # JSON Schema refuses "", and so does the codec.
        raise ValidationError("id must not be empty (leave the key out to derive it)", path="$.id")
    event: Event = _checked_object(data, cls, "$", strict, keys=_plan(cls).keys)
    return event


# --------------------------------------------------------------------------- JSON Schema

_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


def _schema_of(ftype: FieldType) -> dict[str, Any]:
    if isinstance(ftype, OptionalOf):
        return {"anyOf": [_schema_of(ftype.item), {"type": "null"}]}
    if isinstance(ftype, TupleOf):
        return {"type": "array", "items": _schema_of(ftype.item)}
    if isinstance(ftype, Scalar):
        return {"type": {str: "string", int: "integer", bool: "boolean"}[ftype.type]}
    if isinstance(ftype, EnumOf):
        return {"enum": [m.value for m in ftype.type]}
    return {"$ref": f"#/$defs/{ftype.type.__name__}"}


def _constrain(schema: dict[str, Any], min_items: int, minimum: int | None) -> None:
    """Add a field's declared constraints to its schema (inside ``anyOf`` for optional fields)."""
    target = schema["anyOf"][0] if "anyOf" in schema else schema
    if min_items:
        target["minItems"] = min_items
    if minimum is not None:
        target["minimum"] = minimum


def _count_schema() -> dict[str, Any]:
    value = {"type": "integer", "minimum": 0, "maximum": MAX_INT}
    return {
        "description": "A count: an exact integer, or a value with a qualifier.",
        "oneOf": [
            value,
            {
                "type": "object",
                "properties": {"value": value, "qualifier": {"enum": [q.value for q in CountQualifier]}},
                "required": ["value", "qualifier"],
                "additionalProperties": False,
            },
        ],
    }


def _object_schema(specs: Iterable[tuple[str, FieldType, bool]], doc: str | None) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for name, ftype, is_required in specs:
        properties[name] = _schema_of(ftype)
        if is_required:
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    if doc:
        schema["description"] = doc.strip().split("\n\n")[0].replace("\n", " ")
    return schema


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema (draft 2020-12) of the JSON this module reads and writes.

    The root accepts one event or an array of events of any registered type. The
    schema is generated from the attrs fields of the registered types, so a
    user-defined type is covered as soon as it is registered. Its ``$id`` carries
    `FORMAT_VERSION`.
    """
    from newsevents.model import Actor, Evidence, Place  # noqa: PLC0415

    defs: dict[str, Any] = {
        "PartialDate": {
            "description": "An ISO 8601 date truncated to year, month or day.",
            "type": "string",
            "pattern": _DATE_PATTERN,
        },
        "Count": _count_schema(),
    }
    for value_type in (Actor, Place, Evidence):
        specs = [
            (f.name, value_field_type(value_type, f.name), f.default is attrs.NOTHING)
            for f in attrs.fields(value_type)
        ]
        defs[value_type.__name__] = _object_schema(specs, value_type.__doc__)
    defs["Evidence"]["properties"]["start"]["minimum"] = 0
    defs["Evidence"]["properties"]["end"]["minimum"] = 0
    defs["Place"]["anyOf"] = [
        {"properties": {"name": {"type": "string"}}, "required": ["name"]},
        {"properties": {"country": {"type": "string"}}, "required": ["country"]},
    ]
    names = sorted(registry.types())
    for name in names:
        cls = registry.types()[name]
        schema = _object_schema([(s.name, s.type, s.required) for s in describe(cls)], cls.__doc__)
        for spec in describe(cls):
            _constrain(schema["properties"][spec.name], spec.min_items, spec.minimum)
        schema["properties"] = {"type": {"const": name}, **schema["properties"]}
        schema["required"] = ["type", *schema.get("required", [])]
        schema["properties"]["id"] = {"type": "string", "pattern": _ID_PATTERN}
        defs[name] = schema
    event = {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in names]}
    defs["Event"] = event
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsevents events",
        "description": f"One event, or an array of events, in newsevents JSON format {FORMAT_VERSION}.",
        "oneOf": [{"$ref": "#/$defs/Event"}, {"type": "array", "items": {"$ref": "#/$defs/Event"}}],
        "$defs": defs,
    }


def canonical_json(value: Any) -> bytes:
    """Serialise JSON-ready data with sorted keys and no spaces, for hashing."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
