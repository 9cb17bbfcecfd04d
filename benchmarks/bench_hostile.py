"""
Parse time per byte on hostile text, against realistic news text (issue #8).

Usage::

    python benchmarks/bench_hostile.py                 # every catalogue entry at 100 KB and 1 MB
    python benchmarks/bench_hostile.py --sizes 20000 100000 --only "full stops" calls

For each entry of ``tests/hostile_texts.py`` (runs of punctuation of every kind,
capitalised runs, title chains, organisation words, long lists, event-dense text, no
newlines, only newlines) it times one `newsevents.parse` at each size and prints the
CPU microseconds per byte, the ratio between the largest and the smallest size (linear
code gives about 1x; the target is at most 2x) and the ratio to realistic news text of
the same size (the target is at most 10x). The realistic yardstick is the dev corpus's
articles joined by blank lines (distinct events, nothing a cache remembers), repeated to
the size; without ../shared, the catalogue's own realistic paragraph, repeated.

Garbage collection stays on, as in normal use. Each figure is one cold parse of a text
built fresh (distinct names in the event-dense entries).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_texts import CATALOGUE, REALISTIC, build  # noqa: E402

import newsevents  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"


def realistic(size: int) -> str:
    """Real news text of about ``size`` characters (the dev corpus), or the catalogue's paragraph."""
    articles = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    unit = "\n\n".join(path.read_text(encoding="utf-8") for path in articles) if articles else REALISTIC
    return (unit + "\n\n") * max(1, size // (len(unit) + 2)) if len(unit) < size else unit[:size]


def per_byte(text: str) -> float:
    """CPU microseconds per character of one parse."""
    start = time.process_time()
    newsevents.parse(text)
    return (time.process_time() - start) * 1e6 / max(1, len(text))


def main(argv: list[str] | None = None) -> int:
    """Time every entry at every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", nargs="+", default=None, help="catalogue entries to run")
    args = parser.parse_args(argv)
    newsevents.parse(REALISTIC)  # load the recognisers and lexicons before timing
    sizes = sorted(args.sizes)
    base = {size: per_byte(realistic(size)) for size in sizes}
    print(f"realistic news text: {'  '.join(f'{size:,} chars {base[size]:.2f} us/char' for size in sizes)}")
    header = f"{'entry':<26}" + "".join(f"{f'{size:,}':>12}" for size in sizes)
    print(header + f"{'large/small':>13}{'vs news (max)':>15}")
    worst_growth = worst_news = 0.0
    for name in args.only or list(CATALOGUE):
        costs = {size: per_byte(build(name, size)) for size in sizes}
        growth = costs[sizes[-1]] / costs[sizes[0]] if costs[sizes[0]] else 1.0
        news = max(costs[size] / base[size] for size in sizes)
        # tiny costs (punctuation runs: nothing to read) make noisy ratios; count only real work
        if costs[sizes[-1]] > 0.2 * base[sizes[-1]]:
            worst_growth = max(worst_growth, growth)
        worst_news = max(worst_news, news)
        cells = "".join(f"{costs[size]:12.2f}" for size in sizes)
        print(f"{name:<26}{cells}{growth:12.2f}x{news:14.2f}x", flush=True)
    print(f"worst growth {worst_growth:.2f}x (target <= 2x), worst vs news {worst_news:.2f}x (target <= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
