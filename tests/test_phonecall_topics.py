"""PhoneCall topics: what the text says a call was about, read by the shared `listed_items`."""

from __future__ import annotations

import pytest

import newsevents
from newsevents import PhoneCall


def _topics(sentence: str) -> list[tuple[str, ...]]:
    events = newsevents.parse("date 2016-03-04\nLeaders talk\n\n" + sentence)
    return [event.topics for event in events if isinstance(event, PhoneCall)]


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        # "discussed A and B": one topic per item
        ("Ana Silva and Hans Weber discussed Syria and Ukraine by phone on Tuesday.", ("Syria", "Ukraine")),
        # "to discuss X": the article left out, a place phrase kept
        ("Ana Silva phoned Hans Weber on Tuesday to discuss the crisis in Gaza.", ("crisis in Gaza",)),
        # "about A, B and C": a comma list
        (
            "Ana Silva spoke by phone with Hans Weber about trade, energy and the refugee crisis.",
            ("trade", "energy", "refugee crisis"),
        ),
        # a reporting clause after a comma is not an item
        (
            "In a phone call on Tuesday, Ana Silva and Hans Weber discussed bilateral relations and "
            "the situation in Libya, the ministry said.",
            ("bilateral relations", "situation in Libya"),
        ),
        # "and" before a verb ends the list
        ("Ana Silva and Hans Weber discussed energy by phone and agreed to meet.", ("energy",)),
        # quotation marks around an item are left out
        ('Ana Silva spoke by phone with Hans Weber about the "peace plan" on Monday.', ("peace plan",)),
        # too general alone: no topic
        ("Ana Silva spoke by phone with Hans Weber on Tuesday about the issue.", ()),
        # no cue word: no topic
        ("Ana Silva called Hans Weber on Tuesday.", ()),
        # a clause, not a short phrase: no topic
        (
            "Ana Silva spoke by phone with Hans Weber regarding the prospects for a political settlement "
            "of the long conflict in the east of the country.",
            (),
        ),
        # a quotation the list stops inside: no topic
        ("Ana Silva spoke with Hans Weber by phone about a list of “10 to 12 judges” for the court.", ()),
    ],
)
def test_a_calls_topics_are_the_items_after_a_cue(sentence: str, topics: tuple[str, ...]) -> None:
    assert [topics] == _topics(sentence)


def test_a_cue_far_after_the_call_is_not_its_topic() -> None:
    """The cue must be near the call: a later clause about something else gives no topic."""
    sentence = (
        "Ana Silva spoke by phone with Hans Weber on Tuesday, a day after the two ministers had met "
        "their aides and a group of bankers in the capital to talk about trade."
    )
    assert [()] == _topics(sentence)
