"""Flat tables: every type's columns from its fields, joined cells that split back, Arrow, CSV, Parquet."""

from __future__ import annotations

import csv
import enum
import io
import subprocess
import sys
import textwrap
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsevents as ne
from newsevents import registry, table
from newsevents._fields import EnumOf, OptionalOf, Scalar, TupleOf, ValueOf, describe
from newsevents.errors import EncodeError, RegistrationError
from newsevents.strategies import events, texts


class Finding(enum.StrEnum):
    UPHELD = "upheld"
    DISMISSED = "dismissed"


@ne.register
@attrs.frozen(kw_only=True)
class Inquiry(ne.Event):
    """A public inquiry, defined by this test: every field type a table lays out, no table code."""

    codes = ne.Codes(label="inquiry", definition="A public inquiry.")

    lead: ne.Actor
    panel: tuple[ne.Actor, ...] = ()
    seat: ne.Place | None = None
    sites: tuple[ne.Place, ...] = ()
    opened: ne.PartialDate | None = None
    sittings: tuple[ne.PartialDate, ...] = ()
    questions: tuple[str, ...] = ()
    tallies: tuple[ne.Count, ...] = ()
    exhibits: tuple[ne.Evidence, ...] = ()
    finding: Finding | None = None
    findings: tuple[Finding, ...] = ()
    rounds: tuple[int, ...] = ()
    ballots: tuple[bool, ...] = ()
    public: bool = True
    witnesses_heard: int | None = None
    cost: ne.Count | None = None
    report: ne.Evidence | None = None


BUILT_IN = (ne.PhoneCall, ne.PardonRequest, ne.Sentencing, ne.Airstrike)
TYPES = (*BUILT_IN, Inquiry)
COMMON = [
    "id", "type", "date", "date_precision", "location_name", "location_country", "source",
    "evidence", "evidence_start", "evidence_end", "rule",
]  # fmt: skip

NETANYAHU = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
PUTIN = ne.Actor.person("Vladimir Putin", title="President", country="RU")


def call(*participants: ne.Actor, **fields: Any) -> ne.PhoneCall:
    return ne.PhoneCall(participants=participants or (NETANYAHU, PUTIN), **fields)


# --------------------------------------------------------------------------- the test's own reading of a row
# Written from the column rules in docs/tables.md, not from newsevents._columns: rebuilding
# every event from its row shows that the names, the values and the escaping lose nothing.

PARTS: dict[type, list[tuple[str, str, bool]]] = {  # suffix, attribute, optional
    ne.Actor: [
        ("_name", "name", False),
        ("_kind", "kind", False),
        ("_title", "title", True),
        ("_country", "country", True),
    ],
    ne.Place: [("_name", "name", True), ("_country", "country", True)],
    ne.PartialDate: [("", "iso", False), ("_precision", "precision", False)],
    ne.Count: [("", "value", False), ("_qualifier", "qualifier", False)],
    ne.Evidence: [
        ("", "text", False),
        ("_start", "start", False),
        ("_end", "end", False),
        ("_rule", "rule", True),
    ],
}


def column(field: str, suffix: str) -> str:
    return "rule" if field + suffix == "evidence_rule" else field + suffix


def build(vtype: type, parts: dict[str, Any]) -> Any:
    if vtype is ne.Actor:
        return ne.Actor(
            parts["name"], ne.ActorKind(parts["kind"]), title=parts["title"], country=parts["country"]
        )
    if vtype is ne.Place:
        return ne.Place(parts["name"], country=parts["country"])
    if vtype is ne.PartialDate:
        date = ne.PartialDate.parse(parts["iso"])
        assert date.precision == parts["precision"]
        return date
    if vtype is ne.Count:
        return ne.Count(int(parts["value"]), ne.CountQualifier(parts["qualifier"]))
    return ne.Evidence(parts["text"], int(parts["start"]), int(parts["end"]), rule=parts["rule"])


