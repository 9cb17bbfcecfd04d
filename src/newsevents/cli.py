"""
The ``newsevents`` command line (also ``python -m newsevents``).

Commands: ``parse`` (articles to events), ``convert`` (JSON <-> NewsML-G2),
``validate`` (NewsML-G2 against the official schema, JSON against the event model),
``schema`` (print the JSON Schema) and ``types`` (the registered event types and their codes).

Every command that reads many inputs is a batch, and every batch behaves alike: a bad
input (a file, a JSON Lines record, an element of a JSON array) is reported in one line
with its file, line and id, the good ones are written in input order, a summary line
counts what came in, what went out and what failed, and the exit code is 1 when anything
failed. Whatever the number of inputs, the output is one valid document of its format.

Exit codes: 0 ok, 1 invalid input, failed records or an output error, 2 usage error.
Bad input is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import attrs
import orjson

from newsevents import __version__, registry
from newsevents._text import quote
from newsevents.batch import Record, parse_record_report, read_records
from newsevents.errors import DecodeError, NewsEventsError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from newsevents.model import Event

__all__ = ["main"]

OK, INVALID, USAGE = 0, 1, 2
#: How many records a batch hands to worker processes at a time (bounds memory, keeps order).
WINDOW = 256
#: The default of ``parse --max-chars``: longer articles are refused (10 MiB of text).
MAX_CHARS = 10 * 1024 * 1024


class _Usage(Exception):  # noqa: N818 (internal signal, never escapes main)
    """A usage error: exit code 2."""


class _OutputError(Exception):
    """The output cannot be written (a full disk, a closed stdout)."""


class _ReaderGone(Exception):  # noqa: N818 (internal signal, never escapes main)
    """The reader of a pipe stopped reading (``newsevents parse ... | head``): stop quietly."""


@attrs.define
class _Tally:
    """What a batch did, for its summary line."""

    unit: str
    seen: int = 0
    produced: int = 0
    failed: int = 0
    recogniser_failures: int = 0
    written: int = 0

    def line(self, produced: str = "events out") -> str:
        unit = self.unit if self.seen == 1 else self.unit + "s"
        text = f"{self.seen:,} {unit} in, {self.produced:,} {produced}, {self.failed:,} failed"
        if self.recogniser_failures:
            text += f", {self.recogniser_failures:,} recogniser failures (see the warnings)"
        return text


# --------------------------------------------------------------------------- input


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise DecodeError(f"{name}: is a directory")
    try:
        return path.read_bytes()
    except OSError as error:
        raise DecodeError(f"{name}: {error.strerror or error}") from None


def _utf8(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(f"{name}: not UTF-8 (byte {error.start})") from None


_XML_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _looks_like_xml(data: bytes) -> bool:
    """Whether a document is XML: its first character is ``<`` in UTF-8 or UTF-16, with or without a BOM."""
    head = data[:4096]
    for bom in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", *_XML_BOMS):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    stripped = head.replace(b"\x00", b"").lstrip()
    return stripped[:1] == b"<"


def _name_of(name: str) -> str:
    return "stdin" if name == "-" else name


def _text_records(args: argparse.Namespace) -> Iterator[Record | DecodeError]:
    for name in args.files:
        try:
            text = _utf8(_name_of(name), _read(name))
        except DecodeError as error:
            yield error
            continue
        yield Record("stdin" if name == "-" else Path(name).stem, text, args.published, where=_name_of(name))


def _jsonl_records(args: argparse.Namespace) -> Iterator[Record | DecodeError]:
    for name in args.files:
        try:
            data = _read(name)
        except DecodeError as error:
            yield error
            continue
        yield from read_records(data, name=_name_of(name))


# --------------------------------------------------------------------------- output


class _Out:
    """The output stream: every write error becomes one `_OutputError`."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise _ReaderGone from None
        except OSError as error:
            raise _OutputError(error.strerror or str(error)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise _ReaderGone from None
        except OSError as error:
            raise _OutputError(error.strerror or str(error)) from None


def _write(
    fmt: str,
    items: Iterable[dict[str, Any]],
    out: _Out,
    *,
    article: Any = None,
    created: datetime.datetime | None = None,
    types: Sequence[str] | None = None,
    output: str | None = None,
) -> str | None:
    """
    Write one output document of the items (event dicts) as they arrive, whatever their number.

    JSON Lines, the JSON array, CSV and Parquet stream (Parquet a row group at a time); a
    NewsML-G2 message and a ninjs document are written once every item has arrived.
    Returns a note when the format cannot hold what came (an empty NewsML-G2 message).
    """
    if fmt == "jsonl":
        for item in items:
            out.write(orjson.dumps(item) + b"\n")
    elif fmt == "json":
        count = 0
        for item in items:
            out.write((b"[\n" if count == 0 else b",\n") + orjson.dumps(item, option=orjson.OPT_INDENT_2))
            count += 1
        out.write(b"[]\n" if count == 0 else b"\n]\n")
    elif fmt in ("csv", "parquet"):
        from newsevents import table  # noqa: PLC0415 (keep start-up light)
        from newsevents.json import from_dict  # noqa: PLC0415

        streamed = (from_dict(item) for item in items)
        if fmt == "csv":
            table.write_csv(streamed, cast("IO[str]", _TextOut(out)), types=types)
        else:
            assert output is not None
            table.write_parquet(streamed, output, types=types)
    else:
        from newsevents.json import from_dict  # noqa: PLC0415 (keep start-up light)

        events = [from_dict(item) for item in items]
        if fmt == "newsml":
            from newsevents.newsml import to_newsml  # noqa: PLC0415

            if not events and article is None:
                out.flush()
                return "no events: a NewsML-G2 message cannot be empty, so nothing was written"
            xml = to_newsml(events, article=article, version_created=created)
            out.write(xml if xml.endswith(b"\n") else xml + b"\n")
        else:
            from newsevents.ninjs import to_ninjs  # noqa: PLC0415

            document = to_ninjs(events, article=article) if article is not None else to_ninjs(events)
            out.write(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    out.flush()
    return None


class _TextOut:
    """Text written to `_Out` as UTF-8 (what the `csv` module writes to)."""

    def __init__(self, out: _Out) -> None:
        self.out = out

    def write(self, text: str) -> int:
        self.out.write(text.encode("utf-8"))
        return len(text)


def _output(args: argparse.Namespace) -> _Out:
    """Where the document goes: ``--output FILE``, else stdout (Parquet needs a file)."""
    name = getattr(args, "output", None)
    if getattr(args, "to", None) == "parquet":
        if name is None:
            raise _Usage(
                "--to parquet needs --output FILE: Parquet cannot be streamed to a terminal or a pipe"
            )
        return _Out(io.BytesIO())  # the Parquet writer writes the file itself
    if name is None:
        if sys.stdout is None:
            raise _OutputError("standard output is closed: nothing can be written")
        return _Out(sys.stdout.buffer)
    try:
        return _Out(open(name, "wb"))  # closed by main
    except OSError as error:
        raise _OutputError(f"{name}: {error.strerror or error}") from None


def _created(args: argparse.Namespace) -> datetime.datetime | None:
    """The NewsML-G2 timestamp: --created, else SOURCE_DATE_EPOCH (reproducible builds), else now."""
    if getattr(args, "created", None) is not None:
        created: datetime.datetime = args.created
        return created
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    except (ValueError, OverflowError, OSError):
        raise _Usage(f"SOURCE_DATE_EPOCH must be seconds since 1970, got {epoch[:40]!r}") from None


def _timestamp(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {value!r}") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _progress(items: Iterable[Any], total: int | None, unit: str) -> Iterable[Any]:
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415 (terminals only)
    except ImportError:
        return items
    return tqdm(items, total=total, unit=unit, file=sys.stderr)  # type: ignore[no-any-return]


def _say(message: str) -> None:
    print(f"newsevents: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- parse

#: What one record gives: its event dicts and its recognisers' failures, or an error message.
_Result = tuple[list[dict[str, Any]], list[str]] | str


def _parse_one(item: Record | DecodeError, max_chars: int | None) -> _Result:
    """Parse one record, in this or a worker process; a bad record gives its error message."""
    if isinstance(item, DecodeError):
        return str(item)
    try:
        return parse_record_report(item, max_chars=max_chars)
    except NewsEventsError as error:
        where = f"{item.where} (id {quote(item.id)})" if item.where else quote(item.id)
        return f"{where}: {error}"


def _windows(items: Iterable[Any]) -> Iterator[list[Any]]:
    window: list[Any] = []
    for item in items:
        window.append(item)
        if len(window) == WINDOW:
            yield window
            window = []
    if window:
        yield window


def _in_order(
    pool: ProcessPoolExecutor, items: Iterable[Record | DecodeError], jobs: int, max_chars: int | None
) -> Iterator[_Result]:
    """Parse in worker processes, in input order, with two windows in flight so workers never wait."""
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415 (start-up: only batches need it)

    chunk = max(1, WINDOW // (4 * jobs))  # fewer round trips to the workers
    pending: deque[Iterator[_Result]] = deque()
    try:
        for window in _windows(items):
            pending.append(pool.map(_parse_one, window, [max_chars] * len(window), chunksize=chunk))
            if len(pending) > 1:
                yield from pending.popleft()
        while pending:
            yield from pending.popleft()
    except BrokenProcessPool:
        raise _OutputError("a worker process died (killed, or out of memory); the batch stopped") from None


def _run_parse(args: argparse.Namespace, out: _Out, tally: _Tally) -> int:
    text_input = args.source == "text"
    tally.unit = "file" if text_input else "record"
    items = list((_text_records if text_input else _jsonl_records)(args))
    article = None
    if args.to in ("newsml", "ninjs") and text_input and len(items) == 1 and isinstance(items[0], Record):
        from newsevents.parsing import Article  # noqa: PLC0415 (keep start-up light)

        record = items[0]
        # One article travels with its events (the article form); several cannot share one item.
        article = Article(record.text, published=record.published, source=record.id)
    max_chars = args.max_chars or None
    pool: ProcessPoolExecutor | None = None
    if args.jobs > 1 and len(items) > 1:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 (start-up: only batches need it)

        pool = ProcessPoolExecutor(max_workers=args.jobs)
    results: Iterable[_Result] = (
        _in_order(pool, items, args.jobs, max_chars)
        if pool is not None
        else (_parse_one(item, max_chars) for item in items)
    )

    def events() -> Iterator[dict[str, Any]]:
        for result in _progress(results, len(items), tally.unit):
            tally.seen += 1
            if isinstance(result, str):
                tally.failed += 1
                _say(result)
                continue
            found, failures = result
            for failure in failures:
                _say(failure)
            tally.recogniser_failures += len(failures)
            tally.produced += len(found)
            for item in found:
                yield item
                tally.written += 1

    try:
        note = _write(
            args.to, events(), out, article=article, created=_created(args),
            types=args.types, output=args.output,
        )  # fmt: skip
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if note:
        _say(note)
    _say(tally.line())
    return INVALID if tally.failed or tally.recogniser_failures else OK


# --------------------------------------------------------------------------- convert, validate


def _json_records(name: str, data: bytes) -> Iterator[tuple[str, Event | DecodeError]]:
    """
    Every event of a JSON document (an event or an array of them) or of JSON Lines, each
    with where it came from; a bad one gives its error instead, and the others are still read.
    """
    from newsevents.json import from_dict, from_json  # noqa: PLC0415 (keep start-up light)

    text = _utf8(name, data).removeprefix("\ufeff")
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as whole:
        lines = text.splitlines()
        first = next((line for line in lines if line.strip()), "")
        if not _is_json_object(first) or sum(1 for line in lines if line.strip()) < 2:
            # not JSON Lines: one broken document, reported where orjson stopped
            raise DecodeError(f"{name}: not JSON: {whole.msg}", line=whole.lineno) from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                found = from_json(line)
            except NewsEventsError as error:
                yield where, DecodeError(f"{name}: {error.message}", path=error.path, line=number)
                continue
            if isinstance(found, list):
                yield (
                    where,
                    DecodeError(f"{name}: a JSON Lines record is one event, not an array", line=number),
                )
            else:
                yield where, found
        return
    if isinstance(document, list):
        for index, item in enumerate(document):
            try:
                yield f"{name} $[{index}]", from_dict(item)
            except NewsEventsError as error:
                yield (
                    f"{name} $[{index}]",
                    DecodeError(f"{name}: {error.message}", path=error.at(f"$[{index}]").path),
                )
        return
    try:
        yield name, from_dict(document)
    except NewsEventsError as error:
        yield name, DecodeError(f"{name}: {error.message}", path=error.path)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


def _events_of(name: str, data: bytes, source: str = "auto") -> Iterator[tuple[str, Event | DecodeError]]:
    if source == "ninjs":
        yield from _ninjs_records(name, data)
        return
    if source == "newsml" or (source == "auto" and _looks_like_xml(data)):
        from newsevents.newsml import from_newsml  # noqa: PLC0415 (keep start-up light)

        try:
            events = from_newsml(data)
        except NewsEventsError as error:
            yield name, DecodeError(f"{name}: {error.message}", path=error.path, line=error.line)
            return
        for index, event in enumerate(events):
            yield f"{name} item {index + 1}", event
        return
    yield from _json_records(name, data)


def _ninjs_records(name: str, data: bytes) -> Iterator[tuple[str, Event | DecodeError]]:
    """The events of a ninjs document (one item, or a list of them); a bad document is one error."""
    from newsevents.ninjs import from_ninjs  # noqa: PLC0415 (keep start-up light)

    try:
        events = from_ninjs(_utf8(name, data).removeprefix("\ufeff"))
    except NewsEventsError as error:
        yield name, DecodeError(f"{name}: {error.message}", path=error.path, line=error.line)
        return
    for index, event in enumerate(events):
        yield f"{name} item {index + 1}", event


def _each_input(files: Sequence[str], tally: _Tally) -> Iterator[tuple[str, bytes]]:
    for name in files:
        try:
            yield _name_of(name), _read(name)
        except DecodeError as error:
            tally.seen += 1
            tally.failed += 1
            _say(str(error))


def _run_convert(args: argparse.Namespace, out: _Out, tally: _Tally) -> int:
    from newsevents.json import to_dict  # noqa: PLC0415 (keep start-up light)

    tally.unit = "record"

    def events() -> Iterator[dict[str, Any]]:
        for name, data in _each_input(args.files, tally):
            try:
                for _where, event in _events_of(name, data, args.source):
                    tally.seen += 1
                    if isinstance(event, DecodeError):
                        tally.failed += 1
                        _say(str(event))
                        continue
                    tally.produced += 1
                    yield to_dict(event)
                    tally.written += 1
            except DecodeError as error:
                tally.seen += 1
                tally.failed += 1
                _say(str(error))

    note = _write(args.to, events(), out, created=_created(args), types=args.types, output=args.output)
    if note:
        _say(note)
    _say(tally.line("events out"))
    return INVALID if tally.failed else OK


def _run_validate(args: argparse.Namespace, out: _Out, tally: _Tally) -> int:
    tally.unit = "file"
    for name, data in _each_input(args.files, tally):
        tally.seen += 1
        bad = 0
        try:
            if args.source == "ninjs":
                bad += _validate_ninjs(name, data)
            elif args.source == "newsml" or (args.source == "auto" and _looks_like_xml(data)):
                from newsevents.newsml import validate  # noqa: PLC0415 (keep start-up light)

                validate(data)
            else:
                for _where, event in _json_records(name, data):
                    if isinstance(event, DecodeError):
                        bad += 1
                        _say(str(event))
        except NewsEventsError as error:
            bad += 1
            message = str(error)
            _say(message if message.startswith(name) else f"{name}: {message}")
        if bad:
            tally.failed += 1
        else:
            tally.produced += 1
            out.write(f"{name}: valid\n".encode())
    out.flush()
    _say(tally.line("valid"))
    return INVALID if tally.failed else OK


def _validate_ninjs(name: str, data: bytes) -> int:
    """Check a ninjs document against the official schema and read its events; the errors found."""
    from newsevents.ninjs import validate  # noqa: PLC0415 (keep start-up light)

    document = orjson.loads(_utf8(name, data).removeprefix("\ufeff")) if data.strip() else None
    validate(document)
    bad = 0
    for _where, event in _ninjs_records(name, data):
        if isinstance(event, DecodeError):
            bad += 1
            _say(str(event))
    return bad


# --------------------------------------------------------------------------- schema, types


def _run_schema(args: argparse.Namespace, out: _Out, tally: _Tally) -> int:
    from newsevents.json import json_schema  # noqa: PLC0415

    out.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    out.flush()
    return OK


def _run_types(args: argparse.Namespace, out: _Out, tally: _Tally) -> int:
    import newsevents.events  # noqa: F401, PLC0415 (registers the built-in types)
    from newsevents.parsing import recognisers  # noqa: PLC0415

    found = recognisers()
    rows: list[dict[str, Any]] = []
    for name, cls in sorted(registry.types().items()):
        codes = cls.codes
        rows.append(
            {
                "type": name,
                "label": codes.label,
                "definition": codes.definition,
                "ace": codes.ace,
                "cameo": codes.cameo,
                "plover": codes.plover,
                "acled": codes.acled,
                "media_topics": list(codes.media_topics),
                "recognisers": len(found.get(name, ())),
            }
        )
    if args.json:
        out.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        out.flush()
        return OK
    for row in rows:
        out.write(f"{row['type']} ({row['label']}): {row['definition']}\n".encode())
        for key in ("ace", "cameo", "plover", "acled"):
            out.write(f"  {key.upper():<7} {row[key] or '-'}\n".encode())
        out.write(f"  IPTC    {' '.join(row['media_topics']) or '-'}\n".encode())
        found_by = (
            f"{row['recognisers']} recogniser(s)" if row["recognisers"] else "none (read from documents only)"
        )
        out.write(f"  parse   {found_by}\n".encode())
    out.flush()
    return OK


# --------------------------------------------------------------------------- the parser


#: Output formats of parse and convert.
_FORMATS = ("jsonl", "json", "newsml", "ninjs", "csv", "parquet")


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    command.add_argument(
        "--types",
        type=lambda value: [part for part in value.split(",") if part],
        metavar="T1,T2",
        help="csv and parquet: the columns of these types (default: every registered type)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="Typed news events: parse articles, convert between JSON and NewsML-G2, validate.",
    )
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="extract events from articles",
        description=(
            "Extract events from articles: text files (a leading 'date YYYY-MM-DD' line gives the "
            "publication date unless --published is given; each event's source is the file's stem) "
            'or JSON Lines of {"id", "text", "published"} records (--from jsonl).'
        ),
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="article files, or - for stdin")
    parse.add_argument("--published", type=_date, help="publication date of text files, YYYY-MM-DD")
    parse.add_argument(
        "--to",
        choices=_FORMATS,
        default="jsonl",
        help="output format (csv and parquet are tables, one row per event; parquet needs --output)",
    )
    parse.add_argument(
        "--from",
        dest="source",
        choices=("text", "jsonl"),
        default="text",
        help='input format: text files, or JSON Lines of {"id", "text", "published"}',
    )
    parse.add_argument("--jobs", type=int, default=1, help="worker processes (input order is kept)")
    parse.add_argument(
        "--max-chars",
        type=int,
        default=MAX_CHARS,
        metavar="N",
        help=f"refuse articles longer than N characters (default {MAX_CHARS:,}; 0: no limit)",
    )
    parse.add_argument(
        "--created", type=_timestamp, help="NewsML-G2 timestamp (default SOURCE_DATE_EPOCH, else now)"
    )
    _output_options(parse)
    parse.set_defaults(run=_run_parse)

    convert = commands.add_parser(
        "convert",
        help="convert events between JSON and NewsML-G2",
        description=(
            "Convert events: input is JSON (an event, an array of events, or JSON Lines) or NewsML-G2 "
            "(detected by its first character, UTF-8 or UTF-16); several inputs make one output document. "
            "A bad record is reported and skipped; the rest are written."
        ),
    )
    convert.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="input files (default: stdin)"
    )
    convert.add_argument("--to", choices=_FORMATS, required=True, help="output format")
    convert.add_argument(
        "--from",
        dest="source",
        choices=("auto", "json", "newsml", "ninjs"),
        default="auto",
        help="input format (auto: NewsML-G2 when it starts with '<', else JSON; ninjs must be named)",
    )
    convert.add_argument(
        "--created", type=_timestamp, help="NewsML-G2 timestamp (default SOURCE_DATE_EPOCH, else now)"
    )
    _output_options(convert)
    convert.set_defaults(run=_run_convert)

    validate = commands.add_parser(
        "validate",
        help="validate NewsML-G2 against the official schema, JSON against the JSON Schema",
        description=(
            "Check documents: NewsML-G2 against the official NewsML-G2 2.35 schema, JSON (an event, an "
            "array, or JSON Lines) against the event model. Every invalid record is reported."
        ),
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument(
        "--from",
        dest="source",
        choices=("auto", "json", "newsml", "ninjs"),
        default="auto",
        help="input format (auto: NewsML-G2 when it starts with '<', else JSON; ninjs must be named)",
    )
    validate.set_defaults(run=_run_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the event format",
        description="Print the JSON Schema (draft 2020-12) of every registered event type.",
    )
    schema.set_defaults(run=_run_schema)

    types = commands.add_parser(
        "types",
        help="list the registered event types and their codes",
        description="List the registered event types with their ACE, CAMEO, PLOVER, ACLED and IPTC codes.",
    )
    types.add_argument("--json", action="store_true", help="print JSON")
    types.set_defaults(run=_run_types)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; None reads `sys.argv`.

    Returns:
        The exit code: 0 ok, 1 invalid input, failed records or an output error, 2 usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if getattr(args, "jobs", 1) < 1:
        _say("--jobs must be at least 1")
        return USAGE
    if getattr(args, "max_chars", 0) < 0:
        _say("--max-chars must be at least 0")
        return USAGE
    tally = _Tally("record")
    run: Callable[[argparse.Namespace, _Out, _Tally], int] = args.run
    out: _Out | None = None
    try:
        out = _output(args)
        return run(args, out, tally)
    except _Usage as error:
        _say(str(error))
        return USAGE
    except _ReaderGone:
        _silence_stdout()
        return OK
    except _OutputError as error:
        _silence_stdout()
        _say(f"cannot write the output: {error}")
        if args.command in ("parse", "convert", "validate"):
            _say(f"{tally.line()} ({tally.written:,} written before the error)")
        return INVALID
    except NewsEventsError as error:
        _say(str(error))
        return INVALID
    except KeyboardInterrupt:
        return 130
    finally:
        if out is not None and getattr(args, "output", None) is not None and args.to != "parquet":
            out.stream.close()


def _silence_stdout() -> None:
    """After a write error, point stdout at /dev/null so that the exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
