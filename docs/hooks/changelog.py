"""
MkDocs hook: the changelog page shows the text of ``CHANGELOG.md`` itself.

``docs/changelog.md`` keeps a short introduction and the marker line; the hook puts the
repository's changelog, less its title, in the marker's place when the site is built, so
the page can never fall behind the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MARKER = "<!-- CHANGELOG.md -->"


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Replace the marker on the changelog page with ``CHANGELOG.md``, its first heading dropped."""
    if MARKER not in markdown:
        return markdown
    changelog = Path(config["docs_dir"]).parent / "CHANGELOG.md"
    lines = changelog.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return markdown.replace(MARKER, "\n".join(lines).strip() + "\n")
