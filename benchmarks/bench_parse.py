"""
Throughput of `newsevents.parse` against the floor measured in the same run.

Usage::

    python benchmarks/bench_parse.py [CORPUS_FOLDER] [--rounds N]

The floor is one pass of a single keyword-alternation regular expression (the
trigger words of the four shipped event types) over the same texts: no parser
can read the text faster than it can be scanned once. Figures:

- MB/s of the regex pass and of `parse`, and their ratio (target: parse within 5x);
- linearity: each article repeated 16 times, parsed as one text, against the
  article once (target: at most 1.5x the time per byte).

Timings are process CPU time (`time.process_time`), the best of several rounds, so
other work on a shared machine does not decide the figure.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import newsevents

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
KEYWORDS = re.compile(
    r"\b(?:phone|phoned|telephone|call|calls|called|spoke|pardon|clemency|commute|release|sentenced"
    r"|sentence|jailed|prison|probation|fined|airstrikes?|air strikes?|air raids?|bombed|bombing|warplanes"
    r"|drone|jets)\b",
    re.IGNORECASE,
)


def _best(function: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def _regex_pass(texts: Sequence[str]) -> None:
    for text in texts:
        for _ in KEYWORDS.finditer(text):
            pass


def _parse_all(texts: Sequence[str]) -> None:
    for text in texts:
        newsevents.parse(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    rounds = 5
    if "--rounds" in args:
        at = args.index("--rounds")
        rounds = int(args[at + 1])
        del args[at : at + 2]
    folder = Path(args[0]) if args else DEFAULT_CORPUS
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    if not texts:
        print(f"{folder}: no .txt articles", file=sys.stderr)
        return 2
    size = sum(len(text.encode("utf-8")) for text in texts)
    newsevents.parse(texts[0])  # load the recognisers and lexicons once, outside the timing

    regex = _best(lambda: _regex_pass(texts), rounds)
    parse = _best(lambda: _parse_all(texts), rounds)
    print(f"corpus: {len(texts)} articles, {size / 1e6:.3f} MB, best of {rounds} rounds")
    print(f"keyword regex pass  {size / regex / 1e6:8.2f} MB/s")
    print(f"newsevents.parse    {size / parse / 1e6:8.2f} MB/s")
    print(f"parse / regex time  {parse / regex:8.2f}x   (target <= 5x)")

    big = ["\n\n".join([text] * 16) for text in texts]
    big_size = sum(len(text.encode("utf-8")) for text in big)
    parse16 = _best(lambda: _parse_all(big), max(1, rounds // 2))
    per_byte_1 = parse / size
    per_byte_16 = parse16 / big_size
    print(f"16x input           {big_size / parse16 / 1e6:8.2f} MB/s")
    print(f"time per byte 16x/1x {per_byte_16 / per_byte_1:7.2f}x   (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
