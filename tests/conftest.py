"""Shared fixtures and the hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` in CI)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "tests", suppress_health_check=(HealthCheck.too_slow,), deadline=None, max_examples=50
)
settings.register_profile("ci", settings.get_profile("tests"), max_examples=200, derandomize=True)
settings.register_profile("fast", settings.get_profile("tests"), max_examples=10)
# CI (which sets CI=true) runs the thorough, derandomized profile unless told otherwise.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "tests"))

# The on-disk caches (newsevents._disk_cache: gazetteer, patterns, plugins) go to a directory of
# this run, not the user's cache; subprocesses of the tests inherit it.
os.environ.setdefault("NEWSEVENTS_CACHE_DIR", tempfile.mkdtemp(prefix="newsevents-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
#: The shared dev corpus, next to the project root; tests that need it skip when it is absent.
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
#: The NewsML-G2 examples shipped beside the corpus.
NEWSML_SHARED = ROOT.parent / "shared" / "newsml-g2"
#: The seed article, kept in the project so it works without ../shared.
SEED = ROOT / "examples" / "seed-netanyahu-putin-2019-12-26.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The dev corpus folder, or a skip when ../shared is not there."""
    if not (CORPUS / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus/dev is not available")
    return CORPUS


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text, exactly as published."""
    return SEED.read_text(encoding="utf-8")
