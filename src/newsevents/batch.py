"""
Batches of articles as JSON Lines: one record per line, ``{"id": ..., "text": ..., "published": ...}``.

The command line (``newsevents parse --from jsonl``), its ``--jobs`` worker processes and
`newsevents.dask` all read records and parse them through these functions, so every
path gives the same events and reports the same failures.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import attrs
import orjson

from newsevents._text import quote
from newsevents.errors import DecodeError

__all__ = ["Record", "parse_record", "parse_record_report", "read_record", "read_records"]


@attrs.frozen
class Record:
    """
    One article of a batch.

    Args:
        id: The article's identifier; every event found carries it as ``source``.
        text: The article text.
        published: The publication date, or None (then a leading date line gives it).
    """

    id: str
    text: str
    published: datetime.date | None = None
    #: Where the record was read (``"batch.jsonl:7"``), for error messages; not part of its value.
    where: str = attrs.field(default="", eq=False, kw_only=True)


def read_record(line: bytes | str, *, where: str = "") -> Record:
    """
    Read one JSON Lines record.

    Args:
        line: The line, without its newline.
        where: A prefix for error messages (``"batch.jsonl:7"``).

    Raises:
        DecodeError: When the line is not a JSON object with a string ``id`` and ``text``
            and an optional ``published`` date (YYYY-MM-DD or null). The message names the id.
    """
    prefix = f"{where}: " if where else ""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise DecodeError(f"{prefix}not JSON: {error.msg}") from None
    if type(data) is not dict:
        raise DecodeError(f"{prefix}expected an object with 'id' and 'text'")
    source, text, published = data.get("id"), data.get("text"), data.get("published")
    label = f"{where} (id {quote(source)}): " if where else f"id {quote(source)}: "
    if type(source) is not str or not source:
        raise DecodeError(f"{prefix}missing or non-string 'id'", path="$.id")
    if type(text) is not str:
        raise DecodeError(f"{label}missing or non-string 'text'", path="$.text")
    if published is None:
        return Record(source, text, where=where)
    if type(published) is not str:
        raise DecodeError(f"{label}'published' must be a YYYY-MM-DD string or null", path="$.published")
    try:
        day = datetime.date.fromisoformat(published)
    except ValueError:
        raise DecodeError(f"{label}invalid 'published' date {quote(published)}", path="$.published") from None
    return Record(source, text, day, where=where)


def read_records(data: bytes, *, name: str) -> Iterator[Record | DecodeError]:
    """
    Read every record of a JSON Lines document; a bad line yields its `DecodeError` instead.

    Blank lines are skipped. Errors name ``name:line`` and the record's id where it has one,
    so a batch can report them and go on.
    """
    for number, raw in enumerate(data.splitlines(), 1):
        if raw.strip():
            try:
                yield read_record(raw, where=f"{name}:{number}")
            except DecodeError as error:
                yield error


def parse_record(record: Record) -> list[dict[str, Any]]:
    """
    Parse one record's text and return its events as JSON-ready dicts, ``source`` set to its id.

    Dicts, not events, so results cross process and network boundaries cheaply and in
    the exact form the JSON Lines output takes.
    """
    from newsevents.json import to_dict  # noqa: PLC0415 (workers import lazily)
    from newsevents.parsing import parse  # noqa: PLC0415

    return [to_dict(event) for event in parse(record.text, published=record.published, source=record.id)]


def parse_record_report(
    record: Record, *, max_chars: int | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """
    Parse one record like `parse_record`, and also say which recognisers failed on it.

    Args:
        record: The record.
        max_chars: Refuse a text longer than this many characters (None: no limit).

    Returns:
        The events as JSON-ready dicts, and one message per recogniser failure
        (``"<id>: recogniser <name> failed on characters <start>-<end>: <error>"``).

    Raises:
        LimitError: When the text is longer than ``max_chars``.
    """
    from newsevents.json import to_dict  # noqa: PLC0415 (workers import lazily)
    from newsevents.parsing import parse_report  # noqa: PLC0415

    report = parse_report(record.text, published=record.published, source=record.id, max_chars=max_chars)
    failures = [
        f"{record.id}: recogniser {f.recogniser} for {f.type} failed on characters {f.start}-{f.end}: "
        + f.error
        for f in report.failures
    ]
    return [to_dict(event) for event in report.events], failures
