"""
The flat table columns of an event type: the one naming rule `newsevents.table` writes by.

Every column is derived from `newsevents._fields.describe`, so an event type gets its
columns with no code of its own:

* ``str``, ``int``, ``bool`` and enum fields are one column named after the field;
* an `Actor` is ``<field>_name``, ``<field>_kind``, ``<field>_title``, ``<field>_country``;
* a `Place` is ``<field>_name``, ``<field>_country``;
* a `PartialDate` is ``<field>`` (its ISO form) and ``<field>_precision``;
* a `Count` is ``<field>`` (its value) and ``<field>_qualifier``;
* an `Evidence` is ``<field>`` (its text), ``<field>_start``, ``<field>_end``, ``<field>_rule``;
* ``T | None`` has the columns of ``T``, nullable;
* ``tuple[T, ...]`` has the columns of ``T``, each cell the items' values joined with
  `SEPARATOR` (or, exploded, one row per item).

Every event starts with the `COMMON` columns: its id, its registered type name, and the
base fields, the event's own evidence giving ``rule`` rather than ``evidence_rule``.

Two fields of one type that would give the same column name are refused when the type is
registered (`columns` raises `RegistrationError`), so a table never silently drops a value.
This module belongs to the model layer: it imports nothing from the codecs or the tables.
"""

from __future__ import annotations

import attrs

from newsevents._fields import (
    VALUE_TYPES,
    EnumOf,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    ValueOf,
    describe,
)
from newsevents.errors import RegistrationError
from newsevents.model import BASE_FIELDS, Actor, Count, Event, Evidence, PartialDate, Place

__all__ = ["COMMON", "SEPARATOR", "TYPE_COLUMN", "Column", "columns", "explodable"]

#: What joins the items of a tuple field in one cell.
SEPARATOR = "; "
#: The column holding the event's registered type name.
TYPE_COLUMN = "type"


@attrs.frozen
class Column:
    """
    One column of an event type's table.

    Args:
        name: The column name.
        field: The event field the cell is read from; None for the type column.
        access: The Python attribute access that reads the cell from the field's value,
            or from each item of a tuple field (``""``, ``".name"``, ``".isoformat()"``).
        kind: What a cell holds: ``str``, ``int`` or ``bool`` (a joined cell is always ``str``).
        nullable: Whether a cell may be null.
        joined: The items of a tuple field, joined with `SEPARATOR` in one cell.
        exploded: The items of a tuple field, one row per item.
    """

    name: str
    field: str | None
    access: str
    kind: type
    nullable: bool
    joined: bool = False
    exploded: bool = False


#: The columns of each value type: (name suffix, access, kind, nullable).
_PARTS: dict[type, tuple[tuple[str, str, type, bool], ...]] = {
    Actor: (
        ("_name", ".name", str, False),
        ("_kind", ".kind._value_", str, False),
        ("_title", ".title", str, True),
        ("_country", ".country", str, True),
    ),
    Place: (("_name", ".name", str, True), ("_country", ".country", str, True)),
    PartialDate: (("", ".isoformat()", str, False), ("_precision", ".precision", str, False)),
    Count: (("", ".value", int, False), ("_qualifier", ".qualifier._value_", str, False)),
    Evidence: (
        ("", ".text", str, False),
        ("_start", ".start", int, False),
        ("_end", ".end", int, False),
        ("_rule", ".rule", str, True),
    ),
}
# A value type the model adds must say here how it is laid out in a table.
assert set(_PARTS) == set(VALUE_TYPES), "every value type needs its table columns"

#: Column names of the event's own fields that differ from the rule: the recogniser rule
#: that found the event is what analysts filter on, so it is plain ``rule``.
_RENAMED = {"evidence_rule": "rule"}


def _parts(ftype: FieldType) -> list[tuple[str, str, type, bool]]:
    """The columns of one value (not a tuple): (suffix, access, kind, nullable)."""
    if isinstance(ftype, OptionalOf):
        return [(suffix, access, kind, True) for suffix, access, kind, _ in _parts(ftype.item)]
    if isinstance(ftype, Scalar):
        return [("", "", ftype.type, False)]
    if isinstance(ftype, EnumOf):
        return [("", "._value_", str, False)]
    if isinstance(ftype, ValueOf):
        return list(_PARTS[ftype.type])
    raise AssertionError(f"a tuple has no single value: {ftype!r}")  # pragma: no cover


