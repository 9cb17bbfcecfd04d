"""Tests for the Airstrike recogniser (newsevents.parsing.airstrike)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import Airstrike, Count, CountQualifier, PartialDate
from newsevents.parsing import parse
from newsevents.parsing.airstrike import find_airstrikes, place_country
from newsevents.parsing.article import Article

THURSDAY = datetime.date(2016, 3, 10)


def strikes(text: str, published: datetime.date | None = THURSDAY) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=published) if isinstance(e, Airstrike)]


def test_seed_airstrike_exact(seed_text: str) -> None:
    """The seed's campaign: Israel in Syria, undated, hundreds of strikes, one event for all mentions."""
    [event] = strikes(seed_text, published=None)
    assert event.attacker is not None
    assert ("Israel", "IL") == (event.attacker.name, event.attacker.country)
    assert event.location is not None
    assert ("Syria", "SY") == (event.location.name, event.location.country)
    assert event.date is None
    assert Count(100, CountQualifier.ORDER) == event.strikes
    assert event.killed is None
    assert event.evidence is not None
    assert event.evidence.text.startswith("Israel has conducted hundreds of airstrikes in Syria")
    assert event.evidence.text == seed_text[event.evidence.start : event.evidence.end]


@pytest.mark.parametrize(
    ("text", "attacker", "place", "date", "killed"),
    [
        ("Saudi-led coalition air strikes killed at least 20 civilians in the Yemeni capital Sanaa on Tuesday.",
         "Saudi-led coalition", "Sanaa", "2016-03-08", Count(20, CountQualifier.AT_LEAST)),
        ("An Israeli air strike killed two Hamas militants in Gaza on Monday.",
         "Israel", "Gaza", "2016-03-07", Count(2)),
        ("A drone strike killed five suspected militants in North Waziristan, officials said.",
         None, "North Waziristan", None, Count(5)),
        ("Turkish jets bombed Kurdish militant positions in northern Iraq overnight.",
         "Turkey", "Iraq", "2016-03", None),  # the night before a March 10 story
        ("Syrian government helicopters dropped barrel bombs on the town of Daraya on Wednesday.",
         "Syria", "Daraya", "2016-03-09", None),
        ("American warplanes on Saturday struck a training camp in Somalia, killing about 150 fighters.",
         "United States", "Somalia", "2016-03-05", Count(150, CountQualifier.ABOUT)),
        ("Syrian helicopters dropped barrel bombs on Aleppo, and the death toll rose to 30, activists said.",
         "Syria", "Aleppo", None, Count(30)),
        ("Iraqi army helicopters struck Islamic State positions near Mosul on Monday.",
         "Iraq", "Mosul", "2016-03-07", None),
        ("A Taliban spokesman called the attack a reprisal for airstrikes in Kunduz this week.",
         None, "Kunduz", "2016-03", None),
        ("A U.S. drone strike killed three suspected militants in Yemen's Shabwa province on Thursday.",
         "United States", "Shabwa", "2016-03-10", Count(3)),
        ("Air strikes by the U.S.-led coalition killed 11 civilians in the Syrian city of Raqqa, the monitor said.",
         "U.S.-led coalition", "Raqqa", None, Count(11)),
        ("Warplanes believed to be Russian bombed a hospital in the town of Kafr Zita on Monday night.",
         "Russia", "Kafr Zita", "2016-03-07", None),
        ("A coalition air raid on a wedding in Yemen's Hajjah province killed at least 20 people on Sunday.",
         "coalition", "Hajjah", "2016-03-06", Count(20, CountQualifier.AT_LEAST)),
        ("The U.S. military said it conducted an airstrike in the Lower Shabelle region on Sunday.",
         "United States", "Lower Shabelle", "2016-03-06", None),
        ("An Israeli strike on a house in Rafah killed 12 people early on Wednesday.",
         "Israel", "Rafah", "2016-03-09", Count(12)),
        ("Israeli aircraft killed five militants in an air strike on a car in the Gaza Strip on Monday.",
         "Israel", "Gaza Strip", "2016-03-07", Count(5)),
        ("At least 25 people were killed when Saudi-led warplanes hit a prison in the Houthi-held city of Dhamar.",
         "Saudi-led coalition", "Dhamar", None, Count(25, CountQualifier.AT_LEAST)),
        ("An air strike on a hospital run by MSF in the Afghan city of Kunduz killed 22 people. The U.S. "
         "military said its aircraft had carried out the strike.", "United States", "Kunduz", None, Count(22)),
        ("Coalition aircraft destroyed an Islamic State bomb factory in western Mosul on Friday.",
         "coalition", "Mosul", "2016-03-04", None),
        ("A strike by Israeli aircraft on a house in Gaza killed three people on Tuesday.",
         "Israel", "Gaza", "2016-03-08", Count(3)),
        ("Syrian and Russian warplanes bombed rebel-held areas of Aleppo on Wednesday.",
         "Syria", "Aleppo", "2016-03-09", None),
        ("Iraqi F-16 jets struck Islamic State targets near the town of Hit on Tuesday, killing 15 militants.",
         "Iraq", "Hit", "2016-03-08", Count(15)),
        ("Israel's air force struck a Hamas weapons factory in the northern Gaza Strip on Thursday.",
         "Israel", "Gaza Strip", "2016-03-10", None),
        ("A suspected U.S. drone strike killed four members of the Haqqani network in North Waziristan.",
         "United States", "North Waziristan", None, Count(4)),
        ("Troops shelled towns on Sunday, and warplanes struck the town of Douma, killing at least seven people.",
         None, "Douma", "2016-03-06", Count(7, CountQualifier.AT_LEAST)),
    ],
)  # fmt: skip
def test_strike_phrasings(
    text: str, attacker: str | None, place: str, date: str | None, killed: Count | None
) -> None:
    """Each phrasing gives one strike with its attacker (a state by its short name), place, date and toll."""
    [event] = strikes(text)
    assert attacker == (None if event.attacker is None else event.attacker.name)
    assert event.location is not None
    assert place == event.location.name
    assert (None if date is None else PartialDate.parse(date)) == event.date
    assert killed == event.killed


