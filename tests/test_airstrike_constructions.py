"""Airstrike constructions found missing on real news (the pool's train set): each sentence is written for the project."""

from __future__ import annotations

import datetime

import pytest

from newsevents import Airstrike
from newsevents.parsing import parse

THURSDAY = datetime.date(2016, 3, 10)
TUESDAY = datetime.date(2016, 5, 3)


def strikes(text: str, published: datetime.date | None = THURSDAY) -> list[Airstrike]:
    """The Airstrike events parse finds in a text."""
    return [e for e in parse(text, published=published) if isinstance(e, Airstrike)]


def strikes_may(text: str) -> list[Airstrike]:
    """The Airstrike events parse finds in a text published on Tuesday 3 May 2016."""
    return strikes(text, TUESDAY)


def places(text: str) -> list[str | None]:
    """The place of each Airstrike event parse finds in a text."""
    return [e.location.name if e.location is not None else None for e in strikes(text)]


def attackers(text: str, published: datetime.date | None = TUESDAY) -> list[str | None]:
    """The attacker of each Airstrike event parse finds in a text."""
    return [e.attacker.name if e.attacker is not None else None for e in strikes(text, published)]


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
        (
            "Militia fighters backed by air support from the U.S.-led coalition retook the town of Kirbel.",
            "U.S.-led coalition",
            "Kirbel",
        ),
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
        (
            "Moscow joined the war in Ruritania last year with a campaign of air strikes against the rebels.",
            "Russia",
        ),
        ("Washington is leading its own air campaign against the rebels in Ruritania.", "United States"),
        (
            "The United States conducted a drone strike against a rebel commander in Ruritania on Saturday.",
            "United States",
        ),
        # the subject nearest before the verb, not the first state of the sentence
        (
            "Britain and France have led the talks since Moscow joined the war with an air campaign in Ruritania.",
            "Russia",
        ),
    ],
)
def test_campaign_attacker_is_the_subject_of_its_verb(text: str, attacker: str) -> None:
    [event] = strikes(text)
    assert attacker == slots(event)[0]


def test_names_listed_with_a_known_place_are_places_struck() -> None:
    """ "at A, B and C": a list that closes with "and" makes its unknown names places too."""
    found = strikes("Malian warplanes struck rebel depots at Kidal, Zorbu and Tenkal on Monday.")
    assert [("Mali", "Kidal"), ("Mali", "Zorbu"), ("Mali", "Tenkal")] == [slots(e) for e in found]


def test_places_listed_before_a_passive_strike() -> None:
    """ "depots at A and B provinces in northern X came under air attack": A and B, the depots targeted."""
    found = strikes(
        "Rebel depots at Kidal and Gao provinces in northern Mali came under air attack, residents said."
    )
    assert [(None, "Kidal"), (None, "Gao")] == [slots(e) for e in found]
    assert all(e.targets == ("Rebel depots",) for e in found)


def test_a_reporting_source_is_no_place_struck() -> None:
    """ "..., the Observatory reported": who tells, not where."""
    [event] = strikes("Six fighters were killed in air strikes in Kidal province, the Observatory reported.")
    assert (None, "Kidal") == slots(event)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a campaign's stated start dates it
        (
            "Chad has led a coalition in air raids against the rebels since March 2, hoping to end the war.",
            "2016-03-02",
        ),
        (
            "Since 2014, militia fighters backed by U.S.-led air strikes have retaken the town of Kirbel.",
            "2014",
        ),
    ],
)
def test_a_campaign_since_a_date(text: str, date: str) -> None:
    [event] = strikes(text)
    assert event.date is not None
    assert date == event.date.isoformat()


def test_a_start_after_publication_dates_nothing() -> None:
    [event] = strikes(
        "Chadian warplanes have been bombing the rebels since Sept. 30.", published=datetime.date(2016, 4, 5)
    )
    assert event.date is None or event.date.isoformat() <= "2016-04-05"


def test_a_toll_shared_with_ground_fighting_is_not_the_strikes() -> None:
    [event] = strikes("On Friday, 18 insurgents were killed in battles and air strikes in Kidal province.")
    assert event.killed is None


def test_a_country_after_the_before_a_strike_noun_is_the_place() -> None:
    """ "the Yemen air raids" are raids in Yemen, not by it; "the U.S. air strikes" are by it."""
    [event] = strikes("One of its jets, taking part in the Mali air raids, went missing on Sunday.")
    assert event.attacker is None