def _tuple_of(ftype: FieldType) -> TupleOf | None:
    """The tuple type of a field (``tuple[T, ...]`` or ``tuple[T, ...] | None``), or None."""
    if isinstance(ftype, OptionalOf):
        ftype = ftype.item
    return ftype if isinstance(ftype, TupleOf) else None


def _field_columns(name: str, ftype: FieldType, *, min_items: int, explode: bool) -> list[Column]:
    items = _tuple_of(ftype)
    if items is None:
        return [
            Column(name + suffix, name, access, kind, nullable)
            for suffix, access, kind, nullable in _parts(ftype)
        ]
    # A cell is null when there are no items (a joined cell also when no item has the
    # part: actors none of whom has a title); an exploded empty tuple still gives its
    # event one row, with nulls in these columns.
    maybe_empty = isinstance(ftype, OptionalOf) or min_items == 0
    return [
        Column(
            name + suffix,
            name,
            access,
            kind if explode else str,
            maybe_empty or nullable,
            joined=not explode,
            exploded=explode,
        )
        for suffix, access, kind, nullable in _parts(items.item)
    ]


def _common() -> tuple[Column, ...]:
    by_field: dict[str, list[Column]] = {}
    for spec in describe(Event):
        found = _field_columns(spec.name, spec.type, min_items=spec.min_items, explode=False)
        by_field[spec.name] = [attrs.evolve(c, name=_RENAMED.get(c.name, c.name)) for c in found]
    type_column = Column(TYPE_COLUMN, None, "", str, False)
    order = ("date", "location", "source", "evidence")
    return (*by_field["id"], type_column, *(c for name in order for c in by_field[name]))


#: The columns every event has, first in every table: ``id``, ``type``, ``date``,
#: ``date_precision``, ``location_name``, ``location_country``, ``source``, ``evidence``,
#: ``evidence_start``, ``evidence_end``, ``rule``.
COMMON: tuple[Column, ...] = _common()

_COLUMNS: dict[tuple[type, str | None], tuple[Column, ...]] = {}


def columns(cls: type[Event], *, explode: str | None = None) -> tuple[Column, ...]:
    """
    The columns of an event type's table: `COMMON`, then its own fields' in declaration order.

    Args:
        cls: An event type.
        explode: A field name: when ``cls`` has a tuple field of that name, its columns
            hold one item per row instead of the items joined. Any other name changes nothing.

    Raises:
        RegistrationError: When two fields give the same column name (naming both), or a
            field type is not supported.
    """
    key = (cls, explode)
    found = _COLUMNS.get(key)
    if found is None:
        found = _COLUMNS[key] = _columns(cls, explode)
    return found


def _columns(cls: type[Event], explode: str | None) -> tuple[Column, ...]:
    result = list(COMMON)
    owner = {column.name: column.field for column in COMMON}
    for spec in describe(cls):
        if spec.name in BASE_FIELDS:
            continue  # its columns are the common ones
        exploded = spec.name == explode
        for column in _field_columns(spec.name, spec.type, min_items=spec.min_items, explode=exploded):
            other = owner.get(column.name, spec.name)
            if other != spec.name:
                theirs = "the type name" if other is None else f"field {other!r}"
                raise RegistrationError(
                    f"{cls.__name__}: field {spec.name!r} and {theirs} both give the table "
                    f"column {column.name!r}; rename one of them",
                    path=f"$.{spec.name}",
                )
            owner[column.name] = spec.name
            result.append(column)
    return tuple(result)


def explodable(cls: type[Event], name: str) -> bool:
    """Whether ``cls`` has a tuple field ``name``, so that ``explode=name`` gives a row per item."""
    return any(spec.name == name and _tuple_of(spec.type) is not None for spec in describe(cls))
