"""The Airstrike recogniser on the pattern engine: constructions, blocking, merging and the shared layer it uses.

Every sentence here was written for the project.
"""

from __future__ import annotations

import datetime

import pytest

from newsevents import Airstrike, Count, CountQualifier, PartialDate
from newsevents.parsing import parse, recognisers, register_recogniser, unregister_recogniser
from newsevents.parsing.article import Article
from newsevents.parsing.clauses import sentence_expressions
from newsevents.parsing.gazetteer import place_country, sentence_places
from newsevents.parsing.tokens import tokenize

THURSDAY = datetime.date(2016, 3, 10)


def strikes(text: str, published: datetime.date | None = THURSDAY) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=published) if isinstance(e, Airstrike)]


def one(text: str) -> Airstrike:
    [event] = strikes(text)
    return event


@pytest.mark.parametrize(
    ("text", "attacker", "place", "killed"),
    [
        # an aircraft or a weapon is the agent
        ("Coalition jets killed six fighters near Kismayo on Monday.", "coalition", "Kismayo", Count(6)),
        ("A drone killed two men in the town of Jaar on Friday.", None, "Jaar", Count(2)),
        ("Russian warplanes struck the village of Tal Rifaat on Sunday.", "Russia", "Tal Rifaat", None),
        ("Iraqi planes yesterday raided a depot near Amarah.", "Iraq", "Amarah", None),
        # coalitions named by their leader, before or after the trigger
        ("The U.S.-led coalition conducted four air strikes near Sinjar on Tuesday.", "U.S.-led coalition",
         "Sinjar", None),
        ("Air strikes by the Saudi-led coalition hit a market in Saada on Monday.", "Saudi-led coalition",
         "Saada", None),
        ("Air strikes, thought to be from Turkish jets, hit a camp near Zakho on Monday.", "Turkey", "Zakho", None),
        # the state as subject, the state's possessive, the speaker's own aircraft
        ("Israel has conducted hundreds of air strikes in Lebanon.", "Israel", "Lebanon", None),
        ("Kenya said its jets bombed a militant camp near Bardhere on Friday.", "Kenya", "Bardhere", None),
        # "backed by X's air power"
        ("Backed by Russian air power, troops entered the town of Maheen on Sunday.", "Russia", "Maheen", None),
        # the place: a country's possessive, an apposition, a region noun
        ("Saudi-led warplanes bombed a school in Yemen's Marib province on Sunday.", "Saudi-led coalition",
         "Marib", None),
        ("Coalition aircraft launched two air strikes on a house in the capital, Sanaa, on Sunday.",
         "coalition", "Sanaa", None),
        ("A U.S. drone strike killed three men in the Middle Juba region on Monday.", "United States",
         "Middle Juba", Count(3)),
    ],
)  # fmt: skip
def test_constructions(text: str, attacker: str | None, place: str, killed: Count | None) -> None:
    """Each construction gives one strike with its attacker, place and toll."""
    event = one(text)
    assert attacker == (None if event.attacker is None else event.attacker.name)
    assert event.location is not None
    assert place == event.location.name
    assert killed == event.killed


def test_strike_counts() -> None:
    """The number of strikes is the count right before the strike's noun."""
    assert (
        Count(4) == one("The U.S.-led coalition conducted four air strikes near Sinjar on Tuesday.").strikes
    )
    assert (
        Count(100, CountQualifier.ORDER)
        == one("Israel has conducted hundreds of air strikes in Lebanon.").strikes
    )


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Chadian jets bombed a bridge and a fuel depot near Faya on Sunday.", ("a bridge", "a fuel depot")),
        ("Air strikes targeting a hospital in the town of Kafr Batna killed five people.", ("a hospital",)),
        ("An air raid on a wedding party in the town of Ibb killed 11 people.", ("a wedding party",)),
        ("The coalition carried out three air strikes near Hit, destroying fighting positions and vehicles.",
         ("fighting positions", "vehicles")),
        ("Russian bombing raids directed at rebel units near Tadef went on all night.", ("rebel units",)),
        ("Air strikes, thought to be from Russian planes, hit villages north of Hama on Sunday.", ("villages",)),
    ],
)  # fmt: skip
def test_targets_in_the_articles_words(text: str, targets: tuple[str, ...]) -> None:
    """What the strike aimed at, in the article's own words, one item per listed target."""
    assert targets == one(text).targets


def test_one_event_per_listed_place_and_no_shared_toll() -> None:
    """'the towns of A, B and C', 'including A and B': one event per place, none with the toll of all."""
    events = strikes("Warplanes struck the towns of Kafr Hamra, Anjara and Hreitan, killing 12 people.")
    assert ["Kafr Hamra", "Anjara", "Hreitan"] == [e.location.name for e in events if e.location]
    assert [None, None, None] == [e.killed for e in events]
    events = strikes(
        "Russian jets pounded villages west of Idlib, including Kafr Takharim and Salqin, on Sunday."
    )
    assert ["Kafr Takharim", "Salqin"] == [e.location.name for e in events if e.location]


def test_event_stated_across_two_sentences() -> None:
    """The trigger in one sentence, the toll, the attacker or the place in the next."""
    event = one("Malian jets struck a depot in Kidal on Monday. The raid killed nine people.")
    assert Count(9) == event.killed
    event = one("Warplanes bombed a market in Ariha on Monday. The strike was carried out by Syrian jets.")
    assert event.attacker is not None
    assert "Syria" == event.attacker.name
    event = one(
        "A senior commander died in a drone strike, his group said. He was killed in the town of Azzan on Friday."
    )
    assert event.location is not None
    assert "Azzan" == event.location.name
    assert PartialDate(2016, 3, 4) == event.date


