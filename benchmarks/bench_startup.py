"""
Start-up: the wall time of ``newsevents parse`` on a 1 KB article against the floor any start pays.

Usage::

    python benchmarks/bench_startup.py            # 21 runs of each
    python benchmarks/bench_startup.py --runs 7   # fewer
    python benchmarks/bench_startup.py --imports  # then what `newsevents parse` imports, by cost

The floor is ``python -c "import attrs, cattrs, orjson"``: the libraries every use of
newsevents loads. The article is the held-out articles ``ho-73`` and ``ho-49`` one after
the other (written for the project, in ``tests/heldout``; about 1 KB). Each run is a whole
new process (the same interpreter as this script, the command line's module
``newsevents.cli``, bytecode cached as in an installed package), the commands taking turns;
the figures are medians with the range (min-max), and the ratio is the median of the runs'
ratios.

Also: the time of ``python -c "import newsevents"`` and the modules that import loads that
it should not (lxml, the codecs, the parser, ``importlib.metadata``, Hypothesis).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
FLOOR = [sys.executable, "-c", "import attrs, cattrs, orjson"]
IMPORT = [sys.executable, "-c", "import newsevents"]
LAZY = (
    "lxml",
    "newsevents.newsml",
    "newsevents.json",
    "newsevents.parsing",
    "importlib.metadata",
    "hypothesis",
)


def article() -> str:
    """About 1 KB of news: two held-out articles, one after the other."""
    names = ("ho-73-reuters-ghouta-roundup.txt", "ho-49-afp-helmand-conflicting.txt")
    return "\n\n".join((HELDOUT / name).read_text(encoding="utf-8").strip() for name in names) + "\n"


#: As an installed package runs: with its bytecode cached (pip compiles it on install; a
#: PYTHONDONTWRITEBYTECODE in this environment would have every run compile the sources).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def _median_range(values: list[float]) -> str:
    return f"{statistics.median(values) * 1e3:7.1f} ms ({min(values) * 1e3:.1f}-{max(values) * 1e3:.1f})"


def main() -> int:
    """Time the commands in turn; print medians, ranges and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--imports", action="store_true", help="list what `newsevents parse` imports")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(article(), encoding="utf-8")
        parse = [sys.executable, "-m", "newsevents", "parse", str(path)]
        subprocess.run(parse, check=True, capture_output=True, env=ENV)  # warm the file cache, write .pyc
        times: dict[str, list[float]] = {"floor": [], "import": [], "parse": []}
        for _ in range(args.runs):
            times["floor"].append(_wall(FLOOR))
            times["import"].append(_wall(IMPORT))
            times["parse"].append(_wall(parse))
        loaded = json.loads(
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import newsevents, sys, json; print(json.dumps(sorted(sys.modules)))",
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        print(
            f"{len(path.read_bytes()):,} bytes of article; {args.runs} whole-process runs of each, in turns"
        )
        print(f"  python -c 'import attrs, cattrs, orjson'   {_median_range(times['floor'])}")
        print(f"  python -c 'import newsevents'              {_median_range(times['import'])}")
        print(f"  newsevents parse article.txt               {_median_range(times['parse'])}")
        for name in ("import", "parse"):
            ratios = [a / b for a, b in zip(times[name], times["floor"], strict=True)]
            low, high = min(ratios), max(ratios)
            print(f"  {name} / floor: {statistics.median(ratios):.2f}x ({low:.2f}-{high:.2f})")
        print("  target (#10): parse within 2x the floor")
        wrong = [name for name in LAZY if any(m == name or m.startswith(name + ".") for m in loaded)]
        print(f"  `import newsevents` loads none of {', '.join(LAZY)}: {wrong or 'yes'}")
        if args.imports:
            found = subprocess.run(
                [sys.executable, "-X", "importtime", "-m", "newsevents", "parse", str(path)],
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            ).stderr
            rows = []
            for line in found.splitlines():
                if line.startswith("import time:") and "|" in line:
                    own, total, name = (part.strip() for part in line.replace("import time:", "").split("|"))
                    if own.isdigit():
                        rows.append((int(total), int(own), name))
            print("\nimports of `newsevents parse`, by cumulative microseconds (top 25):")
            for total, own, name in sorted(rows, reverse=True)[:25]:
                print(f"  {total:>8,} {own:>8,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
