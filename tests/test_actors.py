"""Tests for newsevents.parsing.actors: countries, names, titles and coreference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import ActorKind
from newsevents.parsing.actors import Cast, country_code, country_of, is_demonym, title_groups
from newsevents.parsing.article import Article


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Russia", "RU"),
        ("Russian", "RU"),
        ("the U.S.", "US"),
        ("South Korea's", "KR"),
        ("Saudi Arabian", "SA"),
        ("Iran, Islamic Republic of", "IR"),
        ("Britain", "GB"),
        ("Moscow", None),
        ("", None),
    ],
)
def test_country_code_reads_names_aliases_and_demonyms(word: str, code: str | None) -> None:
    """Names, ISO names, aliases and demonyms give the ISO code; anything else None."""
    assert code == country_code(word)


def test_country_of_finds_the_first_country_in_a_phrase() -> None:
    """ "Russian warplanes" names Russia; a phrase without a country gives None."""
    assert "RU" == country_of("Russian warplanes")
    assert country_of("warplanes over the city") is None


def test_demonyms_are_told_from_names() -> None:
    """ "Russian" is a demonym, "Russia" and "U.S." are names."""
    assert is_demonym("Russian")
    assert not is_demonym("U.S.")


def test_title_groups() -> None:
    """Titles map to role groups used by anaphors ("the premier")."""
    assert "premier" == title_groups("Prime Minister")
    assert title_groups("Plumber") is None


def test_seed_coreference(seed_text: str) -> None:
    """Surnames, "the premier" and "the Russian leader" resolve to the full names in the seed."""
    article = Article(seed_text)
    cast = Cast.for_article(article)
    netanyahu = cast.person("Netanyahu")
    putin = cast.person("Putin")
    assert netanyahu is not None
    assert "Benjamin Netanyahu" == netanyahu.name
    assert "Prime Minister" == netanyahu.title
    assert putin is not None
    assert "Vladimir Putin" == putin.name
    assert "RU" == putin.country
    premier = cast.resolve("the premier")
    leader = cast.resolve("the Russian leader")
    assert premier is not None
    assert "Benjamin Netanyahu" == premier.name
    assert leader is not None
    assert "Vladimir Putin" == leader.name
    issachar = cast.resolve("Issachar")
    assert issachar is not None
    assert "Naama Issachar" == issachar.name


def test_mentions_in_a_sentence_resolve_people_and_states(seed_text: str) -> None:
    """The lede's mentions are Netanyahu (by name), Russia (a demonym) and Putin, in order."""
    article = Article(seed_text)
    cast = Cast.for_article(article)
    mentions = cast.mentions(article.sentences[0])
    assert ["Benjamin Netanyahu", "Russia", "Vladimir Putin"] == [m.actor.name for m in mentions][:3]
    assert all(article.text[m.start : m.end] == m.text for m in mentions)


def test_titles_and_apposition_give_titles_and_countries() -> None:
    """ "King Salman of Saudi Arabia" and "his Iranian counterpart, Mohammad Javad Zarif" are read."""
    article = Article(
        "President Obama spoke with King Salman of Saudi Arabia. "
        "U.S. Secretary of State John Kerry met his Iranian counterpart, Mohammad Javad Zarif, on Monday."
    )
    cast = Cast.for_article(article)
    salman = cast.person("Salman")
    zarif = cast.person("Zarif")
    kerry = cast.person("Kerry")
    assert salman is not None
    assert "SA" == salman.country
    assert "King" == salman.title
    assert zarif is not None
    assert "IR" == zarif.country
    assert kerry is not None
    assert "John Kerry" == kerry.name
    assert "US" == kerry.country


def test_states_and_seats_of_government_are_state_actors() -> None:
    """ "Russia" and "the Kremlin" resolve to the state Russia, named by its short name."""
    cast = Cast.for_article(Article("The Kremlin said Russia would respond."))
    kremlin = cast.resolve("the Kremlin")
    assert kremlin is not None
    assert ActorKind.COUNTRY is kremlin.kind
    assert "Russia" == kremlin.name


def test_organisations_are_recognised() -> None:
    """A capitalised name with an organisation word is an organisation, not a person."""
    article = Article("Reporters Without Borders urged Bahrain to act.")
    mentions = Cast.for_article(article).mentions(article.sentences[0])
    assert ("Reporters Without Borders", ActorKind.ORGANIZATION) == (
        mentions[0].actor.name,
        mentions[0].actor.kind,
    )


def test_pronouns_resolve_to_the_last_person_named() -> None:
    """ "she" refers to the last person named before it, skipping excluded people."""
    text = "Naama Issachar was held in Moscow. She was sentenced in October."
    article = Article(text)
    cast = Cast.for_article(article)
    she = cast.resolve("She", at=text.index("She"))
    assert she is not None
    assert "Naama Issachar" == she.name


