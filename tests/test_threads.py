"""First use from many threads at once: every thread sees every recogniser and every plugin."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-netanyahu-putin-2019-12-26.txt"


def _run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert 0 == done.returncode, done.stderr
    return done.stdout.strip()


def test_first_parse_from_eight_threads_finds_every_event() -> None:
    """Eight threads that call parse for the first time together all get the seed's full events."""
    out = _run(
        f"""
        import threading
        import newsevents

        text = open({str(SEED)!r}, encoding="utf-8").read()
        barrier = threading.Barrier(8)
        counts = []

        def work():
            barrier.wait()
            counts.append(len(newsevents.parse(text)))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(sorted(counts))
        """
    )
    counts = eval(out)  # a list of ints printed by the child
    assert 8 == len(counts)
    assert counts[0] > 0
    assert 1 == len(set(counts))


def test_plugins_load_once_and_wholly_for_eight_threads() -> None:
    """Threads reading the registry while a slow plugin loads wait for it, and it loads once."""
    out = _run(
        """
        import threading, time
        import attrs
        import newsevents
        from newsevents import registry

        loads = []

        class SlowPoint:
            name = "slow"
            value = "plugin:Slow"

            def load(self):
                loads.append(1)
                time.sleep(0.3)

                @attrs.frozen(kw_only=True)
                class SlowEvent(newsevents.Event):
                    codes = newsevents.Codes(label="slow", definition="A slow plugin type.")

                return SlowEvent

        registry.entry_points = lambda group: [SlowPoint()]
        barrier = threading.Barrier(8)
        seen = []

        def work():
            barrier.wait()
            seen.append("SlowEvent" in registry.types())

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(seen.count(True), len(loads))
        """
    )
    assert "8 1" == out
