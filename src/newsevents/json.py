"""
Events as JSON: `to_json` / `from_json`, `to_dict` / `from_dict`, and `json_schema`.

One cattrs converter configuration carries every registered event type: an event is a
JSON object tagged by ``"type"`` (the class name), with one key per attrs field. Dates
are ISO strings, enums their values, tuples arrays, None null; an exact `Count` is a
plain integer and any other count an object ``{"value": 100, "qualifier": "order"}``.

Decoding is strict: a wrong type is refused, never coerced (``"ab"`` does not become
``["a", "b"]``), and every value is built through the model's checks, the rules declared
on its fields. The decoders generated for speed (`newsevents._fastpath`) only map JSON's
shapes to the model's; when they refuse a document, cattrs' own generated hooks, with
detailed validation, decode it again and `cattrs.transform_error` gives the path of the
first problem, so precise errors cost nothing on valid input. The JSON Schema is
derived from the same field declarations.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable, Iterable
from typing import Any, Literal, overload

import cattrs
import orjson
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override

from newsevents import _fastpath, registry
from newsevents._fields import (
    VALUE_TYPES,
    EnumOf,
    FieldSpec,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    country_codes,
    describe,
)
from newsevents._text import clip, quote
from newsevents.errors import DecodeError, EncodeError, NewsEventsError, ValidationError
from newsevents.model import (
    ID_PATTERN,
    ISO_DATE,
    Count,
    CountQualifier,
    Event,
    PartialDate,
    adopt_derived_id,
)

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


def _is_event_type(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Event) and cls is not Event


def _is_tuple(cls: Any) -> bool:
    return getattr(cls, "__origin__", None) is tuple


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _got(value: Any) -> str:
    return quote(value) if type(value) is str else _json_type(value)


# --------------------------------------------------------------------------- encoding


def _make_encoder() -> cattrs.Converter:
    """The unstructuring converter: the generated encoders (`newsevents._fastpath`)."""
    converter = cattrs.Converter()
    _fastpath.install_encoders(converter)
    return converter


_ENCODERS: dict[type[Event], Callable[[Event], dict[str, Any]]] = {}


def to_dict(event: Event) -> dict[str, Any]:
    """
    Return the JSON-ready dict of one event: ``{"type": "PhoneCall", "id": ..., ...}``.

    Raises:
        EncodeError: When ``event`` is not an instance of a registered event type.
    """
    cls = type(event)
    encode = _ENCODERS.get(cls)
    if encode is None:
        name = registry.registered_name(cls)
        hook = _converter("encode").get_unstructure_hook
        encode = _ENCODERS[cls] = _fastpath.event_unstructure(cls, hook, tag=name)
    elif cls not in registry.registered:
        registry.registered_name(cls)  # unregistered since: refused
    return encode(event)


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


# --------------------------------------------------------------------------- decoding: the fast pass


def _fast_converter(*, forbid_extra_keys: bool) -> cattrs.Converter:
    """The fast pass's converter: the generated decoders (`newsevents._fastpath`)."""
    converter = cattrs.Converter(forbid_extra_keys=forbid_extra_keys, detailed_validation=False)
    _fastpath.install(converter, forbid_extra_keys=forbid_extra_keys)
    return converter


_DECODERS: dict[bool, dict[type, Callable[[Any, Any], Event]]] = {True: {}, False: {}}


def _decoder(cls: type[Event], strict: bool) -> Callable[[Any, Any], Event]:
    """The fast pass's decoder of ``cls`` (generated on first use)."""
    decoders = _DECODERS[strict]
    decoder = decoders.get(cls)
    if decoder is None:
        decoder = decoders[cls] = _converter("fast", strict).get_structure_hook(cls)
    return decoder


# --------------------------------------------------------------------------- decoding: the detailed pass


def _str(value: Any, cls: Any) -> Any:
    # cattrs dispatches str subclasses here too, and a StrEnum is one.
    if cls is not str:
        return _enum(value, cls)
    if type(value) is str:
        return value
    raise DecodeError(f"expected a string, got {_json_type(value)}")


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise DecodeError(f"expected an integer, got {_got(value)}")


def _bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise DecodeError(f"expected a boolean, got {_got(value)}")


def _enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is str:
        for member in cls:
            if member.value == value:
                return member
    allowed = ", ".join(repr(m.value) for m in cls)
    raise DecodeError(f"expected one of {allowed}, got {_got(value)}")


def _partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise DecodeError(f"expected an ISO date string, got {_json_type(value)}")
    return PartialDate.parse(value)


_COUNT_KEYS = frozenset(("value", "qualifier"))


def _count(value: Any, _: Any) -> Count:
    if type(value) is int:
        return Count(value)
    if type(value) is dict and value.keys() == _COUNT_KEYS and type(value["qualifier"]) is str:
        qualifier = _enum(value["qualifier"], CountQualifier)
        return Count(value["value"], typing.cast("CountQualifier", qualifier))
    raise DecodeError(f"expected an integer or a {{value, qualifier}} object, got {_got(value)}")


