"""
Validation against the official ninjs 3.1 JSON Schema, shipped as package data.

Nothing here runs at import: the schema is read, and jsonschema imported, on the first
call of `schema` or `validate`.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable
from importlib import resources
from typing import Any

import orjson

from newsevents._text import clip
from newsevents.errors import DecodeError, ValidationError

__all__ = ["GEOJSON_URI", "SCHEMA_FILE", "json_path", "load", "schema", "validate"]

#: The file name of the ninjs schema inside ``newsevents/ninjs/schema``.
SCHEMA_FILE = "ninjs-schema_3.1.json"
#: The one document the schema refers to without containing it (``places[].geoJSON``).
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
#: The formats the schema uses that matter for newsevents; without their checkers a
#: "valid" answer would not mean much.
_NEEDED_FORMATS = frozenset(("uri", "date-time"))
_INSTALL = "pip install 'jsonschema[format-nongpl]'"

_lock = threading.Lock()
_raw: bytes | None = None
_validator: Any = None
_best_match: Any = None


def _schema_bytes() -> bytes:
    global _raw  # noqa: PLW0603 (read once per process, on first use)
    with _lock:
        if _raw is None:
            _raw = resources.files("newsevents.ninjs").joinpath("schema", SCHEMA_FILE).read_bytes()
        return _raw


def schema() -> dict[str, Any]:
    """
    Return the official ninjs 3.1 JSON Schema, as a new dict on every call.

    The file ships with newsevents (``newsevents/ninjs/schema``, CC BY 4.0, IPTC) and is
    read on first use.
    """
    loaded: dict[str, Any] = orjson.loads(_schema_bytes())
    return loaded


def _get_validator() -> tuple[Any, Any]:
    """The draft 2020-12 validator with format checking, built on first use; and ``best_match``."""
    global _validator, _best_match  # built once per process, on first use
    if _validator is not None:
        return _validator, _best_match
    try:
        jsonschema: Any = importlib.import_module("jsonschema")
        exceptions: Any = importlib.import_module("jsonschema.exceptions")
        referencing: Any = importlib.import_module("referencing")
        specifications: Any = importlib.import_module("referencing.jsonschema")
    except ImportError:
        raise ImportError(f"newsevents.ninjs.validate needs jsonschema: {_INSTALL}") from None
    cls = jsonschema.Draft202012Validator
    checker = cls.FORMAT_CHECKER
    missing = sorted(_NEEDED_FORMATS - set(checker.checkers))
    if missing:
        raise ImportError(
            f"newsevents.ninjs.validate checks formats, and jsonschema cannot check {missing} "
            f"without its format extra: {_INSTALL}"
        )
    stand_in = referencing.Resource.from_contents(
        {"type": "object"}, default_specification=specifications.DRAFT202012
    )
    registry = referencing.Registry().with_resource(GEOJSON_URI, stand_in)
    validator = cls(schema(), registry=registry, format_checker=checker)
    with _lock:
        if _validator is None:
            _validator, _best_match = validator, exceptions.best_match
        return _validator, _best_match


def json_path(parts: Iterable[Any], root: str = "$") -> str:
    """``["people", 0, "uri"]`` as ``$.people[0].uri``."""
    path = root
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{clip(str(part))}"
    return path


def load(document: Any) -> Any:
    """
    The parsed document: JSON text (str or bytes) is parsed, anything else returned as it is.

    Raises:
        DecodeError: For malformed JSON, with its line.
    """
    if isinstance(document, str | bytes | bytearray | memoryview):
        try:
            return orjson.loads(document)
        except orjson.JSONDecodeError as error:
            raise DecodeError(f"malformed JSON: {error.msg}", line=error.lineno) from None
    return document


def validate(document: Any) -> None:
    """
    Check a document against the official ninjs 3.1 JSON Schema, with format checking on.

    Args:
        document: One ninjs object (a dict, as `to_ninjs` returns it), a list of them
            (each is checked), or either as JSON text (str or bytes).

    Raises:
        ValidationError: When a document is not valid: the most relevant error's message
            (from ``jsonschema.exceptions.best_match``) and its JSON path.
        DecodeError: When the text is not JSON.
        ImportError: When jsonschema, or its format checkers for ``uri`` and ``date-time``,
            are not installed (``pip install 'jsonschema[format-nongpl]'``).
    """
    data = load(document)
    validator, best_match = _get_validator()
    items = enumerate(data) if type(data) is list else [(None, data)]
    for index, item in items:
        root = "$" if index is None else f"$[{index}]"
        error = best_match(validator.iter_errors(item))
        if error is not None:
            raise ValidationError(
                f"not valid ninjs 3.1: {clip(error.message, 300)}",
                path=json_path(error.absolute_path, root),
            )
