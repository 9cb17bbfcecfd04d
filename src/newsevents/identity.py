"""
Deterministic event ids, so that wire systems update an event rather than duplicate it.

The id of an event built without one is its type name (cut to 47 characters), a hyphen
and the first 16 hex characters of the SHA-256 of the event's canonical form: the UTF-8
bytes of the compact JSON object (keys sorted, no white space, non-ASCII characters as
themselves) of

* ``"$type"``: the class name;
* every field but ``id``, by name, as its declaration gives it: a string, integer,
  boolean or null as itself, an enum member as its value, a tuple as an array, and a
  value (`Actor`, `Place`, `PartialDate`, `Count`, `Evidence`) as the object of its own
  fields, the same way.

A field whose metadata says ``in_id=False`` is left out: the evidence ``rule``, so that
renaming a recogniser rule keeps every id. Everything else is in: the source, the
evidence (text and span), the date, the location and every field of the type's own, so
two events that differ in anything (two strikes on two places named in one sentence,
two calls on two days) never share an id, and extracting the same article twice gives
every event the same id.

An id derived this way is a `DerivedId` (a ``str``); `attrs.evolve` derives it anew from
the changed fields, while an id given explicitly is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson

from newsevents._fields import EnumOf, FieldType, OptionalOf, Scalar, TupleOf, ValueOf, describe

__all__ = ["HEX_DIGITS", "DerivedId", "canonical_form", "derive_id", "derived_prefix", "looks_derived"]

#: What follows the prefix in a derived id: 16 of these.
HEX_DIGITS = frozenset("0123456789abcdef")


class DerivedId(str):
    """
    An event id derived from the event's fields (a ``str`` in every other respect).

    `Event` derives the id again whenever it is built with one, so `attrs.evolve` never
    leaves a derived id stale; an explicit id (a plain ``str``) is kept.
    """

    __slots__ = ()


def _encoder(ftype: FieldType) -> Callable[[Any], Any]:
    """How a value of ``ftype`` is written in the canonical form."""
    if isinstance(ftype, OptionalOf):
        inner = _encoder(ftype.item)
        return lambda value: None if value is None else inner(value)
    if isinstance(ftype, TupleOf):
        item = _encoder(ftype.item)
        return lambda value: [item(x) for x in value]
    if isinstance(ftype, EnumOf):
        return lambda value: value.value
    if isinstance(ftype, Scalar):
        return lambda value: value
    assert isinstance(ftype, ValueOf)
    return _object_encoder(ftype.type)


_OBJECTS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _object_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    found = _OBJECTS.get(cls)
    if found is None:
        parts = [
            (spec.name, _encoder(spec.type)) for spec in describe(cls) if spec.in_id and spec.name != "id"
        ]

        def found(value: Any) -> dict[str, Any]:
            return {name: encode(getattr(value, name)) for name, encode in parts}

        _OBJECTS[cls] = found
    return found


def canonical_form(event: Any) -> bytes:
    """The canonical form of an event's fields that its id is the hash of (see the module docs)."""
    cls = type(event)
    content = _object_encoder(cls)(event)
    content["$type"] = cls.__name__
    return orjson.dumps(content, option=orjson.OPT_SORT_KEYS)


def derived_prefix(cls: type) -> str:
    """What a derived id of ``cls`` starts with: its type name (at most 47 characters) and a hyphen."""
    return f"{cls.__name__[:47]}-"


def derive_id(event: Any) -> DerivedId:
    """Return the content-derived id of ``event`` (its ``id`` field is ignored)."""
    digest = hashlib.sha256(canonical_form(event)).hexdigest()[:16]
    return DerivedId(derived_prefix(type(event)) + digest)


def looks_derived(cls: type, ident: str) -> bool:
    """Whether ``ident`` has the form of a derived id of ``cls``: the prefix, then 16 lowercase hex digits."""
    prefix = derived_prefix(cls)
    return (
        len(ident) == len(prefix) + 16
        and ident.startswith(prefix)
        and HEX_DIGITS.issuperset(ident[len(prefix) :])
    )
