"""
Hostile batches and threads: nothing is lost but the bad records, and threads see what one sees.

Usage::

    python benchmarks/hostile_runs.py            # every check, with counts
    python benchmarks/hostile_runs.py --quick    # smaller batches

The codecs' hostile inputs are `benchmarks/hostile_inputs.py`, the parser's hostile texts
`benchmarks/bench_hostile.py`; this script covers the rest of issue #8's harness:

- **batches**: JSON Lines of articles with bad records mixed in (not JSON, no text, a
  bad date, too long, invalid UTF-8, a blank line, a huge id) through ``newsevents parse
  --from jsonl`` with one and two worker processes; and JSON Lines of events with bad
  lines through ``newsevents convert`` and ``validate``. Each run must write every good
  record, in order, report every bad one with its line, and exit 1;
- **threads**: 8 threads parse distinct articles at once, from a cold start, in a fresh
  process, 10 times; every thread must get exactly what one thread alone gets.

It prints the cases tried and the counts of data lost, records wrongly reported,
mismatches and hangs, all of which must be zero.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_texts import REALISTIC, names  # noqa: E402

TIMEOUT = 600


def _articles(count: int, seed: int) -> list[str]:
    people = names()
    rng = random.Random(seed)
    out = []
    for index in range(count):
        first, second = next(people), next(people)
        day = rng.choice(["Monday", "Tuesday", "Wednesday"])
        out.append(
            f"date 2020-03-12\nTalks {index}\n\n{first} spoke by phone with {second} on {day}. "
            + REALISTIC.split("\n\n", 2)[2]
        )
    return out


def _bad_records(rng: random.Random) -> list[bytes]:
    return [
        b"not json at all",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "bad-date", "text": "x", "published": "2020-13-40"}).encode(),
        json.dumps({"id": "too-long", "text": "word " * 5000}).encode(),
        b'{"id": "bad-utf8", "text": "\xff\xfe"}',
        json.dumps({"id": "x" * 200_000, "text": 5}).encode(),
        json.dumps([1, 2, 3]).encode(),
        json.dumps({"id": "", "text": "empty id"}).encode(),
    ][rng.randrange(8) :][:1]


def _run(argv: list[str], data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *argv],
        input=data, capture_output=True, timeout=TIMEOUT, check=False, cwd=ROOT,
    )  # fmt: skip


def check_batches(size: int, seed: int) -> dict[str, int]:
    """Parse and convert batches with bad records mixed in; count what went wrong."""
    rng = random.Random(seed)
    counts = {"cases": 0, "lost": 0, "misreported": 0, "wrong exit": 0}
    good = _articles(size, seed)
    lines: list[bytes] = []
    expected_ids: list[str] = []
    bad_lines: list[int] = []
    for index, text in enumerate(good):
        if rng.random() < 0.1:
            lines.append(_bad_records(rng)[0])
            bad_lines.append(len(lines))
        lines.append(json.dumps({"id": f"a{index}", "text": text}).encode())
        expected_ids.append(f"a{index}")
    folder = Path(tempfile.mkdtemp())
    batch = folder / "batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    for jobs in ("1", "2"):
        counts["cases"] += 1
        done = _run(["parse", "--from", "jsonl", "--jobs", jobs, "--max-chars", "20000", str(batch)])
        sources = [json.loads(line)["source"] for line in done.stdout.splitlines()]
        seen = list(dict.fromkeys(sources))
        counts["lost"] += len(set(expected_ids) - set(seen))
        counts["misreported"] += sum(f"batch.jsonl:{line}" not in done.stderr.decode() for line in bad_lines)
        counts["wrong exit"] += int(done.returncode != (1 if bad_lines else 0))
        if seen != [article for article in expected_ids if article in seen]:
            counts["lost"] += 1  # out of order counts as lost
    # events with bad lines through convert and validate
    events_file = folder / "events.jsonl"
    done = _run(["parse", "--from", "jsonl", str(batch)])
    event_lines = done.stdout.splitlines()
    mixed: list[bytes] = []
    bad_event_lines: list[int] = []
    for line in event_lines:
        if rng.random() < 0.1:
            mixed.append(b'{"type": "Airstrike", "targets": "ab"}')
            bad_event_lines.append(len(mixed))
        mixed.append(line)
    events_file.write_bytes(b"\n".join(mixed) + b"\n")
    counts["cases"] += 2
    converted = _run(["convert", "--to", "jsonl", str(events_file)])
    counts["lost"] += len(event_lines) - len(converted.stdout.splitlines())
    counts["misreported"] += sum(f"line {line})" not in converted.stderr.decode() for line in bad_event_lines)
    counts["wrong exit"] += int(converted.returncode != (1 if bad_event_lines else 0))
    validated = _run(["validate", str(events_file)])
    counts["misreported"] += abs(validated.stderr.decode().count("$.targets") - len(bad_event_lines))
    return counts


def check_threads(rounds: int) -> dict[str, int]:
    """Eight threads parsing at once from a cold start get what one thread gets, every time."""
    counts = {"cases": 0, "mismatches": 0, "hangs": 0}
    program = textwrap.dedent(
        f"""
        import json, sys, threading
        sys.path.insert(0, {str(ROOT)!r})
        from benchmarks.hostile_runs import _articles
        import newsevents
        texts = _articles(16, 7)
        barrier = threading.Barrier(8)
        results = {{}}
        def work(index):
            barrier.wait()
            results[index] = [newsevents.to_json(newsevents.parse(t)) for t in texts[index::8]]
        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        alone = {{i: [newsevents.to_json(newsevents.parse(t)) for t in texts[i::8]] for i in range(8)}}
        print(sum(results[i] != alone[i] for i in range(8)))
        """
    )
    for _ in range(rounds):
        counts["cases"] += 1
        try:
            done = subprocess.run(
                [sys.executable, "-c", program], capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            counts["hangs"] += 1
            continue
        counts["mismatches"] += int(done.stdout.strip() or "8")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Run both checks and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    batches = check_batches(60 if args.quick else 400, seed=1)
    threads = check_threads(3 if args.quick else 10)
    print(f"batches: {batches}")
    print(f"threads: {threads}")
    bad = (
        batches["lost"]
        + batches["misreported"]
        + batches["wrong exit"]
        + threads["mismatches"]
        + threads["hangs"]
    )
    print("all zero" if bad == 0 else f"{bad} problems")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
