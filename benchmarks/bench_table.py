"""
Flat tables: `to_arrow` against the obvious pyarrow alternative, and the streaming writers' memory.

Usage::

    python benchmarks/bench_table.py                 # 100,000 events x 7 rounds; streams of 1e5 and 1e6
    python benchmarks/bench_table.py --quick         # 20,000 events x 3 rounds; streams of 2e4 and 1e5
    python benchmarks/bench_table.py --events 100000 --rounds 7 --stream 100000 1000000

**Speed.** ``newsevents.table.to_arrow(events)`` against
``pyarrow.Table.from_pylist([to_dict(e) for e in events])`` (``to_dict`` included), on the
same distinct events of all four built-in types (every actor, date and evidence text
different), in one run, alternating which goes first. Two forms of the alternative:

* *literal*: one ``from_pylist`` call over the mixed list, exactly as written. pyarrow takes
  the columns from the first row only, so it silently drops every other type's fields:
  it does less work than `to_arrow`, and its table is incomplete;
* *per type*: one ``from_pylist`` per event type (filtering the list four times), which
  keeps every field. Its columns are nested structs and lists, not flat.

Either form fails outright when one field holds both an exact count (``to_dict`` writes an
integer) and a qualified one (an object), so the events here keep each count field to one
form (``killed`` exact, ``strikes`` qualified); `to_arrow` handles both.

**Memory.** A JSON Lines file of distinct events is generated into the temporary folder
(streamed), then converted to CSV with `write_csv` and to Parquet with `write_parquet`, each
in a fresh process that reads the file line by line. Each process reports its peak resident
set (``VmHWM`` from ``/proc/self/status``: Linux carries ``ru_maxrss`` over from the forking
parent, see `peak_kib`). A process that imports the same modules and converts four events
gives the baseline (pyarrow's first table alone costs about 50 MB, once). A peak that does
not grow with the number of events shows that memory is bounded by the row group, not the
batch.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pyarrow as pa

import newsevents as ne
from newsevents import table
from newsevents.events import Airstrike, PardonRequest, Penalty, PhoneCall, Sentencing
from newsevents.model import Actor, Count, CountQualifier, Event, Evidence, PartialDate, Place

_COUNTRIES = ("IL", "RU", "SY", "US", "FR", "DE", "TR", "IQ", "YE", "SA", "UA", "NG", "AF", "SO")
_TITLES = ("President", "Prime Minister", "Foreign Minister", None)
_PLACES = ("Damascus", "Idlib", "Sanaa", "Mosul", "Kabul", "Moscow", None)


def _actor(i: int, role: str) -> Actor:
    country = _COUNTRIES[i % len(_COUNTRIES)]
    if i % 5 == 4:
        return Actor.organization(f"{role.title()} Court {i}", country=country)
    return Actor.person(f"{role.title()} Person {i}", title=_TITLES[i % 4], country=country)


def _date(i: int) -> PartialDate | None:
    year = 1990 + i % 35
    if i % 10 == 9:
        return None
    if i % 10 == 8:
        return PartialDate(year)
    month = 1 + (i // 35) % 12
    return PartialDate(year, month) if i % 10 == 7 else PartialDate(year, month, 1 + (i // 420) % 28)


def make_events(n: int) -> Iterator[Event]:
    """``n`` distinct events, the four built-in types in turn: every actor, date and evidence differs."""
    offset = 0
    for i in range(n):
        text = f"Sentence number {i} of the wire reports what happened; it names everyone involved."
        common = {
            "date": _date(i),
            "location": None if i % 3 == 0 else Place(_PLACES[i % 7], country=_COUNTRIES[i % 14]),
            "evidence": Evidence(text, offset, offset + len(text), rule=f"rule.{i % 11}"),
            "source": f"article-{i // 6}",
        }
        offset += len(text) + 1
        kind = i % 4
        if kind == 0:
            yield PhoneCall(
                participants=(_actor(i, "caller"), _actor(i + 1, "callee")),
                initiator=_actor(i, "caller") if i % 2 else None,
                topics=tuple(f"topic {i + k}" for k in range(i % 3)),
                **common,
            )
        elif kind == 1:
            yield PardonRequest(
                requester=_actor(i, "requester"),
                addressee=_actor(i, "addressee") if i % 3 else None,
                beneficiary=_actor(i, "beneficiary"),
                offence=f"offence {i}" if i % 2 else None,
                **common,
            )
        elif kind == 2:
            penalty = list(Penalty)[i % len(Penalty)]
            yield Sentencing(
                defendant=_actor(i, "defendant"),
                penalty=penalty,
                term_months=1 + i % 300 if penalty is Penalty.PRISON else None,
                offence=f"offence {i}" if i % 3 else None,
                court=_actor(i, "court") if i % 2 else None,
                **common,
            )
        else:
            yield Airstrike(
                attacker=Actor.state(_COUNTRIES[i % 14]) if i % 4 else None,
                targets=tuple(f"target {i + k}" for k in range(i % 4)),
                killed=Count(i % 50) if i % 2 else None,
                strikes=Count(10 ** (1 + i % 3), CountQualifier.ORDER) if i % 3 == 0 else None,
                **common,
            )


# --------------------------------------------------------------------------- speed


def _literal(events: list[Event]) -> pa.Table:
    return pa.Table.from_pylist([ne.to_dict(e) for e in events])


def _per_type(events: list[Event]) -> list[pa.Table]:
    return [
        pa.Table.from_pylist([ne.to_dict(e) for e in events if type(e) is cls])
        for cls in (PhoneCall, PardonRequest, Sentencing, Airstrike)
    ]


def _timed(func: Callable[[list[Event]], object], events: list[Event]) -> float:
    gc.collect()
    start = time.perf_counter()
    func(events)
    return time.perf_counter() - start


def speed(n: int, rounds: int) -> None:
    events = list(make_events(n))
    ours = table.to_arrow(events)
    literal = _literal(events)
    complete = _per_type(events)
    assert n == ours.num_rows == literal.num_rows == sum(t.num_rows for t in complete)
    assert ours.column("id").to_pylist() == [e.id for e in events]
    print(f"to_arrow on {n:,} distinct events of 4 types, {rounds} rounds (wall time, alternating order)")
    print(
        f"  columns: to_arrow {ours.num_columns} flat; literal from_pylist {literal.num_columns} "
        f"(first row's keys only); per type {sum(t.num_columns for t in complete)} (nested)"
    )
    funcs = {"to_arrow": table.to_arrow, "literal": _literal, "per type": _per_type}
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for number in range(rounds):
        order = list(funcs) if number % 2 == 0 else list(reversed(funcs))
        for name in order:
            times[name].append(_timed(funcs[name], events))
    print(f"  {'':<22}{'median s':>10}{'min s':>8}{'max s':>8}")
    for name, values in times.items():
        print(f"  {name:<22}{statistics.median(values):>10.3f}{min(values):>8.3f}{max(values):>8.3f}")
    for peer in ("literal", "per type"):
        ratios = [a / b for a, b in zip(times["to_arrow"], times[peer], strict=True)]
        print(
            f"  to_arrow / {peer + ' from_pylist':<22} median {statistics.median(ratios):.2f}x, "
            f"range {min(ratios):.2f}x-{max(ratios):.2f}x (target: within 3x)"
        )


# --------------------------------------------------------------------------- memory


def generate(path: Path, n: int) -> None:
    """Write ``n`` distinct events as JSON Lines, one at a time."""
    with path.open("wb") as out:
        for event in make_events(n):
            out.write(orjson.dumps(ne.to_dict(event)))
            out.write(b"\n")


def _read(path: str) -> Iterator[Event]:
    with open(path, "rb") as lines:
        for line in lines:
            event = ne.from_json(line, many=False)
            assert isinstance(event, Event)
            yield event


def convert(fmt: str, source: str, target: str, row_group_size: int) -> None:
    """The child process: stream ``source`` into ``target``, then print rows, seconds and peak RSS."""
    start = time.perf_counter()
    if fmt == "csv":
        with open(target, "w", encoding="utf-8", newline="") as out:
            rows = table.write_csv(_read(source), out)
    elif fmt == "parquet":
        rows = table.write_parquet(_read(source), target, row_group_size=row_group_size)
    else:  # the baseline: the same imports, and four events each way (pyarrow's one-time start-up)
        import io

        few = list(make_events(4))
        table.write_csv(few, io.StringIO())
        table.write_parquet(few, io.BytesIO())
        rows = 0
    seconds = time.perf_counter() - start
    print(orjson.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak_kib() / 1024}).decode())


def peak_kib() -> int:
    """
    This process's peak resident set, in KiB.

    Linux keeps ``ru_maxrss`` across ``exec``, so a child forked from this (large) benchmark
    process would report the parent's size; ``VmHWM`` is the peak of the process's own
    memory since ``exec``. Elsewhere, ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _child(fmt: str, source: Path, target: Path, row_group_size: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--convert", fmt, str(source), str(target), str(row_group_size)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = orjson.loads(done.stdout.splitlines()[-1])
    return result


_WIDTHS = (10, 10, 9, 11, 11, 9, 9, 8)


def memory(sizes: list[int], row_group_size: int) -> None:
    print(
        f"\nJSON Lines -> CSV / Parquet, streamed (row_group_size={row_group_size:,}); peak RSS per process"
    )
    with tempfile.TemporaryDirectory(prefix="bench_table-") as name:
        folder = Path(name)
        base = _child("none", folder / "none", folder / "none", row_group_size)
        print(f"  baseline (imports, then 4 events to CSV and Parquet): {base['peak_mb']:.0f} MB")
        heads = ("events", "JSONL MB", "format", "row group", "rows", "seconds", "peak MB", "out MB")
        print("  " + "".join(f"{head:>{width}}" for head, width in zip(heads, _WIDTHS, strict=True)))
        for n in sizes:
            source = folder / f"events-{n}.jsonl"
            generate(source, n)
            runs = [("csv", 0), ("parquet", row_group_size), ("parquet", max(1, row_group_size // 8))]
            for fmt, group in runs:
                target = folder / f"events-{n}.{fmt}"
                got = _child(fmt, source, target, group)
                assert got["rows"] == n, got
                cells = (
                    f"{n:,}",
                    f"{source.stat().st_size / 1e6:.0f}",
                    fmt,
                    f"{group:,}" if group else "-",
                    f"{int(got['rows']):,}",
                    f"{got['seconds']:.1f}",
                    f"{got['peak_mb']:.0f}",
                    f"{target.stat().st_size / 1e6:.0f}",
                )
                print("  " + "".join(f"{cell:>{width}}" for cell, width in zip(cells, _WIDTHS, strict=True)))
                target.unlink()
            source.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="events for the to_arrow timing")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--stream", type=int, nargs="*", default=[100_000, 1_000_000], help="JSONL sizes")
    parser.add_argument("--row-group-size", type=int, default=table.ROW_GROUP_SIZE)
    parser.add_argument("--quick", action="store_true", help="20,000 events x 3 rounds; streams of 2e4, 1e5")
    parser.add_argument("--memory-only", action="store_true", help="skip the to_arrow timing")
    parser.add_argument(
        "--convert", nargs=4, metavar=("FORMAT", "SOURCE", "TARGET", "ROWS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.convert:
        fmt, source, target, rows = args.convert
        convert(fmt, source, target, int(rows))
        return 0
    if args.quick:
        args.events, args.rounds, args.stream = 20_000, 3, [20_000, 100_000]
    print(f"Python {platform.python_version()}, pyarrow {pa.__version__}, {os.cpu_count()} CPUs")
    if not args.memory_only:
        speed(args.events, args.rounds)
    memory(args.stream, args.row_group_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