def test_one_event_per_listed_place() -> None:
    """A report listing several places gives one event per place."""
    text = (
        "The Observatory also reported air strikes by jets believed to be Russian in areas east of "
        "Damascus, north of Homs, and in the southern province of Deraa."
    )
    events = strikes(text)
    assert ["Damascus", "Homs", "Deraa"] == [e.location.name for e in events if e.location is not None]
    assert all(e.attacker is not None and "Russia" == e.attacker.name for e in events)


def test_listed_settlements_share_no_toll() -> None:
    """'the towns of A, B and C' gives one event per town; a toll stated for all of them is none's own."""
    text = "Russian air strikes hit the towns of Kafr Nabl, Khan Sheikhoun and Saraqeb in Idlib on Friday."
    events = strikes(text + " At least 18 people were killed.")
    assert ["Kafr Nabl", "Khan Sheikhoun", "Saraqeb"] == [e.location.name for e in events if e.location]
    events = strikes(text[:-1] + ", killing at least 18 people.")
    assert [None, None, None] == [e.killed for e in events]


def test_the_strikes_which_hit_several_places() -> None:
    """'the strikes, which hit targets in A and B' places the strike reported before in A and in B."""
    text = (
        "Israeli jets carried out strikes in the southern Gaza Strip on Thursday, the military said. "
        "There were no reports of casualties from the strikes, which hit targets in Khan Younis and Rafah."
    )
    events = strikes(text)
    assert ["Khan Younis", "Rafah"] == [e.location.name for e in events if e.location]
    assert all(e.attacker is not None and "Israel" == e.attacker.name for e in events)
    assert all(PartialDate(2016, 3, 10) == e.date for e in events)


def test_background_strikes_in_the_country_of_a_placed_strike() -> None:
    """A later undated 'drone strikes in Pakistan' is the country of the strike in North Waziristan, not another."""
    text = (
        "A U.S. drone strike killed four militants in North Waziristan on Tuesday. "
        "Washington rarely comments on drone strikes in Pakistan."
    )
    [event] = strikes(text)
    assert event.location is not None
    assert "North Waziristan" == event.location.name


