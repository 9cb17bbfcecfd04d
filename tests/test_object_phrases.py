"""The shared reader of whom the words after a verb name (`object_phrases`): any type may use it.

Every sentence here was written for the project.
"""

from __future__ import annotations

import newsevents
from newsevents.model import Actor, ActorKind
from newsevents.parsing.article import Article
from newsevents.parsing.engine import Found, Spec
from newsevents.parsing.mentions import view
from newsevents.parsing.object_phrases import (
    actor_after,
    named_object,
    near_person,
    object_end,
    people_object,
    possessor,
    salient_near,
)
from newsevents.parsing.patterns import Match


def _found(text: str, anchor_word: str) -> Found:
    """A match of one word in the last sentence of ``text``."""
    article = Article(text)
    sentence = article.sentences[-1]
    seen = view(article, sentence)
    anchor = next(token.index for token in seen.tokens if token.lower == anchor_word)
    match = Match(None, None, anchor, anchor + 1, {}, anchor)  # type: ignore[arg-type]
    return Found(article, sentence, seen, match, Spec(newsevents.PhoneCall, "none", lambda found: ()))


def _after(found: Found) -> tuple[int, int]:
    start = found.match.end
    return start, object_end(found.view.tokens, start)


def test_the_phrase_after_a_verb_ends_before_a_preposition_or_a_mark() -> None:
    found = _found("The union urged the board to free Ana Silva from prison.", "free")
    start, end = _after(found)
    assert ["Ana", "Silva"] == [token.text for token in found.view.tokens[start:end]]
    assert start + 2 == object_end(found.view.tokens, start, reach=2)


def test_a_name_after_the_verb_is_the_person() -> None:
    found = _found("The union urged the board to free Ana Silva from prison.", "free")
    actor = people_object(found, *_after(found), speaks_for=None, exclude=())
    assert actor is not None
    assert ("Ana Silva", ActorKind.PERSON) == (actor.name, actor.kind)


def test_a_pronoun_is_the_person_named_before_and_kin_the_one_spoken_for() -> None:
    found = _found("Hans Weber was arrested in May. The union asked the board to free him.", "free")
    actor = people_object(found, *_after(found), speaks_for=None, exclude=())
    assert actor is not None
    assert "Hans Weber" == actor.name
    found = _found("The teacher asked the board to free her son.", "free")
    spoken_for = Actor.person("Lena Park")
    assert spoken_for == people_object(found, *_after(found), speaks_for=spoken_for, exclude=())


def test_a_plural_description_is_a_group_and_a_thing_is_no_one() -> None:
    found = _found("The union asked the board to free two aid workers.", "free")
    actor = people_object(found, *_after(found), speaks_for=None, exclude=())
    assert actor is not None
    assert ("two aid workers", ActorKind.GROUP) == (actor.name, actor.kind)
    found = _found("The union asked the board to free the funds.", "free")
    assert people_object(found, *_after(found), speaks_for=None, exclude=()) is None


def test_whose_a_noun_is() -> None:
    found = _found("The union asked for the sailors' release.", "for")
    words = found.view.tokens[found.match.end : found.match.end + 3]
    actor = possessor(found, words, speaks_for=None, exclude=())
    assert actor is not None
    assert ("sailors", ActorKind.GROUP) == (actor.name, actor.kind)
    assert possessor(found, (), speaks_for=None, exclude=()) is None


def test_a_capital_after_a_verb_is_its_state() -> None:
    found = _found("The union urged Moscow to free the sailors.", "urged")
    assert [Actor.state("RU")] == named_object(found, found.match.end, found.match.end + 3)
    found = _found("The union urged Chavez's heirs to act.", "urged")
    assert [] == named_object(found, found.match.end, found.match.end + 3)


def test_the_person_the_passage_is_about() -> None:
    text = (
        "Hans Weber was arrested in May. Hans Weber denies the charges. Ana Silva spoke on Monday. "
        "Friends called for his release."
    )
    found = _found(text, "called")
    assert "Hans Weber" == getattr(salient_near(found, ()), "name", None)
    assert "Ana Silva" == getattr(salient_near(found, {"Hans Weber"}), "name", None)
    assert "Hans Weber" == getattr(near_person(found, ()), "name", None)


def test_the_actor_named_after_from_or_to() -> None:
    """A known actor after "from" or "to"; capitalised words after a ``titled`` word are a body; a comma ends it."""
    found = _found("The union sought help from the French government on Monday.", "sought")
    assert Actor.state("FR") == actor_after(found, found.match.end, ("from", "to"))
    found = _found("The union sought help from Interpol on Monday.", "sought")
    assert actor_after(found, found.match.end, ("from",)) is None
    body = actor_after(found, found.match.end, ("from",), titled=("from",))
    assert body is not None
    assert ("Interpol", ActorKind.ORGANIZATION) == (body.name, body.kind)
    found = _found("The union sought help, and a letter went to France.", "sought")
    assert actor_after(found, found.match.end, ("to",)) is None
