"""
newsevents: typed, immutable news-event schemas, parsers and codecs.

The everyday names are here; the format verbs also live in their modules
(`newsevents.json`, `newsevents.newsml`), the strategies in `newsevents.strategies`.
"""

from newsevents import dates
from newsevents.errors import DecodeError, EncodeError, LimitError, NewsEventsError, ValidationError
from newsevents.events import Airstrike, PardonRequest, Penalty, PhoneCall, Sentencing
from newsevents.json import from_dict, from_json, json_schema, to_dict, to_json
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
from newsevents.newsml import from_newsml, to_newsml
from newsevents.parsing import parse
from newsevents.registry import register

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
