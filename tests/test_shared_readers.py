"""The shared readers of states, places, dates and fields (`state_words`, `place_phrases`, ...): any type may use them.

Every sentence here was written for the project.
"""

from __future__ import annotations

import datetime

from newsevents import PhoneCall
from newsevents.model import Actor, Evidence, PartialDate, Place
from newsevents.parsing.article import Article
from newsevents.parsing.event_fields import (
    different_states,
    evidence_start,
    fill,
    same_or_unknown,
    sentence_index,
)
from newsevents.parsing.listed_nouns import listed_nouns
from newsevents.parsing.mentions import view
from newsevents.parsing.nearby_dates import (
    TALKS,
    also_day,
    clause_date,
    compatible,
    later_date,
    own_statement,
    talked_on,
    time_spans,
)
from newsevents.parsing.patterns import Span
from newsevents.parsing.place_phrases import (
    article_main_place,
    by_name,
    holds_next,
    introduced,
    listed_before,
    lists_places,
    majority_country,
    places_of,
    reported_by,
    within_unnamed,
)
from newsevents.parsing.state_words import (
    coalition_named,
    is_country,
    led_coalition,
    seat_state,
    state_before,
    state_of,
    state_subject,
    the_country,
)
from newsevents.parsing.tokens import Token, tokenize

TUESDAY = datetime.date(2021, 6, 8)  # the published date of the dated examples


def at(text: str, word: str) -> tuple[list[Token], int]:
    """The tokens of a text and the index of the first token that is ``word``."""
    tokens = list(tokenize(text))
    return tokens, next(i for i, token in enumerate(tokens) if token.text == word)


# --------------------------------------------------------------------------- states


def test_states_and_coalitions_named_by_a_word() -> None:
    tokens, i = at("A Saudi-led coalition of ministers met in Riyadh.", "coalition")
    assert Actor.group("Saudi-led coalition") == led_coalition(tokens, i - 1) == coalition_named(tokens, i)
    tokens, i = at("An Arab coalition of donors pledged aid.", "coalition")
    assert Actor.group("Arab coalition") == coalition_named(tokens, i)
    tokens, i = at("The coalition pledged aid.", "coalition")
    assert coalition_named(tokens, i) is None
    tokens, i = at("French diplomats met German ones.", "French")
    assert Actor.state("FR") == state_of(tokens[i])
    assert state_of(tokens[i + 1]) is None
    tokens, i = at("Talks led by the United States resumed.", "United")
    assert Actor.state("US") == seat_state(tokens, i)
    tokens, i = at("Exports from the Netherlands grew.", "Netherlands")
    assert the_country(tokens, i)
    assert is_country(Place("France", country="FR"))
    assert not is_country(Place("Lyon", country="FR"))
    assert not is_country(None)


# --------------------------------------------------------------------------- places


def test_places_and_the_words_around_them() -> None:
    article = Article("Floods hit the town of Dhamar, the Red Crescent said, and relief reached Sanaa.")
    [sentence] = article.sentences
    spans = places_of(article, sentence, cues=frozenset({"hit", "reached"}))
    assert ["Dhamar", "Sanaa"] == [span.value.name for span in spans]
    assert spans is places_of(article, sentence, cues=frozenset({"hit", "reached"}))  # read once
    tokens = view(article, sentence).tokens
    assert introduced(tokens, spans[0].start, 0, {"hit"})
    assert not introduced(tokens, spans[1].start, 0, {"hit"})


def test_sources_containers_and_lists() -> None:
    tokens = list(tokenize("Clashes were reported in Aleppo, the Observatory said."))
    observatory = Span("PLACE", 7, 8, Place("Observatory"))
    assert reported_by(tokens, observatory)
    tokens = list(tokenize("Floods reached Syria's Idlib province and U.S.-led teams."))
    spans = [Span("PLACE", 2, 3, Place("Syria", country="SY")), Span("PLACE", 4, 6, Place("Idlib province"))]
    assert holds_next(tokens, spans[0], spans)
    assert not holds_next(tokens, spans[1], spans)
    assert Place("Idlib", country="SY") == by_name(spans[1].value, spans)
    assert lists_places(list(tokenize(", and the oil-producing")), {",", "and", "the"})
    assert not lists_places(list(tokenize(", and the oil-producing")))
    assert not lists_places(list(tokenize(", near")))
    assert lists_places(list(tokenize(", east of")), {",", "east", "of"})


