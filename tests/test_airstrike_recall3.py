"""Airstrike places of the third recall round: each sentence is written for the project."""

from __future__ import annotations

import datetime

from newsevents import Airstrike
from newsevents.parsing import parse

THURSDAY = datetime.date(2016, 3, 10)


def places(text: str) -> list[str | None]:
    """The place of each Airstrike event parse finds in a text."""
    found = [e for e in parse(text, published=THURSDAY) if isinstance(e, Airstrike)]
    return [e.location.name if e.location is not None else None for e in found]


def test_a_two_word_village_after_on_is_a_place_not_a_person() -> None:
    """ "Air strikes hit on A B, C and other towns": the list names places, though "A B" looks like a name."""
    text = "Air strikes continued on Kafr Dourin, Bassel and other towns in the Homs countryside, residents said."
    assert ["Kafr Dourin", "Bassel"] == places(text)


def test_the_place_right_after_the_strike_verb() -> None:
    """ "X's warplanes struck P on Monday": the name the verb takes is the place struck."""
    assert ["Kafr Dourin"] == places("Russian warplanes struck Kafr Dourin on Monday, residents said.")
    assert ["Aleppo"] == places("Russian warplanes struck Aleppo on Monday, residents said.")


def test_a_name_before_a_noun_is_not_the_place() -> None:
    """ "gunships attacked N positions near the village of P": N is a modifier, P the place."""
    text = "Chadian helicopter gunships attacked Ansar Dine positions near the village of Faya on Tuesday."
    assert ["Faya"] == places(text)


def test_a_person_struck_by_name_is_not_a_place() -> None:
    """ "A drone strike on Firstname Surname ... Surname": the article calls a person by the surname again."""
    text = (
        "A drone strike on Omar Haddadi killed the commander on Monday. Haddadi had led the group for years."
    )
    assert [None] == places(text)


def test_a_place_after_nearby() -> None:
    """ "jets also struck positions in nearby P": "nearby" between the locative and the name."""
    assert ["Zabreh"] == places("The warplanes also struck rebel positions in nearby Zabreh.")


def test_a_natural_feature_the_mention_layer_reads_as_an_organisation() -> None:
    """ "warplanes attacked two ships in the Gulf": a gulf, sea or forest is a place."""
    assert ["Gulf"] == places("Iraqi warplanes attacked two ships in the Gulf on Tuesday, a spokesman said.")


def test_a_campaign_is_not_the_strike_on_one_town_told_before_it() -> None:
    """ "Jets hit town P. ... X joined the war with a campaign of air strikes": two events (note 10)."""
    text = (
        "Air strikes continued on Kafr Dourin and Bassel, residents said. "
        "Moscow turned the war when it joined the conflict four months ago with a campaign of air strikes "
        "against the rebels."
    )
    assert ["Kafr Dourin", "Bassel", None] == places(text)
