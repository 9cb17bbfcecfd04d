"""The documentation site builds without a warning (mkdocs --strict, API reference included)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_site_builds_strict(tmp_path):
    """mkdocs build --strict succeeds: every page, link and docstring reference resolves."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert 0 == result.returncode, result.stderr[-3000:]
    assert (tmp_path / "site" / "api" / "index.html").is_file()