def scalar(ftype: Any, cell: Any) -> Any:
    if isinstance(ftype, EnumOf):
        return ftype.type(cell)
    if ftype.type is bool:
        return cell if isinstance(cell, bool) else {"true": True, "false": False}[cell]
    return int(cell) if ftype.type is int else cell


def read(row: dict[str, Any], name: str, ftype: Any) -> Any:
    if isinstance(ftype, OptionalOf):
        inner = ftype.item
        names = (
            [name] if not isinstance(inner, ValueOf) else [column(name, s) for s, _, _ in PARTS[inner.type]]
        )
        return None if all(row[n] is None for n in names) else read(row, name, inner)
    if isinstance(ftype, TupleOf):
        item = ftype.item
        if isinstance(item, Scalar | EnumOf):
            return tuple(scalar(item, cell) for cell in table.split(row[name]))
        cells = {attr: table.split(row[column(name, s)]) for s, attr, _ in PARTS[item.type]}
        count = max(len(found) for found in cells.values())
        items = []
        for index in range(count):
            parts = {}
            for _, attr, optional in PARTS[item.type]:
                found = cells[attr]
                parts[attr] = None if not found or (optional and found[index] == "") else found[index]
            items.append(build(item.type, parts))
        return tuple(items)
    if isinstance(ftype, Scalar | EnumOf):
        return scalar(ftype, row[name])
    return build(ftype.type, {attr: row[column(name, s)] for s, attr, _ in PARTS[ftype.type]})


def rebuild(row: dict[str, Any]) -> ne.Event:
    cls = registry.types()[row["type"]]
    return cls(**{spec.name: read(row, spec.name, spec.type) for spec in describe(cls)})


# --------------------------------------------------------------------------- rows


@given(events(types=TYPES))
def test_every_row_gives_its_event_back(event):
    """Every built-in type and a user type: the row's columns are the type's, and they hold all of the event."""
    (row,) = table.to_rows([event])
    assert table.column_names([type(event)]) == list(row)
    assert COMMON == list(row)[: len(COMMON)]
    assert event == rebuild(row)


def test_column_names_follow_the_fields():
    """Common columns first, then the fields in declaration order, each value type laid out by one rule."""
    assert [
        *COMMON,
        "participants_name", "participants_kind", "participants_title", "participants_country",
        "initiator_name", "initiator_kind", "initiator_title", "initiator_country", "topics",
    ] == table.column_names(["PhoneCall"])  # fmt: skip
    assert [
        *COMMON,
        "attacker_name", "attacker_kind", "attacker_title", "attacker_country",
        "targets", "killed", "killed_qualifier", "strikes", "strikes_qualifier",
    ] == table.column_names([ne.Airstrike])  # fmt: skip
    assert ["penalty", "term_months", "offence", "court_name"] == table.column_names(["Sentencing"])[15:19]
    inquiry = table.column_names([Inquiry])
    assert ["opened", "opened_precision", "sittings", "sittings_precision", "questions"] == inquiry[23:28]
    assert ["report", "report_start", "report_end", "report_rule"] == inquiry[-4:]


def test_a_row_has_plain_values():
    """Cells are str, int, bool or None: dates in ISO form with their precision, counts split from qualifiers."""
    strike = ne.Airstrike(
        date=ne.PartialDate(2019, 12),
        location=ne.Place("Syria", country="SY"),
        evidence=ne.Evidence("hundreds of airstrikes", 10, 32, rule="airstrike.conducted"),
        attacker=ne.Actor.state("IL"),
        targets=("Hezbollah weapon shipments", "Iranian military installations"),
        strikes=ne.Count(100, ne.CountQualifier.ORDER),
    )
    (row,) = table.to_rows([strike])
    assert {
        "type": "Airstrike", "date": "2019-12", "date_precision": "month", "location_name": "Syria",
        "location_country": "SY", "source": None, "evidence": "hundreds of airstrikes", "evidence_start": 10,
        "evidence_end": 32, "rule": "airstrike.conducted", "attacker_name": "Israel", "attacker_kind": "country",
        "attacker_title": None, "attacker_country": "IL",
        "targets": "Hezbollah weapon shipments; Iranian military installations",
        "killed": None, "killed_qualifier": None, "strikes": 100, "strikes_qualifier": "order",
    } == {key: value for key, value in row.items() if key != "id"}  # fmt: skip
    assert strike.id == row["id"]