def test_places_listed_before_their_country() -> None:
    tokens = list(tokenize("Depots at Marib and Jawf in Yemen flooded."))
    spans = [
        Span("PLACE", 2, 3, Place("Marib")),
        Span("PLACE", 4, 5, Place("Jawf")),
        Span("PLACE", 6, 7, Place("Yemen", country="YE")),
    ]
    before = [spans[0], spans[2]]  # the places a cue introduces: "at Marib", "in Yemen"
    assert ["Marib", "Jawf"] == [s.value.name for s in listed_before(tokens, before, spans)]
    assert ["Jawf"] == [s.value.name for s in listed_before(tokens, spans[:2], spans)]
    assert [] == listed_before(tokens, [], spans)


def test_a_place_that_holds_an_unnamed_one() -> None:
    tokens, i = at("A fire broke out in a village in Hama province.", "Hama")
    assert within_unnamed(tokens, i)
    tokens, i = at("A fire broke out in Hama.", "Hama")
    assert not within_unnamed(tokens, i)


def test_the_country_most_places_are_in_and_the_main_place() -> None:
    syria = [Place("Aleppo", country="SY"), Place("Homs", country="SY"), Place("Idlib", country="SY")]
    syria += [Place("Paris", country="FR"), None]
    assert Place("Syria", country="SY") == majority_country(syria)
    assert majority_country(syria, "SY") is None
    assert majority_country(syria[:1]) is None
    article = Article("Rain fell in Aleppo. Aleppo flooded. Roads in Aleppo closed, and Paris sent aid.")
    assert "Aleppo" == getattr(article_main_place(article), "name", None)
    assert article_main_place(article, "SY") is None


# --------------------------------------------------------------------------- dates


def test_a_time_later_in_the_clause() -> None:
    article = Article("A fire in the market killed two people on Saturday.", published=TUESDAY)
    [sentence] = article.sentences
    seen = view(article, sentence)
    assert PartialDate(2021, 6, 5) == later_date(article, sentence, seen.tokens, 3, len(seen.tokens))
    assert later_date(article, sentence, seen.tokens, 3, 3) is None
    assert 1 == len(time_spans(seen))
    said = Article("A fire killed two people, police said on Saturday.", published=TUESDAY)
    tokens = view(said, said.sentences[0]).tokens
    assert later_date(said, said.sentences[0], tokens, 1, len(tokens)) is None


def test_also_takes_the_day_things_also_happened_on() -> None:
    article = Article(
        "Protests were also held in the north on Sunday. Police also reported arrests.", published=TUESDAY
    )
    _first, second = article.sentences
    tokens = view(article, second).tokens
    assert PartialDate(2021, 6, 6) == also_day(article, second, tokens, 2)
    assert also_day(article, second, tokens, 1) is None  # no "also" before the word


def test_compatible_dates() -> None:
    assert compatible(PartialDate(2021, 6), PartialDate(2021, 6, 8))
    assert compatible(None, PartialDate(2021, 6, 8))
    assert not compatible(PartialDate(2021, 6, 7), PartialDate(2021, 6, 8))


# --------------------------------------------------------------------------- fields


def test_a_mention_fills_what_another_lacks() -> None:
    text = "The ministers spoke. They spoke from Geneva on Tuesday."
    article = Article(text, published=TUESDAY)
    first, second = article.sentences
    ana, ben = Actor.person("Ana Silva"), Actor.person("Ben Okoro")
    kept = PhoneCall(
        participants=(ana, ben), evidence=Evidence(first.text, first.start, first.end, rule="test.one")
    )
    other = PhoneCall(
        participants=(ana, ben),
        date=PartialDate(2021, 6, 8),
        location=Place("Geneva", country="CH"),
        evidence=Evidence(second.text, second.start, second.end, rule="test.two"),
    )
    dated = fill(kept, other, ("date",))
    assert PartialDate(2021, 6, 8) == dated.date
    assert dated.location is None
    assert Place("Geneva", country="CH") == fill(kept, other, (), replace=("location",)).location
    assert kept is fill(kept, kept, ("date",))
    assert 0 == evidence_start(kept)
    assert -1 == evidence_start(PhoneCall(participants=(ana, ben)))
    assert 1 == sentence_index(article, other)
    assert same_or_unknown(ana, None)
    assert same_or_unknown(ana, ana)
    assert not same_or_unknown(ana, ben)