def test_campaign_in_a_later_sentence_keeps_its_own_time() -> None:
    """
    A later 'which has carried out air strikes since September' does not date the strike before it:
    it is a campaign with a stated start, its own event (notes 9, 10).
    """
    text = (
        "Warplanes struck the town of Douma, killing seven people. Russia, which has carried out air "
        "strikes since September, brokered the truce."
    )
    event, campaign = strikes(text)
    assert event.date is None
    assert "Douma" == (event.location.name if event.location else None)
    assert PartialDate(2015, 9) == campaign.date


def test_a_dated_strike_on_a_place_is_not_an_undated_one_told_before() -> None:
    """
    'Jets bombed X. ... An air strike on X in 2014 ...': a later mention dated in its own words,
    neither referring back nor in the next sentence, is another strike on the same place.
    """
    text = (
        "Government jets bombed the old market in Homs, witnesses said. "
        "Aid groups asked for a ceasefire. "
        "An air strike on Homs in 2014 destroyed the same market."
    )
    undated, dated = strikes(text)
    assert undated.date is None
    assert PartialDate(2014) == dated.date


def test_conflicting_tolls_give_no_toll() -> None:
    """A second source's different toll in the next sentences leaves the toll empty (Clarification 6)."""
    text = "An air raid on a market in Douma killed at least 20 people on Sunday, medics said."
    [event] = strikes(text + " The rebels put the death toll at 33.")
    assert event.killed is None
    [event] = strikes(text + " The rebels said 45 civilians had died in the raid.")
    assert event.killed is None
    [event] = strikes(text + " Among the dead, the raid killed three children, medics said.")
    assert Count(20, CountQualifier.AT_LEAST) == event.killed  # a part of the toll, not another toll
    [event] = strikes(text + " The rebels put the death toll at 20.")
    assert Count(20, CountQualifier.AT_LEAST) == event.killed


def test_later_mention_names_the_place() -> None:
    """'The raid hit ... the town of X on Monday' places and dates a strike reported on 'a town'."""
    text = (
        "At least 49 civilians have been killed in air strikes carried out by government forces on a town "
        "in Syria's northwestern Idlib province.\n\n"
        "The Observatory said the raid hit a square in the town of Janudiyah on Monday."
    )
    [event] = strikes(text, published=datetime.date(2015, 6, 9))
    assert event.location is not None
    assert "Janudiyah" == event.location.name
    assert PartialDate(2015, 6, 8) == event.date
    assert Count(49, CountQualifier.AT_LEAST) == event.killed
    assert event.attacker is not None
    assert "Syria" == event.attacker.name


@pytest.mark.parametrize(
    "text",
    [
        "Israeli artillery shelled positions in southern Lebanon.",
        "A car bomb exploded in Baghdad, killing 12 people.",
        "North Korea launched a ballistic missile on Wednesday.",
        "Workers went on a labor strike on Monday.",
        "France and Britain discussed proposed joint airstrikes against Islamic State.",
        "The United States will carry out air strikes if necessary.",
        "Officials denied that any air strikes had taken place.",
        "Two Russian warplanes flew simulated attack passes near a U.S. destroyer in the Baltic Sea.",
        "Russia made clear it would continue bombing Syrian rebel targets.",
        "The prisoners went on hunger strike in Cairo.",
        "The suicide bomber killed 10 people in Istanbul.",
        "A passenger jet hit severe turbulence over the Atlantic on Monday.",
        "The helicopter struck a power line near Denver.",
        "Residents fled to air raid shelters in Kiev.",
        "The United States is considering air strikes against the militias, a defence official said.",
        "A French strike on the railways left commuters stranded as workers protested pension cuts.",
        "Turkish police raided the offices of an opposition newspaper on Thursday.",
        "Government troops bombarded rebel positions with tanks and artillery.",
        "An Iranian missile strike on Israel killed one person.",
        "An Amazon delivery drone hit a tree during a test flight, the company said.",
        "Police raided several homes after a family of suicide bombers attacked three churches.",
        "The airline ordered 40 Boeing jets on Tuesday.",
        "The army said its jets would strike again if attacked.",
        "The New York Jets struck first with a touchdown on Sunday.",
        "The United States struck a deal with China on Friday to cut tariffs.",
    ],
)
def test_not_air_strikes(text: str) -> None:
    """Shelling, car bombs, missiles, labour strikes, proposed, future, denied or simulated strikes are not."""
    assert [] == strikes(text)