def test_rows_are_made_as_they_are_asked_for():
    """to_rows is an iterator: it reads one event per row it gives."""
    read = []

    def feed():
        for event in (call(), call(NETANYAHU, PUTIN, NETANYAHU)):
            read.append(event)
            yield event

    rows = table.to_rows(feed())
    assert [] == read
    next(rows)
    assert 1 == len(read)


def test_refusals_name_the_item():
    """An item that is not an event of a registered type is an EncodeError at its index."""

    @attrs.frozen(kw_only=True)
    class Unregistered(ne.Event):
        pass

    with pytest.raises(EncodeError, match=r"not a registered event type.*\$\[1\]"):
        list(table.to_rows([call(), Unregistered()]))
    with pytest.raises(EncodeError, match=r"expected an Event, got dict \(at \$\[0\]\)"):
        list(table.to_rows([{"type": "PhoneCall"}]))
    with pytest.raises(EncodeError, match="PhoneCall is not among the table's types"):
        table.to_arrow([call()], types=["Airstrike"])
    with pytest.raises(EncodeError, match="unknown event type 'Phonecall'"):
        table.column_names(["Phonecall"])


# --------------------------------------------------------------------------- joined cells


@given(st.lists(texts(max_size=12), min_size=1, max_size=6))
def test_joined_cells_split_back(items):
    """Any items, separators and backslashes included, split back exactly from their cell."""
    assert items == table.split(table.join(items))


@given(
    st.lists(st.sampled_from(["a", ";", "; ", "\\", "\\;", " ", "", "b;", "\\\\; "]), min_size=1, max_size=8)
)
def test_joined_cells_of_awkward_items_split_back(items):
    """Items made only of the escape's own characters split back too."""
    assert items == table.split(table.join(items))


def test_escaping_is_a_backslash_before_semicolon_and_backslash():
    """Only ';' and '\\' in an item are escaped; no items is a null cell; empty items are kept."""
    assert "Smith; Jones" == table.join(["Smith", "Jones"])
    assert "Hamas\\; al-Qassam Brigades; C:\\\\dir" == table.join(["Hamas; al-Qassam Brigades", "C:\\dir"])
    assert ["Hamas; al-Qassam Brigades", "C:\\dir"] == table.split("Hamas\\; al-Qassam Brigades; C:\\\\dir")
    assert table.join([]) is None
    assert table.join([None, None]) is None
    assert "" == table.join([""])
    assert "; President" == table.join([None, "President"])
    assert "3; true" == table.join([3, True])
    assert [] == table.split(None)
    assert [] == table.split(float("nan"))
    with pytest.raises(ValueError, match="lone backslash"):
        table.split("a\\")


def test_names_with_the_separator_survive_a_row():
    """An actor whose name holds '; ' is escaped in the joined cell and raw in its own cell."""
    odd = ne.Actor.group("Hamas; al-Qassam Brigades")
    (row,) = table.to_rows([call(odd, PUTIN, initiator=odd)])
    assert "Hamas\\; al-Qassam Brigades; Vladimir Putin" == row["participants_name"]
    assert ["Hamas; al-Qassam Brigades", "Vladimir Putin"] == table.split(row["participants_name"])
    assert "Hamas; al-Qassam Brigades" == row["initiator_name"]
    assert "; President" == row["participants_title"]  # the group has no title: an empty item
    assert "; RU" == row["participants_country"]


def test_optional_tuples_are_null_when_none_or_empty():
    """A tuple field that is None or empty gives a null cell (documented: the two are not told apart)."""

    @attrs.frozen(kw_only=True)
    class Tour(ne.Event):
        hosts: tuple[ne.Actor, ...] | None = None

    ne.register(Tour)
    try:
        rows = list(table.to_rows([Tour(), Tour(hosts=())]))
        assert [None, None] == [row["hosts_name"] for row in rows]
    finally:
        registry.unregister("Tour")