def test_the_warplanes_are_the_attacker_the_story_named() -> None:
    """ "Chadian jets bombed X. ... The warplanes also struck Y": the one attacker the story names."""
    text = (
        "Chadian warplanes bombed a rebel camp near Faya on Monday, officials said. "
        "The warplanes also struck rebel positions in the town of Zouar, residents said."
    )
    assert [("Chad", "Faya"), ("Chad", "Zouar")] == [slots(e) for e in strikes(text)]


def test_a_possessive_time_names_another_thing() -> None:
    """ "..., today's communique said": the day of the communique, not of the strike."""
    [event] = strikes("Chadian warplanes struck rebel depots near Faya, today's communique said.")
    assert event.date is None


def test_a_campaign_s_age_dates_its_start() -> None:
    """ "Five months of X air strikes": the month five months before publication (annotation note 23)."""
    [event] = strikes("Five months of Chadian air strikes have turned the war in the Tibesti region.")
    assert event.date is not None
    assert "2015-10" == event.date.isoformat()


def test_a_war_s_toll_is_not_the_strikes() -> None:
    """ "..., a war that has killed more than 250,000 people": the war's toll."""
    text = "Chadian air strikes hit the town of Faya on Monday in a war that has killed more than 250,000 people."
    [event] = strikes(text)
    assert event.killed is None


def test_a_time_opening_the_sentence_dates_its_strike() -> None:
    text = (
        "On Friday, at least 40 soldiers, allied fighters and insurgents were killed "
        "in heavy fighting and air strikes in Kidal province, the monitor reported."
    )
    [event] = strikes(text)
    assert event.date is not None
    assert "2016-03-04" == event.date.isoformat()


def test_launched_a_counted_number_of_strikes() -> None:
    """ "X carried out at least 12 raids on Y": the count between the verb and the noun."""
    [event] = strikes(
        "Kenyan jets carried out at least 12 raids on militant camps near Kismayo, officials said."
    )
    assert ("Kenya", "Kismayo") == slots(event)
    assert event.strikes is not None
    assert 12 == event.strikes.value


def test_an_unplaced_campaign_is_in_the_country_of_the_story_s_strikes() -> None:
    """The country the article's placed strikes are in, not a place it names more often (note 14)."""
    text = (
        "Ministers met in Paris on Monday. Paris hosted the talks, and Paris will host more of them. "
        "Libyan warplanes bombed a camp near Faya on Sunday. "
        "Libyan jets struck a depot near Abeche on Monday. "
        "Five months of Libyan air strikes have turned the war."
    )
    campaign = [e for e in strikes(text) if e.evidence is not None and "Five months" in e.evidence.text]
    assert [("Libya", "Chad")] == [slots(e) for e in campaign]


def test_a_campaign_is_not_the_strike_told_before_it() -> None:
    """A campaign and a specific strike of it are two events (annotation note 10)."""
    text = (
        "Militia fighters, backed by Libyan air strikes, retook the town of Faya on Monday. "
        "Libya joined the war four months ago with a campaign of air strikes against the rebels."
    )
    found = strikes(text)
    assert 2 == len(found)
    assert ["2016-03-07", "2015-11"] == [e.date.isoformat() for e in found if e.date is not None]


def test_aircraft_from_a_named_side_struck() -> None:
    """ "drones from the U.S.-led coalition had struck X": the aircraft's side may take several words."""
    text = "Army sources said on Sunday drones from the U.S.-led coalition had struck a depot in the town of Kirbel."
    [event] = strikes(text)
    assert ("U.S.-led coalition", "Kirbel") == slots(event)


def test_a_list_of_places_ends_at_a_word_of_another_clause() -> None:
    """ "in the town of A, drawing on intelligence from B": B is where the tip came from."""
    text = "Chadian jets struck a depot in the town of Faya on Sunday, drawing on intelligence from Abeche."
    assert [("Chad", "Faya")] == [slots(e) for e in strikes(text)]
    listed = "Chadian jets struck rebels in the town of Faya and in the oil-producing Salamat region."
    assert ["Faya", "Salamat"] == [slots(e)[1] for e in strikes(listed)]


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


def test_aircraft_obliterated_or_strafed() -> None:
    """ "X's drones obliterated a truck", "helicopters strafed a market": other verbs of an aircraft's attack."""
    found = strikes_may(
        "When Kenyan drones obliterated a truck carrying a rebel commander last month, talks stalled."
    )
    assert [("Kenya", "2016-04")] == [(e.attacker and e.attacker.name, str(e.date)) for e in found]
    found = strikes_may("Chadian helicopters strafed a market in the town of Faya on Monday.")
    assert [("Chad", "Faya", ("a market",))] == [
        (e.attacker and e.attacker.name, e.location and e.location.name, e.targets) for e in found
    ]


