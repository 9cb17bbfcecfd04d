"""
The package's own data files (``newsevents/data/``, ``newsevents/parsing/data/``), read as plain files.

`importlib.resources` costs a short ``newsevents parse`` about 6 ms to import (it loads
`tempfile`, `shutil` and the compression modules). newsevents is installed as ordinary
files (the on-disk cache and the gazetteer key on their paths too), so a path relative
to this module names the same file. Data of other packages (a user's pattern folders,
GeoNames) is still read through `importlib.resources`.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = ["ROOT", "data_stats", "read_text"]

#: The installed ``newsevents`` package folder.
ROOT = Path(__file__).resolve().parent


def read_text(relative: str) -> str:
    """The text (UTF-8) of a file under the package folder, e.g. ``"data/countries.tsv"``."""
    return (ROOT / relative).read_text(encoding="utf-8")


@cache
def data_stats() -> tuple[str, ...]:
    """
    The size and modification time of every data file of the package, read once per process.

    The on-disk caches (`newsevents._disk_cache`) key what they build from these files by
    this: an edited word list or pattern file makes new cache files.
    """
    found: list[str] = []
    folders = [ROOT / "data", ROOT / "parsing" / "data"]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                folders.append(Path(entry.path))
            else:
                stat = entry.stat()
                found.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    return tuple(sorted(found))