# --------------------------------------------------------------------------- explode


@given(st.lists(events(types=BUILT_IN), max_size=4))
def test_explode_gives_a_row_per_item(batch):
    """explode='participants': one row per participant; events without participants keep their one row."""
    wide = list(table.to_rows(batch))
    long = list(table.to_rows(batch, explode="participants"))
    expected = []
    for event, row in zip(batch, wide, strict=True):
        if isinstance(event, ne.PhoneCall):
            for actor in event.participants:
                parts = {
                    "name": actor.name,
                    "kind": actor.kind.value,
                    "title": actor.title,
                    "country": actor.country,
                }
                expected.append({**row, **{f"participants_{key}": value for key, value in parts.items()}})
        else:
            expected.append(row)
    assert expected == long
    arrow = table.to_arrow(batch, explode="participants")
    assert [{name: row.get(name) for name in arrow.column_names} for row in long] == arrow.to_pylist()


def test_explode_keeps_an_event_with_no_items():
    """An empty tuple gives its event one row with nulls in the exploded columns, as pandas' explode does."""
    strike = ne.Airstrike(targets=())
    struck = ne.Airstrike(targets=("depot", "airport"))
    rows = list(table.to_rows([strike, struck], explode="targets"))
    assert [None, "depot", "airport"] == [row["targets"] for row in rows]
    assert [strike.id, struck.id, struck.id] == [row["id"] for row in rows]
    arrow = table.to_arrow([strike, struck], explode="targets")
    assert [None, "depot", "airport"] == arrow.column("targets").to_pylist()


def test_exploded_columns_keep_their_item_type():
    """Exploded counts are int64 (joined they are text)."""
    inquiry = Inquiry(lead=PUTIN, tallies=(ne.Count(3), ne.Count(40, ne.CountQualifier.ABOUT)))
    assert pa.string() == table.to_arrow([inquiry]).schema.field("tallies").type
    exploded = table.to_arrow([inquiry], explode="tallies")
    assert pa.int64() == exploded.schema.field("tallies").type
    assert [3, 40] == exploded.column("tallies").to_pylist()
    assert ["exact", "about"] == exploded.column("tallies_qualifier").to_pylist()


def test_explode_must_name_a_tuple_field():
    """A name no type has as a tuple field is refused before any event is read."""
    with pytest.raises(EncodeError, match="explode='initiator'"):
        table.to_rows(iter(()), explode="initiator")
    with pytest.raises(EncodeError, match="explode='participants'"):
        table.write_csv([], io.StringIO(), types=["Airstrike"], explode="participants")


# --------------------------------------------------------------------------- registration


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            "participants: tuple[ne.Actor, ...] = ()\nparticipants_name: str = ''",
            "field 'participants_name' and field 'participants' both give the table column 'participants_name'",
        ),
        (
            "participants_name: str = ''\nparticipants: tuple[ne.Actor, ...] = ()",
            "field 'participants' and field 'participants_name' both give the table column 'participants_name'",
        ),
        (
            "date_precision: str = ''",
            "field 'date_precision' and field 'date' both give the table column 'date_precision'",
        ),
        ("rule: str = ''", "field 'rule' and field 'evidence' both give the table column 'rule'"),
        (
            "killed: ne.Count | None = None\nkilled_qualifier: str = ''",
            "field 'killed_qualifier' and field 'killed' both give the table column 'killed_qualifier'",
        ),
        ("type: str = ''", "field 'type' and the type name both give the table column 'type'"),
    ],
)
def test_column_collisions_are_refused_at_registration(fields, message):
    """Two fields that would give one column: RegistrationError naming both, and the type is not registered."""
    namespace: dict[str, Any] = {"ne": ne, "attrs": attrs}
    body = "".join(f"    {line}\n" for line in fields.split("\n"))
    source = f"@attrs.frozen(kw_only=True)\nclass Clash(ne.Event):\n{body}"
    exec(compile(source, "<clash>", "exec", dont_inherit=True), namespace)
    with pytest.raises(RegistrationError) as raised:
        ne.register(namespace["Clash"])
    assert message in str(raised.value)
    assert "Clash" not in registry.types()


