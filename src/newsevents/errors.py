"""
The exceptions newsevents raises.

Every error carries the facts as attributes and composes its message from them:
``path`` is where the problem is, as a JSON-path-like string (``$`` is the
document, ``$[0].participants[1].country`` a nested field), ``None`` when the
problem is not tied to one place.

The tree::

    NewsEventsError
    ├── DecodeError (ValueError)      input that cannot be read as events
    │   ├── ValidationError           a value the model refuses
    │   └── LimitError                input over a configured bound (size, elements, depth)
    ├── EncodeError (ValueError)      an event that cannot be written
    └── RegistrationError (TypeError) an event type the registry refuses
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "EncodeError",
    "LimitError",
    "NewsEventsError",
    "RegistrationError",
    "ValidationError",
]


class NewsEventsError(Exception):
    """
    Base class of every exception newsevents raises on purpose.

    Args:
        message: What is wrong, without the location.
        path: Where it is wrong (``$.participants[1].country``), or None.
        line: The line of the input where it is wrong, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = []
        if self.path is not None:
            where.append(f"at {self.path}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{self.message} ({', '.join(where)})" if where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keep keyword-only facts across pickling (worker processes, Dask).
        return (_rebuild, (type(self), self.message, self.path, self.line))

    def at(self, prefix: str) -> NewsEventsError:
        """
        Return the same error, located under ``prefix``.

        ``ValidationError("bad", path="$.country").at("$.participants[1]")`` has the path
        ``$.participants[1].country``.
        """
        inner = self.path or "$"
        path = prefix + inner[1:] if inner.startswith("$") else f"{prefix}.{inner}"
        return _rebuild(type(self), self.message, path, self.line)


def _rebuild(cls: type[NewsEventsError], message: str, path: str | None, line: int | None) -> NewsEventsError:
    return cls(message, path=path, line=line)


class DecodeError(NewsEventsError, ValueError):
    """Input that cannot be read as events: malformed, of the wrong shape, or of an unknown type."""


class ValidationError(DecodeError):
    """A value the model refuses, at construction or while decoding."""


class LimitError(DecodeError):
    """Input larger than a configured bound: characters, bytes, elements or nesting depth."""


class EncodeError(NewsEventsError, ValueError):
    """An event that cannot be written in the requested format."""


class RegistrationError(NewsEventsError, TypeError):
    """An event type or recogniser the registry refuses (a duplicate name, an unsupported field type)."""
