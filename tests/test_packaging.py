"""What the package and its sdist carry, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_sdist_has_the_library_and_no_tests_or_articles(tmp_path):
    """The sdist holds the library, docs and licence; no tests (they need files it lacks), no articles."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    [sdist] = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
        info = archive.extractfile(next(m for m in archive.getmembers() if m.name.endswith("/PKG-INFO")))
        assert info is not None
        metadata = info.read().decode()
    assert "LICENSE" in names
    assert "src/newsevents/__init__.py" in names
    assert not [name for name in names if name.startswith(("tests/", "examples/", "benchmarks/"))]
    assert not [name for name in names if name.endswith(".txt") and "seed" in name]
    assert "Project-URL: Documentation" in metadata
    assert "Provides-Extra: strategies" in metadata


def test_strategies_without_hypothesis_names_the_extra():
    """Without Hypothesis, importing newsevents.strategies says which extra to install."""
    program = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import newsevents\n"
        "try:\n"
        "    import newsevents.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert "pip install 'newsevents[strategies]'" in done.stdout


def test_hypothesis_is_not_a_runtime_dependency():
    """The installed distribution requires Hypothesis only through the strategies extra."""
    from importlib.metadata import requires

    runtime = [req for req in requires("newsevents") or [] if "extra ==" not in req]
    assert not [req for req in runtime if req.startswith("hypothesis")]
