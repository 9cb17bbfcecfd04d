"""
ninjs encode and decode speed per event, against newsevents' own JSON, in one run.

Usage::

    python benchmarks/bench_ninjs.py            # medians of 7 rounds of ~0.2 s per operation
    python benchmarks/bench_ninjs.py --quick    # medians of 3 rounds of ~0.05 s each

For every event type newsevents ships (the four extracted types and ``ForeignEvent``),
1,000 distinct events are drawn reproducibly from a fixed random seed, generically from
the type's attrs fields (no code per type). Each operation runs on the whole list, and
the time is divided by 1,000:

* ``to_ninjs(events)``: the list of ninjs items, as Python dicts;
* ``orjson.dumps(to_ninjs(events))``: the same as JSON bytes, what a wire system sends;
* ``to_json(events)``: newsevents JSON text, the baseline;
* ``from_ninjs(bytes)``: reading the ninjs JSON back (parse, walk, decode the bodies);
* ``from_json(text)``: reading newsevents JSON back, the baseline.

Before timing, the script checks that every document reads back equal, and (when
jsonschema is installed) that the ninjs documents are valid.

Times are CPU time of this process (``time.process_time``), the median of several rounds
in which every operation takes its turn, so load from other jobs on a shared machine skews
the ratios less.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

import orjson

import newsevents as ne
from newsevents import registry
from newsevents._fields import EnumOf, FieldType, OptionalOf, Scalar, TupleOf, describe
from newsevents.model import Actor, Count, CountQualifier, Event, Evidence, PartialDate, Place
from newsevents.ninjs import from_ninjs, to_ninjs

N = 1000

_PEOPLE = [
    ("Benjamin Netanyahu", "Prime Minister", "IL"),
    ("Vladimir Putin", "President", "RU"),
    ("Naama Issachar", None, "IL"),
    ("Emmanuel Macron", "President", "FR"),
    ("Angela Merkel", "Chancellor", "DE"),
    ("Recep Tayyip Erdoğan", "President", "TR"),
]
_COUNTRIES = ["IL", "RU", "SY", "US", "FR", "DE", "TR", "IQ", "YE", "SA", "UA"]
_PLACES = ["Syria", "Moscow", "Gaza", "Idlib", "Khimki", "Paris", None]
_WORDS = [
    *("the", "a", "court", "ministry", "office", "said", "on", "Thursday"),
    *("in", "to", "of", "drug", "charges", "weapon", "shipment", "talks"),
]


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _actor(rng: random.Random) -> Actor:
    roll = rng.random()
    if roll < 0.6:
        name, title, country = rng.choice(_PEOPLE)
        return Actor.person(name, title=title, country=country)
    if roll < 0.8:
        return Actor.state(rng.choice(_COUNTRIES))
    if roll < 0.9:
        return Actor.group(f"{rng.randint(2, 40)} other defendants")
    return Actor.organization(f"{rng.choice(['Moscow', 'Tel Aviv', 'Paris'])} district court")


def _place(rng: random.Random) -> Place:
    name = rng.choice(_PLACES)
    return Place(name, country=rng.choice(_COUNTRIES) if name is None or rng.random() < 0.7 else None)


def _date(rng: random.Random) -> PartialDate:
    return PartialDate(rng.randint(2015, 2024), rng.randint(1, 12), rng.choice([None, 5, 26]))


class _Offsets:
    """Evidence offsets that never repeat, so every event is distinct."""

    def __init__(self) -> None:
        self.next = 0

    def evidence(self, rng: random.Random) -> Evidence:
        text = _words(rng, 8, 30).capitalize() + "."
        start = self.next
        self.next += len(text) + 1
        return Evidence(text, start, start + len(text), rule="bench.rule")


def _value(
    ftype: FieldType, rng: random.Random, offsets: _Offsets, *, min_items: int, minimum: int | None
) -> Any:
    if isinstance(ftype, OptionalOf):
        if rng.random() < 0.3:
            return None
        return _value(ftype.item, rng, offsets, min_items=min_items, minimum=minimum)
    if isinstance(ftype, TupleOf):
        size = rng.randint(min_items, max(min_items, 3))
        return tuple(_value(ftype.item, rng, offsets, min_items=0, minimum=None) for _ in range(size))
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            return _words(rng, 1, 5)
        if ftype.type is int:
            return rng.randint(0 if minimum is None else minimum, 500)
        return rng.random() < 0.5
    if isinstance(ftype, EnumOf):
        return rng.choice(list(ftype.type))
    if ftype.type is Actor:
        return _actor(rng)
    if ftype.type is Place:
        return _place(rng)
    if ftype.type is PartialDate:
        return _date(rng)
    if ftype.type is Count:
        return Count(rng.randint(0, 500), rng.choice(list(CountQualifier)))
    return offsets.evidence(rng)


def distinct_events(cls: type[Event], n: int, *, seed: int = 12) -> list[Event]:
    """``n`` distinct events of ``cls``, drawn from its fields, reproducibly."""
    rng = random.Random(f"{cls.__name__}-{seed}")
    offsets = _Offsets()
    found: dict[str, Event] = {}
    while len(found) < n:
        values: dict[str, Any] = {}
        for spec in describe(cls):
            if spec.name == "id":
                continue
            if spec.name == "evidence":
                values["evidence"] = offsets.evidence(rng)  # always: it makes the event distinct
            elif spec.name == "source":
                values["source"] = f"article-{len(found) // 8}"
            else:
                values[spec.name] = _value(
                    spec.type, rng, offsets, min_items=spec.min_items, minimum=spec.minimum
                )
        event = cls(**values)
        found.setdefault(event.id, event)
    return list(found.values())


def built_in_types() -> list[type[Event]]:
    """The event types newsevents itself registers."""
    return [cls for cls in registry.types().values() if cls.__module__.startswith("newsevents.")]


# --------------------------------------------------------------------------- checks


def check(events: list[Event]) -> None:
    """Every document reads back equal; the ninjs is valid when jsonschema can say so."""
    ninjs = orjson.dumps(to_ninjs(events))
    assert from_ninjs(ninjs) == events
    assert ne.from_json(ne.to_json(events)) == events
    try:
        from newsevents.ninjs import validate

        validate(to_ninjs(events[:50]))
    except ImportError:
        print("  (jsonschema[format-nongpl] not installed: validity not checked)")


# --------------------------------------------------------------------------- timing


def median_us(funcs: dict[str, Callable[[], Any]], *, repeat: int, min_time: float) -> dict[str, float]:
    """Median-of-``repeat`` microseconds per call of each function, in CPU time, rounds interleaved."""
    timers = {name: timeit.Timer(func, timer=time.process_time) for name, func in funcs.items()}
    numbers = {}
    for name, timer in timers.items():
        number = 1
        while timer.timeit(number) < min_time:
            number *= 2
        numbers[name] = number
    rounds: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, timer in timers.items():
            rounds[name].append(timer.timeit(numbers[name]) / numbers[name])
    return {name: statistics.median(times) * 1e6 for name, times in rounds.items()}


def run(label: str, events: list[Event], *, repeat: int, min_time: float) -> dict[str, float]:
    """Time the five operations on ``events``; return microseconds per event."""
    ninjs = orjson.dumps(to_ninjs(events))
    text = ne.to_json(events)
    results = median_us(
        {
            "to_ninjs": lambda: to_ninjs(events),
            "to_ninjs+dumps": lambda: orjson.dumps(to_ninjs(events)),
            "to_json": lambda: ne.to_json(events),
            "from_ninjs": lambda: from_ninjs(ninjs),
            "from_json": lambda: ne.from_json(text),
        },
        repeat=repeat,
        min_time=min_time,
    )
    per_event = {name: value / len(events) for name, value in results.items()}
    size = len(ninjs) / len(text)
    print(
        f"  {label:<14}{per_event['to_ninjs']:>10.1f}{per_event['to_ninjs+dumps']:>10.1f}"
        f"{per_event['to_json']:>10.1f}{per_event['to_ninjs+dumps'] / per_event['to_json']:>8.2f}x"
        f"{per_event['from_ninjs']:>12.1f}{per_event['from_json']:>10.1f}"
        f"{per_event['from_ninjs'] / per_event['from_json']:>8.2f}x{size:>8.2f}x"
    )
    return per_event


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    args = parser.parse_args(argv)
    repeat, min_time = (3, 0.05) if args.quick else (7, 0.2)

    samples = {cls.__name__: distinct_events(cls, N) for cls in built_in_types()}
    mixed = [event for index in range(N) for event in [list(samples.values())[index % len(samples)][index]]]
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"newsevents {ne.__version__}, orjson {orjson.__version__}"
    )
    print(f"Checking round trips and validity of {len(samples)} x {N:,} distinct events ...")
    for events in [*samples.values(), mixed]:
        check(events)
    print(f"\nCPU microseconds per event, {N:,} events per call, median of {repeat} rounds")
    print(
        f"  {'type':<14}{'to_ninjs':>10}{'+dumps':>10}{'to_json':>10}{'ratio':>9}"
        f"{'from_ninjs':>12}{'from_json':>10}{'ratio':>9}{'size':>9}"
    )
    for name, events in samples.items():
        run(name, events, repeat=repeat, min_time=min_time)
    run("mixed", mixed, repeat=repeat, min_time=min_time)
    print(
        "\nratio: ninjs over newsevents JSON, text to text (to_ninjs + orjson.dumps vs to_json; "
        "from_ninjs vs from_json of bytes/text); size: ninjs bytes over JSON bytes."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