def test_types_that_disagree_on_a_column_cannot_share_an_arrow_schema():
    """The same column as a number in one type and text in another: an EncodeError for Arrow, fine for CSV."""

    @attrs.frozen(kw_only=True)
    class Tally(ne.Event):
        killed: str = ""

    ne.register(Tally)
    try:
        with pytest.raises(EncodeError, match="column 'killed' holds int in Airstrike but str in Tally"):
            table.arrow_schema([ne.Airstrike, Tally])
        assert "killed" in table.column_names([ne.Airstrike, Tally])
    finally:
        registry.unregister("Tally")


# --------------------------------------------------------------------------- Arrow and pandas


def test_arrow_schema_follows_the_field_types():
    """Text is string, numbers int64, booleans bool, dates ISO strings; nullable where a value can be missing."""
    schema = table.arrow_schema([Inquiry])
    expected = {
        "id": (pa.string(), False),
        "type": (pa.string(), False),
        "date": (pa.string(), True),
        "evidence_start": (pa.int64(), True),
        "lead_name": (pa.string(), False),
        "lead_title": (pa.string(), True),
        "opened": (pa.string(), True),
        "opened_precision": (pa.string(), True),
        "public": (pa.bool_(), False),
        "witnesses_heard": (pa.int64(), True),
        "cost": (pa.int64(), True),
        "rounds": (pa.string(), True),
        "ballots": (pa.string(), True),
        "finding": (pa.string(), True),
        "report_end": (pa.int64(), True),
    }
    assert expected == {name: (schema.field(name).type, schema.field(name).nullable) for name in expected}
    calls = table.arrow_schema(["PhoneCall"])
    assert not calls.field("participants_name").nullable  # two or more participants, always
    assert table.arrow_schema(["PhoneCall", "Airstrike"]).field("participants_name").nullable


@given(st.lists(events(types=TYPES), max_size=6))
def test_arrow_holds_the_rows_in_order(batch):
    """to_arrow's rows are to_rows' rows, in the events' order, with nulls for other types' columns."""
    arrow = table.to_arrow(batch)
    names = arrow.column_names
    assert [{name: row.get(name) for name in names} for row in table.to_rows(batch)] == arrow.to_pylist()
    assert names[: len(COMMON)] == COMMON


def test_arrow_of_no_events_has_the_common_columns():
    """No events, no types: an empty table of the common columns."""
    assert COMMON == table.to_arrow([]).column_names
    assert 0 == table.to_arrow([], types=["PhoneCall"]).num_rows


def test_pandas_uses_nullable_dtypes():
    """A missing count is <NA> in an Int64 column, not a float."""
    frame = table.to_pandas([ne.Airstrike(killed=ne.Count(12)), ne.Airstrike()])
    assert "Int64" == str(frame["killed"].dtype)
    assert 12 == frame["killed"].iloc[0]
    assert frame["killed"].isna().iloc[1]
    assert "string" == str(frame["type"].dtype)


# --------------------------------------------------------------------------- writers


def test_csv_header_is_the_union_of_the_types():
    """The header lists every column of the given types (every registered type by default), common first."""
    stream = io.StringIO(newline="")
    assert 0 == table.write_csv([], stream, types=["PhoneCall", "Airstrike"])
    header = next(csv.reader(io.StringIO(stream.getvalue())))
    assert table.column_names(["PhoneCall"]) == header[:20]
    assert table.column_names(["Airstrike"])[11:] == header[20:]
    everything = io.StringIO(newline="")
    table.write_csv([], everything)
    header = next(csv.reader(io.StringIO(everything.getvalue())))
    for cls in registry.types().values():
        assert set(table.column_names([cls])) <= set(header)


