"""
The event types the codecs know, by name.

Register a type with the `register` class decorator; installed plugins register
theirs through the ``newsevents.event_types`` entry-point group, loaded the first
time the registry is read (so worker processes load them too). A registered type
gets JSON, a JSON Schema, NewsML-G2 and hypothesis strategies with no code of its own.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from newsevents._columns import columns
from newsevents._disk_cache import load_or_build, stat_line
from newsevents._fields import describe
from newsevents.errors import EncodeError, RegistrationError
from newsevents.model import Event

__all__ = [
    "ENTRY_POINT_GROUP",
    "load_plugins",
    "name_of",
    "register",
    "registered_name",
    "types",
    "unregister",
]

#: The entry-point group installed plugins use to add event types.
ENTRY_POINT_GROUP = "newsevents.event_types"

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,46}")

E = TypeVar("E", bound=type[Event])

_types: dict[str, type[Event]] = {}
_names: dict[type[Event], str] = {}
_view = MappingProxyType(_types)
#: The registered classes, mapped to their names (read-only).
registered = MappingProxyType(_names)
#: The registered types by name as they stand, plugins loaded or not (`types` loads them first).
by_name = _view
_plugins_loaded = False
_plugins_loading = False
#: One re-entrant lock for every registration and every first-use load, here and in
#: `newsevents.parsing`: a plugin's import registers types and recognisers while the
#: loading thread holds it, and other threads wait until the load has finished.
lock = threading.RLock()


def register(cls: E) -> E:
    """
    Register an event type under its class name; use as a class decorator.

    The class must be an attrs subclass of `Event` whose fields use the supported
    field types (see `newsevents._fields`). Registering the same class twice is harmless.

    Raises:
        RegistrationError: When the class is not such a subclass, a field type is not
            supported, or another class already has the name.
    """
    if not (isinstance(cls, type) and issubclass(cls, Event)) or cls is Event:
        raise RegistrationError(f"{cls!r} is not a subclass of newsevents.Event")
    name = cls.__name__
    if _NAME.fullmatch(name) is None:
        raise RegistrationError(f"type name {name!r} must match {_NAME.pattern}")
    describe(cls)
    # Refuse now two fields that would give one table column (newsevents.table), naming both.
    columns(cls)
    with lock:
        existing = _types.get(name)
        if existing is cls:
            return cls
        if existing is not None:
            raise RegistrationError(
                f"an event type named {name!r} is already registered "
                f"({existing.__module__}.{existing.__qualname__})"
            )
        _types[name] = cls
        _names[cls] = name
    return cls


def unregister(name: str) -> None:
    """Remove a registered type (for tests and interactive sessions)."""
    with lock:
        cls = _types.pop(name, None)
        if cls is not None:
            del _names[cls]


class EntryPoint(NamedTuple):
    """An installed entry point: its name, and the object it names (``module`` or ``module:attribute``)."""

    name: str
    value: str

    def load(self) -> Any:
        """Import the module the entry point names and return it, or the attribute it names."""
        import pkgutil  # noqa: PLC0415 (only a process with plugins pays for the import)

        return pkgutil.resolve_name(self.value.partition("[")[0].strip())  # "[extras]" only ask for packages


def entry_points(*, group: str) -> list[EntryPoint]:
    """
    The installed entry points of ``group``, found by `importlib.metadata` and cached on disk.

    Importing and running `importlib.metadata` costs a short ``newsevents parse`` tens of
    milliseconds, so the entry points are kept in the on-disk cache (`newsevents._disk_cache`),
    keyed by every ``sys.path`` entry's modification time: installing or removing a
    distribution adds or removes its metadata folder there, which changes that time, and the
    next process scans again.
    """
    key = [group, *(stat_line(entry or ".") for entry in sys.path)]
    return [EntryPoint(name, value) for name, value in load_or_build("plugins", key, lambda: _scan(group))]


def _scan(group: str) -> list[tuple[str, str]]:
    # The import is what costs: only a process whose cache is cold pays for it.
    from importlib import metadata  # noqa: PLC0415

    return [(point.name, point.value) for point in metadata.entry_points(group=group)]


def load_plugins() -> None:
    """
    Import the event types installed plugins declare in the ``newsevents.event_types`` group.

    Each entry point names a class (registered here) or a module (which registers its
    own types on import). Called on first use of the registry; calling it again does nothing.

    Raises:
        RegistrationError: When an entry point cannot be loaded.
    """
    global _plugins_loaded, _plugins_loading  # noqa: PLW0603 (loaded once per process)
    if _plugins_loaded:
        return
    with lock:
        # Another thread may have finished the load while this one waited; a plugin that
        # reads the registry while it is being imported must not start the load again.
        if _plugins_loaded or _plugins_loading:
            return
        _plugins_loading = True
        try:
            for point in entry_points(group=ENTRY_POINT_GROUP):
                try:
                    loaded = point.load()
                except Exception as error:  # noqa: BLE001 (a broken plugin must say which one)
                    raise RegistrationError(
                        f"cannot load plugin {point.name!r} ({point.value}): {error}"
                    ) from None
                if isinstance(loaded, type):
                    register(loaded)
            _plugins_loaded = True  # only once every plugin is in
        finally:
            _plugins_loading = False


def types() -> Mapping[str, type[Event]]:
    """Return a read-only mapping from type name to class, of every registered event type."""
    if not _plugins_loaded:
        load_plugins()
    return _view


def name_of(cls: type[Event]) -> str | None:
    """Return the name a class is registered under, or None."""
    return _names.get(cls)


def registered_name(cls: type[Event], *, path: str = "$") -> str:
    """
    Return the name an event class is registered under, for a codec about to write it.

    Raises:
        EncodeError: When the class is not registered, saying how to register it.
    """
    name = _names.get(cls)
    if name is None:
        raise EncodeError(
            f"{cls.__module__}.{cls.__qualname__} is not a registered event type; "
            "decorate it with @newsevents.register",
            path=path,
        )
    return name
