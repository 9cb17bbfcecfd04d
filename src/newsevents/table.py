"""
Events as flat tables, the way ACLED and GDELT publish them: rows, Arrow, pandas, CSV, Parquet.

One row per event (or, with ``explode="participants"``, one per item of a tuple field),
one column per value, named by one rule derived from the event type's fields
(`newsevents._columns`), so a user-defined type gets its columns with no code of its own:

* every row starts with ``id``, ``type``, ``date``, ``date_precision``, ``location_name``,
  ``location_country``, ``source``, ``evidence``, ``evidence_start``, ``evidence_end``, ``rule``;
* then the type's own fields in declaration order: an actor is ``<field>_name``,
  ``<field>_kind``, ``<field>_title``, ``<field>_country``; a count ``<field>`` and
  ``<field>_qualifier``; a date ``<field>`` and ``<field>_precision``; a string, number,
  boolean or enum one column ``<field>``;
* a tuple's items are joined with ``"; "`` in one cell, ``;`` and ``\\`` inside an item
  escaped with a backslash, so `split` gives the items back exactly.

Dates are ISO strings at their own precision (``"2019"``, ``"2019-10"``, ``"2019-10-05"``)
next to ``<field>_precision``, never an Arrow date that would invent a day.

`to_rows` and `write_csv` need nothing beyond newsevents; `to_arrow`, `to_pandas` and
`write_parquet` need the ``arrow`` extra (``pip install "newsevents[arrow]"``).
"""

from __future__ import annotations

import csv
import importlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

import attrs

from newsevents import registry
from newsevents._columns import COMMON, SEPARATOR, TYPE_COLUMN, Column, columns, explodable
from newsevents.errors import EncodeError
from newsevents.model import Event

__all__ = [
    "ROW_GROUP_SIZE",
    "SEPARATOR",
    "arrow_schema",
    "column_names",
    "join",
    "split",
    "to_arrow",
    "to_pandas",
    "to_rows",
    "write_csv",
    "write_parquet",
]

Types = Iterable[type[Event] | str] | str | None

#: Rows per Parquet row group: what `write_parquet` holds in memory at once.
ROW_GROUP_SIZE = 65_536


# --------------------------------------------------------------------------- joined cells


def _escape(item: str) -> str:
    return item.replace("\\", "\\\\").replace(";", "\\;")


def _cell(item: object) -> str:
    if item is None:
        return ""
    if item is True:
        return "true"
    if item is False:
        return "false"
    return _escape(item) if isinstance(item, str) else str(item)


def _join(items: Sequence[Any]) -> str | None:
    """The cell of a tuple field's items (the hot path of `join`)."""
    if not items:
        return None
    try:
        text = SEPARATOR.join(items)
    except TypeError:  # numbers, booleans or None among the items
        if all(item is None for item in items):
            return None
        return SEPARATOR.join([_cell(item) for item in items])
    if "\\" not in text and text.count(";") == len(items) - 1:
        return text  # no item holds ";" or "\": nothing to escape
    return SEPARATOR.join([_escape(item) for item in items])


def join(items: Iterable[str | int | bool | None]) -> str | None:
    """
    Join a tuple's items into one cell, as the tables do: ``["a", "b; c"]`` gives ``"a; b\\; c"``.

    Each ``;`` and ``\\`` inside an item is escaped with a backslash; numbers are written in
    decimal, booleans ``true``/``false``, and None as an empty item. No items, or only None,
    give None (a null cell).
    """
    return _join(list(items))


def split(cell: object) -> list[str]:
    """
    The items of a joined cell: the inverse of `join` for strings.

    ``split(join(items)) == items`` for any non-empty list of strings. A null cell (None, or
    pandas' NA or NaN) gives ``[]``. In an actor's ``_title`` or ``_country`` cell an empty
    item means that actor has none.

    Raises:
        ValueError: When the cell ends in a lone backslash, which `join` never writes.
    """
    if not isinstance(cell, str):
        return []
    if "\\" not in cell:
        return cell.split(SEPARATOR)
    items: list[str] = []
    current: list[str] = []
    index, end = 0, len(cell)
    while index < end:
        char = cell[index]
        if char == "\\":
            if index + 1 == end:
                raise ValueError(f"{cell!r} ends in a lone backslash: not a joined cell")
            current.append(cell[index + 1])
            index += 2
        elif cell.startswith(SEPARATOR, index):
            items.append("".join(current))
            current = []
            index += len(SEPARATOR)
        else:
            current.append(char)
            index += 1
    items.append("".join(current))
    return items


