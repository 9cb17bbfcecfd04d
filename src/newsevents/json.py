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
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, overload

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from newsevents import registry
from newsevents._fields import (
    EnumOf,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    ValueOf,
    describe,
    field_type,
)
from newsevents.errors import DecodeError, EncodeError, NewsEventsError
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


# --------------------------------------------------------------------------- strict hooks


class _RefusedError(Exception):
    """A value of the wrong JSON type, raised in the fast pass and located by the second."""


def _str(value: Any, cls: Any) -> str:
    # cattrs dispatches str subclasses here too, and a StrEnum is one.
    if type(value) is str:
        return value if cls is str else cls(value)
    raise _RefusedError


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise _RefusedError


def _bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise _RefusedError


def _partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is str:
        return PartialDate.parse(value)
    raise _RefusedError


_COUNT_KEYS = frozenset(("value", "qualifier"))


def _count(value: Any, _: Any) -> Count:
    if type(value) is int:
        return Count(value)
    if type(value) is dict and value.keys() == _COUNT_KEYS:
        qualifier = value["qualifier"]
        if type(qualifier) is not str:
            raise _RefusedError
        return Count(value["value"], CountQualifier(qualifier))
    raise _RefusedError


def _unstructure_count(count: Count) -> int | dict[str, Any]:
    if count.qualifier is CountQualifier.EXACT:
        return count.value
    return {"value": count.value, "qualifier": count.qualifier.value}


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is str:
        return cls(value)
    raise _RefusedError


def _is_tuple(cls: Any) -> bool:
    return getattr(cls, "__origin__", None) is tuple


