"""
The ``newsevents`` command line (also ``python -m newsevents``).

Commands: ``parse`` (articles to events), ``convert`` (JSON <-> NewsML-G2),
``validate`` (NewsML-G2 against the official schema, JSON against the JSON Schema),
``schema`` (print the JSON Schema) and ``types`` (the registered event types and their codes).

Exit codes: 0 ok, 1 invalid input or some records failed, 2 usage error. Bad input
is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from newsevents import __version__, registry
from newsevents.batch import Record, parse_record, read_records
from newsevents.errors import DecodeError, NewsEventsError
from newsevents.model import Event

if TYPE_CHECKING:
    from newsevents.parsing import Article

__all__ = ["main"]

OK, INVALID, USAGE = 0, 1, 2
#: How many records a batch hands to worker processes at a time (bounds memory, keeps order).
WINDOW = 256


class _Usage(Exception):  # noqa: N818 (internal signal, never escapes main)
    """A usage error: exit code 2."""


# --------------------------------------------------------------------------- input and output


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise DecodeError(f"cannot read {name}: {error.strerror}") from None


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(f"{name} is not UTF-8 (byte {error.start})") from None


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _write_events(events: list[Event], fmt: str, out: IO[bytes], *, article: Any = None) -> None:
    from newsevents.json import to_dict  # noqa: PLC0415 (keep start-up light)

    if fmt == "jsonl":
        for event in events:
            out.write(orjson.dumps(to_dict(event)) + b"\n")
    elif fmt == "json":
        out.write(orjson.dumps([to_dict(e) for e in events], option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from newsevents.newsml import to_newsml  # noqa: PLC0415

        out.write(to_newsml(events, article=article))


# --------------------------------------------------------------------------- parse


def _parse_one(item: Record | DecodeError) -> list[dict[str, Any]] | DecodeError:
    """Parse one record in this or a worker process; a bad record passes its error through."""
    return item if isinstance(item, DecodeError) else parse_record(item)


def _progress(items: Iterable[Any], total: int | None) -> Iterable[Any]:
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415 (terminals only)
    except ImportError:
        return items
    return tqdm(items, total=total, unit="article", file=sys.stderr)  # type: ignore[no-any-return]


def _windows(records: Iterable[Any]) -> Iterator[list[Any]]:
    window: list[Any] = []
    for record in records:
        window.append(record)
        if len(window) == WINDOW:
            yield window
            window = []
    if window:
        yield window


def _parse_texts(args: argparse.Namespace, out: IO[bytes], failures: list[str]) -> tuple[int, int]:
    from newsevents.parsing import Article, parse  # noqa: PLC0415

    seen = produced = 0
    events: list[Event] = []
    article: Article | None = None
    for name in args.files:
        try:
            text = _text(name, _read(name))
        except DecodeError as error:
            failures.append(str(error))
            continue
        seen += 1
        source = "stdin" if name == "-" else Path(name).stem
        found = parse(text, published=args.published, source=source)
        produced += len(found)
        if args.to == "newsml":
            events.extend(found)
            # One article travels with its events (the article form); several cannot share one item.
            article = Article(text, published=args.published, source=source) if len(args.files) == 1 else None
        else:
            _write_events(found, args.to, out)
    if args.to == "newsml" and (events or article is not None):
        _write_events(events, "newsml", out, article=article)
    return seen, produced


def _in_order(
    pool: ProcessPoolExecutor, items: list[Record | DecodeError], jobs: int
) -> Iterator[list[dict[str, Any]] | DecodeError]:
    """Parse in worker processes, in input order, with two windows in flight so workers never wait."""
    chunk = max(1, WINDOW // (4 * jobs))  # fewer round trips to the workers
    pending: deque[Iterator[list[dict[str, Any]] | DecodeError]] = deque()
    for window in _windows(items):
        pending.append(pool.map(_parse_one, window, chunksize=chunk))  # submits the window now
        if len(pending) > 1:
            yield from pending.popleft()
    while pending:
        yield from pending.popleft()


def _parse_batch(args: argparse.Namespace, out: IO[bytes], failures: list[str]) -> tuple[int, int]:
    items: list[Record | DecodeError] = []
    for name in args.files:
        try:
            data = _read(name)
        except DecodeError as error:
            failures.append(str(error))
            continue
        items.extend(read_records(data, name="stdin" if name == "-" else name))
    produced = 0
    pool = ProcessPoolExecutor(max_workers=args.jobs) if args.jobs > 1 else None
    results: Iterable[list[dict[str, Any]] | DecodeError]
    results = _in_order(pool, items, args.jobs) if pool is not None else map(_parse_one, items)
    collected: list[dict[str, Any]] = []
    try:
        for result in _progress(results, len(items)):
            if isinstance(result, DecodeError):
                failures.append(str(result))
                continue
            produced += len(result)
            if args.to == "json":
                collected.extend(result)
            else:
                out.writelines(orjson.dumps(item) + b"\n" for item in result)
    finally:
        if pool is not None:
            pool.shutdown()
    if args.to == "json":
        out.write(orjson.dumps(collected, option=orjson.OPT_INDENT_2) + b"\n")
    return len(items), produced


def _run_parse(args: argparse.Namespace, out: IO[bytes]) -> int:
    if args.to == "newsml" and args.source == "jsonl":
        raise _Usage("--to newsml takes text files; write JSON Lines and convert them")
    failures: list[str] = []
    batch = args.source == "jsonl"
    seen, produced = (_parse_batch if batch else _parse_texts)(args, out, failures)
    for failure in failures:
        print(f"newsevents: {failure}", file=sys.stderr)
    if batch or failures:
        print(f"newsevents: {seen} in, {produced} events out, {len(failures)} failed", file=sys.stderr)
    return INVALID if failures else OK


# --------------------------------------------------------------------------- convert, validate, schema, types


def _looks_like_xml(data: bytes) -> bool:
    return data.lstrip()[:1] == b"<"


def _load_json_events(data: bytes) -> list[Event]:
    """Read a JSON event, a JSON array of events, or JSON Lines of events."""
    from newsevents.json import from_json  # noqa: PLC0415

    try:
        loaded = orjson.loads(data)
    except orjson.JSONDecodeError:
        loaded = None  # perhaps JSON Lines
    else:
        found = from_json(data)
        return found if isinstance(found, list) else [found]
    events: list[Event] = []
    for number, raw in enumerate(data.splitlines(), 1):
        if raw.strip():
            try:
                events.append(from_json(raw, many=False))  # type: ignore[arg-type]
            except NewsEventsError as error:
                raise type(error)(error.message, path=error.path, line=number) from None
    if not events and loaded is None:
        raise DecodeError("no JSON events in the input")
    return events


def _run_convert(args: argparse.Namespace, out: IO[bytes]) -> int:
    data = _read(args.file)
    if _looks_like_xml(data):
        from newsevents.newsml import from_newsml  # noqa: PLC0415

        events = from_newsml(data)
    else:
        events = _load_json_events(data)
    _write_events(events, args.to, out)
    return OK


def _run_validate(args: argparse.Namespace, out: IO[bytes]) -> int:
    status = OK
    for name in args.files:
        try:
            data = _read(name)
            if _looks_like_xml(data):
                from newsevents.newsml import validate  # noqa: PLC0415

                validate(data)
            else:
                _load_json_events(data)
        except NewsEventsError as error:
            print(f"newsevents: {name}: {error}", file=sys.stderr)
            status = INVALID
        else:
            out.write(f"{name}: valid\n".encode())
    return status


def _run_schema(args: argparse.Namespace, out: IO[bytes]) -> int:
    from newsevents.json import json_schema  # noqa: PLC0415

    out.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    return OK


def _run_types(args: argparse.Namespace, out: IO[bytes]) -> int:
    import newsevents.events  # noqa: F401, PLC0415 (registers the built-in types)

    rows: list[dict[str, Any]] = []
    for name, cls in sorted(registry.types().items()):
        codes = cls.codes
        rows.append(
            {
                "type": name,
                "label": codes.label,
                "ace": codes.ace,
                "cameo": codes.cameo,
                "plover": codes.plover,
                "acled": codes.acled,
                "media_topics": list(codes.media_topics),
            }
        )
    if args.json:
        out.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return OK
    for row in rows:
        out.write(f"{row['type']} ({row['label']})\n".encode())
        for key in ("ace", "cameo", "plover", "acled"):
            out.write(f"  {key.upper():<7} {row[key] or '-'}\n".encode())
        out.write(f"  IPTC    {' '.join(row['media_topics']) or '-'}\n".encode())
    return OK


# --------------------------------------------------------------------------- the parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="Typed news events: parse articles, convert between JSON and NewsML-G2, validate.",
    )
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="extract events from articles", description=(
        "Extract events from article text. A file's leading 'date YYYY-MM-DD' line gives its "
        "publication date unless --published is given; each event's source is the file's stem."
    ))
    parse.add_argument("files", nargs="+", metavar="FILE", help="article files, or - for stdin")
    parse.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    parse.add_argument("--to", choices=("jsonl", "json", "newsml"), default="jsonl", help="output format")
    parse.add_argument(
        "--from", dest="source", choices=("text", "jsonl"), default="text",
        help='input format: text files, or JSON Lines of {"id", "text", "published"}',
    )
    parse.add_argument("--jobs", type=int, default=1, help="worker processes for --from jsonl")
    parse.set_defaults(run=_run_parse)

    convert = commands.add_parser("convert", help="convert events between JSON and NewsML-G2")
    convert.add_argument("file", nargs="?", default="-", metavar="FILE", help="input file, or - for stdin")
    convert.add_argument("--to", choices=("newsml", "json", "jsonl"), required=True, help="output format")
    convert.set_defaults(run=_run_convert)

    validate = commands.add_parser(
        "validate", help="validate NewsML-G2 against the official schema, JSON against the JSON Schema"
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_run_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the event format")
    schema.set_defaults(run=_run_schema)

    types = commands.add_parser("types", help="list the registered event types and their codes")
    types.add_argument("--json", action="store_true", help="print JSON")
    types.set_defaults(run=_run_types)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; None reads `sys.argv`.

    Returns:
        The exit code: 0 ok, 1 invalid input or failed records, 2 usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if getattr(args, "jobs", 1) < 1:
        print("newsevents: --jobs must be at least 1", file=sys.stderr)
        return USAGE
    out = sys.stdout.buffer
    try:
        return int(args.run(args, out))
    except _Usage as error:
        print(f"newsevents: {error}", file=sys.stderr)
        return USAGE
    except NewsEventsError as error:
        print(f"newsevents: {error}", file=sys.stderr)
        return INVALID
    except BrokenPipeError:
        return OK
    except KeyboardInterrupt:
        return 130