# --------------------------------------------------------------------------- row makers

_CSV_BOOL = {True: "true", False: "false", None: None}


def _cells(own: Sequence[Column]) -> tuple[list[str], dict[str, str], str | None]:
    """
    The statements that read an event's cells into local variables, compiled per type.

    Returns the statements, the expression of each column's cell, and the variable holding
    the exploded field's items (each item is ``x`` in its cells' expressions), or None.
    """
    lines: list[str] = []
    cells: dict[str, str] = {}
    items: str | None = None
    for number, (field, grouped) in enumerate(itertools.groupby(own, key=lambda c: c.field)):
        group = list(grouped)
        if field is None:
            cells[TYPE_COLUMN] = "_type"
            continue
        value = f"v{number}"
        lines.append(f"    {value} = e.{field}")
        if group[0].exploded:
            items = value
            cells.update((column.name, f"x{column.access}") for column in group)
        elif group[0].joined:
            for k, column in enumerate(group):
                made = (
                    f"_join({value})" if not column.access else f"_join([x{column.access} for x in {value}])"
                )
                lines.append(f"    {value}_{k} = None if {value} is None else {made}")
                cells[column.name] = f"{value}_{k}"
        elif len(group) == 1 and not group[0].access:
            cells[group[0].name] = value  # a string, number or boolean: the value itself
        else:
            lines.append(f"    if {value} is None:")
            lines.append("        " + " = ".join(f"{value}_{k}" for k in range(len(group))) + " = None")
            lines.append("    else:")
            for k, column in enumerate(group):
                lines.append(f"        {value}_{k} = {value}{column.access}")
                cells[column.name] = f"{value}_{k}"
    return lines, cells, items


def _compile(
    cls: type[Event], name: str, explode: str | None, mode: str, layout: Sequence[str] | None
) -> tuple[Callable[[Event], Any], bool]:
    """
    Write the function that turns one event of ``cls`` into its row (or rows, when exploded).

    ``mode`` is ``"dict"`` (the type's columns), ``"tuple"`` (the same, as a tuple) or
    ``"csv"`` (a list laid out as ``layout``, booleans as ``true``/``false``). Returns the
    function and whether it returns a list of rows.
    """
    own = columns(cls, explode=explode)
    lines, cells, items = _cells(own)
    kinds = {column.name: column.kind for column in own}

    def out(cell: Callable[[str], str]) -> str:
        if mode == "dict":
            return "{" + ", ".join(f"{column.name!r}: {cell(column.name)}" for column in own) + "}"
        if mode == "tuple":
            return "(" + ", ".join(cell(column.name) for column in own) + ",)"
        assert layout is not None
        return (
            "["
            + ", ".join(
                "None" if n not in cells else f"_bool[{cell(n)}]" if kinds[n] is bool else cell(n)
                for n in layout
            )
            + "]"
        )

    if items is None:
        lines.append(f"    return {out(cells.__getitem__)}")
    else:
        exploded = {column.name for column in own if column.exploded}
        lines.append(f"    if not {items}:")
        lines.append(f"        return [{out(lambda n: 'None' if n in exploded else cells[n])}]")
        lines.append(f"    return [{out(cells.__getitem__)} for x in {items}]")
    scope: dict[str, Any] = {"_join": _join, "_type": name, "_bool": _CSV_BOOL}
    source = "\n".join(["def make(e):", *lines])
    exec(compile(source, f"<newsevents.table {mode} row of {cls.__name__}>", "exec"), scope)
    return scope["make"], items is not None


_MAKERS: dict[tuple[type, str | None, str, tuple[str, ...] | None], tuple[Callable[[Event], Any], bool]] = {}


def _maker(
    cls: type,
    index: int,
    *,
    allowed: Sequence[type[Event]] | None,
    explode: str | None,
    mode: str,
    layout: tuple[str, ...] | None = None,
) -> tuple[Callable[[Event], Any], bool]:
    """The row maker of the type of the event at ``index``, or the `EncodeError` it cannot have."""
    where = f"$[{index}]"
    if not (isinstance(cls, type) and issubclass(cls, Event)):
        raise EncodeError(f"expected an Event, got {cls.__name__}", path=where)
    name = registry.registered_name(cls, path=where)
    if allowed is not None and cls not in allowed:
        raise EncodeError(
            f"{name} is not among the table's types ({', '.join(c.__name__ for c in allowed)})", path=where
        )
    key = (cls, explode, mode, layout)
    made = _MAKERS.get(key)
    if made is None:
        made = _MAKERS[key] = _compile(cls, name, explode, mode, layout)
    return made