def test_place_country() -> None:
    """The gazetteer gives the country of known places and None for unknown ones."""
    assert "SY" == place_country("Aleppo")
    assert "US" == place_country("Arizona")
    assert place_country("Atlantis") is None


def test_corpus_air_strikes(corpus: Path) -> None:
    """Every non-optional dev-corpus strike is found at its place, and nothing extra."""
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = [e for e in record["events"] if e["type"] == "Airstrike"]
        text = (corpus / f"{record['id']}.txt").read_text(encoding="utf-8")
        found = strikes(text, published=None)
        assert len(found) <= len(gold), record["id"]
        places = {e.location.name for e in found if e.location is not None and e.location.name}
        for wanted in (e for e in gold if not e["optional"]):
            assert any(name in wanted["location"] or wanted["location"] in name for name in places), (
                record["id"],
                wanted["location"],
            )
        for event in found:
            assert event.evidence is not None
            assert event.evidence.text == text[event.evidence.start : event.evidence.end]


@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    """The recogniser returns events (or none) for any text, never raising."""
    for event in find_airstrikes(Article("Russian warplanes struck " + text)):
        assert event.evidence is not None


def test_linear_on_adversarial_input() -> None:
    """Long runs of trigger words are handled without blowing up."""
    text = "Russian warplanes struck in Aleppo, " * 300 + "the air strikes " * 300 + "."
    assert isinstance(list(find_airstrikes(Article(text))), list)


def test_also_ties_a_report_to_the_day_named_before() -> None:
    """A strike reported with 'also' takes the day the text last said things 'also' happened on."""
    text = (
        "Other fronts were also active on Sunday.\n\n"
        "The Observatory also reported air strikes by jets believed to be Russian north of Homs."
    )
    [event] = strikes(text, published=datetime.date(2016, 2, 14))
    assert PartialDate(2016, 2, 14) == event.date
    [event] = strikes(
        "The Observatory reported air strikes north of Homs.", published=datetime.date(2016, 2, 14)
    )
    assert event.date is None


def test_a_start_after_since_lies_before_publication() -> None:
    """'since Oct. 12' in a May story is the October before (note 9), never dropped as a misread year."""
    [event] = strikes(
        "Coalition warplanes have pounded the rebel districts since Oct. 12.", datetime.date(2016, 5, 20)
    )
    assert PartialDate(2015, 10, 12) == event.date


def test_the_day_of_a_complaint_does_not_date_the_strikes_it_reports() -> None:
    """'X complained today that jets bombed ... last Monday and Tuesday': the two days, not the complaint's."""
    text = "Chad protested to the council today that jets from Sudan bombed border towns last Monday and Tuesday."
    [event] = strikes(text, datetime.date(1987, 3, 5))
    assert PartialDate(1987, 3) == event.date  # Monday 2 and Tuesday 3 March, not Thursday 5
    [event] = strikes(
        "Officials complained on Tuesday that Sudanese warplanes had bombed the market in Geneina.",
        datetime.date(2016, 3, 10),
    )
    assert event.date is None


def test_a_campaign_with_a_stated_start_is_not_the_strike_on_a_town_before_it() -> None:
    """Strikes on a town, then the coalition's raids 'since March 26': two events (notes 9, 10)."""
    text = (
        "Planes from a coalition led by Saudi Arabia struck rebel positions in the city of Taiz. "
        "Residents fled the city.\n\n"
        "Backed by Washington, the coalition has been conducting air raids against the rebels since March 26."
    )
    events = strikes(text, datetime.date(2015, 5, 11))
    assert [None, PartialDate(2015, 3, 26)] == [e.date for e in events]