def test_csv_streams_row_by_row():
    """The header is written before the first event is read, and each row before the next event is read."""
    stream = io.StringIO(newline="")
    batch = [call(), ne.Airstrike(targets=("depot",)), call(NETANYAHU, PUTIN, topics=("Iran",))]

    def feed():
        for index, event in enumerate(batch):
            assert index + 1 == stream.getvalue().count("\r\n"), "the header and the rows so far are written"
            yield event
        assert len(batch) + 1 == stream.getvalue().count("\r\n")

    assert 3 == table.write_csv(feed(), stream, types=BUILT_IN)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    expected = [
        {name: "" if value is None else str(value) for name, value in row.items()}
        for row in table.to_rows(batch)
    ]
    assert expected == [
        {name: value for name, value in row.items() if name in want}
        for row, want in zip(rows, expected, strict=True)
    ]
    assert "" == rows[1]["participants_name"]


def test_csv_writes_booleans_and_refuses_other_types():
    """Booleans are true/false; an event of a type outside the header is an EncodeError at its index."""
    stream = io.StringIO(newline="")
    table.write_csv([Inquiry(lead=PUTIN, public=False, ballots=(True, False))], stream, types=[Inquiry])
    (row,) = csv.DictReader(io.StringIO(stream.getvalue()))
    assert ("false", "true; false") == (row["public"], row["ballots"])
    with pytest.raises(
        EncodeError, match=r"Airstrike is not among the table's types \(Inquiry\) \(at \$\[1\]\)"
    ):
        table.write_csv([Inquiry(lead=PUTIN), ne.Airstrike()], io.StringIO(), types=[Inquiry])


@given(st.lists(events(types=BUILT_IN), max_size=8))
def test_parquet_round_trips_through_pandas(batch):
    """write_parquet in small row groups, read back by pandas: the same frame as to_pandas, one schema."""
    sink = io.BytesIO()
    assert len(batch) == table.write_parquet(batch, sink, types=BUILT_IN, row_group_size=3)
    sink.seek(0)
    assert -(-len(batch) // 3) == pq.ParquetFile(sink).metadata.num_row_groups
    sink.seek(0)
    read = pq.read_table(sink)
    assert table.arrow_schema(BUILT_IN) == read.schema.remove_metadata()
    expected = table.to_pandas(batch, types=BUILT_IN)
    back = read.to_pandas(types_mapper={pa.string(): _pd().StringDtype(), pa.int64(): _pd().Int64Dtype()}.get)
    _pd().testing.assert_frame_equal(expected, back)


def test_parquet_explodes_and_bounds_row_groups(tmp_path):
    """Exploded rows count towards the row group; the file holds every row."""
    path = tmp_path / "calls.parquet"
    batch = [call(NETANYAHU, PUTIN, NETANYAHU) for _ in range(5)]
    assert 15 == table.write_parquet(
        iter(batch), path, types=["PhoneCall"], explode="participants", row_group_size=4
    )
    metadata = pq.ParquetFile(path).metadata
    assert [6, 6, 3] == [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    with pytest.raises(ValueError, match="row_group_size"):
        table.write_parquet([], path, row_group_size=0)


def _pd() -> Any:
    import pandas

    return pandas


# --------------------------------------------------------------------------- the extra


def test_missing_extra_is_named():
    """Without pyarrow (or pandas), the Arrow functions say which extra to install; rows and CSV still work."""
    program = textwrap.dedent("""
        import io, sys
        sys.modules["pyarrow"] = None
        sys.modules["pandas"] = None
        import newsevents as ne
        from newsevents import table
        event = ne.Airstrike(targets=("depot",))
        assert [{"targets": "depot"}] == [{"targets": r["targets"]} for r in table.to_rows([event])]
        assert 1 == table.write_csv([event], io.StringIO())
        for verb in (table.to_arrow, table.to_pandas, lambda e: table.write_parquet(e, "x.parquet")):
            try:
                verb([event])
            except ImportError as error:
                print(error)
    """)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert 3 == len(lines)
    assert all("pip install 'newsevents[arrow]'" in line for line in lines)
    assert "to_arrow needs pyarrow" in lines[0]
    assert "write_parquet needs pyarrow" in lines[2]