# --------------------------------------------------------------------------- types and schemas


def _classes(types: Types) -> tuple[type[Event], ...]:
    """The event types a table is laid out for: the given ones, or every registered type by name."""
    registered = registry.types()
    if types is None:
        return tuple(registered[name] for name in sorted(registered))
    chosen: list[type[Event]] = []
    for item in (types,) if isinstance(types, str) else types:
        if isinstance(item, str):
            if item not in registered:
                raise EncodeError(f"unknown event type {item!r}; registered: {sorted(registered)}")
            cls = registered[item]
        else:
            registry.registered_name(item)
            cls = item
        if cls not in chosen:
            chosen.append(cls)
    if not chosen:
        raise EncodeError("types= needs at least one event type")
    return tuple(chosen)


def _check_explode(explode: str | None, classes: Iterable[type[Event]]) -> None:
    if explode is None:
        return
    if not isinstance(explode, str) or not any(explodable(cls, explode) for cls in classes):
        raise EncodeError(f"explode={explode!r}: no event type here has a tuple field of that name")


@attrs.frozen
class _Union:
    """A column of a table laid out for several event types."""

    name: str
    kind: type
    nullable: bool


def _union(classes: Sequence[type[Event]], explode: str | None, *, same_kind: bool) -> list[_Union]:
    """
    The columns of a table of several types: `COMMON`, then each type's new columns in turn.

    A column some type lacks is nullable. With ``same_kind``, a column two types fill with
    different kinds (a number in one, text in the other) is an `EncodeError`.
    """
    if not classes:
        return [_Union(column.name, column.kind, column.nullable) for column in COMMON]
    merged: dict[str, tuple[type, bool, int, str]] = {}
    for cls in classes:
        for column in columns(cls, explode=explode):
            seen = merged.get(column.name)
            if seen is None:
                merged[column.name] = (column.kind, column.nullable, 1, cls.__name__)
                continue
            kind, nullable, count, first = seen
            if same_kind and kind is not column.kind:
                raise EncodeError(
                    f"column {column.name!r} holds {kind.__name__} in {first} but {column.kind.__name__} "
                    f"in {cls.__name__}: write them to separate tables (types=...)"
                )
            merged[column.name] = (kind, nullable or column.nullable, count + 1, first)
    return [
        _Union(name, kind, nullable or count < len(classes))
        for name, (kind, nullable, count, _) in merged.items()
    ]


def column_names(types: Types = None) -> list[str]:
    """
    The columns of a table of the given event types (names or classes), or of every registered type.

    `COMMON` columns first, then each type's own in declaration order, types in the order
    given (by name when None); the header `write_csv` writes.

    Raises:
        EncodeError: For an unknown or unregistered type.
    """
    return [column.name for column in _union(_classes(types), None, same_kind=False)]


