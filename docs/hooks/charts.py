"""
MkDocs hook: draw the analyst page's chart by running the page's own example.

The image is made when the site is built (``docs/img/`` is ignored by git), so it always
shows what the code on the page gives.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def on_pre_build(config: Any) -> None:
    """Run docs/analysts.md's example with the chart saved into docs/img/."""
    docs = Path(config["docs_dir"])
    target = docs / "img" / "airstrikes-by-month.png"
    target.parent.mkdir(exist_ok=True)
    code = "\n".join(_BLOCK.findall((docs / "analysts.md").read_text(encoding="utf-8")))
    previous = os.environ.get("NEWSEVENTS_DOCS_CHART")
    os.environ["NEWSEVENTS_DOCS_CHART"] = str(target)
    here = Path.cwd()
    try:
        os.chdir(docs.parent)
        exec(compile(code, "analysts.md", "exec"), {"__name__": "docs_analysts"})
    finally:
        os.chdir(here)
        if previous is None:
            del os.environ["NEWSEVENTS_DOCS_CHART"]
        else:
            os.environ["NEWSEVENTS_DOCS_CHART"] = previous
