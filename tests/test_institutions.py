"""The shared institutions: a body a sentence names with a place, and the place's country."""

from __future__ import annotations

from newsevents.parsing.institutions import institution
from newsevents.parsing.tokens import tokenize

NOUNS = frozenset({"police", "ministry", "commission"})
NAMED = ("ministry", "commission")
QUALIFIED = {"commission": frozenset({"electoral"})}


def _read(text: str) -> tuple[str | None, str | None]:
    return institution(tokenize(text), NOUNS, named=NAMED, qualified=QUALIFIED)


def test_a_place_before_or_after_the_noun_gives_the_country() -> None:
    """ "a Moscow police unit" is in Russia, "the police in Nairobi" in Kenya; neither is a name."""
    assert (None, "RU") == _read("A Moscow police unit detained him.")
    assert (None, "KE") == _read("He was questioned by the police in Nairobi.")


def test_a_capitalised_noun_of_the_named_list_gives_the_name() -> None:
    """ "the French Foreign Ministry" is named and placed; "the Ministry of Health" is named only."""
    assert ("French Foreign Ministry", "FR") == _read("A statement by the French Foreign Ministry followed.")
    assert ("Ministry of Health", None) == _read("The statement came from the Ministry of Health.")


def test_international_bodies_and_qualified_nouns() -> None:
    """ "international police" are in no country; a "commission" counts only after its qualifier."""
    assert (None, "") == _read("He was handed to international police in Lyon.")
    assert (None, None) == _read("The Moscow commission met.")
    assert ("Electoral Commission", None) == _read("The statement of the Electoral Commission was read.")
    assert (None, None) == _read("Nobody came.")


def test_the_countries_of_an_articles_institutions_and_the_nearest_one() -> None:
    """Each sentence's institution country, read once; a sentence naming none takes the nearest one named."""
    from newsevents.parsing.article import Article
    from newsevents.parsing.institutions import institution_countries, nearest_country

    article = Article(
        "A Lyon ministry spoke. The talks were short. The ministry in Lagos spoke. Talks ended."
    )
    countries = institution_countries(article, ("ministr",), NOUNS, named=(), qualified=QUALIFIED)
    assert {0: "FR", 2: "NG"} == countries
    assert countries is institution_countries(article, ("ministr",), NOUNS, named=(), qualified=QUALIFIED)
    assert ["FR", "NG"] == [nearest_country(article, article.sentences[n], countries, ()) for n in (1, 3)]
    article = Article("The reporter was held in Iran for a year. Nobody spoke.")
    assert "IR" == nearest_country(article, article.sentences[1], {}, {"held"})
