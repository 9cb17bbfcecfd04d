"""Airstrike constructions of the fourth recall round: each sentence is written for the project."""

from __future__ import annotations

import datetime

from newsevents import Airstrike
from newsevents.parsing import parse

TUESDAY = datetime.date(2016, 5, 3)


def strikes(text: str) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=TUESDAY) if isinstance(e, Airstrike)]


def attackers(text: str) -> list[str | None]:
    return [e.attacker.name if e.attacker is not None else None for e in strikes(text)]


def test_aircraft_obliterated_or_strafed() -> None:
    """ "X's drones obliterated a truck", "helicopters strafed a market": other verbs of an aircraft's attack."""
    found = strikes(
        "When Kenyan drones obliterated a truck carrying a rebel commander last month, talks stalled."
    )
    assert [("Kenya", "2016-04")] == [(e.attacker and e.attacker.name, str(e.date)) for e in found]
    found = strikes("Chadian helicopters strafed a market in the town of Faya on Monday.")
    assert [("Chad", "Faya", ("a market",))] == [
        (e.attacker and e.attacker.name, e.location and e.location.name, e.targets) for e in found
    ]


def test_a_drone_fired_a_missile_at_a_target() -> None:
    """ "a drone fired a missile at Y": the aircraft's weapon names the strike, Y is the target."""
    found = strikes("A Kenyan drone fired two missiles at a compound in the village of Tarso on Sunday.")
    assert [("Kenya", "Tarso", ("a compound",), "2016-05-01")] == [
        (e.attacker and e.attacker.name, e.location and e.location.name, e.targets, str(e.date))
        for e in found
    ]


def test_a_named_coalition_as_possessor_or_subject() -> None:
    """ "a Saudi-led coalition's air campaign", "prompted an Arab coalition to launch air strikes"."""
    assert ["Saudi-led coalition"] == attackers(
        "The border has been tense amid a Saudi-led coalition's air campaign targeting the rebels in Yemen."
    )
    assert ["Arab coalition"] == attackers(
        "The rebels' advance forced the president to flee to Riyadh and prompted an Arab coalition "
        "to launch air strikes against them."
    )


def test_government_air_strikes_are_the_state_of_the_place_struck() -> None:
    """ "government air strikes on A": the government of A's country strikes its own territory."""
    assert ["Syria"] == attackers("The rebel push followed government air strikes on rebel areas of Aleppo.")


def test_a_toll_since_a_day_by_air_strikes_dates_them() -> None:
    """ "N civilians killed since April 22 by air strikes": the toll's start is the strikes' start."""
    found = strikes(
        "The monitor has reported 120 civilians killed in Aleppo since April 22 by intense air strikes."
    )
    assert ["2016-04-22"] == [str(e.date) for e in found]


def test_a_campaign_stated_by_the_attackers_entry_into_the_war() -> None:
    """ "X, which entered the war last year with an air campaign against Y": X's campaign, dated by the entry."""
    found = strikes(
        "Chad, which entered the war last year with a separate air campaign against the rebels, wants talks."
    )
    assert [("Chad", "2015")] == [(e.attacker and e.attacker.name, str(e.date)) for e in found]


def test_two_states_campaigns_with_no_place_are_two_events() -> None:
    """ "A leads an air campaign ... B entered the war with its own": unplaced, but two sides, two events."""
    text = (
        "The war has drawn in outside powers, with Kenya leading an air campaign against the militants. "
        "Chad, which entered the war last year with a separate air campaign against the rebels, wants talks."
    )
    assert [("Kenya", "None"), ("Chad", "2015")] == [
        (e.attacker and e.attacker.name, str(e.date)) for e in strikes(text)
    ]


def test_merge_keeps_apart_what_the_type_says_are_two() -> None:
    """`merge(apart=...)`: mentions of one identity that the type's test keeps apart stay two events."""
    from newsevents.model import Actor
    from newsevents.parsing.merge import merge

    first = Airstrike(attacker=Actor.state("KE"))
    second = Airstrike(attacker=Actor.state("TD"))
    assert 1 == len(merge([first, second]))
    assert 2 == len(merge([first, second], apart=lambda a, b: a.attacker != b.attacker))  # type: ignore[attr-defined]
