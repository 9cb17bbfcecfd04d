"""
JSON encode and decode speed of newsevents against msgspec and pydantic v2, in one run.

Usage::

    python benchmarks/bench_json.py            # 9 rounds of 500 events per type
    python benchmarks/bench_json.py --quick    # 5 rounds of 200 events per type
    python benchmarks/bench_json.py --profile  # also cProfile newsevents' decode path

Cases, for every type newsevents registers at import (the four event types and
``ForeignEvent``), one JSON document per event, and a 1,000-event array of them mixed:

* **encode**: each library writes its own objects of the events as JSON text;
* **decode, cold**: each library reads the JSON text into its own objects.

The events are all distinct and nothing in them repeats for a cache to remember: every
event has its own actors (names numbered), its own day-precision date (no two events of
a run share a date), its own evidence text and offsets, its own source. Every round
times fresh events, never read before in the process, so any cache of dates, actors or
evidence is cold. Garbage collection stays on, as in normal use.

newsevents uses ``to_json`` / ``from_json``; msgspec a ``json.Encoder`` and a
``json.Decoder`` of the tagged union; pydantic ``model_dump_json`` /
``TypeAdapter.validate_json`` over the discriminated union (``TypeAdapter.dump_json``
for the array). Every library decodes through its union (the type read from ``"type"``).

Before timing, the script checks that the comparison is honest: every peer decodes
newsevents' JSON of every document and writes the same JSON back (compared as parsed
values), every peer refuses the inputs newsevents' strict decoding refuses (a string for
an array, a number for a string, an unknown key, a string for an integer, ...), and
newsevents decodes every document on its fast path (the generated decoders), not through
the detailed cattrs pass that explains refusals.

Times are CPU time of this process (``time.process_time``) per event. A round times every
library on the same fresh events, cut into chunks of 100 documents (a stream, as a reader
of many documents sees it) on which the libraries take turns in an order that rotates from
chunk to chunk, so that load from other jobs on a shared machine falls on all of them
alike. Garbage collection stays on while timing, as in normal use; the heap is collected
between turns (untimed), so that no library pays for a collection that another library's
objects made due. Each figure is the median over the rounds with the range (min-max), and
each ratio the median of the per-round ratios with their range.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import json
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pydantic

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _peers_json as peers

import newsevents as ne
from newsevents import json as ne_json
from newsevents.events import Airstrike, PardonRequest, Penalty, PhoneCall, Sentencing
from newsevents.model import Actor, Count, CountQualifier, Event, Evidence, PartialDate, Place
from newsevents.newsml import ForeignEvent

TYPES = ("PhoneCall", "PardonRequest", "Sentencing", "Airstrike", "ForeignEvent")
_COUNTRIES = ["IL", "RU", "SY", "US", "FR", "DE", "TR", "IQ", "YE", "SA", "UA"]
_WORDS = [
    *("the", "a", "court", "ministry", "office", "said", "on", "Thursday"),
    *("in", "to", "of", "drug", "charges", "weapon", "shipment"),
]


# --------------------------------------------------------------------------- distinct events


class Distinct:
    """
    A source of events in which no actor, date, evidence or source repeats.

    Each call numbers what it makes from one counter, so events made by one instance
    share nothing a cache could remember; dates are successive days from year 1.
    """

    def __init__(self) -> None:
        self.n = 0
        self.offset = 0

    def _next(self) -> int:
        self.n += 1
        return self.n

    def actor(self) -> Actor:
        n = self._next()
        kind = n % 3
        if kind == 0:
            return Actor.person(f"Person {n}", title=f"Minister {n}", country=_COUNTRIES[n % 11])
        if kind == 1:
            return Actor.organization(f"District court {n}", country=_COUNTRIES[n % 11])
        return Actor.group(f"{n} officers")

    def date(self) -> PartialDate:
        return PartialDate.from_date(datetime.date(1, 1, 1) + datetime.timedelta(days=self._next()))

    def evidence(self) -> Evidence:
        n = self._next()
        text = f"Sentence {n}: " + " ".join(_WORDS[(n + i) % len(_WORDS)] for i in range(6 + n % 24)) + "."
        self.offset += len(text) + 1
        return Evidence(text, self.offset, self.offset + len(text), rule=f"rule.{n % 7}")

    def common(self) -> dict[str, Any]:
        n = self._next()
        return {
            "date": self.date(),
            "location": Place(f"Town {n}", country=_COUNTRIES[n % 11]) if n % 3 else None,
            "evidence": self.evidence(),
            "source": f"article-{n}",
        }

    def event(self, name: str) -> Event:
        """One new event of the type ``name``, every optional field set as often as not."""
        n = self._next()
        if name == "PhoneCall":
            return PhoneCall(
                participants=(self.actor(), self.actor()),
                initiator=self.actor() if n % 2 else None,
                topics=(f"topic {n}", f"topic {n + 1}"),
                **self.common(),
            )
        if name == "PardonRequest":
            return PardonRequest(
                requester=self.actor(),
                addressee=self.actor() if n % 2 else None,
                beneficiary=self.actor(),
                offence=f"offence {n}" if n % 3 else None,
                **self.common(),
            )
        if name == "Sentencing":
            penalty = list(Penalty)[n % len(Penalty)]
            return Sentencing(
                defendant=self.actor(),
                penalty=penalty,
                term_months=n % 300 if penalty is Penalty.PRISON else None,
                offence=f"offence {n}",
                court=self.actor() if n % 2 else None,
                **self.common(),
            )
        if name == "Airstrike":
            return Airstrike(
                attacker=self.actor() if n % 4 else None,
                targets=(f"target {n}", f"depot {n}"),
                killed=Count(n % 40) if n % 2 else Count(n % 500, CountQualifier.AT_LEAST),
                strikes=Count(n % 300, CountQualifier.ORDER) if n % 3 == 0 else None,
                **self.common(),
            )
        return ForeignEvent(
            name=f"Concept {n}",
            definition=f"Definition {n}" if n % 2 else None,
            concept=f"event:{n}",
            participants=(self.actor(), self.actor()),
            **self.common(),
        )

    def batch(self, name: str, size: int) -> list[Event]:
        """``size`` new events of one type (``"mixed"``: every type in turn)."""
        if name == "mixed":
            return [self.event(TYPES[i % len(TYPES)]) for i in range(size)]
        return [self.event(name) for _ in range(size)]


# --------------------------------------------------------------------------- honesty checks

_MS_ONE = msgspec.json.Decoder(peers.MS_EVENT)
_MS_MANY = msgspec.json.Decoder(peers.MS_EVENTS)
_MS_ENCODER = msgspec.json.Encoder()


def check_same_shape(events: list[Event]) -> None:
    """Assert that each peer decodes newsevents' JSON and writes the same JSON back."""
    for event in events:
        text = ne.to_json(event)
        expected = json.loads(text)
        assert ne.from_json(text) == event
        ms = _MS_ONE.decode(text)
        assert json.loads(_MS_ENCODER.encode(ms)) == expected, (text, _MS_ENCODER.encode(ms))
        pd = peers.PD_EVENT.validate_json(text)
        assert json.loads(pd.model_dump_json()) == expected, (text, pd.model_dump_json())


