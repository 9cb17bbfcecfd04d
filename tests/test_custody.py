"""The shared reader of where people are held and for what (`custody`): any type may use it.

Every sentence here was written for the project.
"""

from __future__ import annotations

from newsevents.model import Actor
from newsevents.parsing.article import Article
from newsevents.parsing.custody import Custody, held_for, held_in, held_state


def test_the_states_a_sentence_says_someone_is_held_in() -> None:
    """ "detained in Iran" and "a Turkish court" hold; a state named for another reason does not."""
    article = Article(
        "The engineer has been detained in Iran since May. A Turkish court refused bail. "
        "Ana Silva flew to France on Monday."
    )
    first, second, third = article.sentences
    assert ["IR"] == list(held_in(article, first))
    assert ["TR"] == list(held_in(article, second))
    assert [] == list(held_in(article, third))


def test_the_state_holding_a_person() -> None:
    """The sentences naming the person say where; another state of the article does not count."""
    article = Article(
        "Ana Silva met Hans Weber in Paris last year. "
        "Hans Weber has been jailed in Egypt since March. "
        "His family lives in Germany."
    )
    assert "Egypt" == getattr(held_state(article, Actor.person("Hans Weber"), exclude=()), "name", None)
    assert held_state(article, Actor.person("Hans Weber"), exclude={"EG"}) is None


def test_the_state_holding_a_group_is_the_one_the_article_says_holds_people() -> None:
    article = Article("Dozens of students were arrested in Turkey. The rector spoke on Monday.")
    assert "Turkey" == getattr(held_state(article, Actor.group("students"), exclude=()), "name", None)


def test_what_a_person_is_held_for_in_the_text_s_words() -> None:
    """The offence after "jailed for" in a sentence naming them; a term or an excluded word is none."""
    article = Article(
        "Friends of Ana Silva gathered on Monday. Ana Silva was jailed for spying in 2019. "
        "Hans Weber was jailed for five years. Lena Park was held for questioning."
    )
    first = article.sentences[0]
    assert "spying" == held_for(article, first, Actor.person("Ana Silva"))
    assert held_for(article, first, Actor.person("Hans Weber")) is None
    assert "questioning" == held_for(article, first, Actor.person("Lena Park"))
    assert held_for(article, first, Actor.person("Lena Park"), not_offences={"questioning"}) is None


def test_the_people_named_where_someone_is_held() -> None:
    article = Article("Ana Silva spoke on Monday. Hans Weber was arrested in Lyon.")
    custody = Custody.of(article)
    assert custody is Custody.of(article)
    assert [(1, "Hans Weber")] == custody.held_people()
    assert [1] == custody.about(Actor.person("Hans Weber"))
