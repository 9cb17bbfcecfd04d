"""
newsevents: typed, immutable news-event schemas, parsers and codecs.

The everyday names are here; the format verbs also live in their modules
(`newsevents.json`, `newsevents.newsml`), the strategies in `newsevents.strategies`.

Importing the package loads the model and the registry only: the codecs (and lxml),
the parser and its lexicons, `newsevents.dates` and plugins' entry points are loaded
the first time one of their names is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsevents.errors import DecodeError, EncodeError, LimitError, NewsEventsError, ValidationError
from newsevents.events import Airstrike, PardonRequest, Penalty, PhoneCall, Sentencing
from newsevents.model import (
    Actor,
    ActorKind,
    Codes,
    Count,
    CountQualifier,
    Event,
    Evidence,
    PartialDate,
    Place,
)
from newsevents.registry import register

if TYPE_CHECKING:
    from newsevents import dates
    from newsevents.json import from_dict, from_json, json_schema, to_dict, to_json
    from newsevents.newsml import from_newsml, to_newsml
    from newsevents.parsing import parse

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Airstrike",
    "Codes",
    "Count",
    "CountQualifier",
    "DecodeError",
    "EncodeError",
    "Event",
    "Evidence",
    "LimitError",
    "NewsEventsError",
    "PardonRequest",
    "PartialDate",
    "Penalty",
    "PhoneCall",
    "Place",
    "Sentencing",
    "ValidationError",
    "__version__",
    "dates",
    "from_dict",
    "from_json",
    "from_newsml",
    "json_schema",
    "parse",
    "register",
    "to_dict",
    "to_json",
    "to_newsml",
]

#: The names loaded on first use, and the module each comes from.
_LAZY = {
    "from_dict": "newsevents.json",
    "from_json": "newsevents.json",
    "json_schema": "newsevents.json",
    "to_dict": "newsevents.json",
    "to_json": "newsevents.json",
    "from_newsml": "newsevents.newsml",
    "to_newsml": "newsevents.newsml",
    "parse": "newsevents.parsing",
}


def __getattr__(name: str) -> Any:
    if name == "dates":
        return importlib.import_module("newsevents.dates")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