def _make_converter(*, forbid_extra_keys: bool) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=forbid_extra_keys, detailed_validation=False)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(enum.Enum, _enum)
    # A str-based enum would reach cattrs' pass-through str hook: name the enum classes exactly.
    converter.register_unstructure_hook(enum.Enum, _enum_value)
    converter.register_unstructure_hook(ActorKind, _enum_value)
    converter.register_structure_hook(PartialDate, _partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(Count, _count)
    converter.register_unstructure_hook(Count, _unstructure_count)

    def tuple_hook(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item = converter.get_structure_hook(cls.__args__[0])
        item_type = cls.__args__[0]

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _RefusedError
            return tuple([item(v, item_type) for v in value])

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)
    return converter


_STRICT = _make_converter(forbid_extra_keys=True)
_LENIENT = _make_converter(forbid_extra_keys=False)


@attrs.frozen
class _Plan:
    """How one event type is read and written."""

    keys: frozenset[str]
    structure_strict: Callable[[Mapping[str, Any], Any], Event]
    structure_lenient: Callable[[Mapping[str, Any], Any], Event]
    unstructure: Callable[[Event], dict[str, Any]]


_PLANS: dict[type[Event], _Plan] = {}


def _plan(cls: type[Event]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        specs = describe(cls)
        for spec in specs:
            ftype = spec.type
            while isinstance(ftype, OptionalOf | TupleOf):
                ftype = ftype.item
            if isinstance(ftype, EnumOf):
                for converter in (_STRICT, _LENIENT):
                    converter.register_unstructure_hook(ftype.type, _enum_value)
        plan = _Plan(
            keys=frozenset(["type", *(spec.name for spec in specs)]),
            # The "type" tag is checked here, so the generated functions may ignore it.
            structure_strict=make_dict_structure_fn(cls, _STRICT, _cattrs_forbid_extra_keys=False),
            structure_lenient=make_dict_structure_fn(cls, _LENIENT, _cattrs_forbid_extra_keys=False),
            unstructure=make_dict_unstructure_fn(cls, _STRICT),
        )
        _PLANS[cls] = plan
    return plan


# --------------------------------------------------------------------------- encoding


def to_dict(event: Event) -> dict[str, Any]:
    """
    Return the JSON-ready dict of one event: ``{"type": "PhoneCall", "id": ..., ...}``.

    Raises:
        EncodeError: When ``event`` is not an instance of a registered event type.
    """
    cls = type(event)
    name = registry.name_of(cls)
    if name is None:
        raise EncodeError(
            f"{cls.__module__}.{cls.__qualname__} is not a registered event type; "
            "decorate it with @newsevents.register",
            path="$",
        )
    return {"type": name, **_plan(cls).unstructure(event)}


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
        raise DecodeError(f"unknown event type {name!r}", path="$.type")
    return cls


def _decode_event(data: Any, strict: bool) -> Event:
    cls = _lookup(data)
    plan = _plan(cls)
    try:
        if strict:
            if not data.keys() <= plan.keys:
                raise _RefusedError
            return plan.structure_strict(data, cls)
        return plan.structure_lenient(data, cls)
    except Exception as error:  # noqa: BLE001 (the second pass says what was wrong, and where)
        raise _explain_event(data, cls, strict, error) from None


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
    if not isinstance(text, str | bytes | bytearray | memoryview):
        raise DecodeError(f"expected JSON text, got {type(text).__name__}")
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise DecodeError(f"malformed JSON: {error.msg}", line=error.lineno) from None
    if type(data) is list:
        if many is False:
            raise DecodeError("expected one event object, got an array", path="$")
        events = []
        for index, item in enumerate(data):
            try:
                events.append(_decode_event(item, strict))
            except NewsEventsError as error:
                raise error.at(f"$[{index}]") from None
        return events
    if many is True:
        raise DecodeError(f"expected an array of events, got {_json_type(data)}", path="$")
    return _decode_event(data, strict)


# --------------------------------------------------------------------------- the second pass


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


def _explain_value(value: Any, ftype: FieldType, path: str, strict: bool) -> None:
    """Raise the error for the first wrong part of ``value``; return if it is fine."""
    converter = _STRICT if strict else _LENIENT
    if isinstance(ftype, OptionalOf):
        if value is not None:
            _explain_value(value, ftype.item, path, strict)
        return
    if isinstance(ftype, TupleOf):
        if type(value) is not list:
            raise DecodeError(f"expected an array, got {_json_type(value)}", path=path)
        for index, item in enumerate(value):
            _explain_value(item, ftype.item, f"{path}[{index}]", strict)
        return
    if isinstance(ftype, EnumOf):
        if type(value) is not str or value not in {m.value for m in ftype.type}:
            raise DecodeError(f"expected {_expected(ftype)}, got {value!r}", path=path)
        return
    if isinstance(ftype, ValueOf) and attrs.has(ftype.type) and ftype.type not in (PartialDate, Count):
        _explain_object(value, ftype.type, path, strict, keys=None)
        return
    try:
        converter.structure(value, ftype.type)
    except NewsEventsError as error:
        raise error.at(path) from None
    except Exception:  # noqa: BLE001 (any refusal here is a wrong JSON shape)
        detail = _json_type(value) if not isinstance(value, str) else repr(value)
        raise DecodeError(f"expected {_expected(ftype)}, got {detail}", path=path) from None


def _explain_object(
    value: Any, cls: type, path: str, strict: bool, *, keys: frozenset[str] | None
) -> None:
    if type(value) is not dict:
        raise DecodeError(f"expected an object, got {_json_type(value)}", path=path)
    fields = attrs.fields(cls)
    allowed = keys if keys is not None else frozenset(f.name for f in fields)
    if strict:
        for key in value:
            if key not in allowed:
                raise DecodeError(f"unknown key {key!r}", path=f"{path}.{key}")
    hints = {spec.name: spec for spec in describe(cls)} if issubclass(cls, Event) else None
    for field in fields:
        where = f"{path}.{field.name}"
        if field.name not in value:
            if field.default is attrs.NOTHING:
                raise DecodeError(f"missing required key {field.name!r}", path=where)
            continue
        if hints is not None:
            _explain_value(value[field.name], hints[field.name].type, where, strict)
        else:
            _explain_value(value[field.name], _value_field_type(cls, field.name), where, strict)
    converter = _STRICT if strict else _LENIENT
    try:
        if hints is not None:
            plan = _plan(cls)
            (plan.structure_strict if strict else plan.structure_lenient)(value, cls)
        else:
            converter.structure(value, cls)
    except NewsEventsError as error:
        raise error.at(path) from None


_VALUE_FIELD_TYPES: dict[tuple[type, str], FieldType] = {}


def _value_field_type(cls: type, name: str) -> FieldType:
    key = (cls, name)
    if key not in _VALUE_FIELD_TYPES:
        _VALUE_FIELD_TYPES[key] = field_type(typing.get_type_hints(cls)[name], f"{cls.__name__}.{name}")
    return _VALUE_FIELD_TYPES[key]


def _explain_event(data: dict[str, Any], cls: type[Event], strict: bool, error: Exception) -> NewsEventsError:
    try:
        _explain_object(data, cls, "$", strict, keys=_plan(cls).keys)
    except NewsEventsError as found:
        return found
    if isinstance(error, NewsEventsError):
        return error
    # The second pass found nothing: still refuse, with what the first pass said.
    return DecodeError(f"cannot decode {cls.__name__}: {error!r}", path="$")


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
            (f.name, _value_field_type(value_type, f.name), f.default is attrs.NOTHING)
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
        schema = _object_schema(
            [(s.name, s.type, s.required) for s in describe(cls)], cls.__doc__
        )
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

