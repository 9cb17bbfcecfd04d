"""The exported hypothesis strategies: valid values of every registered type, constraints honoured."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents as ne
from newsevents import registry
from newsevents.errors import RegistrationError
from newsevents.strategies import actors, counts, event_of, events, evidence, partial_dates, places, texts


@given(events())
def test_events_cover_registered_types_and_are_valid(event):
    """Drawn events are instances of registered types whose offsets span their text."""
    assert type(event) in set(registry.types().values())
    if event.evidence is not None:
        assert event.evidence.end - event.evidence.start == len(event.evidence.text)


@given(events(types=[ne.PhoneCall]))
def test_declared_constraints_are_honoured(call):
    """PhoneCall declares min_items=2 on participants; the strategy never draws fewer."""
    assert len(call.participants) >= 2


@given(st.from_type(ne.Actor), st.from_type(ne.Place), st.from_type(ne.PartialDate), st.from_type(ne.Count))
def test_value_types_are_registered_with_from_type(actor, place, date, count):
    """Importing newsevents.strategies teaches st.from_type the value types."""
    assert isinstance(actor, ne.Actor)
    assert isinstance(place, ne.Place)
    assert isinstance(date, ne.PartialDate)
    assert isinstance(count, ne.Count)


@given(actors(), places(), partial_dates(), counts(), evidence(), texts())
def test_building_blocks_are_public(actor, place, date, count, proof, text):  # noqa: PLR0917
    """Each building block draws values of the right type."""
    assert [ne.Actor, ne.Place, ne.PartialDate, ne.Count, ne.Evidence, str] == [
        type(v) for v in (actor, place, date, count, proof, text)
    ]


def test_every_type_is_drawn():
    """events() reaches every registered type, not just the first (derandomized, so stable)."""
    seen = set()

    @settings(max_examples=300, derandomize=True, database=None)
    @given(events())
    def collect(event):
        seen.add(type(event).__name__)

    collect()
    assert {"PhoneCall", "PardonRequest", "Sentencing", "Airstrike"} <= seen


def test_unknown_type_names_are_refused():
    """Naming a type that is not registered is a clear error, not a KeyError."""
    with pytest.raises(RegistrationError, match="Meeting"):
        events(types=["Meeting"])
    with pytest.raises(RegistrationError):
        events(types=[])


def test_unregistered_classes_work_with_event_of():
    """event_of derives a strategy for any supported attrs Event subclass."""

    @attrs.frozen(kw_only=True)
    class Rally(ne.Event):
        crowd: ne.Count | None = None
        slogans: tuple[str, ...] = attrs.field(default=(), metadata={"min_items": 1})

    @given(event_of(Rally))
    def check(rally):
        assert len(rally.slogans) >= 1

    check()