def test_unknown_phrases_resolve_to_none() -> None:
    """A phrase naming nobody the article knows gives None rather than a guess."""
    cast = Cast.for_article(Article("Nothing happened here."))
    assert cast.resolve("the premier") is None
    assert cast.resolve("") is None


@given(st.text(max_size=300))
def test_cast_never_fails_and_mentions_are_exact(text: str) -> None:
    """For any text, the cast builds and every mention is the exact text at its offsets."""
    article = Article(text)
    cast = Cast.for_article(article)
    for sentence in article.sentences:
        for mention in cast.mentions(sentence):
            assert text[mention.start : mention.end] == mention.text


# --------------------------------------------------------------------------- places, modifiers, genders


@pytest.mark.parametrize(
    ("text", "not_people"),
    [
        ("Syrian government warplanes struck Khan Sheikhoun on Tuesday.", {"Khan Sheikhoun"}),
        ("Imprisoned WikiLeaks founder Julian Assange spoke on Monday.", {"Imprisoned WikiLeaks"}),
        ("Residents of Deir Ezzor fled on Monday.", {"Deir Ezzor"}),
        ("Kurdish Peshmerga fighters advanced on Mosul.", {"Kurdish Peshmerga"}),
        ("Speaking Tuesday, President Barack Obama said the deal was good.", {"Speaking Tuesday"}),
        ("Protesters gathered in Tel Aviv on Saturday.", {"Tel Aviv"}),
        ("Black Lives Matter activists marched on Sunday.", {"Black Lives Matter"}),
        ("Jailed Kremlin critic Alexei Navalny spoke.", {"Jailed Kremlin"}),
    ],
)
def test_places_and_sentence_openers_are_not_people(text: str, not_people: set[str]) -> None:
    """Capitalised place names and sentence-opening adjectives are not read as people."""
    names = {person.name for person in Cast.for_article(Article(text)).people}
    assert not (names & not_people)


def test_genders_come_only_from_the_text() -> None:
    """A pronoun after a reporting verb or an honorific shows a person's gender; nothing else is guessed."""
    text = (
        "Ukrainian President Petro Poroshenko said he would fly to Moscow. Ms Savchenko, a pilot, and "
        "Nadiya Savchenko's lawyer Mark Feygin spoke. Nikolai Ivanov was there."
    )
    genders = Cast.for_article(Article(text)).genders()
    assert "m" == genders.get("Petro Poroshenko")
    assert "f" == genders.get("Nadiya Savchenko")
    assert "Nikolai Ivanov" not in genders


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Detained American Kevin Garratt spoke on Monday.", "Kevin Garratt"),
        ("Jailed Saudi Blogger Raif Badawi spoke on Monday.", "Raif Badawi"),
        ("Fellow Republican Ted Cruz spoke on Monday.", "Ted Cruz"),
        ("New York Governor Andrew Cuomo spoke on Monday.", "Andrew Cuomo"),
        ("Former Springfield Governor Hans Weber spoke on Monday.", "Hans Weber"),  # a modifier title first
        ("Army Private Chelsea Manning spoke on Monday.", "Chelsea Manning"),
        ("Imprisoned WikiLeaks founder Julian Assange spoke on Monday.", "Julian Assange"),
    ],
)
def test_the_name_starts_after_its_modifiers(text: str, person: str) -> None:
    """Words before a name (a participle, a state, a party, a place with a title) are not part of it."""
    assert [person] == [p.name for p in Cast.for_article(Article(text)).people]


def test_a_surname_before_the_full_name_is_that_person() -> None:
    """ "Weber said he had phoned X. ... Hans Weber, the party leader": the surname is Hans Weber."""
    text = (
        "Weber said he had phoned Ana Silva on Monday. Later Weber flew home. "
        "Hans Weber, the party leader, declined to say more."
    )
    article = Article(text)
    cast = Cast.for_article(article)
    for sentence in article.sentences[:2]:
        people = [m.actor.name for m in cast.mentions(sentence) if m.actor.kind is ActorKind.PERSON]
        assert "Hans Weber" in people, sentence.text


@pytest.mark.parametrize(
    "text",
    [
        "Weber spoke by phone with Ana Silva on Monday.",  # a surname never given in full
        "Jordan phoned Ana Silva on Monday. Eva Jordan, her aide, confirmed it.",  # a state first
        "Police phoned Ana Silva on Monday. The Metropolitan Police confirmed it.",  # an organisation
        "Gaza was quiet on Monday. Ana Silva travelled to Gaza City.",  # a place
    ],
)
def test_a_lone_capitalised_word_not_named_in_full_later_is_no_person(text: str) -> None:
    """A lone word becomes a person only when the article later names that person in full."""
    article = Article(text)
    cast = Cast.for_article(article)
    first = article.sentences[0]
    people = [m.text for m in cast.mentions(first) if m.actor.kind is ActorKind.PERSON]
    assert people in ([], ["Ana Silva"]), people
