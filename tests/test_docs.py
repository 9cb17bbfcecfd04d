"""Every ```python block in docs/*.md and README.md runs, top to bottom, one namespace per page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").glob("*.md"), ROOT / "README.md"])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_run(page, monkeypatch):
    """The page's examples run as written (from the project root, so relative paths work)."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")), 1):
        code = compile(block, f"{page.name} (block {number})", "exec", dont_inherit=True)
        exec(code, namespace)


def test_examples_run_as_a_program_from_standard_input():
    """The pages' examples also run as users paste them: one program on python's standard input."""
    import subprocess
    import sys

    for page in (ROOT / "docs" / "scale.md", ROOT / "docs" / "index.md"):
        program = "\n".join(BLOCK.findall(page.read_text(encoding="utf-8")))
        done = subprocess.run(
            [sys.executable, "-"],
            input=program,
            text=True,
            capture_output=True,
            cwd=ROOT,
            check=False,
            timeout=300,
        )
        assert 0 == done.returncode, f"{page.name}: {done.stderr[-2000:]}"
