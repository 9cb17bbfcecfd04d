"""The documentation site builds without a warning (mkdocs --strict, API reference included)."""

from __future__ import annotations

import html
import re
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
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-3000:]
    assert (tmp_path / "site" / "api" / "index.html").is_file()
    api = _text(tmp_path / "site" / "api" / "index.html")
    # attrs fields with their types and defaults, inherited ones included.
    phone = api[api.index("PhoneCall Bases: Event") :]
    assert "participants tuple [ Actor , ...] Everyone on the call, two or more. required" in phone
    assert "initiator Actor | None Who placed the call" in phone
    assert re.search(r"date PartialDate \| None When the event happened[^.]*\. None", phone)
    assert "Actor Someone who takes part" in api
    # The changelog page shows the changelog's own text.
    changelog = _text(tmp_path / "site" / "changelog" / "index.html")
    first_entry = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split("\n- ", 1)[1].split("\n")[0]
    assert re.sub(r"\W+", "", first_entry)[:60] in re.sub(r"\W+", "", changelog)
    assert "Unreleased" in changelog


def _text(page: Path) -> str:
    """A built page's text, tags removed and white space collapsed."""
    markup = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(markup))