def check_fast_path(events: list[Event]) -> None:
    """
    Assert that newsevents decodes every document on its fast path.

    A document the generated decoders refuse still decodes, through the detailed cattrs
    pass; the benchmark would then time that pass, so make sure it does not.
    """
    for event in events:
        cls = type(event)
        assert ne_json._decoder(cls, True)(json.loads(ne.to_json(event)), cls) == event


def check_same_strictness(event: Airstrike) -> None:
    """Assert that every peer refuses what newsevents' strict decoding refuses."""
    good = ne.to_dict(event)
    assert event.attacker is not None
    mutations: dict[str, dict[str, Any]] = {
        "string for an array": {**good, "targets": "ab"},
        "number for a string": {**good, "attacker": {**good["attacker"], "name": 123}},
        "unknown key": {**good, "colour": "red"},
        "unknown nested key": {**good, "attacker": {**good["attacker"], "colour": "red"}},
        "string for an integer": {**good, "strikes": "100"},
        "float for an integer": {**good, "strikes": 100.0},
        "unknown type": {**good, "type": "Bombing"},
        "bad enum value": {**good, "strikes": {"value": 100, "qualifier": "lots"}},
        "unknown country": {**good, "attacker": {**good["attacker"], "country": "XX"}},
        "bad date": {**good, "date": "Dec 2019"},
    }
    refusals: list[tuple[str, Callable[[str], Any]]] = [
        ("newsevents", ne.from_json),
        ("msgspec", _MS_ONE.decode),
        ("pydantic", peers.PD_EVENT.validate_json),
    ]
    for what, document in mutations.items():
        text = json.dumps(document)
        for name, decode in refusals:
            try:
                decode(text)
            except (ne.errors.DecodeError, msgspec.ValidationError, pydantic.ValidationError):
                continue
            raise AssertionError(f"{name} accepted {what}: {text}")


