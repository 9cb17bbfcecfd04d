"""
Articles per second: one process, ``--jobs 2``, and Dask with two workers, on the same input, in one run.

The input is the dev corpus (or the seed article when ../shared is absent) repeated to
``--articles`` records of JSON Lines. Each path parses every record and writes JSON Lines;
the script checks that all three produce the same events, then prints the rates.

    python benchmarks/bench_scale.py [--articles 2000] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_input(corpus: Path, count: int, folder: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        texts = [ROOT.joinpath("examples", "seed-netanyahu-putin-2019-12-26.txt").read_text(encoding="utf-8")]
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps({"id": f"a{index:06d}", "text": texts[index % len(texts)]}) + "\n")
    return path


def run_cli(path: Path, jobs: int) -> tuple[float, list[str]]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "parse", "--from", "jsonl", "--jobs", str(jobs), str(path)],
        capture_output=True, text=True, check=True,
    )
    return time.perf_counter() - start, result.stdout.splitlines()


def run_dask(path: Path, folder: Path) -> tuple[float, list[str]]:
    import distributed

    from newsevents import dask as nd

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        start = time.perf_counter()
        records = nd.read_jsonl(str(path), blocksize=max(1, path.stat().st_size // 8))
        written = nd.write_jsonl(nd.parse(records), str(folder / "out-*.jsonl"))
        elapsed = time.perf_counter() - start
    lines = [line for name in written for line in Path(name).read_text(encoding="utf-8").splitlines()]
    return elapsed, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = make_input(args.corpus, args.articles, folder)
        size = path.stat().st_size
        print(f"{args.articles} articles, {size / 1e6:.1f} MB of JSON Lines")
        single, expected = run_cli(path, 1)
        double, got_double = run_cli(path, 2)
        on_dask, got_dask = run_dask(path, folder)
        assert expected == got_double, "--jobs 2 differs from one process"
        assert sorted(expected) == sorted(got_dask), "Dask differs from one process"
        print(f"{'path':<28}{'seconds':>9}{'articles/s':>12}{'vs 1 process':>14}")
        rows = (("1 process (CLI)", single), ("--jobs 2 (CLI)", double), ("Dask, 2 workers", on_dask))
        for label, seconds in rows:
            print(f"{label:<28}{seconds:>9.2f}{args.articles / seconds:>12.0f}{single / seconds:>13.2f}x")
        print(f"events: {len(expected)} (identical on every path)")
        print("CLI times include interpreter start-up; the Dask time excludes cluster start-up.")


if __name__ == "__main__":
    main()
