"""
Hypothesis strategies for every registered event type, for testing code that uses newsevents.

``events()`` draws events of any registered type, user-defined ones included: each
strategy is derived from the type's attrs fields (`newsevents._fields.describe`), not
written per class, and honours the fields' declared constraints. Every value drawn is
one the model accepts, so every codec must round-trip it::

    from hypothesis import given
    from newsevents import from_json, to_json
    from newsevents.strategies import events

    @given(events())
    def test_json_round_trip(event):
        assert from_json(to_json(event)) == event

Importing this module registers the value types with `hypothesis.strategies.from_type`.
Hypothesis is imported only here, and is an optional extra: ``pip install "newsevents[strategies]"``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover (the extra is installed in the tests)
    raise ImportError(
        "newsevents.strategies needs Hypothesis, an optional extra: pip install 'newsevents[strategies]'"
    ) from None

from newsevents import registry
from newsevents._fields import EnumOf, FieldSpec, FieldType, OptionalOf, Scalar, TupleOf, describe
from newsevents.errors import RegistrationError
from newsevents.model import (
    MAX_INT,
    Actor,
    ActorKind,
    Count,
    CountQualifier,
    Event,
    Evidence,
    PartialDate,
    Place,
    country_codes,
)

__all__ = [
    "actors",
    "countries",
    "counts",
    "event_ids",
    "event_of",
    "events",
    "evidence",
    "partial_dates",
    "places",
    "texts",
]

# Everything XML 1.0 and UTF-8 can carry: no surrogates, no C0 controls but tab, LF and CR.
_CHARACTERS = st.characters(
    exclude_categories=["Cs"],
    exclude_characters="".join(
        [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + ["\ufffe", "\uffff"]
    ),
)


def texts(*, min_size: int = 0, max_size: int = 40, blank: bool = True) -> st.SearchStrategy[str]:
    """
    Strings the model accepts: any Unicode XML 1.0 and UTF-8 can carry.

    Args:
        min_size: The fewest characters.
        max_size: The most characters.
        blank: Whether blank strings (empty or whitespace only) may be drawn.
    """
    strategy = st.text(_CHARACTERS, min_size=min_size, max_size=max_size)
    return strategy if blank else strategy.filter(str.strip)


def _names() -> st.SearchStrategy[str]:
    return texts(min_size=1, blank=False)


def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes the model accepts."""
    return st.sampled_from(sorted(country_codes()))


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates at year, month or day precision."""
    days = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
    return st.one_of(
        st.integers(1, 9999).map(PartialDate),
        st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
        days.map(PartialDate.from_date),
    )


def actors() -> st.SearchStrategy[Actor]:
    """Actors of every kind, with and without a title and a country."""
    return st.builds(
        Actor,
        _names(),
        st.sampled_from(ActorKind),
        title=st.none() | _names(),
        country=st.none() | countries(),
    )


def places() -> st.SearchStrategy[Place]:
    """Places with a name, a country, or both."""
    return st.one_of(
        st.builds(Place, _names(), country=st.none() | countries()),
        st.builds(Place, st.none(), country=countries()),
    )


def counts() -> st.SearchStrategy[Count]:
    """Counts, exact and qualified."""
    return st.builds(Count, st.integers(0, MAX_INT), st.sampled_from(CountQualifier))


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    """Evidence whose offsets span its text, with and without a rule."""
    text = draw(texts(max_size=80))
    start = draw(st.integers(0, MAX_INT - len(text)))
    rule = draw(st.none() | _names())
    return Evidence(text, start, start + len(text), rule=rule)


def event_ids() -> st.SearchStrategy[str]:
    """Explicit event ids: QCode-safe, 1 to 64 characters."""
    return st.from_regex(r"[A-Za-z0-9._-]{1,64}", fullmatch=True)


_VALUES: dict[type, Any] = {
    Actor: actors,
    Place: places,
    PartialDate: partial_dates,
    Count: counts,
    Evidence: evidence,
}


def _strategy(ftype: FieldType, spec: FieldSpec) -> Any:
    """Values of a field: its type, within the constraints it declares."""
    if isinstance(ftype, OptionalOf):
        return st.none() | _strategy(ftype.item, spec)
    if isinstance(ftype, TupleOf):
        item = _strategy(ftype.item, spec)
        return st.lists(item, min_size=spec.min_items, max_size=max(spec.min_items, 4)).map(tuple)
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            return countries() if spec.country else texts(blank=spec.blank, min_size=0 if spec.blank else 1)
        if ftype.type is int:
            return st.integers(spec.low, spec.high)
        return st.booleans()
    if isinstance(ftype, EnumOf):
        return st.sampled_from(ftype.type)
    return _VALUES[ftype.type]()


def event_of(cls: type[Event]) -> st.SearchStrategy[Event]:
    """
    Events of one type, derived from its attrs fields.

    Each field's values honour the constraints its metadata declares. The ``id`` is left
    empty (so derived from the content) or drawn explicitly.
    """
    fields = {}
    for spec in describe(cls):
        if spec.name == "id":
            fields["id"] = st.just("") | event_ids()
        else:
            fields[spec.name] = _strategy(spec.type, spec)
    return st.builds(cls, **fields)


@st.composite
def _registered_now(draw: st.DrawFn) -> Event:
    """An event of a type registered when it is drawn (types come and go in a test session)."""
    registered = registry.types()
    name = draw(st.sampled_from(sorted(registered)))
    return draw(event_of(registered[name]))


def events(*, types: Iterable[type[Event] | str] | None = None) -> st.SearchStrategy[Event]:
    """
    Events of any registered type, or of the given types.

    Args:
        types: Event classes or registered type names; None means every type registered
            when an example is drawn, user-defined ones included (a type registered or
            unregistered after the strategy was made is taken into account).
    """
    registered = registry.types()
    if types is None:
        return _registered_now()
    chosen = []
    for item in types:
        if isinstance(item, str):
            if item not in registered:
                raise RegistrationError(f"unknown event type {item!r}; registered: {sorted(registered)}")
            chosen.append(event_of(registered[item]))
        else:
            chosen.append(event_of(item))
    if not chosen:
        raise RegistrationError("events(types=...) needs at least one type")
    return st.one_of(chosen)


for _type, _make in _VALUES.items():
    st.register_type_strategy(_type, _make())