def _need(module: str, verb: str) -> Any:
    """Import an optional dependency, or say which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        raise ImportError(
            f"newsevents.table.{verb} needs {top}, an optional extra: pip install 'newsevents[arrow]'"
        ) from None


def _schema(pa: Any, classes: Sequence[type[Event]], explode: str | None) -> Any:
    arrow = {str: pa.string(), int: pa.int64(), bool: pa.bool_()}
    fields = [
        pa.field(column.name, arrow[column.kind], nullable=column.nullable)
        for column in _union(classes, explode, same_kind=True)
    ]
    return pa.schema(fields)


def arrow_schema(types: Types = None, *, explode: str | None = None) -> Any:
    """
    The `pyarrow.Schema` of a table of the given event types, or of every registered type.

    Text is ``string``, numbers ``int64``, booleans ``bool``; dates are ISO ``string`` at
    their own precision; a field is nullable unless every type has it and it is never None.

    Raises:
        EncodeError: For an unknown type, or a column two types fill with different kinds.
        ImportError: Without the ``arrow`` extra.
    """
    pa = _need("pyarrow", "arrow_schema")
    classes = _classes(types)
    _check_explode(explode, classes)
    return _schema(pa, classes, explode)


# --------------------------------------------------------------------------- rows


def to_rows(events: Iterable[Event], *, explode: str | None = None) -> Iterator[dict[str, Any]]:
    """
    Yield one flat dict per event (the long form with ``explode``): the rows of a table.

    Each dict has the event type's columns, `COMMON` ones first, with plain values (str,
    int, bool, None). The events are read one at a time, as the rows are asked for.

    Args:
        events: Events of registered types.
        explode: The name of a tuple field (``"participants"``): one row per item instead
            of the items joined, an event with no items keeping one row with nulls there.
            Events of types without that tuple field give their one row as usual.

    Raises:
        EncodeError: For an item that is not an event of a registered type (with its
            ``$[index]`` path), or an ``explode`` no registered type has as a tuple field.
    """
    _check_explode(explode, registry.types().values())
    return _rows(events, explode)


def _rows(events: Iterable[Event], explode: str | None) -> Iterator[dict[str, Any]]:
    makers: dict[type, tuple[Callable[[Event], Any], bool]] = {}
    for index, event in enumerate(events):
        cls = type(event)
        maker = makers.get(cls)
        if maker is None:
            maker = makers[cls] = _maker(cls, index, allowed=None, explode=explode, mode="dict")
        make, many = maker
        if many:
            yield from make(event)
        else:
            yield make(event)


@attrs.define
class _Group:
    """The rows of one event type in a chunk, and the index of the event each came from."""

    cls: type[Event]
    rows: list[tuple[Any, ...]] = attrs.Factory(list)
    positions: list[int] = attrs.Factory(list)


def _chunks(
    events: Iterable[Event], allowed: Sequence[type[Event]] | None, explode: str | None, size: int | None
) -> Iterator[dict[type, _Group]]:
    """The events' rows grouped by type, ``size`` rows (or a little more) at a time, or all at once."""
    makers: dict[type, tuple[Callable[[Event], Any], bool]] = {}
    groups: dict[type, _Group] = {}
    count = 0
    for index, event in enumerate(events):
        cls = type(event)
        maker = makers.get(cls)
        if maker is None:
            maker = makers[cls] = _maker(cls, index, allowed=allowed, explode=explode, mode="tuple")
        group = groups.get(cls)
        if group is None:
            group = groups[cls] = _Group(cls)
        make, many = maker
        if many:
            made = make(event)
            group.rows.extend(made)
            group.positions.extend([index] * len(made))
            count += len(made)
        else:
            group.rows.append(make(event))
            group.positions.append(index)
            count += 1
        if size is not None and count >= size:
            yield groups
            groups, count = {}, 0
    if groups or size is None:
        yield groups


def _assemble(pa: Any, schema: Any, groups: dict[type, _Group], explode: str | None) -> Any:
    """One Arrow table of ``schema`` from grouped rows, in the order of the events; empties the groups."""
    if not groups:
        return schema.empty_table()
    tables = []
    positions: list[int] = []
    for group in groups.values():
        own = {column.name: i for i, column in enumerate(columns(group.cls, explode=explode))}
        size = len(group.rows)
        data = list(zip(*group.rows, strict=True))
        group.rows.clear()  # the cells live on in ``data`` until Arrow has copied them
        arrays = [
            pa.nulls(size, field.type)
            if field.name not in own
            else pa.array(data[own[field.name]], field.type)
            for field in schema
        ]
        tables.append(pa.Table.from_arrays(arrays, schema=schema))
        positions.extend(group.positions)
    if len(tables) == 1:
        return tables[0]
    # A stable sort of the rows' event indices puts them back in the events' order.
    order = importlib.import_module("pyarrow.compute").sort_indices(pa.array(positions, pa.int64()))
    return pa.concat_tables(tables).take(order)


def to_arrow(events: Iterable[Event], *, types: Types = None, explode: str | None = None) -> Any:
    """
    Return the events as a `pyarrow.Table`, one row per event (or per item, with ``explode``).

    The schema is derived from the field types (see `arrow_schema`): the columns of
    ``types``, or of the types among the events (in name order) when None.

    Args:
        events: Events of registered types.
        types: Event classes or registered names whose columns the table has; an event
            of another type is an error.
        explode: See `to_rows`.

    Raises:
        EncodeError: For an item that is not an event of a registered type (or not of
            ``types``), or a column two types fill with different kinds.
        ImportError: Without the ``arrow`` extra (``pip install "newsevents[arrow]"``).
    """
    pa = _need("pyarrow", "to_arrow")
    chosen = None if types is None else _classes(types)
    _check_explode(explode, registry.types().values() if chosen is None else chosen)
    groups = next(_chunks(events, chosen, explode, None))
    classes = chosen if chosen is not None else sorted(groups, key=lambda cls: cls.__name__)
    return _assemble(pa, _schema(pa, classes, explode), groups, explode)


