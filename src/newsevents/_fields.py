"""
What an event type's attrs fields hold, in a form every codec can walk.

This is the single place that reads attrs field types. The JSON converter, the JSON
Schema, the NewsML-G2 mapping, the hypothesis strategies and the construction-time
checks all derive from `describe`, so an event type needs no code of its own.

The field types an event may use:

* ``str``, ``int``, ``bool``;
* a `enum.Enum` whose values are strings;
* the value types `Actor`, `Place`, `PartialDate`, `Count`, `Evidence`;
* ``tuple[T, ...]`` of any of those;
* ``T | None`` of any of those.

Two constraints may be declared in a field's metadata, and every codec honours them:
``min_items`` for tuples and ``minimum`` for integers.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from types import NoneType, UnionType
from typing import Any

import attrs

from newsevents.errors import RegistrationError, ValidationError
from newsevents.model import (
    BASE_FIELDS,
    MAX_INT,
    Actor,
    Count,
    Event,
    Evidence,
    PartialDate,
    Place,
    carriable,
    check_int,
    check_text,
)

__all__ = [
    "VALUE_TYPES",
    "EnumOf",
    "FieldSpec",
    "FieldType",
    "OptionalOf",
    "Scalar",
    "TupleOf",
    "ValueOf",
    "check_event",
    "describe",
    "own_fields",
]

#: The attrs classes an event field may hold.
VALUE_TYPES: tuple[type, ...] = (Actor, Place, PartialDate, Count, Evidence)
for _value_type in VALUE_TYPES:
    attrs.resolve_types(_value_type)


@attrs.frozen
class Scalar:
    """``str``, ``int`` or ``bool``."""

    type: type


@attrs.frozen
class EnumOf:
    """A string-valued enum."""

    type: type[enum.Enum]


@attrs.frozen
class ValueOf:
    """One of `VALUE_TYPES`."""

    type: type


@attrs.frozen
class TupleOf:
    """``tuple[item, ...]``."""

    item: FieldType


@attrs.frozen
class OptionalOf:
    """``item | None``."""

    item: FieldType


FieldType = Scalar | EnumOf | ValueOf | TupleOf | OptionalOf


@attrs.frozen
class FieldSpec:
    """One attrs field of an event type: its name, what it holds, and whether it is required."""

    name: str
    type: FieldType
    required: bool
    default: Any = None
    #: The fewest items a tuple field holds (``attrs.field(metadata={"min_items": 2})``).
    min_items: int = 0
    #: The smallest value an int field holds (``metadata={"minimum": 0}``), or None.
    minimum: int | None = None


def field_type(hint: Any, where: str) -> FieldType:
    origin = typing.get_origin(hint)
    if origin in (UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not NoneType]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            inner = field_type(args[0], where)
            if isinstance(inner, OptionalOf):
                raise RegistrationError(f"nested optional type {hint!r}", path=where)
            return OptionalOf(inner)
        raise RegistrationError(f"unsupported union {hint!r}: only 'T | None' is allowed", path=where)
    if origin is tuple:
        items = typing.get_args(hint)
        if len(items) == 2 and items[1] is Ellipsis:
            inner = field_type(items[0], where + "[]")
            if isinstance(inner, OptionalOf | TupleOf):
                raise RegistrationError(f"unsupported tuple item type {items[0]!r}", path=where)
            return TupleOf(inner)
        raise RegistrationError(f"unsupported tuple {hint!r}: use tuple[T, ...]", path=where)
    if hint in (str, int, bool):
        return Scalar(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if not all(isinstance(m.value, str) for m in hint):
            raise RegistrationError(f"enum {hint.__name__} must have string values", path=where)
        return EnumOf(hint)
    if hint in VALUE_TYPES:
        return ValueOf(hint)
    raise RegistrationError(
        f"unsupported field type {hint!r}: use str, int, bool, a string enum, "
        "Actor, Place, PartialDate, Count, Evidence, tuple[T, ...] or T | None",
        path=where,
    )


_METADATA = frozenset(("min_items", "minimum"))
_DESCRIBED: dict[type, tuple[FieldSpec, ...]] = {}


def describe(cls: type[Event]) -> tuple[FieldSpec, ...]:
    """
    Describe every attrs field of an event type, base fields first.

    Raises:
        RegistrationError: When ``cls`` is not an attrs class or a field has an unsupported type.
    """
    described = _DESCRIBED.get(cls)
    if described is None:
        described = _DESCRIBED[cls] = _describe(cls)
    return described


def _describe(cls: type[Event]) -> tuple[FieldSpec, ...]:
    if not attrs.has(cls):
        raise RegistrationError(f"{cls!r} is not an attrs class")
    try:
        if any(isinstance(field.type, str) for field in attrs.fields(cls)):
            # cattrs reads attrs' field.type; resolve string annotations once, here.
            attrs.resolve_types(cls)
        hints = {field.name: field.type for field in attrs.fields(cls)}
    except NameError as error:
        raise RegistrationError(f"cannot resolve the field types of {cls.__name__}: {error}") from None
    specs = []
    for field in attrs.fields(cls):
        if not field.init:
            raise RegistrationError(
                f"field {field.name} must be an __init__ argument", path=f"$.{field.name}"
            )
        ftype = field_type(hints[field.name], f"{cls.__name__}.{field.name}")
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            raise RegistrationError(
                f"field {field.name}: use a plain immutable default, not a factory",
                path=f"$.{field.name}",
            )
        required = default is attrs.NOTHING
        unknown = set(field.metadata) - _METADATA
        if unknown:
            raise RegistrationError(
                f"unknown metadata {sorted(unknown)}; supported: {sorted(_METADATA)}",
                path=f"$.{field.name}",
            )
        specs.append(
            FieldSpec(
                field.name,
                ftype,
                required,
                None if required else default,
                min_items=field.metadata.get("min_items", 0),
                minimum=field.metadata.get("minimum"),
            )
        )
    return tuple(specs)


def own_fields(cls: type[Event]) -> tuple[FieldSpec, ...]:
    """The fields an event type adds to the ones every `Event` has."""
    return tuple(spec for spec in describe(cls) if spec.name not in BASE_FIELDS)


def _check(value: Any, ftype: FieldType, path: str) -> None:
    if isinstance(ftype, OptionalOf):
        if value is not None:
            _check(value, ftype.item, path)
    elif isinstance(ftype, Scalar):
        if ftype.type is str:
            check_text(value, path)
        elif ftype.type is int:
            check_int(value, path, low=-(2**53 - 1))
        elif type(value) is not bool:
            raise ValidationError(f"expected a boolean, got {type(value).__name__}", path=f"$.{path}")
    elif isinstance(ftype, TupleOf):
        if type(value) is not tuple:
            raise ValidationError(f"expected a tuple, got {type(value).__name__}", path=f"$.{path}")
        for index, item in enumerate(value):
            _check(item, ftype.item, f"{path}[{index}]")
    elif type(value) is not ftype.type:
        raise ValidationError(
            f"expected {ftype.type.__name__}, got {type(value).__name__}", path=f"$.{path}"
        )


def _accepts(ftype: FieldType, var: str, names: dict[str, Any]) -> str:
    """A Python condition true when ``var`` passes `_check` for ``ftype`` (the quick test of it)."""
    if isinstance(ftype, OptionalOf):
        return f"({var} is None or {_accepts(ftype.item, var, names)})"
    if isinstance(ftype, TupleOf):
        return f"(type({var}) is tuple and all([{_accepts(ftype.item, 'x', names)} for x in {var}]))"
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            return f"(type({var}) is str and _ok({var}))"
        if ftype.type is int:
            return f"(type({var}) is int and {-MAX_INT} <= {var} <= {MAX_INT})"
        return f"type({var}) is bool"
    name = f"_t{len(names)}"
    names[name] = ftype.type
    return f"type({var}) is {name}"


def _too_few(value: Any, min_items: int, name: str) -> None:
    raise ValidationError(f"needs at least {min_items} items, got {len(value)}", path=f"$.{name}")


def _below(value: Any, minimum: int, name: str) -> None:
    raise ValidationError(f"{value} is below the minimum {minimum}", path=f"$.{name}")


def _compile_check(cls: type[Event]) -> Callable[[Event], None]:
    """
    Write `check_event` for one event type: a quick inline test per field, `_check` for the error.

    The quick tests are `_check`'s rules written out once per class from `describe`, so
    building an event costs no generic walk over its field types.
    """
    names: dict[str, Any] = {
        "_check": _check,
        "_ok": carriable,
        "_too_few": _too_few,
        "_below": _below,
    }
    lines = ["def check(e):"]
    for index, spec in enumerate(describe(cls)):
        if spec.name == "id":
            continue
        ftype = f"_f{index}"
        names[ftype] = spec.type
        lines.append(f"    v = e.{spec.name}")
        lines.append(f"    if not {_accepts(spec.type, 'v', names)}: _check(v, {ftype}, {spec.name!r})")
        if spec.min_items:
            lines.append(f"    if len(v) < {spec.min_items}: _too_few(v, {spec.min_items}, {spec.name!r})")
        if spec.minimum is not None:
            below = f"_below(v, {spec.minimum}, {spec.name!r})"
            lines.append(f"    if v is not None and v < {spec.minimum}: {below}")
    lines.append("    return None")
    exec(compile("\n".join(lines), f"<newsevents check_event {cls.__name__}>", "exec"), names)
    return typing.cast("Callable[[Event], None]", names["check"])


_CHECKS: dict[type, Callable[[Event], None]] = {}


def check_event(event: Event) -> None:
    """
    Check every field of ``event`` against its declared type.

    Value types check themselves when built; this adds the type checks attrs does not make,
    and the text checks for the event type's own string fields, whatever the event type.
    The check is compiled once per event type from `describe`.

    Raises:
        ValidationError: Naming the first field that is wrong.
    """
    cls = type(event)
    check = _CHECKS.get(cls)
    if check is None:
        check = _CHECKS[cls] = _compile_check(cls)
    check(event)
