"""Airstrike constructions of the second recall round: each sentence is written for the project."""

from __future__ import annotations

import datetime

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


def test_an_unattributed_strike_takes_the_one_attacker_the_story_names() -> None:
    """Annotation note 8: "X's jets bombed A. ... Depots at B came under air attack": X's strikes."""
    text = (
        "Chadian jets bombed a rebel camp near the town of Faya on Sunday. "
        "Arms depots in the town of Abeche also came under air attack, residents said."
    )
    assert [("Chad", "Faya"), ("Chad", "Abeche")] == [slots(e) for e in strikes(text)]


def test_bare_warplanes_and_government_strikes_keep_no_attacker() -> None:
    """
    "Warplanes also hit X" may be anyone's; "government air strikes" are the government's, not the
    story's: the state of the place struck (Kassala is in Sudan), none for a place of no known state.
    """
    text = (
        "Chadian jets bombed a rebel camp near the town of Faya on Sunday. "
        "Warplanes also hit the town of Abeche on Monday, killing five people. "
        "Government air strikes struck the town of {} on Tuesday."
    )
    assert [("Chad", "Faya"), (None, "Abeche"), ("Sudan", "Kassala")] == [
        slots(e) for e in strikes(text.format("Kassala"))
    ]
    assert (None, "Zorvak") == slots(strikes(text.format("Zorvak"))[-1])


def test_a_separate_or_similar_strike_is_its_own() -> None:
    """ "A separate air strike killed N", "planes carried out a similar raid on Friday": not the strike told before."""
    text = (
        "Chadian jets bombed a rebel camp near the town of Faya on Sunday, killing nine fighters. "
        "A separate air strike killed four people, the monitor said."
    )
    assert [9, 4] == [e.killed.value for e in strikes(text) if e.killed is not None]
    similar = (
        "Chadian jets bombed a rebel camp near the town of Faya on Sunday. "
        "Chadian planes carried out a similar raid in the same area on Friday, hitting a depot."
    )
    assert ["2016-03-06", "2016-03-04"] == [str(e.date) for e in strikes(similar)]
