"""
Parse millions of articles on a Dask cluster (optional extra: ``pip install newsevents[dask]``).

The pipeline is three calls over a `dask.bag.Bag`::

    from newsevents import dask as nd

    records = nd.read_jsonl("s3://bucket/articles-*.jsonl")    # records, or errors
    events = nd.parse(records)                                # JSON-ready event dicts
    nd.write_jsonl(events, "s3://bucket/events-*.jsonl")      # one file per partition

Each record is parsed by `newsevents.batch.parse_record`, exactly as the command line
does it, so a cluster gives the same events as one process. Bad records do not stop the
job: `failures` collects their messages. Event types from installed plugins are loaded
by each worker on first use (the ``newsevents.event_types`` entry points).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsevents.batch import Record, parse_record, read_record
from newsevents.errors import DecodeError

#: A `dask.bag.Bag`. Dask ships no type information, so to mypy it is Any.
Bag = Any

__all__ = ["failures", "parse", "read_jsonl", "write_jsonl", "write_newsml"]


def _dask() -> Any:
    try:
        import dask  # noqa: PLC0415 (optional dependency)
        import dask.bag  # noqa: PLC0415
    except ImportError:
        raise ImportError("newsevents.dask needs Dask: pip install 'newsevents[dask]'") from None
    return dask


def _records(lines: Iterable[tuple[str, str]]) -> Iterator[Record | DecodeError]:
    for line, path in lines:
        if line.strip():
            try:
                yield read_record(line, where=path)
            except DecodeError as error:
                yield error


def read_jsonl(paths: str | list[str], *, blocksize: int | str | None = None) -> Bag:
    """
    Read JSON Lines files of ``{"id", "text", "published"}`` records into a bag.

    Args:
        paths: A path, a glob or a list of them, local or remote (anything `dask.bag.read_text` reads).
        blocksize: Split large files into blocks of this size; None keeps one partition per file.

    Returns:
        A bag of `newsevents.batch.Record`, with a `DecodeError` in place of each bad line.
    """
    lines = _dask().bag.read_text(paths, blocksize=blocksize, include_path=True)
    return lines.map_partitions(lambda part: list(_records(part)))


def _parse_partition(items: Iterable[Record | DecodeError]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Record):
            found.extend(parse_record(item))
    return found


def parse(records: Bag) -> Bag:
    """
    Parse every record of a bag; return a bag of JSON-ready event dicts (``source`` = record id).

    Records that failed to read are skipped here; see `failures`.
    """
    return records.map_partitions(_parse_partition)


def failures(records: Bag) -> Bag:
    """The messages of the records that could not be read, each naming its file and id."""
    return records.filter(lambda item: isinstance(item, DecodeError)).map(str)


def _dump(item: dict[str, Any]) -> str:
    import orjson  # noqa: PLC0415

    return orjson.dumps(item).decode()


def write_jsonl(events: Bag, paths: str | list[str], **options: Any) -> list[str]:
    """
    Write a bag of event dicts as JSON Lines, one file per partition.

    Args:
        events: The output of `parse`.
        paths: A pattern with ``*`` (``"out/events-*.jsonl"``) or one path per partition.
        options: Passed to `dask.bag.Bag.to_textfiles` (``compression``, ``storage_options``).

    Returns:
        The paths written.
    """
    written: list[str] = events.map(_dump).to_textfiles(paths, **options)
    return written


def _newsml_partition(items: Iterable[dict[str, Any]], directory: str, index: int) -> str | None:
    from pathlib import Path  # noqa: PLC0415

    from newsevents.json import from_dict  # noqa: PLC0415
    from newsevents.newsml import to_newsml  # noqa: PLC0415

    events = [from_dict(item) for item in items]
    if not events:
        return None
    path = Path(directory) / f"events-{index:05d}.xml"
    path.write_bytes(to_newsml(events))
    return str(path)


def write_newsml(events: Bag, directory: str) -> list[str]:
    """
    Write a bag of event dicts as NewsML-G2, one ``newsMessage`` file per partition.

    Args:
        events: The output of `parse`.
        directory: A local or shared folder every worker can write to.

    Returns:
        The paths written, ``events-00000.xml`` and so on; a partition with no events writes no file.
    """
    dask = _dask()
    parts = events.to_delayed()
    writes = [dask.delayed(_newsml_partition)(part, directory, index) for index, part in enumerate(parts)]
    return [path for path in dask.compute(*writes) if path is not None]