def test_two_states_are_different() -> None:
    assert different_states(Actor.state("FR"), Actor.state("DE"))
    assert not different_states(Actor.state("FR"), Actor.state("FR"))
    assert not different_states(Actor.state("FR"), Actor.group("coalition"))
    assert not different_states(Actor.state("FR"), None)


def test_the_state_named_before_a_noun() -> None:
    modifiers = {"a", "the", "suspected", "naval"}
    tokens, i = at("A suspected French naval convoy sailed.", "convoy")
    assert Actor.state("FR") == state_before(tokens, i, modifiers)
    tokens, i = at("Syrian and Russian convoys met.", "convoys")
    assert Actor.state("SY") == state_before(tokens, i, modifiers)
    tokens, i = at("Norway's convoy sailed.", "convoy")
    assert Actor.state("NO") == state_before(tokens, i, modifiers)
    tokens, i = at("The coalition convoy sailed.", "convoy")
    assert Actor.group("coalition") == state_before(tokens, i, modifiers)
    tokens, i = at("Aid for the Yemen floods arrived.", "floods")
    assert state_before(tokens, i, modifiers) is None
    tokens, i = at("A large French convoy sailed.", "convoy")
    assert Actor.state("FR") == state_before(tokens, i, modifiers | {"large"})
    assert state_before(tokens, i, set()) is not None  # "French" is right before the noun


# --------------------------------------------------------------------------- lists of nouns


def test_nouns_listed_after_a_word() -> None:
    tokens = list(tokenize("Floods hit a market, a school and a clinic on Monday."))
    stops = {"on"}
    assert ("a market", "a school", "a clinic") == listed_nouns(tokens, 2, stops=stops)
    assert ("a market",) == listed_nouns(tokens, 2, stops=stops, ends={5})
    assert () == listed_nouns(tokens, 2, stops=stops, refuse={3})
    assert () == listed_nouns(list(tokenize("It hit 12 homes.")), 2, stops=stops)
    assert ("the bridge",) == listed_nouns(list(tokenize("It hit the bridge. Then")), 2, stops=stops)


def test_the_state_whose_act_a_noun_is() -> None:
    verbs = {"sent", "sends"}
    tokens, i = at("Norway has sent ships to the strait.", "ships")
    assert Actor.state("NO") == state_subject(tokens, i, i + 1, verbs)
    tokens, i = at("The crisis prompted an Arab coalition to send ships.", "ships")
    assert Actor.group("Arab coalition") == state_subject(tokens, i, i + 1, verbs, "send")
    assert state_subject(tokens, i, i + 1, verbs) is None  # no verb of its own, no "its"
    tokens, i = at("Denmark said its ships sailed on Monday.", "ships")
    assert Actor.state("DK") == state_subject(tokens, i, i + 1, verbs)
    tokens, i = at("Norway's ally sent ships.", "ships")
    assert state_subject(tokens, i, i + 1, verbs) is None  # a possessor is not the subject


def test_the_date_of_a_clause_its_sentence_s_opening_or_its_statement() -> None:
    """A time in the clause, else one opening the sentence, else the day of a statement the clause continues."""
    published = datetime.date(2024, 5, 9)  # a Thursday
    article = Article(
        "Ana Silva asked Hans Weber on Monday to sign the lease. "
        "Shortly after the flood in 2021, Lena Park urged the council to act. "
        "The union said on Tuesday, urging the board to reopen the plant. "
        "Lena Park urged the board to act, she said on Wednesday.",
        published=published,
    )
    first, second, third, fourth = article.sentences
    assert "2024-05-06" == str(clause_date(article, first, 2, 4))
    assert "2021" == str(clause_date(article, second, 9, 10))
    assert clause_date(article, second, 9, 10, opening=False) is None
    assert "2024-05-07" == str(clause_date(article, third, 6, 8))
    assert "2024-05-08" == str(clause_date(article, fourth, 2, 4))


def test_a_statement_s_own_day_and_a_day_tied_to_a_conversation() -> None:
    published = datetime.date(2024, 5, 9)
    article = Article("Monday's phone call went well. The mayor spoke, it said.", published=published)
    tokens = view(article, article.sentences[1]).tokens
    assert own_statement(tokens, 2)
    assert not own_statement(tokens[:3], 0)
    assert talked_on(article, PartialDate(2024, 5, 6))
    assert not talked_on(article, PartialDate(2024, 5, 7))
    assert "call" in TALKS