def test_a_drone_fired_a_missile_at_a_target() -> None:
    """ "a drone fired a missile at Y": the aircraft's weapon names the strike, Y is the target."""
    found = strikes_may("A Kenyan drone fired two missiles at a compound in the village of Tarso on Sunday.")
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
    found = strikes_may(
        "The monitor has reported 120 civilians killed in Aleppo since April 22 by intense air strikes."
    )
    assert ["2016-04-22"] == [str(e.date) for e in found]


def test_a_campaign_stated_by_the_attackers_entry_into_the_war() -> None:
    """ "X, which entered the war last year with an air campaign against Y": X's campaign, dated by the entry."""
    found = strikes_may(
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
        (e.attacker and e.attacker.name, str(e.date)) for e in strikes_may(text)
    ]


def test_merge_keeps_apart_what_the_type_says_are_two() -> None:
    """`merge(apart=...)`: mentions of one identity that the type's test keeps apart stay two events."""
    from newsevents.model import Actor
    from newsevents.parsing.merge import merge

    first = Airstrike(attacker=Actor.state("KE"))
    second = Airstrike(attacker=Actor.state("TD"))
    assert 1 == len(merge([first, second]))
    assert 2 == len(merge([first, second], apart=lambda a, b: a.attacker != b.attacker))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Army troops, backed by Kenyan air strikes, drove the militants out of Kismayo on Monday.", ("the militants",)),
        ("Militia fighters backed by Chadian air support on Sunday pounded rebel positions near Faya.", ("rebel positions",)),
        ("Soldiers backed by Kenyan air strikes were locked in fighting with insurgents near Kismayo.", ("insurgents",)),
        ("Faya has seen fighting between the militia, backed by Chadian air strikes, and rebel fighters.", ("rebel fighters",)),
    ],
)
def test_strikes_backing_a_ground_force_target_the_enemy_it_fights(text: str, targets: tuple[str, ...]) -> None:
    """Note 27: air strikes or air support behind a ground force target the enemy the sentence names."""
    [event] = strikes(text)
    assert targets == event.targets


def test_strikes_of_their_own_keep_their_targets_beside_a_ground_advance() -> None:
    [event] = strikes("Kenyan air strikes hit a rebel camp near Kismayo on Monday; troops then drove the militants out.")
    assert ("a rebel camp",) == event.targets


@pytest.mark.parametrize(
    ("text", "targets", "place"),
    [
        ("Chadian warplanes struck Sudan's oil platforms at Port Foo on Monday.", ("Sudan's oil platforms",), "Port Foo"),
        ("A Kenyan air strike on a Kismayo hospital killed 12 people on Monday.", ("a Kismayo hospital",), "Kismayo"),
        ("Kenyan air strikes hit the Kismayo district on Monday.", (), "Kismayo"),
        ("Kenyan jets struck Kismayo again on Monday.", (), "Kismayo"),
    ],
)
def test_a_place_before_the_thing_struck_is_part_of_the_target(
    text: str, targets: tuple[str, ...], place: str
) -> None:
    """Note 22: "Iran's oilfields", "an Aleppo hospital" name the thing hit; a place alone is no target."""
    [event] = strikes(text)
    assert (targets, place) == (event.targets, event.location and event.location.name)


def test_the_agent_of_a_passive_drop_is_not_a_target() -> None:
    [event] = strikes("Barrel bombs dropped by Sudan's army killed 12 people in Kadugli on Monday.")
    assert () == event.targets


def test_an_unplaced_campaign_is_in_the_country_of_the_city_the_story_is_about() -> None:
    """Note 24: a campaign with no place of its own is in a country, not the city the article names most."""
    text = (
        "Fighting raged around Kismayo on Monday. Aid workers fled Kismayo, and Kismayo's hospital closed. "
        "Kenya entered the war last year with a campaign of air strikes against the militants."
    )
    assert [("Kenya", "Somalia")] == [slots(e) for e in strikes(text)]


