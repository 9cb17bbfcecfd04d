"""
Values built from files, kept on disk between processes so that a new process does not build them again.

A short ``newsevents parse`` would otherwise spend most of its time rebuilding what every
process builds the same way: the gazetteer's index (about a second from GeoNames and
ISO 3166), the compiled pattern files (tens of milliseconds), the list of installed
plugins (`importlib.metadata`, tens of milliseconds to import and scan). Each is plain data
(dicts, lists, tuples, frozensets of strings and numbers), written with `marshal`, which
can only make such values: loading a cache file runs no code.

Where: ``$NEWSEVENTS_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``. A file's name is its kind and
a fingerprint of its key: the sizes and modification times of what the value is built
from (`stat_line`), the Python version and the format, so a change to any of them builds
a new value. A file that cannot be read, written or trusted is ignored: the value is then
built in memory as if there were no cache.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "dump_plain", "load_or_build", "load_plain", "stat_line"]

#: Bumped when the layout of a cached value changes.
_FORMAT = 3
#: A cache file larger than this is not read (the largest, the gazetteer's, is a few megabytes).
_MAX_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path | None:
    """The directory of the cache, or None when ``NEWSEVENTS_CACHE_DIR`` is set empty."""
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


def stat_line(path: str | os.PathLike[str]) -> str:
    """A file's or folder's part of a key: its path, size and modification time (or that it is missing)."""
    try:
        found = os.stat(path)
    except OSError:
        return f"{os.fspath(path)}:missing"
    return f"{os.fspath(path)}:{found.st_size}:{found.st_mtime_ns}"


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


def _debug(message: str, *args: object) -> None:
    # logging costs milliseconds to import: only a process whose cache fails pays for it.
    import logging  # noqa: PLC0415

    logging.getLogger("newsevents.cache").debug(message, *args)


def load_or_build(kind: str, key: Iterable[str], build: Callable[[], Any]) -> Any:
    """
    The cached value of this kind and key, else ``build()`` (written to the cache for next time).

    Args:
        kind: What the value is (``gazetteer``, ``patterns``, ``plugins``): the file name's start.
        key: Everything the value depends on, as strings (`stat_line` for files).
        build: Builds the value: plain data only (what `marshal` writes).
    """
    where = cache_dir()
    if where is None:
        return build()
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for part in key:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    path = where / f"{kind}-{digest.hexdigest()[:20]}.marshal"
    try:
        if path.stat().st_size <= _MAX_BYTES:
            return load_plain(path.read_bytes())
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as error:
        _debug("cache file %s unreadable (%s): rebuilding", path, error)
    value = build()
    _write(where, kind, path, value)
    return value


def _write(where: Path, kind: str, path: Path, value: Any) -> None:
    import tempfile  # noqa: PLC0415 (only a process that writes the cache pays for the import)

    try:
        data = dump_plain(value)
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # atomic: a reader sees the old file or the whole new one
    except (OSError, ValueError) as error:
        _debug("cache file %s not written (%s)", path, error)