def to_pandas(events: Iterable[Event], *, types: Types = None, explode: str | None = None) -> Any:
    """
    Return the events as a `pandas.DataFrame` (see `to_arrow`).

    Columns use pandas' nullable dtypes (``string``, ``Int64``, ``boolean``), so a missing
    count is ``<NA>`` in an integer column rather than turning it into floats.

    Raises:
        EncodeError: As `to_arrow`.
        ImportError: Without the ``arrow`` extra.
    """
    pa = _need("pyarrow", "to_pandas")
    pd = _need("pandas", "to_pandas")
    table = to_arrow(events, types=types, explode=explode)
    dtypes = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    return table.to_pandas(types_mapper=dtypes.get)


# --------------------------------------------------------------------------- streaming writers


def write_csv(
    events: Iterable[Event], stream: IO[str], *, types: Types = None, explode: str | None = None
) -> int:
    """
    Write the events as CSV, row by row: the header first, then one row per event as it is read.

    The header is `column_names` of ``types`` (every registered type when None), so files
    written apart have the same columns. Null is an empty cell, booleans ``true``/``false``.
    Open ``stream`` with ``newline=""``, as the `csv` module asks.

    Args:
        events: Events of registered types (of ``types`` when given); any iterable, read once.
        stream: A text stream.
        types: Event classes or registered names.
        explode: See `to_rows`.

    Returns:
        The number of rows written, not counting the header.

    Raises:
        EncodeError: For an item that is not an event of one of the types, with its
            ``$[index]`` path; the rows before it are written.
    """
    classes = _classes(types)
    _check_explode(explode, classes)
    header = tuple(column_names(classes))
    writer = csv.writer(stream)
    writer.writerow(header)
    makers: dict[type, tuple[Callable[[Event], Any], bool]] = {}
    written = 0
    for index, event in enumerate(events):
        cls = type(event)
        maker = makers.get(cls)
        if maker is None:
            maker = makers[cls] = _maker(
                cls, index, allowed=classes, explode=explode, mode="csv", layout=header
            )
        make, many = maker
        if many:
            rows = make(event)
            writer.writerows(rows)
            written += len(rows)
        else:
            writer.writerow(make(event))
            written += 1
    return written


def write_parquet(
    events: Iterable[Event],
    path: str | os.PathLike[str] | IO[bytes],
    *,
    types: Types = None,
    explode: str | None = None,
    row_group_size: int = ROW_GROUP_SIZE,
) -> int:
    """
    Write the events as Parquet, one row group at a time, with one schema for all the types.

    The schema is `arrow_schema` of ``types`` (every registered type when None). Only one
    row group's rows are held in memory: about ``row_group_size`` rows (an exploded event is
    never split, so a group may hold a few more), at about 3 KB a row while it is built.

    Args:
        events: Events of registered types (of ``types`` when given); any iterable, read once.
        path: A file path, or a binary file object.
        types: Event classes or registered names.
        explode: See `to_rows`.
        row_group_size: Rows per row group.

    Returns:
        The number of rows written.

    Raises:
        EncodeError: As `write_csv`, and for a column two types fill with different kinds.
        ImportError: Without the ``arrow`` extra.
    """
    pa = _need("pyarrow", "write_parquet")
    pq = _need("pyarrow.parquet", "write_parquet")
    if type(row_group_size) is not int or row_group_size < 1:
        raise ValueError(f"row_group_size must be a positive integer, got {row_group_size!r}")
    classes = _classes(types)
    _check_explode(explode, classes)
    schema = _schema(pa, classes, explode)
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        for groups in _chunks(events, classes, explode, row_group_size):
            table = _assemble(pa, schema, groups, explode)
            groups.clear()  # let this row group go before the next one is read
            if table.num_rows:
                writer.write_table(table, row_group_size=table.num_rows)
                written += table.num_rows
            del table
    return written