def test_a_coalition_s_strikes_with_no_place_are_not_in_the_state_that_leads_it() -> None:
    text = (
        "The United States sent advisers. The United States said the United States would stay. "
        "Fighting went on in Kismayo. Militants held Kismayo, and Kismayo was cut off. "
        "The militants gained ground despite months of U.S.-led air strikes."
    )
    assert ["Kismayo"] == [e.location.name for e in strikes(text) if e.location is not None]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Militia fighters backed by U.S.-led air strikes retook the town of Kirbel.", "United States"),
        ("Militia fighters backed by Saudi-led air strikes retook the town of Kirbel.", "Saudi Arabia"),
        (
            "A U.S.-led military coalition has backed the militia. "
            "Militia fighters backed by U.S.-led air strikes retook the town of Kirbel.",
            "U.S.-led coalition",
        ),
    ],
)
def test_x_led_strikes_are_the_leading_state_s_unless_the_coalition_is_named(text: str, attacker: str) -> None:
    """Note 15: "U.S.-led air strikes" with no coalition named in the article are the United States'."""
    assert [attacker] == [e.attacker.name for e in strikes(text) if e.attacker is not None]


def test_an_unattributed_strike_takes_the_side_the_story_names_most() -> None:
    """Note 8: with two sides, the one the story names at least twice as often flies the unattributed strikes."""
    text = (
        "Kenyan air strikes hit Kismayo on Monday. Kenyan air strikes hit Baidoa on Tuesday. "
        "An Ethiopian air strike hit Beledweyne on Wednesday. Air strikes continued on Afgoye on Thursday."
    )
    assert ["Kenya", "Kenya", "Ethiopia", "Kenya"] == attackers(text)


def test_two_sides_named_as_often_leave_an_unattributed_strike_without_attacker() -> None:
    text = (
        "Kenyan air strikes hit Kismayo on Monday. An Ethiopian air strike hit Beledweyne on Wednesday. "
        "Air strikes continued on Afgoye on Thursday."
    )
    assert ["Kenya", "Ethiopia", None] == attackers(text)


# Recall families found on the unannotated pool (each a construction of many articles, sentences written here)


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        # aircraft that support a ground force, with no strike verb
        (
            "Government troops backed by Chadian warplanes seized the town of Tal Haddad on Sunday.",
            "Chad",
            "Tal Haddad",
        ),
        (
            "The army has gained ground with the help of Chadian jets and allied militias near Kidal.",
            "Chad",
            "Kidal",
        ),
        (
            "Chadian warplanes backing Malian government forces pushed the rebels out of Kidal.",
            "Chad",
            "Kidal",
        ),
    ],
)
def test_aircraft_backing_a_ground_force(text: str, attacker: str, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)
    assert "airstrike.aircraft_backing" == event.evidence.rule  # type: ignore[union-attr]


def test_aircraft_supporting_a_rescue_is_no_strike() -> None:
    assert [] == strikes("Chadian helicopters supporting the rescue teams flew over Kidal on Sunday.")


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        (
            "A Maltese tanker was attacked from the air near the port of Tobruk on Monday, the ministry said.",
            None,
            "Tobruk",
        ),
        (
            "The militants in Kismayo have been under air assault from a U.S.-led coalition.",
            "U.S.-led coalition",
            "Kismayo",
        ),
    ],
)
def test_attacks_from_the_air(text: str, attacker: str | None, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)


def test_aid_dropped_from_the_air_is_no_strike() -> None:
    assert [] == strikes("Food and medicine were dropped from the air over Kismayo on Monday.")


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        (
            "Ethiopia stepped up its bombing in the Tigray region on Monday, aid workers said.",
            "Ethiopia",
            "Tigray",
        ),
        ("The rebels criticized Chad on Sunday for continuing with its bombing in Kidal.", "Chad", "Kidal"),
        ("The coalition stepped up its bombing campaign in Kidal.", "coalition", "Kidal"),
    ],
)
def test_a_states_bombing_named_by_its_owner(text: str, attacker: str, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)


def test_a_bombing_no_state_owns_is_no_strike() -> None:
    assert [] == strikes("The group called off its bombing in London after the truce.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the aircraft's errand as an infinitive
        (
            "Sudanese commanders sent helicopter gunships to pound rebel camps near Kadugli on Monday.",
            "Kadugli",
        ),
        # attack verbs of aircraft: rockets, shells from the air, gunfire
        ("Iraqi helicopters were rocketing militant positions near Kismayo on Monday.", "Kismayo"),
        ("Iraqi jets bombarded militant positions near Kismayo on Monday.", "Kismayo"),
        ("Iraqi helicopters opened fire on the intelligence headquarters in Kismayo on Monday.", "Kismayo"),
        # an aircraft of no known owner is no airliner when it hits something
        ("Unidentified planes hit the oilfield near Kismayo on Monday.", "Kismayo"),
    ],
)
def test_more_ways_aircraft_attack(text: str, place: str) -> None:
    assert [place] == places(text)