def test_the_raid_names_the_town_of_a_vague_report() -> None:
    """A strike on 'a town in' a region is placed by 'the raid ... in the town of X' in a later sentence."""
    text = (
        "Jets killed 14 people in a town in Syria's Hama province on Monday, a monitor said. "
        "The raid hit a bakery in the town of Kafr Zita."
    )
    event = one(text)
    assert event.location is not None
    assert "Kafr Zita" == event.location.name
    assert Count(14) == event.killed
    assert ("a bakery",) == event.targets


def test_mentions_of_one_strike_merge() -> None:
    """The same place named again, or a later unplaced mention, is the strike already reported."""
    text = (
        "Israeli jets struck Beit Lahia on Monday, killing two people. "
        "The air strikes on Beit Lahia destroyed a workshop, residents said. "
        "Israel rarely comments on its air strikes."
    )
    event = one(text)
    assert event.location is not None
    assert "Beit Lahia" == event.location.name
    assert Count(2) == event.killed


def test_a_mention_with_its_own_aircraft_and_attacker_is_another_strike() -> None:
    """ "Israeli warplanes launched strikes in response" after a strike reported before is a second one."""
    text = (
        "Israeli jets bombed a field in Rafah on Monday. Militants fired rockets at Sderot on Tuesday. "
        "Israeli warplanes then launched strikes on two more targets in Khan Younis."
    )
    assert ["Rafah", "Khan Younis"] == [e.location.name for e in strikes(text) if e.location]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey threatened air strikes on the militants near Afrin.",
        "The air force held a drill simulating strikes on the base at Incirlik.",
        "The ministry denied that its jets had bombed the village of Kfar Nabl.",
        "Rebels shelled the town of Azaz, killing four people.",
        "A car bomb exploded near a mosque in Kirkuk, killing nine people.",
        "A passenger jet hit a flock of birds over Lyon on Monday.",
        "Residents ran to air raid shelters in Odessa on Sunday.",
        "Dock workers launched a strike at the port of Antwerp on Monday.",
        "Militants launched a strike at an army post near Arish on Monday.",
        "The senator called for air strikes against the militants in Libya.",
        "The Chicago Jets struck first in the second quarter on Sunday.",
        "The army said its helicopters would strike the rebels if they advanced.",
    ],
)
def test_blocked(text: str) -> None:
    """Threatened, simulated, denied, called-for or future strikes; shelling, car bombs, airliners, walkouts, teams."""
    assert [] == strikes(text)


def test_the_disputed_toll_is_none() -> None:
    """A higher toll from another source in the next sentence leaves the toll empty; a lower one is a part."""
    text = "An air raid on a market in Douma killed at least 15 people on Sunday, medics said."
    assert one(text + " Activists put the toll at 22.").killed is None
    assert (
        Count(15, CountQualifier.AT_LEAST)
        == one(text + " The raid killed four children, medics said.").killed
    )


def test_a_time_naming_another_event_does_not_date_the_strike() -> None:
    """ "Tuesday's rocket attack, prompting Israeli jets to bomb ...": Tuesday dates the rocket attack."""
    event = one(
        "Militants claimed Tuesday's rocket attack, prompting Israeli jets to bomb two fields in Gaza."
    )
    assert event.date is None


def test_run_order_does_not_depend_on_import_order() -> None:
    """Recognisers share an article's cast: parse runs them in the registry's order, however they were registered."""
    text = (
        "President Ana Silva spoke by phone with King Omar of Jordan on Monday. "
        "Jordanian jets struck a militant camp near Ruwaished on Sunday, killing seven fighters."
    )
    before = parse(text, published=THURSDAY)
    recogniser = recognisers()["Airstrike"][0]
    unregister_recogniser(recogniser)
    try:
        register_recogniser(Airstrike)(recogniser)  # now registered last
        assert before == parse(text, published=THURSDAY)
    finally:
        unregister_recogniser(recogniser)
        register_recogniser(Airstrike)(recogniser)


def test_sentence_places() -> None:
    """The gazetteer's places and the small ones their words make places, for every event type."""

    def names(text: str) -> list[str | None]:
        return [span.value.name for span in sentence_places(tokenize(text))]

    assert ["Kafr Hamra", "Anjara", "Hreitan"] == names(
        "They shelled the villages of Kafr Hamra, Anjara and Hreitan."
    )
    assert ["Yemen", "Shabwa"] == names("The office is in Yemen's Shabwa province.")
    assert ["Middle Juba region"] == names("Aid reached the Middle Juba region on Monday.")
    assert ["Tadef"] == names("The convoy stopped near Tadef.")
    assert [] == names("The talks were held in Syrian territory.")
    [yemen, shabwa] = sentence_places(tokenize("The office is in Yemen's Shabwa province."))
    assert "YE" == shabwa.value.country == yemen.value.country


def test_moved_helpers_stay_importable() -> None:
    """place_country and sentence_times live in the shared layer and are still importable from the old module."""
    from newsevents.parsing import airstrike

    assert "SY" == place_country("Aleppo") == airstrike.place_country("Aleppo")
    article = Article("Jets struck on Monday.", published=THURSDAY)
    [sentence] = article.sentences
    found = airstrike.sentence_times(article, sentence)
    assert found == sentence_expressions(article, sentence)
    assert PartialDate(2016, 3, 7) == found[0].resolve(THURSDAY, direction="past")


def test_a_city_of_another_country_is_not_the_more_specific_place() -> None:
    """ "in the south of Syria since Moscow intervened": Moscow is not a place in Syria."""
    event = one("Russian jets bombed areas in the south of Syria since Moscow intervened, a monitor said.")
    assert event.location is not None
    assert "Syria" == event.location.name