def _json_id(value: Any, _: Any) -> str:
    # The model derives an id for "", but JSON spells that by leaving the key out: the
    # JSON Schema refuses "", and so does the codec.
    if value == "" and type(value) is str:
        raise ValidationError("id must not be empty (leave the key out to derive it)")
    return typing.cast("str", _str(value, str))


def _detailed_converter(*, forbid_extra_keys: bool) -> cattrs.Converter:
    """The detailed pass's converter: cattrs' generated hooks, strict primitive hooks, the constructors."""
    converter = cattrs.Converter(forbid_extra_keys=forbid_extra_keys, detailed_validation=True)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(PartialDate, _partial_date)
    converter.register_structure_hook(Count, _count)
    converter.register_structure_hook_factory(_is_enum, lambda cls: _enum)

    def tuple_hook(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        items = homogenous_tuple_structure_factory(cls, converter)

        def structure(value: Any, cls: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise DecodeError(f"expected an array, got {_json_type(value)}")
            return tuple(items(value, cls))

        return structure

    def object_hook(cls: Any) -> Callable[[Any, Any], Any]:
        overrides = {"id": override(struct_hook=_json_id)} if _is_event_type(cls) else {}
        fields = make_dict_structure_fn(cls, converter, **overrides)  # type: ignore[arg-type]

        def structure(value: Any, cls: Any) -> Any:
            if type(value) is not dict:
                raise DecodeError(f"expected an object, got {_json_type(value)}")
            return fields(value, cls)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)
    converter.register_structure_hook_factory(
        lambda cls: _is_event_type(cls) or cls in VALUE_TYPES, object_hook
    )
    return converter


@functools.cache
def _converter(kind: Literal["encode", "fast", "detailed"], strict: bool = True) -> cattrs.Converter:
    """
    The codec's converters, each built on first use (a process that only writes pays for no reader).

    ``"encode"``: the encoders; ``"fast"``: the generated decoders; ``"detailed"``: cattrs' own
    hooks with detailed validation. ``strict`` refuses keys a class does not have.
    """
    if kind == "encode":
        return _make_encoder()
    if kind == "fast":
        return _fast_converter(forbid_extra_keys=strict)
    return _detailed_converter(forbid_extra_keys=strict)


def _located(error: BaseException, path: str) -> NewsEventsError:
    """One problem the detailed pass found, at ``path``, as our error."""
    if isinstance(error, NewsEventsError):
        return error.at(path)
    if isinstance(error, ForbiddenExtraKeysError):
        key = sorted(error.extra_fields, key=repr)[0]
        where = f"{path}.{clip(key)}" if isinstance(key, str) else f"{path}[{quote(key)}]"
        return DecodeError(f"unknown key {quote(key)}", path=where)
    if isinstance(error, KeyError) and error.args:
        return DecodeError(f"missing required key {quote(error.args[0])}", path=path)
    # A user type's own check: still a refusal of the input.
    return ValidationError(f"refused: {clip(str(error))}", path=path)


def _explained(data: dict[str, Any], cls: type[Event], strict: bool) -> Event:
    """
    Decode through cattrs' detailed hooks: the second pass when the fast one refuses.

    Raises the first problem, with its JSON path. Should the fast pass have refused what
    the model accepts, the event built here is returned.
    """
    body = {key: value for key, value in data.items() if key != "type"}
    try:
        event: Event = _converter("detailed", strict).structure(body, cls)
    except Exception as error:  # noqa: BLE001 (any refusal, translated below)
        found: list[BaseException] = []

        def remember(exc: BaseException, _: Any) -> str:
            found.append(exc)
            return str(len(found) - 1)

        index, path = cattrs.transform_error(error, "$", remember)[0].split(" @ ", 1)
        raise _located(found[int(index)], path) from None
    return adopt_derived_id(event)


def _lookup(data: Any) -> type[Event]:
    if type(data) is not dict:
        raise DecodeError(f"expected an event object, got {_json_type(data)}", path="$")
    name = data.get("type")
    if type(name) is not str:
        raise DecodeError("missing or non-string 'type'", path="$.type")
    cls = registry.by_name.get(name) or registry.types().get(name)  # a miss loads the plugins
    if cls is None:
        raise DecodeError(f"unknown event type {quote(name)}", path="$.type")
    return cls


_by_name = registry.by_name.get


def _decode_event(data: Any, strict: bool) -> Event:
    if type(data) is dict:
        name = data.get("type")
        cls = _by_name(name) if type(name) is str else None
        if cls is not None:
            decoder = _DECODERS[strict].get(cls) or _decoder(cls, strict)
            try:
                return decoder(data, cls)
            except Exception:  # noqa: BLE001 (the detailed pass says what was wrong, and where)
                return _explained(data, cls, strict)
    cls = _lookup(data)  # not a registered type's object (or a plugin's, not loaded yet)
    try:
        return _decoder(cls, strict)(data, cls)
    except Exception:  # noqa: BLE001 (the detailed pass says what was wrong, and where)
        return _explained(data, cls, strict)


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


_TEXT_TYPES = (str, bytes, bytearray, memoryview)


@overload
def from_json(text: str | bytes, *, strict: bool = ..., many: Literal[True]) -> list[Event]: ...
@overload
def from_json(text: str | bytes, *, strict: bool = ..., many: Literal[False]) -> Event: ...
@overload
def from_json(text: str | bytes, *, strict: bool = ..., many: None = ...) -> Event | list[Event]: ...
def from_json(text: str | bytes, *, strict: bool = True, many: bool | None = None) -> Event | list[Event]:
    """
    Decode a JSON object as one event, or a JSON array as a list of events.

    Args:
        text: The JSON document.
        strict: See `from_dict`.
        many: None takes what the document holds; True requires an array (and the
            return type is ``list[Event]``), False an object (``Event``).

    Raises:
        DecodeError: For malformed JSON (with its line) and for anything `from_dict` refuses.
    """
    if type(text) is not str and not isinstance(text, _TEXT_TYPES):
        raise DecodeError(f"expected JSON text, got {type(text).__name__}")
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise DecodeError(f"malformed JSON: {error.msg}", line=error.lineno) from None
    if type(data) is dict and many is not True:
        # `_decode_event`, written out for the commonest document: one event of a registered type.
        name = data.get("type")
        cls = _by_name(name) if type(name) is str else None
        if cls is not None:
            decoder = _DECODERS[strict].get(cls) or _decoder(cls, strict)
            try:
                return decoder(data, cls)
            except Exception:  # noqa: BLE001 (the detailed pass says what was wrong, and where)
                return _explained(data, cls, strict)
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


# --------------------------------------------------------------------------- JSON Schema


def _schema_of(ftype: FieldType, spec: FieldSpec) -> dict[str, Any]:
    """The schema of a field's value: its type and the constraints it declares (`newsevents._fields`)."""
    if isinstance(ftype, OptionalOf):
        return {"anyOf": [_schema_of(ftype.item, spec), {"type": "null"}]}
    if isinstance(ftype, TupleOf):
        schema: dict[str, Any] = {"type": "array", "items": _schema_of(ftype.item, spec)}
        if spec.min_items:
            schema["minItems"] = spec.min_items
        return schema
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            if spec.country:
                return {"$ref": "#/$defs/Country"}
            return {"type": "string"} if spec.blank else {"type": "string", "pattern": r"\S"}
        if ftype.type is int:
            return {"type": "integer", "minimum": spec.low, "maximum": spec.high}
        return {"type": "boolean"}
    if isinstance(ftype, EnumOf):
        return {"enum": [m.value for m in ftype.type]}
    return {"$ref": f"#/$defs/{ftype.type.__name__}"}


def _summary(doc: str | None) -> dict[str, str]:
    return {"description": doc.strip().split("\n\n")[0].replace("\n", " ")} if doc else {}


def _object_schema(cls: type, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for spec in describe(cls):
        if spec.name in skip:
            continue
        properties[spec.name] = _schema_of(spec.type, spec)
        if spec.required:
            required.append(spec.name)
    schema: dict[str, Any] = {
        **_summary(cls.__doc__),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _count_schema() -> dict[str, Any]:
    """An exact count is its value; any other the object of its fields."""
    value, _ = describe(Count)
    return {
        "description": "A count: an exact integer, or a value with a qualifier.",
        "oneOf": [
            _schema_of(value.type, value),
            {**_object_schema(Count), "required": ["value", "qualifier"]},
        ],
    }


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema (draft 2020-12) of the JSON this module reads and writes.

    The root accepts one event or an array of events of any registered type. The
    schema is generated from the field declarations of the registered types (their
    types and declared constraints), so a user-defined type is covered as soon as it is
    registered. Its ``$id`` carries `FORMAT_VERSION`.
    """
    defs: dict[str, Any] = {
        "PartialDate": {
            "description": "An ISO 8601 date truncated to year, month or day.",
            "type": "string",
            "pattern": f"^{ISO_DATE.pattern}$",
        },
        "Count": _count_schema(),
        "Country": {"description": "An ISO 3166-1 alpha-2 country code.", "enum": sorted(country_codes())},
    }
    for value_type in VALUE_TYPES:
        if value_type not in (PartialDate, Count):
            defs[value_type.__name__] = _object_schema(value_type)
    # The one rule across a value type's fields that JSON Schema can state (see Place).
    defs["Place"]["anyOf"] = [{"required": ["name"]}, {"required": ["country"]}]
    names = sorted(registry.types())
    for name in names:
        schema = _object_schema(registry.types()[name], skip=("id",))
        schema["properties"] = {
            "type": {"const": name},
            "id": {"type": "string", "pattern": f"^{ID_PATTERN}$"},
            **schema["properties"],
        }
        schema["required"] = ["type", *schema.get("required", [])]
        defs[name] = schema
    defs["Event"] = {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in names]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsevents events",
        "description": f"One event, or an array of events, in newsevents JSON format {FORMAT_VERSION}.",
        "oneOf": [{"$ref": "#/$defs/Event"}, {"type": "array", "items": {"$ref": "#/$defs/Event"}}],
        "$defs": defs,
    }