def test_weights_of_drones_are_no_attack() -> None:
    assert [] == strikes("The rule applies to drones that weigh between one pound and 55 pounds.")


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        # a state or a coalition as the subject of "bombing", active voice
        (
            "Ethiopia has been bombing rebel positions near Mekele since March 26, aid workers said.",
            "Ethiopia",
            "Mekele",
        ),
        ("Libyan forces are still bombing the airstrip near Faya, the minister said.", "Libya", "Faya"),
        (
            "The Kurds are allies of a U.S.-led coalition bombing militants in northern Iraq.",
            "U.S.-led coalition",
            "Iraq",
        ),
    ],
)
def test_a_state_or_coalition_bombing(text: str, attacker: str, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)


@pytest.mark.parametrize(
    "text",
    [
        "Suspected communist rebels bombed the Philippine Military Academy on Monday.",  # no state: militants
        "Palestinian militants have bombed a bus in Jerusalem.",
        "Britain was bombed by Germany in 1940.",  # the passive names the place struck
        "Syria has been bombed for years.",
    ],
)
def test_bombing_by_no_state_or_in_the_passive_is_not_read_so(text: str) -> None:
    assert "airstrike.state_bombing" not in {e.evidence.rule for e in strikes(text) if e.evidence is not None}


@pytest.mark.parametrize(
    ("text", "attacker", "place"),
    [
        # a state's "bombing of" or "bombardment of" a place or target, with no word for the air
        ("The Israeli bombardment of Gaza killed 40 people on Monday.", "Israel", "Gaza"),
        (
            "During the U.S. bombing of rebel targets in Libya last April, France closed its airspace.",
            "United States",
            "Libya",
        ),
    ],
)
def test_a_states_bombing_of_a_place(text: str, attacker: str, place: str) -> None:
    [event] = strikes(text)
    assert (attacker, place) == slots(event)


@pytest.mark.parametrize(
    "text",
    [
        "The 1998 bombing of the embassy in Nairobi killed more than 200 people.",  # a year, no state
        "The Libyan bombing is a thing of the past, the official said.",  # the state struck, no "of"
    ],
)
def test_a_bombing_with_no_state_before_it_is_no_strike(text: str) -> None:
    assert [] == strikes(text)


def test_two_tolls_are_two_strikes() -> None:
    # mentions of one place (here none) that state different tolls are two strikes, not one
    text = (
        "Drone strikes have been criticised by aid agencies. "
        "Officials said U.S. drone strikes killed 12 militants in 2014. "
        "Critics point to 2012 U.S. drone strikes that killed three farmers."
    )
    assert sorted(e.killed.value for e in strikes(text) if e.killed is not None) == [3, 12]


def test_a_campaign_with_its_start_is_not_a_counted_raid() -> None:
    # note 10: "began air strikes on June 4" is the campaign, "carried out 20 air strikes" one raid of it
    text = (
        "Earlier, the coalition carried out 20 air strikes in northern Mali. "
        "Rebels fired rockets across the border. "
        "The coalition began air strikes in Mali on June 4 against the rebels."
    )
    assert len(strikes(text)) == 2


def test_a_mention_dated_in_its_own_words_is_another_strike() -> None:
    # an undated strike told first; a later, unplaced mention with a day of its own is another one
    text = (
        "Russian air strikes have pounded the town of Saraqeb for weeks, residents said. "
        "The United Nations called for a ceasefire. "
        "Air strikes hit a bakery on Tuesday, the monitor said."
    )
    dates = sorted(str(e.date) for e in strikes(text))
    assert dates == ["2016-03-08", "None"]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        (
            "Air strikes destroyed a school in the Syrian town of Saraqeb, rescuers said. "
            "An opposition spokesman blamed the government for the air strikes.",
            "Syria",
        ),
        (
            "Air raids hit a clinic in Sanaa, killing four people. "
            "The rebels' leader condemned the attack, blaming the raids in Sanaa on Saudi jets.",
            "Saudi Arabia",
        ),
        # note 8: no source holds anyone responsible, so the attacker stays open
        (
            "Air strikes destroyed a school in the Syrian town of Saraqeb, rescuers said. "
            "An opposition spokesman blamed the government for the shortages.",
            None,
        ),
    ],
)
def test_the_side_a_source_blames_for_unattributed_strikes(text: str, attacker: str | None) -> None:
    # note 15: the attacker the text's source names, "the government" being the struck country's
    assert set(attackers(text)) == {attacker}


def test_strikes_by_a_state_and_its_allies_are_the_group_s() -> None:
    # note 26: a joint attacker is written as the text names the group
    text = "After weeks of air strikes by France and its allies, the rebels have left the town of Kidal."
    assert attackers(text) == ["France and its allies"]
