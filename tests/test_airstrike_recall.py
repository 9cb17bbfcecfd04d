"""Airstrike constructions added for recall: each sentence is written for the project."""

from __future__ import annotations

import datetime

import pytest

from newsevents import Airstrike
from newsevents.parsing import parse

THURSDAY = datetime.date(2016, 3, 10)


def strikes(text: str, published: datetime.date | None = THURSDAY) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=published) if isinstance(e, Airstrike)]


def slots(event: Airstrike) -> tuple[str | None, str | None]:
    """The attacker's and the place's names."""
    return (
        event.attacker.name if event.attacker is not None else None,
        event.location.name if event.location is not None else None,
    )


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        # "air support" names an attack from the air
        ("Militia fighters backed by air support from the U.S.-led coalition retook the town of Kirbel.",
         "U.S.-led coalition", "Kirbel"),
        ("Chad provided air support to militia fighters in the town of Kirbel on Monday.", "Chad", "Kirbel"),
        ("The militia, backed by helicopter gunship raids, retook the town of Kirbel.", None, "Kirbel"),
    ],
)
def test_air_support_and_gunship_raids(text: str, attacker: str | None, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)


def test_close_air_support_is_a_doctrine_not_a_strike() -> None:
    assert [] == strikes("The new rules allow more use of air power, particularly close air support.")


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # the subject of a campaign verb: a capital speaks for its state, a state's name has two words
        ("Moscow joined the war in Ruritania last year with a campaign of air strikes against the rebels.",
         "Russia"),
        ("Washington is leading its own air campaign against the rebels in Ruritania.", "United States"),
        ("The United States conducted a drone strike against a rebel commander in Ruritania on Saturday.",
         "United States"),
        # the subject nearest before the verb, not the first state of the sentence
        ("Britain and France have led the talks since Moscow joined the war with an air campaign in Ruritania.",
         "Russia"),
    ],
)
def test_campaign_attacker_is_the_subject_of_its_verb(text: str, attacker: str) -> None:
    [event] = strikes(text)
    assert attacker == slots(event)[0]
