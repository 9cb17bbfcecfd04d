"""The scope of a blocking cue: it blocks a trigger in its own clause, not one its object's circumstance names."""

from __future__ import annotations

import datetime

import pytest

from newsevents import Airstrike, PhoneCall
from newsevents.parsing import parse
from newsevents.parsing.blocking import cues_before
from newsevents.parsing.tokens import tokenize

THURSDAY = datetime.date(2016, 3, 10)


def strikes(text: str) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=THURSDAY) if isinstance(e, Airstrike)]


def cues(text: str, trigger: str) -> set[str]:
    """The cue kinds before the first token ``trigger`` of a text."""
    tokens = tokenize(text)
    return cues_before(tokens, next(i for i, t in enumerate(tokens) if t.lower == trigger))


@pytest.mark.parametrize(
    "text",
    [
        # a subordinate clause is its own: the refusal is the talks', not the bombing's
        "The rebels refused to attend the talks while Russian jets were bombing Idlib on Monday.",
        # the strike is the circumstance of the cue's object: taken as given
        "The army declined to confirm the death of the commander in a U.S. drone strike in Helmand.",
        "Aid workers had no access to the town amid Russian air strikes on Idlib on Monday.",
        # a heard strike happened
        "Villagers could hear Russian air strikes on Idlib on Monday night.",
    ],
)
def test_a_cue_of_another_clause_or_object_does_not_block_the_strike(text: str) -> None:
    assert len(strikes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets will take part in air strikes on Idlib next week.",
        "The coalition declined to carry out air strikes on Idlib on Monday.",
        "Russia denied that its jets carried out air strikes on Idlib on Monday.",
        "The rebels said no air strikes hit Idlib on Monday.",
    ],
)
def test_a_cue_of_the_strikes_own_clause_still_blocks(text: str) -> None:
    assert strikes(text) == []


def test_the_scope_holds_for_every_type() -> None:
    # the cue blocks the trigger in its own predicate; after a preposition of a circumstance
    # following the cue's object, the call is given
    assert cues("The minister would not discuss the matter in a phone call", "phone") == set()
    assert cues("The minister would not take part in a phone call", "phone") == {"modal", "negation"}
    text = "Ann Lee refused to comment while she spoke by phone with Tom Ross on Monday."
    assert [e for e in parse(text, published=THURSDAY) if isinstance(e, PhoneCall)]