# --------------------------------------------------------------------------- timing

LIBRARIES = ("newsevents", "msgspec", "pydantic")


def _cpu(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def run_case(name: str, source: Distinct, *, size: int, rounds: int, chunk: int) -> dict[str, list[float]]:
    """
    Time encode and decode of ``size`` fresh events of one type per round, every library in turn.

    A round is cut into chunks of ``chunk`` events (the array case: one array of them all), and
    every library takes its turn on each chunk, in an order that rotates from chunk to chunk
    and round to round: a burst of load from other jobs then falls on every library alike.
    Returns microseconds per event for each ``"<library> <op>"``, one figure per round.
    """
    keys = [f"{lib} {op}" for lib in LIBRARIES for op in ("encode", "decode")]
    times: dict[str, list[float]] = {key: [] for key in keys}
    array = name == "mixed"
    for index in range(rounds):
        spent = dict.fromkeys(keys, 0.0)
        events = source.batch(name, size)
        for start in range(0, size, chunk):
            part = events[start : start + chunk]
            runs = _runs(part, array=array)
            # Garbage collection stays on while timing; each turn starts from a collected heap,
            # so that no library pays for the collection another library's objects made due.
            gc.collect()
            shift = (index + start // chunk) % len(keys)
            for key in keys[shift:] + keys[:shift]:
                spent[key] += _cpu(runs[key])
                gc.collect()
        for key in keys:
            times[key].append(spent[key] / size * 1e6)
    return times


def _runs(events: list[Event], *, array: bool) -> dict[str, Callable[[], object]]:
    """What each library does with ``events``: one document each, or one array of them all."""
    texts = [ne.to_json(events)] if array else [ne.to_json(event) for event in events]
    if array:
        ms_objects = [_MS_MANY.decode(texts[0])]
        pd_objects = [peers.PD_EVENTS.validate_json(texts[0])]
        ms_decode, pd_decode = _MS_MANY.decode, peers.PD_EVENTS.validate_json
        pd_encode: Callable[[Any], Any] = peers.PD_EVENTS.dump_json
        ours: list[Any] = [events]
    else:
        ms_objects = [_MS_ONE.decode(text) for text in texts]
        pd_objects = [peers.PD_EVENT.validate_json(text) for text in texts]
        ms_decode, pd_decode = _MS_ONE.decode, peers.PD_EVENT.validate_json
        pd_encode = pydantic.BaseModel.model_dump_json
        ours = events
    return {
        "newsevents encode": lambda: [ne.to_json(x) for x in ours],
        "newsevents decode": lambda: [ne.from_json(t) for t in texts],
        "msgspec encode": lambda: [_MS_ENCODER.encode(x) for x in ms_objects],
        "msgspec decode": lambda: [ms_decode(t) for t in texts],
        "pydantic encode": lambda: [pd_encode(x) for x in pd_objects],
        "pydantic decode": lambda: [pd_decode(t) for t in texts],
    }


def _median_range(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


def _ratios(times: dict[str, list[float]], op: str, peer: str) -> list[float]:
    return [a / b for a, b in zip(times[f"newsevents {op}"], times[f"{peer} {op}"], strict=True)]


def report(label: str, times: dict[str, list[float]]) -> dict[str, list[float]]:
    """Print one case: medians and ranges per library, then the ratios."""
    rounds = len(times["newsevents encode"])
    print(f"\n{label}: CPU microseconds per event, median (min-max) over {rounds} rounds")
    print(f"  {'library':<12}{'encode':>24}{'decode, cold':>26}")
    for lib in LIBRARIES:
        encode, decode = _median_range(times[f"{lib} encode"]), _median_range(times[f"{lib} decode"])
        print(f"  {lib:<12}{encode:>24}{decode:>26}")
    ratios = {}
    for op in ("encode", "decode"):
        for peer in ("pydantic", "msgspec"):
            found = ratios[f"{op} {peer}"] = _ratios(times, op, peer)
            print(f"  {op}: newsevents/{peer} = {_median_range(found).strip()}x")
    return ratios


def verdict(ratios: dict[str, list[float]]) -> str:
    """The issue's targets: encode faster than pydantic, decode within 1.5x, on the median ratio."""
    encode = statistics.median(ratios["encode pydantic"])
    decode = statistics.median(ratios["decode pydantic"])
    return (
        f"encode {'MET' if encode < 1 else 'MISSED'} ({encode:.2f}x pydantic, target < 1); "
        f"decode {'MET' if decode <= 1.5 else 'MISSED'} ({decode:.2f}x pydantic, target <= 1.5)"
    )


def profile_decode(source: Distinct, *, size: int) -> None:
    """Print cProfile's view of newsevents' decode path on each type (for finding hot spots)."""
    for name in TYPES:
        texts = [ne.to_json(event) for event in source.batch(name, size)]
        profiler = cProfile.Profile()
        profiler.enable()
        for text in texts:
            ne.from_json(text)
        profiler.disable()
        print(f"\n--- cProfile of from_json, {size} {name} events (tottime order) ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, smaller rounds")
    parser.add_argument("--profile", action="store_true", help="also profile newsevents' decode path")
    args = parser.parse_args(argv)
    rounds, size = (5, 200) if args.quick else (9, 500)

    source = Distinct()
    sample = [event for name in TYPES for event in source.batch(name, 50)]
    check_same_shape(sample)
    check_fast_path(sample)
    strike = next(e for e in sample if isinstance(e, Airstrike) and e.attacker is not None)
    check_same_strictness(strike)

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"newsevents {ne.__version__}, msgspec {msgspec.__version__}, pydantic {pydantic.VERSION}"
    )
    print(
        f"Peers checked on {len(sample)} events of {len(TYPES)} types: same JSON in and out, same "
        "refusals of bad input; newsevents decodes every one on its fast path."
    )
    print(f"Every round: {size} fresh, distinct events per case; garbage collection on.")
    verdicts = []
    for name in (*TYPES, "mixed"):
        label = f"{name}, one document per event" if name != "mixed" else "1,000 mixed events in one array"
        if name == "mixed":
            times = run_case(name, source, size=1000, rounds=rounds, chunk=1000)
        else:
            times = run_case(name, source, size=size, rounds=rounds, chunk=100)
        verdicts.append((name, verdict(report(label, times))))
    print("\nTargets (#10), on the median ratio:")
    for name, line in verdicts:
        print(f"  {name:<14} {line}")
    if args.profile:
        profile_decode(source, size=size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
